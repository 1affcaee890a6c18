// The error registry that makes `instanceof` hold across copies (README: one registry every copy shares, a `Symbol.for`
// key on globalThis, made with the first error; "nothing but a constructor can make a value pass for one"). Each
// scenario runs the BUILT package in a child process of its own, so the test's own globalThis stays clean.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtApp } from './rt12-build.ts';

let app = '';
beforeAll(async () => {
  app = await builtApp();
}, 240_000);

function run(name: string, source: string): string {
  writeFileSync(join(app, name), source);
  return execFileSync(process.execPath, [name], { cwd: app, encoding: 'utf8' }).trim();
}

// Without a shared registry each copy keeps its own: the error is typed by the classes of the entry that threw it
// (every receiver entry exports them), and across copies `instanceof` is by prototype only (README says so).
const THROW_ONE = `
try { cb.parseFastriverCallback('{'); console.log('no error'); }
catch (e) { console.log(e instanceof cb.SdkError && e instanceof cb.DecodeError && e.name === 'DecodeError' ? 'typed ' + e.name : 'bare ' + e.constructor.name + ': ' + e.message); }
`;

describe('the cross-copy error registry', () => {
  it('a non-extensible globalThis (Object.preventExtensions, hardened runtimes): a bad callback is still a typed DecodeError', () => {
    const out = run('rt12-frozen.cjs', `Object.preventExtensions(globalThis);
const root = require('delivery-api-clients'); const cb = require('delivery-api-clients/fastriver/callbacks');${THROW_ONE}`);
    expect(out).toBe('typed DecodeError');
  });

  it('the registry key already taken by something else (non-configurable): errors are still typed', () => {
    const out = run('rt12-taken.mjs', `Object.defineProperty(globalThis, Symbol.for('delivery-api-clients.errors.v1'), { value: 'another library', configurable: false });
const root = await import('delivery-api-clients'); const cb = await import('delivery-api-clients/fastriver/callbacks');${THROW_ONE}`);
    expect(out).toBe('typed DecodeError');
  });

  it('a mark of another shape under the shared key (another version of the package) does not make instanceof throw', () => {
    const out = run('rt12-shape.mjs', `const root = await import('delivery-api-clients');
const cb = await import('delivery-api-clients/fastriver/callbacks');
try { cb.parseFastriverCallback('{'); } catch {}
const other = new Error('from another version');
globalThis[Symbol.for('delivery-api-clients.errors.v1')].set(other, { copy: {}, names: ['ApiError'] });
try { console.log(String(other instanceof root.ApiError)); } catch (e) { console.log('instanceof threw ' + e.constructor.name + ': ' + e.message); }`);
    expect(out).toBe('false');
  });

  it('nothing but a constructor makes a value pass for an ApiError of another copy: look-alikes, copies, clones, prototypes', () => {
    // (Code that deliberately writes into the registry can, as it could redefine Symbol.hasInstance: README says so.)
    const out = run('rt12-forge.mjs', `import { createRequire } from 'node:module';
const root = await import('delivery-api-clients'); const cjs = createRequire(import.meta.url)('delivery-api-clients');
const real = new cjs.ApiError({ api: 'a', operation: 'b', attempts: 1 }, { status: 500, requestId: 'r' });
const lookAlikes = [
  { name: 'ApiError', status: 500, apiMessage: 'forged' },
  Object.assign(new Error('copied'), real),
  structuredClone(real),
  Object.create(cjs.ApiError.prototype),
  JSON.parse(JSON.stringify(real)),
];
console.log(String(real instanceof root.ApiError) + ',' + lookAlikes.map((value) => value instanceof root.ApiError).join(','));`);
    expect(out).toBe('true,false,false,false,false,false');
  });

  it('held: ESM and CJS copies, errors made before and after each other loads, see each other', () => {
    const out = run('rt12-order.mjs', `import { createRequire } from 'node:module';
const esmCb = await import('delivery-api-clients/fastriver/callbacks');
let first; try { esmCb.parseFastriverCallback('{'); } catch (e) { first = e; }
const require = createRequire(import.meta.url);
const cjsRoot = require('delivery-api-clients'); const cjsWh = require('delivery-api-clients/dilovod/webhooks');
let second; try { cjsWh.parseDilovodWebhook('/', { remoteAddress: '1.2.3.4' }); } catch (e) { second = e; }
const esmRoot = await import('delivery-api-clients'); const esmWh = await import('delivery-api-clients/dilovod/webhooks');
console.log([first instanceof cjsRoot.DecodeError, second instanceof esmRoot.DecodeError, second instanceof esmWh.WebhookSourceError, first instanceof esmWh.WebhookSourceError, structuredClone(second) instanceof esmRoot.SdkError].join(','));`);
    expect(out).toBe('true,true,true,false,false');
  });
});
