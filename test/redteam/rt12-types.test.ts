// TypeScript consumers of the BUILT package's new receiver entries, under every moduleResolution the README names
// (nodenext ESM and CJS, bundler, node16 CJS, node10 through typesVersions): values and types import, the receivers'
// types are precise (a wrong use is a compile error), and a receiver entry's errors are the root entry's error types.
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtApp, ROOT } from './rt12-build.ts';

let app = '';
beforeAll(async () => {
  app = await builtApp();
}, 240_000);

const CONSUMER = `
import { parseFastriverCallback, fastriverCallbackHandler, fastriverCallbackListener, type FastriverCallback, type CallbackListener } from 'delivery-api-clients/fastriver/callbacks';
import { parseDilovodWebhook, dilovodWebhookHandler, dilovodWebhookListener, WebhookSourceError, DILOVOD_WEBHOOK_IPS, type DilovodWebhookEvent } from 'delivery-api-clients/dilovod/webhooks';
import { DecodeError, SdkError } from 'delivery-api-clients';
import { DecodeError as FastriverDecodeError, createFastriverClient } from 'delivery-api-clients/fastriver';

export function use(body: string, error: unknown) {
  const event: FastriverCallback = parseFastriverCallback(body);
  const uuid: string = event.delivery_request_uuid;
  if (event.known) {
    const name: 'delivered' | string = event.event;
    void name;
  } else {
    const payload: Record<string, unknown> = event.payload;
    void payload;
  }
  const listener: CallbackListener = (e) => void e.delivery_request_uuid.toUpperCase();
  const handler = fastriverCallbackHandler(listener);
  const node = fastriverCallbackListener(listener, { maxBodyBytes: 1024 });
  const hook: DilovodWebhookEvent = parseDilovodWebhook('/?packet=1', { remoteAddress: '88.198.50.253' });
  const id: string = hook.params.id;
  const ips: readonly string[] = DILOVOD_WEBHOOK_IPS;
  const wh = dilovodWebhookHandler(async (e) => void e.params.objectName, { allowedIps: ips });
  const wl = dilovodWebhookListener(() => undefined);
  if (error instanceof WebhookSourceError) {
    const d: DecodeError = error;
    const f: FastriverDecodeError = error;
    const s: SdkError = error;
    const path: string = error.path;
    void d, f, s, path;
  }
  // @ts-expect-error: the event is not a number
  const wrong: number = parseFastriverCallback(body);
  // @ts-expect-error: a check needs remoteAddress
  parseDilovodWebhook('/', {});
  // @ts-expect-error: a listener takes a FastriverCallback, not a number
  fastriverCallbackHandler((n: number) => void n);
  void createFastriverClient, uuid, handler, node, id, wh, wl, wrong;
}
`;

const SETUPS: Array<{ name: string; type: 'module' | 'commonjs'; file: string; options: Record<string, unknown> }> = [
  { name: 'nodenext-esm', type: 'module', file: 'consumer.mts', options: { module: 'nodenext', moduleResolution: 'nodenext' } },
  { name: 'nodenext-cjs', type: 'module', file: 'consumer.cts', options: { module: 'nodenext', moduleResolution: 'nodenext' } },
  { name: 'node16-cjs', type: 'commonjs', file: 'consumer.ts', options: { module: 'node16', moduleResolution: 'node16' } },
  { name: 'bundler', type: 'module', file: 'consumer.ts', options: { module: 'esnext', moduleResolution: 'bundler' } },
  { name: 'node10', type: 'commonjs', file: 'consumer.ts', options: { module: 'commonjs', moduleResolution: 'node10'} },
];

// README: the handlers are "fetch-style: workers, Deno, Bun". Those runtimes call a handler with a second argument of
// their own (Deno.serve: ServeHandlerInfo; Bun.serve's fetch: the Server; a Worker's fetch: env and ctx), or none.
const RUNTIMES = `
import { fastriverCallbackHandler } from 'delivery-api-clients/fastriver/callbacks';
import { dilovodWebhookHandler } from 'delivery-api-clients/dilovod/webhooks';
type DenoServeHandler = (request: Request, info: { remoteAddr: { transport: 'tcp'; hostname: string; port: number }; completed: Promise<void> }) => Response | Promise<Response>;
type WorkerFetch = (request: Request, env: Record<string, unknown>, ctx: { waitUntil(promise: Promise<unknown>): void }) => Response | Promise<Response>;
type PlainFetch = (request: Request) => Response | Promise<Response>;
export const deno: DenoServeHandler = fastriverCallbackHandler(() => undefined);
export const worker: WorkerFetch = fastriverCallbackHandler(() => undefined);
export const plain: PlainFetch = fastriverCallbackHandler(() => undefined);
export const call = (request: Request) => fastriverCallbackHandler(() => undefined)(request);
// Dilovod's needs the source address: a wrapper is expected, but the types must say so.
export const denoDilovod: DenoServeHandler = (request, info) => dilovodWebhookHandler(() => undefined)(request, info.remoteAddr.hostname);
`;

describe('the fetch-style handlers fit the fetch runtimes README names (types)', () => {
  it('fastriverCallbackHandler(...) can be given to Deno.serve, a Worker fetch or called with the Request alone', () => {
    const dir = join(app, 'ts-runtimes');
    mkdirSync(join(dir, 'node_modules/@types'), { recursive: true });
    symlinkSync(join(app, 'node_modules/delivery-api-clients'), join(dir, 'node_modules/delivery-api-clients'));
    symlinkSync(join(ROOT, 'node_modules/openapi-fetch'), join(dir, 'node_modules/openapi-fetch'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'rt12-runtimes', private: true, type: 'module' }));
    writeFileSync(join(dir, 'handlers.ts'), RUNTIMES);
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'esnext', moduleResolution: 'bundler', target: 'es2022', lib: ['es2022', 'dom'], strict: true, noEmit: true, types: [] }, files: ['handlers.ts'] }));
    const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('TypeScript consumers of the receiver entries', () => {
  for (const setup of SETUPS) {
    it(`${setup.name}: values and types of fastriver/callbacks and dilovod/webhooks type-check, wrong uses do not`, () => {
      const dir = join(app, `ts-${setup.name}`);
      mkdirSync(join(dir, 'node_modules/@types'), { recursive: true });
      symlinkSync(join(app, 'node_modules/delivery-api-clients'), join(dir, 'node_modules/delivery-api-clients'));
      symlinkSync(join(ROOT, 'node_modules/openapi-fetch'), join(dir, 'node_modules/openapi-fetch'));
      symlinkSync(join(ROOT, 'node_modules/@types/node'), join(dir, 'node_modules/@types/node'));
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `rt12-${setup.name}`, private: true, type: setup.type }));
      writeFileSync(join(dir, setup.file), CONSUMER);
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { ...setup.options, target: 'es2022', lib: ['es2022', 'dom'], strict: true, noEmit: true, skipLibCheck: false, types: ['node'] }, files: [setup.file] }));
      const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
      expect(result.stdout + result.stderr).toBe('');
      expect(result.status).toBe(0);
    });
  }
});
