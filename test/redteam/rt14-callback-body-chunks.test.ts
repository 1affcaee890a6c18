// Attack: the shared body reader on the receiving side: fastriverCallbackHandler given a Request whose body stream
// reuses one buffer for every chunk, or yields empty chunks without end. A valid callback must be taken as sent; a body
// that never ends must get its 408 (bodyTimeoutMs), never a hang.
import { describe, expect, it } from 'vitest';
import { fastriverCallbackHandler } from '../../src/fastriver/callbacks.ts';

const callback = JSON.stringify({ data: { type: 'external_callback', id: '3d6f0a8e-1b2c-4d5e-8f90-a1b2c3d4e5f6', attributes: { event: 'delivered' } } });

function post(body: ReadableStream): Request {
  return new Request('http://receiver.example/callback', { method: 'POST', body, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit);
}

describe('callback bodies of odd chunks', () => {
  // Left out (red team 14): a source that changes a chunk after enqueuing it (reusing or shrinking its buffer). A
  // ReadableStream owns what is enqueued, and it pulls the next chunk before any reader's continuation runs, so no
  // reader can copy in time; fetch (undici) and node:http hand over fresh chunks. Iterables given to toBlob are copied
  // as they come (rt14-upload-bytes).

  it('endless empty chunks: a prompt 4xx (400: a run of empty chunks is no body; or 408), not a hang', async () => {
    const started = Date.now();
    // Safety net for this test only: the source closes itself after 3 s.
    const stream = new ReadableStream({ pull(c) { if (Date.now() - started > 3000) c.close(); else c.enqueue(new Uint8Array(0)); } });
    const answer = await fastriverCallbackHandler(() => undefined, { bodyTimeoutMs: 200 })(post(stream));
    expect([400, 408]).toContain(answer.status);
    expect(Date.now() - started).toBeLessThan(2500);
  }, 10_000);
});
