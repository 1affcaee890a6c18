// Attack: the cross-copy error registry (Symbol.for('delivery-api-clients.errors.v1') on globalThis) tampered with
// before the package loads: a Proxy whose every trap throws, a WeakMap subclass whose get/set/has throw, a getter that
// throws, a frozen globalThis, a globalThis that takes no new property. The BUILT package is loaded twice (ESM import
// and CJS require) in a child process per case. The promise: constructors and `instanceof` never throw, `instanceof`
// holds within a copy, across copies when the registry is shared, and the receivers keep answering (200/400).
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtApp } from './rt12-build.ts';

let app = '';
beforeAll(async () => {
  app = await builtApp();
}, 240_000);

const PROBE = `
import { createRequire } from 'node:module';
const tamper = process.argv[2];
// Node defines some web globals lazily (a getter that redefines itself on first use); a hardened environment (SES
// lockdown) touches them before freezing, and so does this probe unless told 'freeze-cold'.
if (tamper !== 'freeze-cold') for (const name of ['Blob', 'File', 'Request', 'Response', 'Headers', 'FormData', 'ReadableStream', 'TextDecoder', 'TextEncoder', 'AbortController', 'URL', 'URLSearchParams', 'structuredClone', 'fetch']) void globalThis[name];
if (tamper !== 'freeze-cold') { void new Response('x').status; }
const key = Symbol.for('delivery-api-clients.errors.v1');
const thrower = () => { throw new Error('tampered'); };
if (tamper === 'proxy') globalThis[key] = new Proxy({}, { get: thrower, has: thrower, set: thrower, getPrototypeOf: thrower, ownKeys: thrower, getOwnPropertyDescriptor: thrower });
if (tamper === 'weakmap') { class Bad extends WeakMap { get() { thrower(); } set() { thrower(); } has() { thrower(); } } globalThis[key] = new Bad(); }
if (tamper === 'getter') Object.defineProperty(globalThis, key, { get: thrower, set: thrower, configurable: false });
if (tamper === 'record') globalThis[key] = { version: 1, errors: 'not a map' };
if (tamper === 'freeze' || tamper === 'freeze-cold') Object.freeze(globalThis);
if (tamper === 'preventExtensions') Object.preventExtensions(globalThis);
const out = {};
const step = async (name, fn) => { try { out[name] = await fn(); } catch (error) { out[name] = 'THREW ' + (error?.constructor?.name) + ': ' + error?.message; } };
const esm = await import('delivery-api-clients');
const cjs = createRequire(import.meta.url)('delivery-api-clients');
const esmCb = await import('delivery-api-clients/fastriver/callbacks');
await step('made', () => { const e = new esm.UsageError('core', 'x'); return [e instanceof esm.UsageError, e instanceof esm.SdkError, e instanceof Error]; });
await step('withinCjs', async () => { const e = await cjs.toBlob(null, 'a').catch((x) => x); return [e instanceof cjs.UsageError, e instanceof cjs.SdkError]; });
await step('crossCopy', async () => { const e = await cjs.toBlob(null, 'a').catch((x) => x); return [e instanceof esm.UsageError, e instanceof esm.SdkError]; });
await step('lookalike', () => [({ name: 'UsageError', message: 'x' }) instanceof esm.UsageError, ({ __proto__: Error.prototype, name: 'SdkError' }) instanceof esm.SdkError]);
await step('receiver', async () => {
  const handle = esmCb.fastriverCallbackHandler(() => {});
  const body = JSON.stringify({ data: { type: 'external_callback', id: 'c0ffee00-0000-4000-8000-000000000000', attributes: { event: 'delivered', delivery_request_status: 'completed' } } });
  const good = await handle(new Request('http://x/', { method: 'POST', headers: { 'content-type': 'application/json' }, body }));
  const bad = await handle(new Request('http://x/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }));
  return [good.status, bad.status];
});
console.log(JSON.stringify(out));
`;

async function probe(tamper: string): Promise<Record<string, unknown>> {
  const file = join(app, 'rt13-registry-probe.mjs');
  writeFileSync(file, PROBE);
  const { stdout } = await promisify(execFile)(process.execPath, [file, tamper], { cwd: app, timeout: 20_000 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, unknown>;
}

describe('the error registry under tampering (built ESM + CJS copies, a child process per case)', () => {
  for (const tamper of ['none', 'proxy', 'weakmap', 'getter', 'record', 'freeze', 'preventExtensions', 'freeze-cold']) {
    it(`${tamper}: constructors and instanceof never throw, instanceof holds within a copy, receivers answer`, async () => {
      const out = await probe(tamper);
      expect(out.made).toEqual([true, true, true]);
      expect(out.withinCjs).toEqual([true, true]);
      expect(out.lookalike).toEqual([false, false]);
      if (tamper !== 'freeze-cold') expect(out.receiver).toEqual([200, 400]); // cold: Node's own Request throws first
      if (tamper === 'none') expect(out.crossCopy).toEqual([true, true]);
      else expect(Array.isArray(out.crossCopy)).toBe(true); // per copy: false is documented, a throw is not
    }, 30_000);
  }
});
