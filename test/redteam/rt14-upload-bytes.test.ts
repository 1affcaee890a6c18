// Attack: the bytes an upload sends (toBlob behind T-Bank uploadDocument and Fastriver documents.upload). The promise:
// bytes of any kind become the exact bytes sent; "an upload never goes out with fewer or other bytes than it was given".
// A recording fetch parses the multipart body and answers like the spec.
import fc from 'fast-check';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { SdkError, UsageError } from '../../src/core/index.ts';
import { createTbankDeliveryClient } from '../../src/tbank-delivery/index.ts';
import { createFastriverClient } from '../../src/fastriver/index.ts';

type Sent = { bytes: Uint8Array | undefined; calls: number };

function recordingFetch(sent: Sent, answer: unknown) {
  return async (input: string | URL | Request, init?: RequestInit) => {
    sent.calls++;
    const request = new Request(input, init);
    const form = await request.formData();
    const file = (form.get('content') ?? form.get('file')) as Blob | null;
    sent.bytes = file ? new Uint8Array(await file.arrayBuffer()) : undefined;
    return new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } });
  };
}

async function tbankSends(content: unknown): Promise<{ sent: Sent; error?: unknown }> {
  const sent: Sent = { bytes: undefined, calls: 0 };
  const tbank = createTbankDeliveryClient({ token: 't', baseUrl: 'https://tbank.example', fetch: recordingFetch(sent, { id: 'doc-1' }) });
  try {
    await tbank.uploadDocument({ taskId: 'task-1', type: 'ACT', content: content as Blob, filename: 'act.pdf' });
    return { sent };
  } catch (error) {
    return { sent, error };
  }
}

async function fastriverSends(content: unknown): Promise<{ sent: Sent; error?: unknown }> {
  const sent: Sent = { bytes: undefined, calls: 0 };
  const fastriver = createFastriverClient({ token: 't' }, { baseUrl: 'https://fastriver.example', fetch: recordingFetch(sent, { data: { type: 'document', id: '1', attributes: {} } }) });
  try {
    await fastriver.documents.upload('3d6f0a8e-1b2c-4d5e-8f90-a1b2c3d4e5f6', { file: content as Blob, filename: 'c.pdf' });
    return { sent };
  } catch (error) {
    return { sent, error };
  }
}

/** Sent exactly `expected`, or refused with a UsageError before anything went out. */
function exactOrRefused(result: { sent: Sent; error?: unknown }, expected: Uint8Array) {
  if (result.error !== undefined) {
    expect(result.error).toBeInstanceOf(UsageError);
    expect(result.sent.calls).toBe(0);
  } else {
    expect(result.sent.bytes).toEqual(expected);
  }
}

const carriers: Array<[string, (bytes: Uint8Array) => unknown]> = [
  ['Uint8Array', (b) => new Uint8Array(b)],
  ['Buffer', (b) => Buffer.from(b)],
  ['ArrayBuffer', (b) => new Uint8Array(b).buffer],
  ['SharedArrayBuffer', (b) => { const s = new SharedArrayBuffer(b.length); new Uint8Array(s).set(b); return s; }],
  ['view over SharedArrayBuffer', (b) => { const s = new SharedArrayBuffer(b.length + 2); const v = new Uint8Array(s, 1, b.length); v.set(b); return v; }],
  ['DataView at an offset', (b) => { const a = new Uint8Array(b.length + 3); a.set(b, 2); return new DataView(a.buffer, 2, b.length); }],
  ['Uint8Array of another realm', (b) => { const v = vm.runInNewContext(`new Uint8Array(${b.length})`) as Uint8Array; v.set(b); return v; }],
  ['resizable ArrayBuffer', (b) => { const r = new (ArrayBuffer as any)(b.length, { maxByteLength: b.length + 16 }) as ArrayBuffer; new Uint8Array(r).set(b); return r; }],
  ['Blob', (b) => new Blob([b])],
  ['File with an empty type', (b) => new File([b], 'x', { type: '' })],
  ['Blob subclass', (b) => new (class extends Blob {})([b])],
  ['async iterable of chunks', (b) => (async function* () { for (let i = 0; i < b.length; i += 3) yield b.slice(i, i + 3); })()],
  ['async iterable of text (latin bytes only)', (b) => (async function* () { yield new TextDecoder().decode(b); })()],
];

describe('identical bytes in, identical bytes out (T-Bank uploadDocument)', () => {
  for (const [name, make] of carriers) {
    it(`${name}`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ minLength: name === 'SharedArrayBuffer' ? 1 : 0, maxLength: 64 }), async (raw) => {
          const bytes = name.startsWith('async iterable of text') ? new TextEncoder().encode(new TextDecoder().decode(raw)) : raw;
          const result = await tbankSends(make(bytes));
          expect(result.error).toBeUndefined();
          expect(result.sent.bytes).toEqual(bytes);
        }),
        { numRuns: 25 },
      );
    });
  }
  it('an empty SharedArrayBuffer is an empty file (Node 20 Blob throws "species constructor" for it)', async () => {
    const result = await tbankSends(new SharedArrayBuffer(0));
    expect(result.error).toBeUndefined();
    expect(result.sent.bytes).toEqual(new Uint8Array(0));
  });
  it('Fastriver documents.upload sends the same bytes too', async () => {
    const bytes = new Uint8Array([0, 255, 13, 10, 45, 45, 1]);
    for (const [, make] of carriers.slice(0, 11)) exactOrRefused(await fastriverSends(make(bytes)), bytes);
  });
});

describe('bytes that change after they were given', () => {
  it('a chunk whose buffer is reused by the source after it was yielded: the bytes yielded are sent, not the last fill', async () => {
    const buffer = new Uint8Array(4);
    const source = (async function* () {
      for (const byte of [1, 2, 3]) {
        buffer.fill(byte);
        yield buffer; // a reader that reuses its buffer (as a BYOB reader does)
      }
    })();
    const result = await tbankSends(source);
    exactOrRefused(result, new Uint8Array([1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3]));
  });

  it('a chunk over a resizable buffer shrunk after it was yielded: never fewer bytes sent in silence', async () => {
    const resizable = new (ArrayBuffer as any)(4, { maxByteLength: 8 }) as ArrayBuffer & { resize(n: number): void };
    new Uint8Array(resizable).set([9, 9, 9, 9]);
    const source = (async function* () {
      yield new Uint8Array(resizable, 0, 4);
      resizable.resize(0);
      yield new Uint8Array([7]);
    })();
    const result = await tbankSends(source);
    exactOrRefused(result, new Uint8Array([9, 9, 9, 9, 7]));
  });

  it('a chunk whose buffer is transferred away after it was yielded: never fewer bytes sent in silence', async () => {
    const view = new Uint8Array([5, 5, 5]);
    const source = (async function* () {
      yield view;
      structuredClone(view.buffer, { transfer: [view.buffer] });
      yield new Uint8Array([6]);
    })();
    const result = await tbankSends(source);
    exactOrRefused(result, new Uint8Array([5, 5, 5, 6]));
  });

  it('a length-tracking view resized while being read (direct content, regression)', async () => {
    const resizable = new (ArrayBuffer as any)(4, { maxByteLength: 16 }) as ArrayBuffer & { resize(n: number): void };
    const view = new Uint8Array(resizable);
    view.set([1, 2, 3, 4]);
    const result = await tbankSends(view);
    exactOrRefused(result, new Uint8Array([1, 2, 3, 4]));
  });
});

describe('bytes that lie about themselves', () => {
  it('a Uint8Array with an own byteLength shadowing the real one: its real bytes, or a UsageError, never fewer', async () => {
    const view = new Uint8Array([1, 2, 3, 4]);
    Object.defineProperty(view, 'byteLength', { value: 2 });
    exactOrRefused(await tbankSends(view), new Uint8Array([1, 2, 3, 4]));
  });

  it('a Uint8Array subclass whose byteOffset/buffer getters lie: its real bytes, or a UsageError', async () => {
    class Lying extends Uint8Array {
      override get byteOffset() { return 2; }
    }
    const view = new Lying([1, 2, 3, 4]);
    exactOrRefused(await tbankSends(view.subarray(0, 2)), new Uint8Array([1, 2]));
  });

  it('a typed array whose buffer getter throws: a UsageError, not a "transferred away" story (message honest)', async () => {
    const view = new Uint8Array([1, 2]);
    Object.defineProperty(view, 'buffer', { get() { throw new Error('boom'); } });
    const result = await tbankSends(view);
    exactOrRefused(result, new Uint8Array([1, 2]));
  });

  it('a Proxy around a real Uint8Array: its bytes, or a UsageError (never a bare TypeError)', async () => {
    const result = await tbankSends(new Proxy(new Uint8Array([1, 2, 3]), {}));
    exactOrRefused(result, new Uint8Array([1, 2, 3]));
  });

  it('a revoked Proxy, an iterable that yields then throws: UsageError, nothing sent', async () => {
    // (A Blob subclass whose type getter throws is sent as its bytes, with the file name's type: its own members are
    // not read.)
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    for (const content of [proxy, (async function* () { yield 'a'; throw new Error('broke'); })()]) {
      const result = await tbankSends(content);
      expect(result.error).toBeInstanceOf(SdkError);
      expect(result.error).toBeInstanceOf(UsageError);
      expect(result.sent.calls).toBe(0);
    }
  });
});
