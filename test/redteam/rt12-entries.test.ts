// The new receiver entries of the BUILT package: errors they throw are instances of the classes of every other entry,
// in ESM and CommonJS and mixed; names and stack traces survive terser; old entry paths fail clearly; the receiver
// entries bundled for a browser or worker pull in no Node built-in.
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as src from '../../src/core/index.ts';
import { builtApp, entry, ROOT, type Mod } from './rt12-build.ts';

let app = '';
const mods: Record<string, { esm: Mod; cjs: Mod }> = {};
const SUBS = ['', '/fastriver', '/fastriver/callbacks', '/dilovod', '/dilovod/webhooks', '/dellin', '/tbank-delivery', '/yandex-fleet'];

beforeAll(async () => {
  app = await builtApp();
  for (const sub of SUBS) mods[sub] = await entry(app, sub);
}, 240_000);

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('did not throw');
}

describe('instanceof across the new entries', () => {
  const makers: Array<[string, (m: Record<string, { esm: Mod; cjs: Mod }>, f: 'esm' | 'cjs') => Error, string]> = [
    ['parseFastriverCallback', (m, f) => thrown(() => m['/fastriver/callbacks']![f].parseFastriverCallback('{')), 'DecodeError'],
    ['parseDilovodWebhook (bad packet)', (m, f) => thrown(() => m['/dilovod/webhooks']![f].parseDilovodWebhook('/?packet=1', { remoteAddress: '88.198.50.253' })), 'DecodeError'],
    ['parseDilovodWebhook (bad source)', (m, f) => thrown(() => m['/dilovod/webhooks']![f].parseDilovodWebhook('/?packet=1', { remoteAddress: '10.0.0.1' })), 'WebhookSourceError'],
    ['fastriverCallbackHandler (bad onEvent)', (m, f) => thrown(() => m['/fastriver/callbacks']![f].fastriverCallbackHandler('not a function')), 'UsageError'],
  ];
  for (const [label, make, name] of makers) {
    for (const format of ['esm', 'cjs'] as const) {
      it(`${label} (${format}) is an instance of ${name}/SdkError of every entry, format and src`, () => {
        const error = make(mods, format);
        expect(error.name).toBe(name);
        expect(error.constructor.name).toBe(name);
        for (const sub of SUBS) {
          for (const other of ['esm', 'cjs'] as const) {
            const m = mods[sub]![other];
            if (m.SdkError) expect(error instanceof m.SdkError, `${sub || '.'} ${other} SdkError`).toBe(true);
            if (m.DecodeError && name !== 'UsageError') expect(error instanceof m.DecodeError, `${sub || '.'} ${other} DecodeError`).toBe(true);
            if (m.ApiError) expect(error instanceof m.ApiError, `${sub || '.'} ${other} ApiError`).toBe(false);
            if (m.UsageError) expect(error instanceof m.UsageError, `${sub || '.'} ${other} UsageError`).toBe(name === 'UsageError');
            if (m.WebhookSourceError) expect(error instanceof m.WebhookSourceError, `${sub} ${other} WebhookSourceError`).toBe(name === 'WebhookSourceError');
          }
        }
        expect(error instanceof src.SdkError).toBe(true);
        expect(error instanceof src.TimeoutError).toBe(false);
        expect(error instanceof Error).toBe(true);
      });
    }
  }

  it('errors made by src are instances of the built classes too, and toJSON/inspect read the same', () => {
    const error = new src.DecodeError({ api: 'fastriver', operation: 'x', attempts: 0 }, 'data', 'bad');
    for (const sub of SUBS) for (const f of ['esm', 'cjs'] as const) if (mods[sub]![f].DecodeError) expect(error instanceof mods[sub]![f].DecodeError).toBe(true);
    const built = new mods['']!.cjs.DecodeError({ api: 'fastriver', operation: 'x', attempts: 0 }, 'data', 'bad');
    expect(JSON.stringify(built)).toBe(JSON.stringify(error));
    expect(String(built)).toBe(String(error));
  });

  it('a plain object with the name and prototype-less look of an error is not an instance', () => {
    const fake = Object.assign(Object.create(Error.prototype), { name: 'DecodeError', message: 'x' });
    for (const sub of SUBS) for (const f of ['esm', 'cjs'] as const) if (mods[sub]![f].SdkError) expect(fake instanceof mods[sub]![f].SdkError).toBe(false);
  });
});

describe('terser keeps what names and stack traces need', () => {
  it('every exported function and class keeps its source name, in every entry and format', () => {
    for (const sub of SUBS) {
      for (const f of ['esm', 'cjs'] as const) {
        for (const [key, value] of Object.entries(mods[sub]![f])) {
          if (typeof value === 'function') expect(value.name, `${sub || '.'} ${f} ${key}`).toBe(key);
        }
      }
    }
  });

  it('stack traces of receiver errors name the receiver function', () => {
    for (const f of ['esm', 'cjs'] as const) {
      expect(thrown(() => mods['/fastriver/callbacks']![f].parseFastriverCallback('{')).stack).toMatch(/at (Module\.|Object\.)?parseFastriverCallback /);
      expect(thrown(() => mods['/dilovod/webhooks']![f].parseDilovodWebhook('/', { remoteAddress: '1.2.3.4' })).stack).toMatch(/at (Module\.|Object\.)?parseDilovodWebhook /);
    }
  });

  it('a subclass of a built error class keeps its own name and instanceof', () => {
    for (const f of ['esm', 'cjs'] as const) {
      const { DecodeError, SdkError } = mods['']![f] as { DecodeError: new (...args: unknown[]) => Error; SdkError: new (...args: unknown[]) => Error };
      class MyError extends DecodeError {}
      const e = new MyError({ api: 'x', operation: 'y', attempts: 0 }, 'p', 'r');
      expect(e instanceof MyError).toBe(true);
      expect(e instanceof SdkError).toBe(true);
      expect(e instanceof src.DecodeError).toBe(true);
    }
  });
});

describe('old and wrong paths', () => {
  for (const path of ['delivery-api-clients/fastriver/node', 'delivery-api-clients/dilovod/node', 'delivery-api-clients/dist/fastriver/callbacks.js', 'delivery-api-clients/fastriver/callbacks.js', 'delivery-api-clients/core']) {
    it(`${path} fails with ERR_PACKAGE_PATH_NOT_EXPORTED naming the path, in import and require`, () => {
      writeFileSync(join(app, 'old.mjs'), `try { await import(${JSON.stringify(path)}); console.log('LOADED'); } catch (e) { console.log(e.code, e.message); }\n`);
      writeFileSync(join(app, 'old.cjs'), `try { require(${JSON.stringify(path)}); console.log('LOADED'); } catch (e) { console.log(e.code, e.message); }\n`);
      for (const file of ['old.mjs', 'old.cjs']) {
        const out = execFileSync(process.execPath, [file], { cwd: app, encoding: 'utf8' });
        expect(out).toMatch(/^ERR_PACKAGE_PATH_NOT_EXPORTED /);
        expect(out).toContain(path.replace('delivery-api-clients', '.'));
      }
    });
  }
});

describe('receiver entries for browsers and workers', () => {
  for (const sub of ['/fastriver/callbacks', '/dilovod/webhooks', '/fastriver', '/dilovod', '/dellin', '']) {
    it(`delivery-api-clients${sub} bundles for platform=browser with no node: import, no require, no process`, () => {
      const name = `use${sub.replace(/\W/g, '_')}.mjs`;
      writeFileSync(join(app, name), `import * as m from 'delivery-api-clients${sub}'; globalThis.keep = m;\n`);
      const result = spawnSync(join(ROOT, 'node_modules/.bin/esbuild'), [name, '--bundle', '--platform=browser', '--format=esm', '--log-level=warning'], { cwd: app, encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).not.toMatch(/["']node:|\brequire\(["']|\bprocess\.env\b/);
    });
  }
});

describe('the root entry bundled for an edge runtime (no require, no process)', () => {
  it('file-name functions work in a bare vm realm, content-disposition loaded by 20 concurrent first calls at once', async () => {
    const { build } = await import('esbuild');
    const vm = await import('node:vm');
    const contents = `import { filenameFromContentDisposition, safeFilename, downloadedFile } from 'delivery-api-clients';
globalThis.run = async () => {
  const names = await Promise.all(Array.from({ length: 20 }, (_, i) => filenameFromContentDisposition("attachment; filename*=UTF-8''%D1%84" + i + "%E2%80%AE.pdf; filename=\\"x.pdf\\"")));
  const file = await downloadedFile(new ArrayBuffer(2), new Headers({ 'content-disposition': 'attachment; filename="../../CON .txt"' }));
  return JSON.stringify([names[0], names[19], safeFilename('a\\u202eb\\u2028c'), file.filename]);
};`;
    const out = await build({ stdin: { contents, resolveDir: app }, bundle: true, platform: 'browser', format: 'iife', write: false, logLevel: 'silent' });
    const context = vm.createContext({ Headers, TextEncoder, TextDecoder, ArrayBuffer, Uint8Array });
    vm.runInContext(out.outputFiles[0]!.text, context);
    expect(await vm.runInContext('run()', context)).toBe(JSON.stringify(['ф0_.pdf', 'ф19_.pdf', 'a_b_c', '_CON .txt']));
  });
});
