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

const THROW_ONE = `
try { cb.parseFastriverCallback('{'); console.log('no error'); }
catch (e) { console.log(e instanceof root.SdkError && e instanceof root.DecodeError ? 'typed ' + e.name : 'bare ' + e.constructor.name + ': ' + e.message); }
`;

describe('the cross-copy error registry', () => {
  it('a non-extensible globalThis (Object.preventExtensions, hardened runtimes): a bad callback is still a typed DecodeError', () => {
    const out = run('rt12-frozen.cjs', `Object.preventExtensions(globalThis);
const root = require('delivery-api-clients'); const cb = require('delivery-api-clients/fastriver/callbacks');${THROW_ONE}`);
    expect(out).toBe('typed DecodeError');
  });

  it('the registry key already taken by something else (non-configurable): errors are still typed', () => {
    const out = run('rt12-taken.mjs', `Object.defineProperty(globalThis, Symbol.for('delivery-api-clients.errors'), { value: 'another library', configurable: false });
const root = await import('delivery-api-clients'); const cb = await import('delivery-api-clients/fastriver/callbacks');${THROW_ONE}`);
    expect(out).toBe('typed DecodeError');
  });

  it('a mark of another shape under the shared key (another version of the package) does not make instanceof throw', () => {
    const out = run('rt12-shape.mjs', `const root = await import('delivery-api-clients');
const cb = await import('delivery-api-clients/fastriver/callbacks');
try { cb.parseFastriverCallback('{'); } catch {}
const other = new Error('from another version');
globalThis[Symbol.for('delivery-api-clients.errors')].set(other, { copy: {}, names: ['ApiError'] });
try { console.log(String(other instanceof root.ApiError)); } catch (e) { console.log('instanceof threw ' + e.constructor.name + ': ' + e.message); }`);
    expect(out).toBe('false');
  });

  it('no code but a constructor can make a plain object pass for an ApiError (README: nothing but a constructor)', () => {
    const out = run('rt12-forge.mjs', `import { createRequire } from 'node:module';
const root = await import('delivery-api-clients'); const cjs = createRequire(import.meta.url)('delivery-api-clients');
try { new root.DecodeError({ api: 'a', operation: 'b', attempts: 0 }, 'p', 'r'); } catch {}
const forged = { status: 200, apiMessage: 'forged' };
const registry = globalThis[Symbol.for('delivery-api-clients.errors')];
try { registry.set(forged, { copy: {}, classes: ['ApiError', 'SdkError'] }); } catch {}
console.log(String(forged instanceof root.ApiError || forged instanceof cjs.ApiError));`);
    expect(out).toBe('false');
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
