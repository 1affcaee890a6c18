// Attack: the package as installed from `npm pack`. Every entry, ESM import and CommonJS require, in a fresh process:
// loads, exports the same names both ways, and does nothing at import (no timer, socket or handle kept open, no global
// added or changed, no network). Also: the packed package.json points only at files the tarball holds.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENTRIES, installedApp, ROOT, runNode, tarball, verdict } from './rt8-pack.ts';

let app = '';
beforeAll(async () => {
  app = await installedApp();
}, 240_000);

const probe = (load: string) => `
const before = new Set(Reflect.ownKeys(globalThis).map(String));
const fetchBefore = globalThis.fetch, protoKeys = Object.getOwnPropertyNames(Object.prototype).length;
const errorKeys = Reflect.ownKeys(Error).length, captureBefore = Error.prepareStackTrace;
let fetched = 0;
globalThis.fetch = (...a) => { fetched++; return fetchBefore(...a); };
const wrapped = globalThis.fetch;
${load}
setImmediate(() => setImmediate(() => {
  const added = Reflect.ownKeys(globalThis).map(String).filter((k) => !before.has(k));
  // stdio streams (ioredis's debug touches process.stderr, a pipe here) are not the package's handles
  const resources = process.getActiveResourcesInfo().filter((r) => r !== 'TTYWrap' && r !== 'PipeWrap');
  console.log(JSON.stringify({
    exports: Object.keys(mod).sort(),
    added,
    resources,
    fetched,
    fetchReplaced: globalThis.fetch !== wrapped,
    protoChanged: Object.getOwnPropertyNames(Object.prototype).length !== protoKeys,
    errorChanged: Reflect.ownKeys(Error).length !== errorKeys || Error.prepareStackTrace !== captureBefore,
  }));
}));
`;

describe('every entry of the installed tarball, fresh process', () => {
  for (const entry of ENTRIES) {
    const spec = `delivery-api-clients${entry}`;
    it(`${spec}: ESM and CommonJS load, same exports, no side effect at import`, () => {
      const esm = verdict(runNode(app, 'probe-esm.mjs', probe(`const mod = await import(${JSON.stringify(spec)});`)));
      const cjs = verdict(runNode(app, 'probe-cjs.cjs', probe(`const mod = require(${JSON.stringify(spec)});`)));
      expect(esm.exports.length).toBeGreaterThan(0);
      expect(cjs.exports.filter((k: string) => k !== 'default' && k !== '__esModule')).toEqual(esm.exports.filter((k: string) => k !== 'default'));
      for (const v of [esm, cjs]) {
        expect(v.added).toEqual([]);
        expect(v.resources).toEqual([]);
        expect(v.fetched).toBe(0);
        expect(v.fetchReplaced).toBe(false);
        expect(v.protoChanged).toBe(false);
        expect(v.errorChanged).toBe(false);
      }
    });
  }

  it('importing every entry at once, ESM then CommonJS in one process, leaves the event loop empty (process exits by itself)', () => {
    const src = `${ENTRIES.map((e, i) => `import * as m${i} from 'delivery-api-clients${e}';`).join('\n')}
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
${ENTRIES.map((e) => `require('delivery-api-clients${e}');`).join('\n')}
console.log(JSON.stringify({ ok: true }));`;
    const started = Date.now();
    const r = runNode(app, 'all.mjs', src);
    expect(verdict(r)).toEqual({ ok: true });
    expect(r.code).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

describe('the packed package.json', () => {
  const files = () => execFileSync('tar', ['-tzf', tarball()]).toString().split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));

  it('every `exports` target that is a file is in the tarball', () => {
    const pkg = JSON.parse(readFileSync(join(app, 'node_modules/delivery-api-clients/package.json'), 'utf8'));
    const targets: string[] = [];
    const walk = (v: unknown) => (typeof v === 'string' ? targets.push(v) : v && typeof v === 'object' && Object.values(v).forEach(walk));
    walk(pkg.exports);
    const list = new Set(files());
    for (const t of targets.filter((t) => !t.includes('*'))) expect(list.has(t.replace(/^\.\//, '')), t).toBe(true);
  });

  it('no shipped file uses an `imports` (#subpath) specifier, so the development-only `#apis` in package.json is inert', () => {
    // Node and bundlers resolve "#…" only for specifiers inside the package; `#apis` (apis.ts) serves the project's
    // scripts, mocks and tests and is not shipped, so nothing shipped may name it (or any other).
    const dir = join(app, 'node_modules/delivery-api-clients');
    for (const file of files().filter((f) => /^dist\/.*\.(c?js|d\.c?ts)$/.test(f))) expect(readFileSync(join(dir, file), 'utf8'), file).not.toMatch(/["']#[\w/-]+["']/);
  });

  it('the README describes the build that ships (it says entries share chunks; the build now has none)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const shipped = files().filter((f) => /^dist\/.*\.(c?js)$/.test(f));
    // one file per entry and format: no chunk-*.js besides the entries
    expect(shipped.length).toBe(ENTRIES.length * 2);
    expect(readme).not.toMatch(/Code shared by entries sits in shared chunks/);
  });
});
