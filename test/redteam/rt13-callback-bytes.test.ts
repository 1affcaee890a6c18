// Attack: parseFastriverCallback "takes its body as bytes of any kind and realm". Bytes over a SharedArrayBuffer (a
// worker's shared memory), detached ArrayBuffers (after structuredClone with transfer), a revoked Proxy, zero-length and
// wide views. The promise: the bytes read as bytes, or a typed SdkError naming what is wrong, never a bare TypeError and
// never a misread ("data: missing" for a body that has data). In the sources and the BUILT package (ESM and CJS).
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as srcCallbacks from '../../src/fastriver/callbacks.ts';
import { builtApp, entry, type Mod } from './rt12-build.ts';

const copies: Record<string, Mod> = { src: srcCallbacks };
beforeAll(async () => {
  const built = await entry(await builtApp(), '/fastriver/callbacks');
  copies.esm = built.esm;
  copies.cjs = built.cjs;
}, 240_000);

const BODY = JSON.stringify({ data: { type: 'external_callback', id: 'c0ffee00-0000-4000-8000-000000000000', attributes: { event: 'delivered', delivery_request_status: 'completed' } } });
const BYTES = new TextEncoder().encode(BODY);

function shared(): SharedArrayBuffer {
  const sab = new SharedArrayBuffer(BYTES.length);
  new Uint8Array(sab).set(BYTES);
  return sab;
}
function detachedBuffer(): ArrayBuffer {
  const buffer = BYTES.slice().buffer;
  structuredClone(buffer, { transfer: [buffer] });
  return buffer;
}
function detachedView(): Uint8Array {
  const view = BYTES.slice();
  structuredClone(view.buffer, { transfer: [view.buffer] });
  return view;
}

for (const name of ['src', 'esm', 'cjs']) {
  describe(`${name}: callback bodies of odd byte carriers`, () => {
    const parse = (body: unknown) => copies[name]!.parseFastriverCallback(body);
    const sdk = () => copies[name]!.SdkError as new () => Error;

    it('a SharedArrayBuffer reads as its bytes (its view does), not as a parsed body without data', () => {
      expect(parse(new Uint8Array(shared())).delivery_request_uuid ?? parse(new Uint8Array(shared())).id).toBeDefined();
      let result: unknown;
      try {
        result = parse(shared());
      } catch (error) {
        result = error;
      }
      if (result instanceof Error) {
        expect(result).toBeInstanceOf(sdk());
        expect(result.message).not.toMatch(/data: missing/);
      } else expect(result).toEqual(parse(new Uint8Array(shared())));
    });

    it('a SharedArrayBuffer of another realm reads as its bytes too', () => {
      const foreign = vm.runInNewContext('(b) => { const s = new SharedArrayBuffer(b.length); new Uint8Array(s).set(b); return s; }')(BYTES) as SharedArrayBuffer;
      let result: unknown;
      try {
        result = parse(foreign);
      } catch (error) {
        result = error;
      }
      if (result instanceof Error) expect((result as Error).message).not.toMatch(/data: missing/);
      else expect(result).toEqual(parse(BYTES));
    });

    it('a detached ArrayBuffer is a typed SdkError, not a bare TypeError', () => {
      expect(() => parse(detachedBuffer())).toThrow(sdk());
    });

    it('a view over a detached ArrayBuffer is a typed SdkError, not a bare TypeError', () => {
      expect(() => parse(detachedView())).toThrow(sdk());
    });

    it('a revoked Proxy is a typed SdkError, not a bare TypeError', () => {
      const revocable = Proxy.revocable({}, {});
      revocable.revoke();
      expect(() => parse(revocable.proxy)).toThrow(sdk());
    });

    it('zero-length views and buffers, Float64/BigInt64 views: typed DecodeErrors (regression)', () => {
      const padded = new Uint8Array(Math.ceil(BYTES.length / 8) * 8).fill(0x20);
      padded.set(BYTES);
      expect(parse(new Float64Array(padded.buffer))).toEqual(parse(BYTES)); // a view's bytes, whatever its element type
      expect(parse(new BigInt64Array(padded.buffer))).toEqual(parse(BYTES));
      for (const body of [new Uint8Array(0), new ArrayBuffer(0), new DataView(new ArrayBuffer(0))]) expect(() => parse(body)).toThrow(copies[name]!.DecodeError);
    });

    it('an object forging Symbol.toStringTag "ArrayBuffer"/"Uint8Array" is a DecodeError (regression)', () => {
      expect(() => parse({ [Symbol.toStringTag]: 'ArrayBuffer', byteLength: 5 })).toThrow(copies[name]!.DecodeError);
      expect(() => parse({ [Symbol.toStringTag]: 'Uint8Array', byteLength: 5, buffer: 1 })).toThrow(copies[name]!.DecodeError);
    });

    it('BOMs: one leading is dropped; two, or one in the middle, are DecodeErrors (regression)', () => {
      expect(parse(`\uFEFF${BODY}`)).toEqual(parse(BODY));
      expect(() => parse(`\uFEFF\uFEFF${BODY}`)).toThrow(copies[name]!.DecodeError);
      expect(() => parse(`${BODY.slice(0, 10)}\uFEFF${BODY.slice(10)}`)).toThrow(copies[name]!.DecodeError);
      expect(() => parse(new Uint8Array([0xff, 0xfe, ...Buffer.from(BODY, 'utf16le')]))).toThrow(copies[name]!.DecodeError);
    });
  });
}
