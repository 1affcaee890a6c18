// The fetch-style callback handler (the node:http listener is fed raw bytes in test/reliability/receivers.test.ts).
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/index.ts';
import { dilovodWebhookHandler } from '../../src/dilovod/webhooks.ts';
import { fastriverCallbackHandler, type FastriverCallback } from '../../src/fastriver/callbacks.ts';

const CALLBACK = JSON.stringify({ data: { id: '1', type: 'external_callback', attributes: { event: 'schedule', delivery_request_status: 'validated' } } });
type Body = NonNullable<RequestInit['body']>;
const post = (body: Body, headers: Record<string, string> = {}) => new Request('http://receiver.test/callbacks', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('fastriverCallbackHandler', () => {
  it('answers 200 once the event is taken, 500 when taking it throws', async () => {
    const events: FastriverCallback[] = [];
    expect((await fastriverCallbackHandler((event) => void events.push(event))(post(CALLBACK), '10.0.0.1')).status).toBe(200);
    expect(events.map((event) => event.event)).toEqual(['schedule']);
    expect((await fastriverCallbackHandler(() => Promise.reject(new Error('db down')))(post(CALLBACK), undefined)).status).toBe(500);
  });

  it('answers 408 for a body that does not arrive whole in time, and cancels it: one that never ends, one that stalls, one that trickles', async () => {
    const handle = fastriverCallbackHandler(() => undefined, { bodyTimeoutMs: 150 });
    const bodies = {
      'never ends': () => new ReadableStream<Uint8Array>({ pull: () => new Promise(() => undefined) }),
      'stalls after a part': () => new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(new TextEncoder().encode(CALLBACK.slice(0, 20))), pull: () => new Promise(() => undefined) }),
      trickles: () => new ReadableStream<Uint8Array>({ pull: (c) => new Promise((done) => setTimeout(() => done(c.enqueue(new Uint8Array([32]))), 40)) }),
    };
    for (const [name, body] of Object.entries(bodies)) {
      let cancelled = false;
      const stream = body();
      const watched = new ReadableStream<Uint8Array>({
        pull: async (c) => {
          const reader = stream.getReader();
          const part = await reader.read();
          reader.releaseLock();
          if (part.done) c.close();
          else c.enqueue(part.value);
        },
        cancel: () => void (cancelled = true),
      });
      const started = Date.now();
      const response = await handle(post(watched as unknown as Body), undefined);
      expect(response.status, name).toBe(408);
      expect(await response.text(), name).toContain('150 ms');
      expect(Date.now() - started, name).toBeLessThan(5000);
      expect(cancelled, name).toBe(true);
    }
    // A body that arrives in time is read as before.
    expect((await handle(post(CALLBACK), undefined)).status).toBe(200);
  });

  it.each([
    [{ bodyTimeoutMs: 0 }],
    [{ bodyTimeoutMs: -1 }],
    [{ bodyTimeoutMs: Number.POSITIVE_INFINITY }],
    [{ bodyTimeoutMs: 2 ** 31 }],
    [{ bodyTimeoutMs: 1.5 }],
    [{ bodyTimeoutMs: Number.NaN }],
    [{ maxBodyBytes: -1 }],
    [{ maxBodyBytes: Number.NaN }],
  ])('refuses the limits %j with a UsageError when the handler is made', (options) => {
    expect(() => fastriverCallbackHandler(() => undefined, options)).toThrow(UsageError);
  });

  it.each([
    ['GET', 405],
    ['PUT', 405],
    ['DELETE', 405],
  ])('answers %s with %i and Allow: POST', async (method, status) => {
    const response = await fastriverCallbackHandler(() => undefined)(new Request('http://receiver.test/', { method }), undefined);
    expect(response.status).toBe(status);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('answers a body over the limit with 413 naming it: declared, or streamed without a length', async () => {
    const handle = fastriverCallbackHandler(() => undefined, { maxBodyBytes: 100 });
    const declared = await handle(post('x'.repeat(101)), undefined);
    expect(declared.status).toBe(413);
    expect(await declared.text()).toContain('100 bytes');
    const stream = new ReadableStream({
      pull(controller) {
        controller.enqueue(new Uint8Array(64)); // endless: reading must stop at the limit
      },
    });
    expect((await handle(post(stream as unknown as Body), undefined)).status).toBe(413);
  });

  it.each([
    ['not JSON', '{"data":'],
    ['not UTF-8', new Uint8Array([0x7b, 0xff, 0x7d])],
    ['an event that is not a name', CALLBACK.replace('"schedule"', '{"toString":1}')],
    ['a hostile member', '{"data":{"id":{"toString":1,"valueOf":1},"type":"external_callback","attributes":{"event":"schedule"}}}'],
  ])('answers a body that is %s with 400 and the reason', async (_, body) => {
    const response = await fastriverCallbackHandler(() => undefined)(post(body as Body), undefined);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/parseFastriverCallback/);
  });
});

describe('receivers made or called wrongly (red team 10)', () => {
  it.each([
    ['options null', () => fastriverCallbackHandler(() => undefined, null as never)],
    ['a null-prototype limit', () => fastriverCallbackHandler(() => undefined, { bodyTimeoutMs: Object.create(null) as never })],
    ['a limit whose toString throws', () => fastriverCallbackHandler(() => undefined, { maxBodyBytes: { toString: () => { throw new Error('no'); } } as never })],
    ['no listener', () => fastriverCallbackHandler(null as never)],
    ['a listener that is not a function', () => dilovodWebhookHandler('handler' as never)],
  ])('%s: a UsageError when the handler is made (options null: the defaults)', (name, make) => {
    if (name === 'options null') return void expect(make).not.toThrow();
    expect(make).toThrow(UsageError);
  });

  it.each([null, {}, 'http://x/', { method: 'POST' }])('a handler called with %j instead of a Request: a UsageError', async (value) => {
    await expect(fastriverCallbackHandler(() => undefined)(value as never, undefined)).rejects.toBeInstanceOf(UsageError);
    await expect(dilovodWebhookHandler(() => undefined)(value as never, undefined)).rejects.toBeInstanceOf(UsageError);
  });
});
