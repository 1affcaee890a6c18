// Attack: an app bundled from the INSTALLED tarball, as web apps are built: esbuild for the browser (one file, code
// splitting, minified), rolldown (Vite's bundler), Bun's bundler. File names must still be read (content-disposition,
// loaded on the first one), nothing may reference a Node built-in, and errors from copies of the core
// that the bundler renamed (`ApiError2`, minified `je`) keep their name and `instanceof`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, copyApp, installedApp, ROOT, verdict } from './rt8-pack.ts';

let dir = '';
beforeAll(async () => {
  await installedApp();
  dir = copyApp('bundlers');
  // the app: three entries (each carries its own copy of the core), put on globalThis for the runner
  writeFileSync(join(dir, 'app.mjs'), `
import { createTbankDeliveryClient, ApiError as TbankApiError } from 'delivery-api-clients/tbank-delivery';
import { createFastriverClient } from 'delivery-api-clients/fastriver';
import { createDellinClient, DellinApiError } from 'delivery-api-clients/dellin';
import { ApiError, SdkError, filenameFromContentDisposition } from 'delivery-api-clients';
globalThis.__app = { createTbankDeliveryClient, TbankApiError, createFastriverClient, createDellinClient, DellinApiError, ApiError, SdkError, filenameFromContentDisposition };
`);
  writeFileSync(join(dir, 'run.mjs'), `
import { createServer } from 'node:http';
await import(process.argv[2]);
const a = globalThis.__app;
const srv = createServer((q, r) => {
  if (q.url.includes('/documents/')) { r.writeHead(200, { 'content-type': 'application/pdf', 'content-disposition': "attachment; filename*=UTF-8''%D0%B0%D0%BA%D1%82.pdf" }); return r.end('%PDF'); }
  if (q.url.includes('delivery_photos')) { r.writeHead(200, { 'content-type': 'image/jpeg', 'content-disposition': 'inline; filename="p.jpg"' }); return r.end('x'); }
  r.writeHead(404, { 'content-type': 'application/json' }); r.end('{"errorCode":"NOT_FOUND","errorMessage":"no","metadata":{"status":404},"errors":[]}');
});
await new Promise((r) => srv.listen(0, '127.0.0.1', r));
const base = 'http://127.0.0.1:' + srv.address().port;
const t = a.createTbankDeliveryClient({ token: 'tok', baseUrl: base });
const files = await Promise.all([1, 2, 3].map(() => t.downloadDocument('d')));
const photo = await a.createFastriverClient({ token: 'tok' }, { baseUrl: base }).photos.download('u', 'p');
let te; try { await t.getTask('x', { retry: { maxRetries: 0 } }); } catch (e) { te = e; }
let de; try { await a.createDellinClient({ appkey: 'k', sessionID: 's', baseUrl: base }).sessionInfo({ retry: { maxRetries: 0 } }); } catch (e) { de = e; }
srv.close();
console.log(JSON.stringify({
  filenames: files.map((f) => f.filename ?? null), photo: photo.filename ?? null,
  direct: await a.filenameFromContentDisposition('attachment; filename="x.pdf"') ?? null,
  tName: te?.name, tApi: te instanceof a.ApiError, tTb: te instanceof a.TbankApiError, tSdk: te instanceof a.SdkError, tDellin: te instanceof a.DellinApiError,
  dName: de?.name, dApi: de instanceof a.ApiError, dTb: de instanceof a.TbankApiError, dDellin: de instanceof a.DellinApiError,
}));`);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bundled', private: true, type: 'module' }));
}, 240_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const expected = {
  filenames: ['акт.pdf', 'акт.pdf', 'акт.pdf'], photo: 'p.jpg', direct: 'x.pdf',
  tName: 'ApiError', tApi: true, tTb: true, tSdk: true, tDellin: false,
  dName: 'DellinApiError', dApi: true, dTb: true, dDellin: true,
};

function esbuild(args: string[]) {
  const r = spawnSync(join(BIN, 'esbuild'), ['app.mjs', '--bundle', '--platform=browser', '--format=esm', '--log-level=error', ...args], { cwd: dir, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
}
const jsFiles = (out: string) => readdirSync(join(dir, out)).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(dir, out, f), 'utf8')).join('\n');
const run = (file: string) => verdict({ code: 0, ...spawnOut(file) });
function spawnOut(file: string) {
  const r = spawnSync(process.execPath, ['run.mjs', file], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { stdout: r.stdout, stderr: r.stderr };
}

describe('bundled from the installed tarball', () => {
  it('esbuild, browser, one file: no Node built-in, import("content-disposition") inlined, names and instanceof hold', () => {
    esbuild(['--outdir=out-one']);
    const code = jsFiles('out-one');
    expect(code).not.toMatch(/from\s*["']node:|require\(["'](node:)?(fs|http|https|net|stream|buffer|crypto|path|os|url|util|zlib)["']\)/);
    expect(code).not.toMatch(/import\(["']content-disposition["']\)/);
    expect(code).toMatch(/ApiError2 = class/); // the copies were renamed: the test is meaningful
    expect(run('./out-one/app.js')).toEqual(expected);
  });

  it('esbuild, browser, minified: error names survive minification', () => {
    esbuild(['--outdir=out-min', '--minify']);
    expect(run('./out-min/app.js')).toEqual(expected);
  });

  it('esbuild, node platform, ESM with code splitting (a server bundle): file names still read', () => {
    const r = spawnSync(join(BIN, 'esbuild'), ['app.mjs', '--bundle', '--platform=node', '--format=esm', '--splitting', '--outdir=out-split-node', '--log-level=error'], { cwd: dir, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(run('./out-split-node/app.js')).toEqual(expected);
  });

  it('esbuild, browser, with code splitting: file names still read', () => {
    // When the build imported content-disposition with a real `import()`, esbuild put it in a lazy chunk whose
    // namespace has only `default`, and every file name was silently lost (red team 8). It is now inside the build.
    esbuild(['--outdir=out-split', '--splitting']);
    expect(run('./out-split/app.js')).toEqual(expected);
  });

  it('rolldown (Vite 7+), browser, code splitting', async () => {
    const { rolldown } = await import(join(ROOT, 'node_modules/rolldown/dist/index.mjs'));
    const bundle = await rolldown({ input: join(dir, 'app.mjs'), platform: 'browser', cwd: dir, logLevel: 'silent' });
    await bundle.write({ dir: join(dir, 'out-rd'), format: 'es' });
    const code = jsFiles('out-rd');
    expect(code).not.toMatch(/from\s*["']node:/);
    expect(run('./out-rd/app.js')).toEqual(expected);
  });

  it('Bun bundler (--splitting, target browser), when Bun is installed for the runtime tests', () => {
    const bun = join(ROOT, 'test/runtimes/node_modules/.bin/bun');
    if (!existsSync(bun)) return; // not installed in this clone: nothing to attack
    const r = spawnSync(bun, ['build', 'app.mjs', '--target=browser', '--splitting', '--outdir=out-bun'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(run('./out-bun/app.js')).toEqual(expected);
  });


  it('esbuild, CommonJS app (require of the .cjs entries) bundled for node: names and instanceof hold', () => {
    writeFileSync(join(dir, 'app.cjs'), readFileSync(join(dir, 'app.mjs'), 'utf8').replace(/import \{([^}]*)\} from ('[^']*');/g, (_m, names: string, spec: string) => `const {${names.replace(/ as /g, ': ')}} = require(${spec});`));
    const r = spawnSync(join(BIN, 'esbuild'), ['app.cjs', '--bundle', '--platform=node', '--format=cjs', '--log-level=error', '--outfile=out-cjs/app.cjs'], { cwd: dir, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(run('./out-cjs/app.cjs')).toEqual(expected);
  });
});
