// Errors made in another JavaScript realm (Jest's test sandbox, a vm context, an iframe) are not `instanceof` this
// realm's Error: red team 8 saw a refused connection under Jest lose its cause and its ECONNREFUSED. Every place the
// core reads an error reads it by what it is, whatever realm made it.
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createRedactor, NetworkError, UsageError } from '../../src/core/index.ts';
import { isError } from '../../src/core/objects.ts';
import { createYandexFleetClient } from '../../src/yandex-fleet/index.ts';

/** A TypeError like undici's "fetch failed", with its socket error as the cause, made in a fresh realm. */
const foreignFetchFailure = (secret = '') =>
  runInNewContext(`new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9 ${secret}'), { code: 'ECONNREFUSED' }) })`) as Error;

describe('errors from another realm', () => {
  it('are errors to the core, not to instanceof', () => {
    const foreign = foreignFetchFailure();
    expect(foreign instanceof Error).toBe(false);
    expect(isError(foreign)).toBe(true);
    for (const value of [{}, { message: 'x', name: 'Error' }, 'Error', null, undefined, 1]) expect(isError(value)).toBe(false);
  });

  it('a fetch that fails with one: a NetworkError that says why and keeps the cause (masked)', async () => {
    const apiKey = 'yandex-key-from-another-realm-1234';
    const fleet = createYandexFleetClient({ apiKey, clientId: 'taxi/park/p1', retry: { maxRetries: 0 }, fetch: async () => Promise.reject(foreignFetchFailure(apiKey)) });
    const error = await fleet.listTransactionCategories({ query: { park: { id: 'p1' } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).message).toContain('ECONNREFUSED');
    const cause = (error as NetworkError).cause as Error;
    expect(isError(cause)).toBe(true);
    expect(String(cause.message)).toBe('fetch failed');
    expect(JSON.stringify([(error as Error).message, cause.message, String((cause.cause as Error | undefined)?.message)])).not.toContain(apiKey);
  });

  it('the redactor masks the cause chain of one', () => {
    const secret = 'secret-in-a-foreign-cause-99';
    const redactor = createRedactor([secret]);
    const masked = redactor.error(new UsageError({ api: 'x', operation: 'y', attempts: 0 }, 'outer', foreignFetchFailure(secret)));
    expect(isError(masked.cause)).toBe(true);
    expect(String((masked.cause as Error).cause && ((masked.cause as Error).cause as Error).message)).not.toContain(secret);
    expect(String(((masked.cause as Error).cause as Error).message)).toContain('ECONNREFUSED');
  });
});

// The same kind for data (red team 12): bytes, URLs, queries and Blobs made in another realm, or carried in another
// form (an ArrayBuffer, a DataView, text with a byte order mark), are read as what they are, by every function that
// takes them. Each row: one input in every carrier; every carrier must give the result of the plain one.
describe('values from another realm, and every carrier of the same data', () => {
  const callback = JSON.stringify({ data: { type: 'external_callback', id: 'c0ffee00-0000-4000-8000-000000000000', attributes: { event: 'delivered' } } });
  const bytes = new TextEncoder().encode(callback);
  const foreign = <T>(code: string, values: Record<string, unknown> = {}) => runInNewContext(code, values) as T;
  const carriers: Array<[string, unknown]> = [
    ['text', callback],
    ['text with a byte order mark', `\uFEFF${callback}`],
    ['a Uint8Array', bytes],
    ['bytes with a byte order mark', new Uint8Array([0xef, 0xbb, 0xbf, ...bytes])],
    ['a Buffer', Buffer.from(callback)],
    ['an ArrayBuffer', bytes.slice().buffer],
    ['a DataView', new DataView(bytes.slice().buffer)],
    ['a view into a larger buffer', new Uint8Array([0x20, ...bytes, 0x20]).subarray(1, bytes.length + 1)],
    ["another realm's Uint8Array", foreign('new Uint8Array(source)', { source: [...bytes] })],
    ["another realm's ArrayBuffer", foreign('new Uint8Array(source).buffer', { source: [...bytes] })],
  ];

  it.each(carriers)('parseFastriverCallback reads %s', async (_, body) => {
    const { parseFastriverCallback } = await import('../../src/fastriver/callbacks.ts');
    const event = parseFastriverCallback(body);
    expect([event.event, event.delivery_request_uuid, event.known]).toEqual(['delivered', 'c0ffee00-0000-4000-8000-000000000000', true]);
  });

  it.each(carriers.filter(([name]) => !name.startsWith('text')))('toBlob reads %s byte for byte', async (_, content) => {
    const { toBlob } = await import('../../src/core/index.ts');
    const blob = await toBlob(content as Uint8Array, 'callback.json');
    expect(new TextDecoder().decode(await blob.arrayBuffer()).replace(/^\uFEFF/, '')).toBe(callback);
    expect(blob.type).toBe('application/json');
  });

  it("toBlob reads another realm's Blob (its own type kept), and refuses what is not content with a UsageError", async () => {
    const { toBlob } = await import('../../src/core/index.ts');
    const { Blob: OtherBlob } = await import('node:buffer');
    const blob = await toBlob(new OtherBlob([bytes], { type: 'text/plain' }) as unknown as Blob, 'x.json');
    expect(await blob.text()).toBe(callback);
    for (const content of [42, 'text', null, {}, [1, 2]]) {
      await expect(toBlob(content as unknown as Blob, 'x.pdf'), String(content)).rejects.toBeInstanceOf(UsageError);
    }
    const stream = { async *[Symbol.asyncIterator]() { yield bytes; yield { not: 'bytes' }; } };
    await expect(toBlob(stream as unknown as AsyncIterable<Uint8Array>, 'x.pdf')).rejects.toBeInstanceOf(UsageError);
  });

  it('parseDilovodWebhook reads the query from text, a URL and URLSearchParams; anything else is a UsageError', async () => {
    const { parseDilovodWebhook } = await import('../../src/dilovod/webhooks.ts');
    const packet = JSON.stringify({ action: 'objectChanged', params: { objectName: 'catalogs.goods', id: '1100300000001001' } });
    const url = `http://me.example/hook?packet=${encodeURIComponent(packet)}`;
    const check = { remoteAddress: '88.198.50.253' };
    const forms: unknown[] = [
      url,
      new URL(url),
      new URL(url).searchParams,
    ];
    for (const form of forms) expect(parseDilovodWebhook(form as string, check).params.id).toBe('1100300000001001');
    for (const form of [42, null, {}, ['a']]) expect(() => parseDilovodWebhook(form as string, check), String(form)).toThrow(UsageError);
  });
});

describe('answer bodies streamed in chunks of another realm, or of no bytes at all', () => {
  const answering = (chunks: unknown[]) => async () =>
    new Response(new ReadableStream({ start(controller) { for (const chunk of chunks) controller.enqueue(chunk as Uint8Array); controller.close(); } }), { headers: { 'content-type': 'application/json' } });
  const call = (chunks: unknown[]) =>
    createYandexFleetClient({ apiKey: 'yandex-key-chunks-1234', clientId: 'taxi/park/p1', retry: { maxRetries: 0 }, fetch: answering(chunks) })
      .listTransactionCategories({ query: { park: { id: 'p1' } } })
      .catch((error: unknown) => error);
  const json = JSON.stringify({ categories: [] });

  it("reads another realm's Uint8Arrays and text chunks as the body", async () => {
    const half = json.length >> 1;
    const foreignBytes = runInNewContext('new Uint8Array(source)', { source: [...new TextEncoder().encode(json.slice(0, half))] });
    expect(await call([foreignBytes, json.slice(half)])).toEqual({ categories: [] });
  });

  it('a chunk that is neither bytes nor text: a NetworkError naming it, not a bare TypeError or an empty body', async () => {
    for (const chunk of [{ a: 1 }, 42, null, [1, 2]]) {
      const error = await call([new TextEncoder().encode('{"categories":'), chunk, new TextEncoder().encode('[]}')]);
      expect(error, String(chunk)).toBeInstanceOf(NetworkError);
      expect((error as Error).message).toContain('not bytes or text');
    }
  });
});
