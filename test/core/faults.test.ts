// The shared core against a server that misbehaves on purpose: attempts, idempotency keys, typed errors.
import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, InvalidResponseError, NetworkError, SdkError, TimeoutError } from '../../src/core/index.ts';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { createTestClient, SECRET_KEY, SECRET_TOKEN } from '../support/test-api.ts';

const THING = '{"id":"t1","name":"box"}';
let server: FaultServer;
let client: ReturnType<typeof createTestClient>;

beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());
beforeEach(() => {
  client = createTestClient(server.url);
});

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('retries', () => {
  it('waits out a 429 with Retry-After in seconds, then succeeds', async () => {
    server.script({ status: 429, headers: { 'retry-after': '1' }, body: '{"message":"slow down"}' }, { status: 200, body: '[]' });
    await expect(client.listThings()).resolves.toEqual([]);
    expect(server.received).toHaveLength(2);
    expect(client.events.find((event) => event.level === 'warn')?.retryInMs).toBe(1000);
  });

  it('honours Retry-After given as an HTTP date', async () => {
    const date = new Date(Date.now() + 2000).toUTCString();
    server.script({ status: 503, headers: { 'retry-after': date } }, { status: 200, body: '[]' });
    await expect(client.listThings()).resolves.toEqual([]);
    const waited = client.events.find((event) => event.level === 'warn')?.retryInMs ?? -1;
    expect(waited).toBeGreaterThan(0);
    expect(waited).toBeLessThanOrEqual(2000);
  });

  it('does not wait for a Retry-After beyond the cap: it fails at once and says how long to wait', async () => {
    server.script({ status: 429, headers: { 'retry-after': '3600' }, body: '{"code":"limit","message":"try later"}' });
    const error = await failure(client.listThings());
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: 'limit', retryAfterMs: 3_600_000, attempts: 1 });
    expect(server.received).toHaveLength(1);
  });

  it('retries 503 on a keyed POST, re-sending the same body and the same idempotency key', async () => {
    server.script({ status: 503 }, { status: 200, body: THING });
    await expect(client.createThing({ name: 'box' }, { withKey: true })).resolves.toEqual({ id: 't1', name: 'box' });
    expect(server.received).toHaveLength(2);
    const [first, second] = server.received;
    expect(first?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(second?.headers['idempotency-key']).toBe(first?.headers['idempotency-key']);
    expect(second?.body).toBe('{"name":"box"}');
    expect(first?.body).toBe(second?.body);
  });

  it('uses the idempotency key the caller gives', async () => {
    server.script({ status: 500 }, { status: 200, body: THING });
    await client.createThing({ name: 'box' }, { withKey: true, idempotencyKey: 'my-own-key-0001' });
    expect(server.received.map((request) => request.headers['idempotency-key'])).toEqual(['my-own-key-0001', 'my-own-key-0001']);
  });

  it('gives up after the default 2 retries with the last ApiError', async () => {
    server.script({ status: 502, body: '{"code":"upstream","message":"bad gateway"}' });
    const error = await failure(client.listThings());
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 502, code: 'upstream', attempts: 3 });
    expect(server.received).toHaveLength(3);
  });

  it('takes the retry count from the client and from the call', async () => {
    server.script({ status: 503 });
    await failure(createTestClient(server.url, { retry: { maxRetries: 4, baseDelayMs: 1 } }).listThings());
    expect(server.received).toHaveLength(5);
    server.script({ status: 503 });
    await failure(client.listThings({ maxRetries: 0 }));
    expect(server.received).toHaveLength(1);
  });

  it('never repeats a POST without an idempotency key after a 503', async () => {
    server.script({ status: 503 }, { status: 200, body: THING });
    const error = await failure(client.createThing({ name: 'box' }));
    expect(error).toMatchObject({ status: 503, attempts: 1 });
    expect(server.received).toHaveLength(1);
  });

  it('never repeats a POST without an idempotency key after a connection reset', async () => {
    server.script({ reset: 'before-headers' }, { status: 200, body: THING });
    const error = await failure(client.createThing({ name: 'box' }));
    expect(error).toBeInstanceOf(NetworkError);
    expect(server.received).toHaveLength(1);
  });

  it('repeats a POST the API declares read-only', async () => {
    server.script({ status: 500 }, { status: 200, body: THING });
    await expect(client.searchThings({ name: 'box' })).resolves.toMatchObject({ id: 't1' });
    expect(server.received).toHaveLength(2);
  });

  it('does not retry a 400', async () => {
    server.script({ status: 400, body: '{"code":"bad","message":"name is required"}' });
    const error = await failure(client.listThings());
    expect(error).toMatchObject({ status: 400, code: 'bad', apiMessage: 'name is required', attempts: 1 });
  });
});

describe('network failures and timeouts', () => {
  it('retries a GET after a connection reset before headers', async () => {
    server.script({ reset: 'before-headers' }, { status: 200, body: '[]' });
    await expect(client.listThings()).resolves.toEqual([]);
    expect(server.received).toHaveLength(2);
  });

  it('turns a reset mid-body into a NetworkError after the retries', async () => {
    server.script({ reset: 'mid-body' });
    const error = await failure(client.listThings());
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ operation: 'listThings', attempts: 3 });
    expect(server.received).toHaveLength(3);
  });

  it('times out slow headers per attempt', async () => {
    server.script({ delayHeadersMs: 2000, body: '[]' });
    const error = await failure(client.listThings({ timeoutMs: 100, maxRetries: 1 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 100, attempts: 2 });
    expect(server.received).toHaveLength(2);
  });

  it('times out a slow body too', async () => {
    server.script({ delayBodyMs: 2000, body: '[]' });
    const error = await failure(client.listThings({ timeoutMs: 100, maxRetries: 0 }));
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it('a timed-out attempt is followed by a successful one', async () => {
    server.script({ delayHeadersMs: 2000 }, { status: 200, body: '[]' });
    await expect(client.listThings({ timeoutMs: 100 })).resolves.toEqual([]);
  });

  it("surfaces the caller's abort as an abort, not as a timeout or network error", async () => {
    server.script({ delayHeadersMs: 2000 });
    const controller = new AbortController();
    const pending = client.listThings({ signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await failure(pending);
    expect(error).not.toBeInstanceOf(SdkError);
    expect(error).toMatchObject({ name: 'AbortError' });
  });

  it('stops waiting between retries when the caller aborts', async () => {
    server.script({ status: 429, headers: { 'retry-after': '30' } });
    const controller = new AbortController();
    const pending = client.listThings({ signal: controller.signal });
    setTimeout(() => controller.abort(new Error('caller gave up')), 50);
    await expect(pending).rejects.toThrow('caller gave up');
    expect(server.received).toHaveLength(1);
  });

  it('refuses a connection that cannot be made with a NetworkError naming the cause', async () => {
    const closed = await startFaultServer();
    await closed.close();
    const error = await failure(createTestClient(closed.url).listThings({ maxRetries: 0 }));
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toContain('ECONNREFUSED');
  });
});

describe('bodies that break the contract', () => {
  it('malformed JSON with 200 is an InvalidResponseError with the start of the body', async () => {
    server.script({ status: 200, body: '{"id": "t1", "name": ' });
    const error = await failure(client.listThings());
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ status: 200, contentType: 'application/json', bodySnippet: '{"id": "t1", "name": ' });
  });

  it('an HTML error page with 502 is an ApiError carrying the page text', async () => {
    const page = '<html><body><h1>502 Bad Gateway</h1></body></html>';
    server.script({ status: 502, headers: { 'content-type': 'text/html' }, body: page });
    const error = await failure(client.createThing({ name: 'box' }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 502, body: page, code: undefined, attempts: 1 });
  });

  it('an HTML page with 200 is an InvalidResponseError, not a success', async () => {
    server.script({ status: 200, headers: { 'content-type': 'text/html' }, body: '<html>Welcome to nginx</html>' });
    const error = await failure(client.listThings());
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toContain('text/html');
  });

  it('an empty 200 body is an InvalidResponseError, not undefined', async () => {
    server.script({ status: 200, body: '' });
    const error = await failure(client.listThings());
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toContain('empty body');
  });

  it('an error status with an empty body is still an ApiError with its status', async () => {
    server.script({ status: 404, body: '' });
    await expect(client.listThings()).rejects.toMatchObject({ name: 'ApiError', status: 404, body: undefined });
  });

  it('reads the request id from the response headers', async () => {
    server.script({ status: 409, headers: { 'x-request-id': 'req-42' }, body: '{"code":"conflict","message":"already exists"}' });
    const error = await failure(client.createThing({ name: 'box' }));
    expect(error).toMatchObject({ requestId: 'req-42', code: 'conflict' });
    expect((error as Error).message).toBe('test-api createThing failed: HTTP 409 conflict: already exists (request id req-42)');
  });
});

describe('secrets', () => {
  const leaks = (value: unknown) => [SECRET_KEY, SECRET_TOKEN].some((secret) => value !== undefined && String(value).includes(secret));

  it('never appear in any error, however it is printed, nor in a log event', async () => {
    const echo = JSON.stringify({ code: 'bad', message: `token ${SECRET_TOKEN} rejected for key ${SECRET_KEY}` });
    const cases: Array<[Parameters<FaultServer['script']>, () => Promise<unknown>]> = [
      [[{ status: 401, body: echo }], () => client.createThing({ name: 'box', token: SECRET_TOKEN })],
      [[{ status: 200, body: `{"broken": "${SECRET_KEY}` }], () => client.listThings()],
      [[{ status: 502, headers: { 'content-type': 'text/html' }, body: `<p>${SECRET_TOKEN}</p>` }], () => client.listThings()],
      [[{ reset: 'before-headers' }], () => client.listThings()],
      [[{ delayHeadersMs: 1000 }], () => client.listThings({ timeoutMs: 50 })],
    ];
    for (const [steps, run] of cases) {
      server.script(...steps);
      const error = await failure(run());
      expect(error).toBeInstanceOf(SdkError);
      const printed = [String(error), (error as Error).message, (error as Error).stack, JSON.stringify(error), inspect(error, { depth: 10 })];
      expect(printed.filter(leaks)).toEqual([]);
    }
    expect(server.received.some((request) => request.headers.authorization === `Bearer ${SECRET_KEY}`)).toBe(true);
    expect(client.events.length).toBeGreaterThan(0);
    expect(client.events.filter((event) => leaks(JSON.stringify(event)))).toEqual([]);
  });

  it('are masked in the error body but the rest of the body is kept', async () => {
    server.script({ status: 400, body: JSON.stringify({ code: 'bad', message: 'no', echo: { token: SECRET_TOKEN } }) });
    const error = await failure(client.createThing({ name: 'box', token: SECRET_TOKEN }));
    expect((error as ApiError).body).toEqual({ code: 'bad', message: 'no', echo: { token: '[REDACTED]' } });
  });
});

describe('raw client', () => {
  it('goes through the same auth and retry path', async () => {
    server.script({ status: 503 }, { status: 200, body: '[]' });
    const { data } = await client.raw.GET('/things');
    expect(data).toEqual([]);
    expect(server.received).toHaveLength(2);
    expect(server.received[1]?.headers.authorization).toBe(`Bearer ${SECRET_KEY}`);
    expect(client.events.at(-1)?.operation).toBe('GET /things');
  });

  // The transport reads each answer inside its attempt and hands it on from memory: every way of reading it must work.
  it.each(['json', 'text', 'blob', 'arrayBuffer', 'stream'] as const)('hands the answer on readable as %s', async (parseAs) => {
    server.script({ status: 200, headers: { 'content-type': 'application/json' }, body: THING });
    const { data, response } = await client.raw.GET('/things', { parseAs });
    const text =
      parseAs === 'json' ? JSON.stringify(data)
      : parseAs === 'text' ? (data as string)
      : parseAs === 'blob' ? await (data as Blob).text()
      : parseAs === 'arrayBuffer' ? new TextDecoder().decode(data as ArrayBuffer)
      : await new Response(data as ReadableStream).text();
    expect(JSON.parse(text)).toEqual(JSON.parse(THING));
    if (parseAs === 'blob') expect((data as Blob).type).toBe('application/json');
    const copy = response.clone();
    expect(await copy.json()).toEqual(JSON.parse(THING));
    expect(copy.headers.get('content-type')).toBe('application/json');
  });

  it('re-sends form data on retry with a multipart boundary that matches its body', async () => {
    server.script({ status: 503 }, { status: 200, body: THING });
    const form = new FormData();
    form.append('name', 'box');
    await client.raw.POST('/things', { body: { name: 'box' }, bodySerializer: () => form as unknown as string, params: { header: { 'Idempotency-Key': 'k-2' } } });
    expect(server.received).toHaveLength(2);
    for (const request of server.received) {
      const boundary = /boundary=(.+)$/.exec(String(request.headers['content-type']))?.[1];
      expect(boundary).toBeTruthy();
      expect(request.body).toContain(`--${boundary}`);
      expect(request.body).toContain('name="name"');
    }
  });

  it('re-sends a stream body on retry (a stream is read once, so a copy went out first)', async () => {
    server.script({ status: 503 }, { status: 200, body: THING });
    const body = new Blob(['{"name":"box"}']).stream();
    const { data } = await client.raw.POST('/things', {
      body: { name: 'box' },
      bodySerializer: () => body as unknown as string,
      params: { header: { 'Idempotency-Key': 'k-1' } },
      duplex: 'half',
    } as never);
    expect(data).toEqual(JSON.parse(THING));
    expect(server.received.map((request) => request.body)).toEqual(['{"name":"box"}', '{"name":"box"}']);
  });
});
