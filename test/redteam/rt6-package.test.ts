// Red team 6: the package as a user installs it: build, pack, install the tarball into a temporary folder, then use
// every entry of the `exports` map with import and require, deep imports, the dual-package hazard, side effects,
// and the CommonJS build bundled for a worker-style runtime (Edge Runtime VM) and for the browser.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packedPackage } from '../support/packed.ts';

const root = join(import.meta.dirname, '../..');
let dir = '';
const entries = ['', '/dellin', '/dilovod', '/dilovod/webhooks', '/fastriver', '/fastriver/callbacks', '/tbank-delivery', '/yandex-fleet'];
const node = (file: string, code: string) => {
  writeFileSync(join(dir, file), code);
  return execFileSync(process.execPath, [file], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rt6-pkg-'));
  const { tarball } = await packedPackage();
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  execFileSync('npm', ['install', tarball, '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'ignore', timeout: 180_000 });
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('installed tarball', () => {
  it('every entry loads with both require and import, with the same export names', () => {
    const out = node(
      'entries.cjs',
      `(async () => { const r = {}; for (const e of ${JSON.stringify(entries)}) { const id = 'delivery-api-clients' + e;
        const a = Object.keys(require(id)).sort().join(); const b = Object.keys(await import(id)).sort().join(); r[id] = a === b && a.length > 0; }
        console.log(JSON.stringify(r)); })();`,
    );
    const result = JSON.parse(out) as Record<string, boolean>;
    for (const [id, ok] of Object.entries(result)) expect(ok, id).toBe(true);
  }, 60_000);

  it('deep imports outside the exports map are refused (dist files, src, traversal through specs/*)', () => {
    const out = node(
      'deep.cjs',
      `const r = {}; for (const d of ['delivery-api-clients/dist/index.cjs', 'delivery-api-clients/dist/yandex-fleet/index.js', 'delivery-api-clients/src/core/index.ts',
        'delivery-api-clients/specs/../package.json', 'delivery-api-clients/specs/../dist/index.cjs', 'delivery-api-clients/specs/%2e%2e/dist/index.cjs']) {
        try { require.resolve(d); r[d] = 'resolved'; } catch (e) { r[d] = e.code; } } console.log(JSON.stringify(r));`,
    );
    for (const [id, code] of Object.entries(JSON.parse(out) as Record<string, string>)) expect(code, id).not.toBe('resolved');
  }, 60_000);

  it('the shipped .d.ts files reference only files that are shipped, and no source map points at missing sources', () => {
    const files = execFileSync('find', ['node_modules/delivery-api-clients/dist', '-type', 'f'], { cwd: dir, encoding: 'utf8' }).trim().split('\n');
    for (const file of files) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text.includes('sourceMappingURL'), file).toBe(false);
      for (const m of text.matchAll(/from '(\.[^']+)'/g)) {
        const target = join(dir, file, '..', m[1]!);
        const candidates = [target, target.replace(/\.js$/, '.d.ts'), target.replace(/\.cjs$/, '.d.cts')];
        expect(candidates.some((c) => files.includes(c.slice(dir.length + 1))), `${file} -> ${m[1]}`).toBe(true);
      }
    }
  }, 60_000);

  it('importing every entry adds no global, no timer, no handle, no process listener', () => {
    const out = node(
      'side.mjs',
      `const g = new Set(Object.getOwnPropertyNames(globalThis)); const h = process.getActiveResourcesInfo().filter((x) => x !== 'CloseReq').length;
       const events = ['exit', 'beforeExit', 'unhandledRejection', 'uncaughtException', 'warning', 'SIGINT', 'SIGTERM']; const l = events.map((e) => process.listenerCount(e)).join();
       for (const e of ${JSON.stringify(entries)}) await import('delivery-api-clients' + e);
       console.log(JSON.stringify({ globals: Object.getOwnPropertyNames(globalThis).filter((k) => !g.has(k)), handles: process.getActiveResourcesInfo().filter((x) => x !== 'CloseReq').length - h, listeners: l === events.map((e) => process.listenerCount(e)).join() }));`,
    );
    expect(JSON.parse(out)).toEqual({ globals: [], handles: 0, listeners: true });
  }, 60_000);

  // The README says each copy has its own classes when import and require are mixed. A first-class SDK can still make
  // `instanceof` hold across the two (Symbol.hasInstance over a Symbol.for brand): this records what a user hits.
  it('dual-package hazard: an error thrown by the CommonJS copy is instanceof the ESM SdkError/NetworkError', () => {
    const out = node(
      'dual.mjs',
      `import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);
       const cjs = require('delivery-api-clients/yandex-fleet'); const esm = await import('delivery-api-clients');
       const c = cjs.createYandexFleetClient({ apiKey: 'k', clientId: 'c', baseUrl: 'http://127.0.0.1:9', retry: { maxRetries: 0 } });
       const e = await c.listTransactionCategories({ query: { park: { id: 'p' } } }).catch((x) => x);
       console.log(JSON.stringify({ name: e.name, sdk: e instanceof esm.SdkError, network: e instanceof esm.NetworkError }));`,
    );
    expect(JSON.parse(out)).toEqual({ name: 'NetworkError', sdk: true, network: true });
  }, 60_000);

  it('the CommonJS build, bundled for a worker-style runtime (Edge Runtime VM: no process, no require), makes a call with withResponse', async () => {
    const { build } = await import('esbuild');
    const { EdgeVM } = await import('@edge-runtime/vm');
    const server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.setHeader('x-request-id', 'rid-edge');
      res.end('{"categories":[]}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const bundle = await build({ entryPoints: [join(dir, 'node_modules/delivery-api-clients/dist/yandex-fleet/index.cjs')], bundle: true, platform: 'browser', format: 'iife', globalName: 'SDK', write: false, logLevel: 'silent' });
      const vm = new EdgeVM();
      vm.evaluate(bundle.outputFiles[0]!.text);
      const port = (server.address() as AddressInfo).port;
      const out = (await vm.evaluate(`(async () => {
        const c = SDK.createYandexFleetClient({ apiKey: 'k', clientId: 'c', baseUrl: 'http://127.0.0.1:${port}' });
        const { data, requestId, response } = await c.listTransactionCategories({ query: { park: { id: 'p' } } }).withResponse();
        const e = await SDK.createYandexFleetClient({ apiKey: 'k', clientId: 'c', baseUrl: 'http://127.0.0.1:9', retry: { maxRetries: 0 } })
          .listTransactionCategories({ query: { park: { id: 'p' } } }).catch((x) => x);
        return JSON.stringify({ n: data.categories.length, requestId, status: response.status, error: e.name, typed: e instanceof SDK.SdkError });
      })()`)) as string;
      expect(JSON.parse(out)).toEqual({ n: 0, requestId: 'rid-edge', status: 200, error: 'NetworkError', typed: true });
    } finally {
      server.close();
    }
  }, 60_000);

  it('each main entry, bundled for the browser from the package (import and require), pulls in no Node built-in', async () => {
    const { build } = await import('esbuild');
    for (const e of entries.filter((x) => !x.endsWith('/node'))) {
      for (const contents of [`export * from 'delivery-api-clients${e}';`, `module.exports = require('delivery-api-clients${e}');`]) {
        const result = await build({ stdin: { contents, resolveDir: dir, loader: 'js' }, bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent', metafile: true });
        const inputs = Object.keys(result.metafile.inputs);
        expect(inputs.filter((i) => i.startsWith('node:') || /\b(http|fs|net|tls|stream|crypto|buffer|util)\b$/.test(i)), `${e} ${contents}`).toEqual([]);
        const text = result.outputFiles[0]!.text;
        expect(/\brequire\(["']node:|__dirname|setImmediate\(/.test(text), `${e}`).toBe(false);
      }
    }
  }, 120_000);
});
