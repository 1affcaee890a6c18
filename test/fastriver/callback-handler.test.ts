// The fetch-style callback handler (the node:http listener is fed raw bytes in test/reliability/receivers.test.ts).
import { describe, expect, it } from 'vitest';
import { fastriverCallbackHandler, type FastriverCallback } from '../../src/fastriver/index.ts';

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
