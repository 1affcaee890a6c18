// Issue 14 item 6: every wrapped method of every client returns an ApiPromise; `.withResponse()` gives the same typed
// body with the final response and its request id, from one HTTP exchange; per-call `headers` and `fetchOptions` reach
// fetch (and cannot replace what the client sets); ApiError carries the response headers, secrets masked.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError, REDACTED, type FetchLike, type FetchOptions } from '../../src/core/index.ts';
import { createYandexFleetClient } from '../../src/yandex-fleet/index.ts';
import { clients } from '../support/every-method.ts';

interface Seen {
  request: Request;
  init: RequestInit | undefined;
}

/** A fetch answering every request with `body` (JSON) and a request id, recording what it was given. */
function answering(body: unknown, seen: Seen[], status = 200, headers: Record<string, string> = {}): FetchLike {
  return async (request, init) => {
    seen.push({ request, init });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'x-request-id': 'req-42', ...headers } });
  };
}

/** Every function a client offers, by dotted path (one level of grouping objects, as Fastriver has). */
function members(client: object): string[] {
  return Object.entries(client).flatMap(([name, value]) =>
    value !== null && typeof value === 'object' && name !== 'raw' ? Object.keys(value as object).map((inner) => `${name}.${inner}`) : [name],
  );
}

const cases = Object.keys(clients(async () => new Response())).flatMap((api) =>
  Object.keys(clients(async () => new Response())[api]?.methods ?? {}).map((method) => [api, method] as const),
);

describe('withResponse, on every wrapped method', () => {
  it.each(Object.keys(clients(async () => new Response())))('%s: the table lists every method (a new method must be added here)', (api) => {
    const entry = clients(async () => new Response())[api];
    expect(entry).toBeDefined();
    if (!entry) return;
    expect(members(entry.client).sort()).toEqual([...Object.keys(entry.methods), ...entry.excluded].sort());
  });

  it.each(cases)('%s %s: the body, with status, headers and request id, from one exchange', async (api, method) => {
    const seen: Seen[] = [];
    const entry = clients(answering(clients(async () => new Response())[api]?.body(method), seen))[api];
    const call = entry?.methods[method];
    if (!call) throw new Error(`no ${api} ${method}`);
    const promise = call({ maxRetries: 0 });
    const full = await promise.withResponse();
    expect(await promise).toEqual(full.data); // the same call, not a second one
    expect(seen).toHaveLength(1);
    expect(full.response.status).toBe(200);
    expect(full.response.headers.get('content-type')).toBe('application/json');
    expect(full.requestId).toBe('req-42');
  });

  it.each(cases)('%s %s: per-call headers and fetch options reach fetch; the client keeps its own', async (api, method) => {
    const seen: Seen[] = [];
    const entry = clients(answering(clients(async () => new Response())[api]?.body(method), seen))[api];
    const call = entry?.methods[method];
    if (!call) throw new Error(`no ${api} ${method}`);
    const caller = new AbortController();
    const fetchOptions = { cache: 'no-store', keepalive: true, method: 'PATCH', headers: { 'x-sneaky': '1' }, body: 'nope', signal: caller.signal, redirect: 'error' };
    await call({ maxRetries: 0, headers: { 'X-Trace-Id': 'trace-1' }, fetchOptions: fetchOptions as FetchOptions }).withResponse();
    const [sent] = seen;
    expect(sent?.request.headers.get('x-trace-id')).toBe('trace-1');
    expect(sent?.init).toMatchObject({ cache: 'no-store', keepalive: true });
    for (const key of ['method', 'headers', 'body'] as const) expect(sent?.init?.[key]).toBeUndefined();
    expect(sent?.init?.redirect).toBe('manual'); // the transport's redirect policy, not the caller's 'error'
    expect(sent?.init?.signal).not.toBe(caller.signal); // the attempt's own signal (timeout + caller), never replaced
    expect(sent?.request.headers.get('x-sneaky')).toBeNull();
  });

  it('a caller who asks only withResponse() of a failing call gets the error there, and no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const yandex = createYandexFleetClient({ apiKey: 'k'.repeat(16), clientId: 'taxi/park/1', fetch: answering({ message: 'no' }, [], 404) });
      await expect(yandex.getTransactionStatus({} as never).withResponse()).rejects.toBeInstanceOf(ApiError);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

describe('ApiError carries the response headers, secrets masked', () => {
  it('keeps the request id and other headers; masks credential headers whole and secrets inside any value', async () => {
    const apiKey = 'yandex-key-0123456789abcdef';
    const yandex = createYandexFleetClient({
      apiKey,
      clientId: 'taxi/park/1',
      fetch: answering({ message: 'no' }, [], 403, { 'set-cookie': 'session=abc', 'x-echo': `key ${apiKey} seen`, 'retry-after': '3' }),
    });
    const error = await yandex.getTransactionStatus({} as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const { headers } = error as ApiError;
    expect(headers['x-request-id']).toBe('req-42');
    expect(headers['retry-after']).toBe('3');
    expect(headers['set-cookie']).toBe(REDACTED);
    expect(headers['x-echo']).toBe(`key ${REDACTED} seen`);
    expect(JSON.stringify(error)).not.toContain(apiKey);
  });

  it('property: a credential echoed in any response header never shows in the error', async () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9_-]{12,40}$/);
    const header = fc.stringMatching(/^x-[a-z]{1,12}$/);
    const around = fc.stringMatching(/^[ A-Za-z0-9=;:,.]{0,20}$/);
    await fc.assert(
      fc.asyncProperty(secret, header, around, around, async (apiKey, name, before, after) => {
        const value = `${before} ${apiKey} ${after}`.trim();
        const yandex = createYandexFleetClient({ apiKey, clientId: 'taxi/park/1', fetch: answering({ message: 'no' }, [], 400, { [name]: value }), retry: { maxRetries: 0 } });
        const error = (await yandex.getTransactionStatus({} as never).catch((e: unknown) => e)) as ApiError;
        expect(error).toBeInstanceOf(ApiError);
        expect(error.headers[name]).toBeDefined();
        expect(JSON.stringify(error)).not.toContain(apiKey);
        expect(Object.values(error.headers).join('\n')).not.toContain(apiKey);
      }),
      { numRuns: 60 },
    );
  });
});
