// Attack: the shared body reader, fed chunks that are not bytes: through the transport (a custom fetch answering with a
// ReadableStream of numbers, objects, Proxies, detached views, SharedArrayBuffer views, text) and through the receivers
// (a Request whose body stream yields the same). The promise: a typed SdkError (NetworkError for an answer) or a 400
// from a receiver, never a hang, a bare TypeError or a silent success; text and shared bytes read as what they hold.
import { describe, expect, it } from 'vitest';
import { NetworkError } from '../../src/core/index.ts';
import { fastriverCallbackHandler } from '../../src/fastriver/callbacks.ts';
import { createYandexFleetClient } from '../../src/yandex-fleet/index.ts';

const SECRET = 'SECRETKEY-123456789-abcdef';
const stream = (chunk: () => unknown) => new ReadableStream({ start(controller) { controller.enqueue(chunk()); controller.close(); } });
const detached = () => { const view = new Uint8Array([123, 125]); structuredClone(view.buffer, { transfer: [view.buffer] }); return view; };
const sharedView = (bytes: Uint8Array) => { const view = new Uint8Array(new SharedArrayBuffer(bytes.length)); view.set(bytes); return view; };
const hostile = () => new Proxy({}, { get() { throw new TypeError('proxy get'); }, getPrototypeOf() { throw new TypeError('proxy proto'); } });

async function answer(body: () => ReadableStream) {
  const fleet = createYandexFleetClient({ apiKey: SECRET, clientId: 'taxi/park/x', baseUrl: 'http://127.0.0.1:9', retry: { maxRetries: 0 },
    fetch: async () => new Response(body(), { status: 200, headers: { 'content-type': 'application/json' } }) });
  return Promise.race([
    fleet.listTransactionCategories({ query: { park: { id: 'p' } } }).then((value) => ({ value }), (error: unknown) => ({ error })),
    new Promise<{ hang: true }>((resolve) => setTimeout(() => resolve({ hang: true }), 3000)),
  ]);
}

describe('transport: answer bodies whose chunks are not bytes', () => {
  for (const [label, chunk] of [['a number', () => 42], ['an object', () => ({})], ['a hostile Proxy', hostile], ['a view over a detached buffer', detached]] as const) {
    it(`${label}: a NetworkError without the key`, async () => {
      const result = (await answer(() => stream(chunk))) as { error?: Error };
      expect(result.error).toBeInstanceOf(NetworkError);
      expect(String(result.error?.message) + String(result.error?.stack)).not.toContain(SECRET);
    });
  }
  it('text chunks and shared-memory views read as what they hold', async () => {
    expect(await answer(() => stream(() => '{"categories":[]}'))).toEqual({ value: { categories: [] } });
    expect(await answer(() => stream(() => sharedView(new TextEncoder().encode('{"categories":[]}'))))).toEqual({ value: { categories: [] } });
  });
});

describe('fastriverCallbackHandler: request bodies whose chunks are not bytes', () => {
  const BODY = JSON.stringify({ data: { type: 'external_callback', id: 'c0ffee00-0000-4000-8000-000000000000', attributes: { event: 'delivered', delivery_request_status: 'completed' } } });
  const request = (body: ReadableStream) => new Request('http://x/', { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);
  for (const [label, chunk] of [['a number', () => 42], ['a hostile Proxy', hostile], ['a view over a detached buffer', detached]] as const) {
    it(`${label}: 400, no event`, async () => {
      const events: unknown[] = [];
      const response = await fastriverCallbackHandler((event) => { events.push(event); })(request(stream(chunk)));
      expect(response.status).toBe(400);
      expect(events).toEqual([]);
    });
  }
  it('a shared-memory view and text chunks: 200, one event', async () => {
    for (const chunk of [() => sharedView(new TextEncoder().encode(BODY)), () => BODY]) {
      const events: unknown[] = [];
      const response = await fastriverCallbackHandler((event) => { events.push(event); })(request(stream(chunk)));
      expect(response.status).toBe(200);
      expect(events).toHaveLength(1);
    }
  });
  it('the handler ignores extra arguments (Deno info, Worker env, Bun server)', async () => {
    const response = await fastriverCallbackHandler(() => {})(new Request('http://x/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: BODY }), { remoteAddr: {} }, { env: 1 });
    expect(response.status).toBe(200);
  });
});
