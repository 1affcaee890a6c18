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
  it('a stream reusing one buffer for both halves of a valid callback: 200 and the event as sent', async () => {
    const bytes = new TextEncoder().encode(callback.length % 2 ? `${callback} ` : callback);
    const half = bytes.length / 2;
    const buffer = new Uint8Array(half);
    let i = 0;
    const stream = new ReadableStream({
      pull(controller) {
        if (i === 2) return controller.close();
        buffer.set(bytes.subarray(i * half, (i + 1) * half));
        i++;
        controller.enqueue(buffer);
      },
    });
    const events: string[] = [];
    const answer = await fastriverCallbackHandler((event) => void events.push(event.event))(post(stream));
    expect(answer.status).toBe(200);
    expect(events).toEqual(['delivered']);
  });

  it('endless empty chunks: 408 after bodyTimeoutMs, not a hang', async () => {
    const started = Date.now();
    // Safety net for this test only: the source closes itself after 3 s.
    const stream = new ReadableStream({ pull(c) { if (Date.now() - started > 3000) c.close(); else c.enqueue(new Uint8Array(0)); } });
    const answer = await fastriverCallbackHandler(() => undefined, { bodyTimeoutMs: 200 })(post(stream));
    expect(answer.status).toBe(408);
    expect(Date.now() - started).toBeLessThan(2500);
  }, 10_000);
});
