// Attack: the shared body reader (src/core/read-limited.ts) through a T-Bank client whose custom fetch answers with a
// ReadableStream of odd chunks: the call must reject with an SdkError subclass, never hang or succeed with a different
// body. And the frozen defaultRetryPolicy: retry options of odd shapes never end in a bare TypeError.
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { defaultRetryPolicy, SdkError } from '../../src/core/index.ts';
import { createTbankDeliveryClient } from '../../src/tbank-delivery/index.ts';

function streamOf(chunks: Array<() => unknown>): ReadableStream {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(chunks[i++]!());
      else controller.close();
    },
  });
}

function client(body: () => ReadableStream, extra: Record<string, unknown> = {}) {
  return createTbankDeliveryClient({
    token: 't',
    baseUrl: 'https://tbank.example',
    retry: { maxRetries: 0 },
    fetch: async () => new Response(body(), { status: 200, headers: { 'content-type': 'application/pdf' } }),
    ...extra,
  });
}

async function download(body: () => ReadableStream, extra?: Record<string, unknown>): Promise<Uint8Array | unknown> {
  try {
    return (await client(body, extra).downloadDocument('doc-1')).bytes;
  } catch (error) {
    return error;
  }
}

/** The exact bytes, or an SdkError: never other bytes, never a bare error. */
function exactOrSdkError(result: unknown, expected: Uint8Array) {
  if (result instanceof Uint8Array) expect(result).toEqual(expected);
  else expect(result).toBeInstanceOf(SdkError);
}

describe('odd chunks in an answer body', () => {
  // Left out (red team 14): a source that changes a chunk after enqueuing it (reusing or shrinking its buffer). A
  // ReadableStream owns what is enqueued, and it pulls the next chunk before any reader's continuation runs, so no
  // reader can copy in time; fetch (undici) and node:http hand over fresh chunks. Iterables given to toBlob are copied
  // as they come (rt14-upload-bytes).


  it('a chunk transferred away after it was read: never fewer bytes in silence', async () => {
    const first = new Uint8Array([5, 5]);
    const result = await download(() => streamOf([() => first, () => { structuredClone(first.buffer, { transfer: [first.buffer] }); return new Uint8Array([6]); }]));
    exactOrSdkError(result, new Uint8Array([5, 5, 6]));
  });

  it('a chunk whose own byteLength hides some of its bytes: all of them, or an SdkError', async () => {
    const chunk = new Uint8Array([1, 2, 3, 4]);
    Object.defineProperty(chunk, 'byteLength', { value: 1 });
    exactOrSdkError(await download(() => streamOf([() => chunk])), new Uint8Array([1, 2, 3, 4]));
  });

  const odd: Array<[string, () => unknown, Uint8Array]> = [
    ['a number', () => 5, new Uint8Array()],
    ['null', () => null, new Uint8Array()],
    ['a plain object claiming to be bytes', () => ({ [Symbol.toStringTag]: 'Uint8Array', length: 2, 0: 1, 1: 2 }), new Uint8Array()],
    ['a Proxy around a Uint8Array', () => new Proxy(new Uint8Array([1, 2]), {}), new Uint8Array([1, 2])],
    ['a revoked Proxy', () => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy; }, new Uint8Array()],
    ['a detached view', () => { const v = new Uint8Array([1]); structuredClone(v.buffer, { transfer: [v.buffer] }); return v; }, new Uint8Array()],
    ['a view over a SharedArrayBuffer', () => { const s = new SharedArrayBuffer(2); new Uint8Array(s).set([3, 4]); return new Uint8Array(s); }, new Uint8Array([3, 4])],
    ['an empty SharedArrayBuffer', () => new SharedArrayBuffer(0), new Uint8Array()],
    ['a Float64Array', () => new Float64Array([1]), new Uint8Array(new Float64Array([1]).buffer)],
    ['a Uint8Array of another realm', () => vm.runInNewContext('new Uint8Array([8, 9])'), new Uint8Array([8, 9])],
    ['a Blob', () => new Blob(['ab']), new Uint8Array([97, 98])],
    ['a string', () => 'ab', new Uint8Array([97, 98])],
  ];
  for (const [name, make, expected] of odd) {
    it(`${name}: its exact bytes or an SdkError`, async () => {
      exactOrSdkError(await download(() => streamOf([make])), expected);
    });
  }

  it('a stream that errors after some bytes: an SdkError, not the bytes so far', async () => {
    let i = 0;
    const result = await download(() => new ReadableStream({ pull(c) { if (i++ === 0) c.enqueue(new Uint8Array([1])); else c.error(new RangeError('cut')); } }));
    expect(result).toBeInstanceOf(SdkError);
  });

  it('endless empty chunks: the per-attempt timeout still fires (no hang, no success)', async () => {
    const started = Date.now();
    // A safety net for this test only: the source closes itself after 3 s, so a reader that never yields to timers
    // ends with a success instead of hanging the worker.
    const result = await download(
      () => new ReadableStream({ pull(c) { if (Date.now() - started > 3000) c.close(); else c.enqueue(new Uint8Array(0)); } }),
      { timeoutMs: 200 },
    );
    expect(result).toBeInstanceOf(SdkError);
    expect(Date.now() - started).toBeLessThan(2500);
  }, 10_000);
});

describe('retry options of odd shapes (defaultRetryPolicy is frozen)', () => {
  const shapes: Array<[string, () => unknown]> = [
    ['defaultRetryPolicy itself', () => defaultRetryPolicy],
    ['a frozen policy', () => Object.freeze({ maxRetries: 1, baseDelayMs: 1 })],
    ['an object inheriting from defaultRetryPolicy', () => Object.create(defaultRetryPolicy)],
    ['an object with no prototype', () => Object.assign(Object.create(null), { maxRetries: 1, baseDelayMs: 1 })],
    ['null', () => null],
    ['a number', () => 5],
    ['a string', () => 'retry'],
    ['an array', () => [1, 2]],
    ['a function', () => () => 1],
    ['a Proxy whose ownKeys throws', () => new Proxy({}, { ownKeys() { throw new Error('no keys'); } })],
    ['a Proxy whose get throws', () => new Proxy({ maxRetries: 1 }, { get() { throw new Error('no get'); } })],
    ['a revoked Proxy', () => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy; }],
    ['a getter answering differently on each read', () => { let n = 0; return { get maxRetries() { return n++ === 0 ? 1 : -5; }, baseDelayMs: 1 }; }],
    ['a getter answering a huge count after the check', () => { let n = 0; return { get maxRetries() { return n++ === 0 ? 1 : 1e9; }, baseDelayMs: 0, maxDelayMs: 0 }; }],
    ['maxRetries as a BigInt', () => ({ maxRetries: 1n })],
    ['maxRetries as a numeric string', () => ({ maxRetries: '1' })],
    ['baseDelayMs as an object with valueOf', () => ({ baseDelayMs: { valueOf: () => 1 } })],
    ['a Symbol-keyed member', () => ({ [Symbol('x')]: 1, maxRetries: 1, baseDelayMs: 1 })],
  ];
  for (const [name, make] of shapes) {
    it(`${name}: a client or a typed error, and a call that ends in its result or an SdkError`, async () => {
      let attempts = 0;
      let made: ReturnType<typeof createTbankDeliveryClient> | undefined;
      try {
        made = createTbankDeliveryClient({
          token: 't',
          baseUrl: 'https://tbank.example',
          retry: make() as never,
          fetch: async () => (++attempts < 3 ? new Response('busy', { status: 503, headers: { 'retry-after': '0' } }) : new Response(new Uint8Array([1]), { status: 200 })),
        });
      } catch (error) {
        expect(error).toBeInstanceOf(SdkError);
        return;
      }
      const outcome = await made.downloadDocument('doc-1').then((file) => file.bytes, (error: unknown) => error);
      if (!(outcome instanceof Uint8Array)) expect(outcome).toBeInstanceOf(SdkError);
      expect(attempts).toBeLessThanOrEqual(10);
    }, 20_000);
  }

  it('defaultRetryPolicy stays as it was after all of the above', () => {
    expect(Object.isFrozen(defaultRetryPolicy)).toBe(true);
    expect(defaultRetryPolicy.maxRetries).toBe(2);
  });
});
