// Attack: the README's examples as a USER runs them: against the installed tarball (not ./src), as ESM and as
// CommonJS, through the real mocks (T-Bank downloadDocument, Fastriver uploads, Dellin json AND xml, Dilovod, Yandex
// Fleet). A lazy load that fails in one format, a missing export, or an entry that differs between the two builds
// shows up here. Then the same blocks type-checked by tsc against the installed package (nodenext, node16, bundler).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockHost, type MockHost } from '../../mocks/host.ts';
import { BIN, copyApp, installedApp, ROOT } from './rt8-pack.ts';

const PORTS: Record<string, string> = { 'tbank-delivery': '4010', fastriver: '4011', dellin: '4012', dilovod: '4013', 'yandex-fleet': '4014' };
let host: MockHost;
let dir = '';
const blocks: { name: string; code: string }[] = [];

beforeAll(async () => {
  await installedApp();
  dir = copyApp('readme');
  host = await startMockHost({ port: () => 0 });
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  for (const m of readme.matchAll(/```ts\n(\/\/ example: ([^\n—]+?) — [^\n]*\n[\s\S]*?)```/g)) {
    const name = m[2]!.trim();
    let code = m[1]!;
    if (code.includes('./mocks/') || name.startsWith('redis')) continue; // needs the clone's mock admin client / a Redis
    code = code.replace(/'\.\/src\/core\/index\.ts'/g, "'delivery-api-clients'").replace(/'\.\/src\/([a-z-]+)\/(index|node|callbacks|webhooks)\.ts'/g, (_m, api, file) => `'delivery-api-clients/${api}${file === 'index' ? '' : `/${file}`}'`);
    for (const server of host.servers) code = code.replaceAll(`http://127.0.0.1:${PORTS[server.api]}`, server.url);
    code = code.replaceAll("'mocks/fixtures/", `'${ROOT}/mocks/fixtures/`);
    blocks.push({ name, code });
  }
}, 240_000);
afterAll(async () => {
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

function toEsm(ts: string) {
  return transformSync(ts, { loader: 'ts', format: 'esm', target: 'es2022' }).code;
}
function toCjs(ts: string) {
  // imports → require, the top-level awaits inside an async function (CommonJS has no top-level await)
  const esm = toEsm(ts);
  const body = esm.replace(/import \{([^}]*)\} from ("[^"]*");/g, (_m, names: string, spec: string) => `const {${names.replace(/\bas\b/g, ':')}} = require(${spec});`);
  return `(async () => {\n${body}\n})().catch((e) => { console.error(e); process.exitCode = 1; });`;
}
// async: the mocks run in THIS process, so a spawnSync would block them
function run(file: string, code: string): Promise<{ code: number | null; out: string; err: string }> {
  writeFileSync(join(dir, file), code);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file], { cwd: dir, timeout: 90_000 });
    let out = '', err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('README examples against the installed package, through the mocks', () => {
  it('found the blocks', () => {
    expect(blocks.map((b) => b.name)).toEqual(expect.arrayContaining(['tbank-delivery', 'fastriver', 'dilovod', 'dellin', 'yandex-fleet', 'tbank-delivery (Node)', 'fastriver (Node)']));
  });
  for (const format of ['esm', 'cjs'] as const) {
    it(`${format}: every block runs to the end, prints no NOT, downloads give the uploaded bytes and a name`, async () => {
      for (const b of blocks) {
        const file = `${b.name.replace(/[^a-z]+/g, '-')}.${format === 'esm' ? 'mjs' : 'cjs'}`;
        const r = await run(file, format === 'esm' ? toEsm(b.code) : toCjs(b.code));
        expect(r.code, `${b.name} (${format})\n${r.out}\n${r.err}`).toBe(0);
        expect(r.out, b.name).not.toMatch(/NOT the bytes/);
        if (b.name === 'tbank-delivery') expect(r.out).toMatch(/downloaded act\.pdf: \d+ bytes of application\/pdf, the bytes uploaded/);
        if (b.name === 'dellin') expect(r.out).toMatch(/^xml session open until/m);
        if (b.name === 'dellin') expect(r.out).toMatch(/^xml after logout:/m);
      }
    }, 240_000);
  }
});

describe('README examples type-check against the installed package', () => {
  const configs = {
    nodenext: { module: 'nodenext', moduleResolution: 'nodenext', type: 'module' },
    bundler: { module: 'esnext', moduleResolution: 'bundler', type: 'module' },
  } as const;
  for (const [name, c] of Object.entries(configs)) {
    it(`moduleResolution ${name}: tsc accepts every block, and filenameFromContentDisposition is a Promise<string | undefined>`, () => {
      const tdir = join(dir, `ts-${name}`);
      mkdirSync(tdir, { recursive: true });
      writeFileSync(join(tdir, 'package.json'), JSON.stringify({ name: `ts-${name}`, private: true, type: c.type }));
      const files: string[] = [];
      blocks.forEach((b, i) => {
        writeFileSync(join(tdir, `ex${i}.ts`), `${b.code}\nexport {};\n`);
        files.push(`ex${i}.ts`);
      });
      writeFileSync(join(tdir, 'types.ts'), `
import { filenameFromContentDisposition, downloadedFile, type Decode, type DownloadedFile, ApiError, SdkError } from 'delivery-api-clients';
import { ApiError as TbankApiError } from 'delivery-api-clients/tbank-delivery';
const p: Promise<string | undefined> = filenameFromContentDisposition('attachment; filename=a');
// @ts-expect-error a Promise is not a string: a caller that forgot the await is told so
const s: string | undefined = filenameFromContentDisposition('attachment; filename=a');
const f: Promise<DownloadedFile> = downloadedFile(new ArrayBuffer(0), new Headers());
const d: Decode<{ a: number }, number> = async (data) => data.a;
const e: unknown = null;
if (e instanceof TbankApiError) { const x: ApiError = e; const y: SdkError = x; void y; }
void p; void s; void f; void d;
export {};
`);
      files.push('types.ts');
      writeFileSync(join(tdir, 'tsconfig.json'), JSON.stringify({
        compilerOptions: { module: c.module, moduleResolution: c.moduleResolution, target: 'es2022', lib: ['es2022', 'dom'], types: ['node'], typeRoots: [join(ROOT, 'node_modules/@types')], strict: true, noEmit: true, skipLibCheck: false, esModuleInterop: true },
        files,
      }));
      // tsc resolves the package from the app's node_modules (one level up)
      const r = spawnSync(join(BIN, 'tsc'), ['-p', 'tsconfig.json'], { cwd: tdir, encoding: 'utf8', timeout: 180_000 });
      expect(r.status, r.stdout + r.stderr).toBe(0);
    }, 200_000);
  }

  it('legacy moduleResolution node10 (typesVersions): every subpath entry has its types', () => {
    const tdir = join(dir, 'ts-node10');
    mkdirSync(tdir, { recursive: true });
    writeFileSync(join(tdir, 'package.json'), JSON.stringify({ name: 'ts-node10', private: true }));
    writeFileSync(join(tdir, 'index.ts'), `
import { createTbankDeliveryClient } from 'delivery-api-clients/tbank-delivery';
import { createFastriverClient } from 'delivery-api-clients/fastriver';
import { fastriverCallbackListener } from 'delivery-api-clients/fastriver/callbacks';
import { createDellinClient } from 'delivery-api-clients/dellin';
import { createDilovodClient } from 'delivery-api-clients/dilovod';
import { dilovodWebhookListener } from 'delivery-api-clients/dilovod/webhooks';
import { createYandexFleetClient } from 'delivery-api-clients/yandex-fleet';
import { createRedisLock } from 'delivery-api-clients/redis/node';
import { filenameFromContentDisposition } from 'delivery-api-clients';
const p: Promise<string | undefined> = filenameFromContentDisposition(null);
void p; void createTbankDeliveryClient; void createFastriverClient; void fastriverCallbackListener; void createDellinClient; void createDilovodClient; void dilovodWebhookListener; void createYandexFleetClient; void createRedisLock;
`);
    writeFileSync(join(tdir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'commonjs', moduleResolution: 'node10', target: 'es2022', lib: ['es2022', 'dom'], types: ['node'], typeRoots: [join(ROOT, 'node_modules/@types')], strict: true, noEmit: true, ignoreDeprecations: '5.0' }, files: ['index.ts'] }));
    const r = spawnSync(join(BIN, 'tsc'), ['-p', 'tsconfig.json'], { cwd: tdir, encoding: 'utf8', timeout: 180_000 });
    expect(r.status, r.stdout + r.stderr).toBe(0);
  }, 200_000);

  it('node16 CommonJS project: require-style import of every entry type-checks (the .d.cts types)', () => {
    const tdir = join(dir, 'ts-cjs');
    mkdirSync(tdir, { recursive: true });
    writeFileSync(join(tdir, 'package.json'), JSON.stringify({ name: 'ts-cjs', private: true, type: 'commonjs' }));
    writeFileSync(join(tdir, 'index.ts'), `
import { createTbankDeliveryClient } from 'delivery-api-clients/tbank-delivery';
import { createFastriverClient } from 'delivery-api-clients/fastriver';
import { fastriverCallbackListener } from 'delivery-api-clients/fastriver/callbacks';
import { createDellinClient, DellinApiError } from 'delivery-api-clients/dellin';
import { createDilovodClient } from 'delivery-api-clients/dilovod';
import { dilovodWebhookListener } from 'delivery-api-clients/dilovod/webhooks';
import { createYandexFleetClient } from 'delivery-api-clients/yandex-fleet';
import { createRedisLock } from 'delivery-api-clients/redis/node';
import { ApiError, filenameFromContentDisposition } from 'delivery-api-clients';
async function main() {
  const name: string | undefined = await filenameFromContentDisposition('attachment; filename=a');
  const file = await createTbankDeliveryClient({ token: 't' }).downloadDocument('x');
  const n: string | undefined = file.filename;
  const photo = await createFastriverClient({ token: 't' }).photos.download('u', 'p');
  try { await createDellinClient({ appkey: 'k', format: 'xml' }).sessionInfo(); } catch (e) { if (e instanceof DellinApiError) { const a: ApiError = e; void a; } }
  void name; void n; void photo; void createDilovodClient; void dilovodWebhookListener; void createYandexFleetClient; void createRedisLock; void fastriverCallbackListener;
}
void main;
`);
    writeFileSync(join(tdir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'node16', moduleResolution: 'node16', target: 'es2022', lib: ['es2022', 'dom'], types: ['node'], typeRoots: [join(ROOT, 'node_modules/@types')], strict: true, noEmit: true }, files: ['index.ts'] }));
    const r = spawnSync(join(BIN, 'tsc'), ['-p', 'tsconfig.json'], { cwd: tdir, encoding: 'utf8', timeout: 180_000 });
    expect(r.status, r.stdout + r.stderr).toBe(0);
  }, 200_000);
});

describe('lazy Dellin XML shapes, first calls racing (installed package, fresh process)', () => {
  for (const format of ['mjs', 'cjs'] as const) {
    it(`${format}: 25 XML calls started at once before any XML was decoded all get the same typed answer`, async () => {
      const url = host.servers.find((s) => s.api === 'dellin')!.url;
      const body = `
const d = createDellinClient({ appkey: 'mock-appkey', login: 'logist@shipper.ru', password: 'mock-password', format: 'xml', baseUrl: ${JSON.stringify(url)} });
const got = await Promise.allSettled(Array.from({ length: 25 }, () => d.sessionInfo()));
const xml = await Promise.allSettled(Array.from({ length: 5 }, () => d.deliveryDates({ docID: '2000085063763', delivery: { arrival: { address: { search: 'Омск, Ленина, 5' } } } })));
console.log(JSON.stringify({
  ok: got.filter((g) => g.status === 'fulfilled').length,
  errors: [...got, ...xml].filter((g) => g.status === 'rejected').map((g) => g.reason?.name + ': ' + g.reason?.message).slice(0, 3),
  expire: [...new Set(got.map((g) => typeof g.value?.data?.session?.expireTime))],
  dates: xml.filter((g) => g.status === 'fulfilled' && Array.isArray(g.value.data.dates ?? [])).length,
}));`;
      const code = format === 'mjs'
        ? `import { createDellinClient } from 'delivery-api-clients/dellin';\n${body}`
        : `const { createDellinClient } = require('delivery-api-clients/dellin');\n(async () => {\n${body}\n})();`;
      const r = await run(`dellin-race.${format}`, code);
      const v = JSON.parse(r.out.trim().split('\n').pop() ?? '{}');
      expect(v, r.err).toEqual({ ok: 25, errors: [], expire: ['string'], dates: 5 });
    }, 120_000);
  }
});

describe('the specs ship and resolve through `exports`', () => {
  it("require.resolve / import.meta.resolve('delivery-api-clients/specs/<api>.yaml') finds every spec", async () => {
    const code = `import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
const require = createRequire(import.meta.url);
const out = {};
for (const api of ['tbank-delivery', 'fastriver', 'dellin', 'dilovod', 'yandex-fleet']) {
  const a = require.resolve('delivery-api-clients/specs/' + api + '.yaml');
  const b = new URL(import.meta.resolve('delivery-api-clients/specs/' + api + '.yaml')).pathname;
  out[api] = a === b && readFileSync(a, 'utf8').startsWith('openapi: 3.1');
}
console.log(JSON.stringify(out));`;
    const r = await run('specs.mjs', code);
    expect(JSON.parse(r.out.trim() || '{}'), r.err).toEqual({ 'tbank-delivery': true, fastriver: true, dellin: true, dilovod: true, 'yandex-fleet': true });
  });
});
