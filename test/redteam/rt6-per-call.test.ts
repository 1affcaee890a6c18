// Red team 6: per-call headers / fetchOptions, .withResponse(), logLevel and DELIVERY_API_LOG, as a user touches them.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError, SdkError } from '../../src/core/index.ts';
import { createTbankDeliveryClient } from '../../src/tbank-delivery/index.ts';
import { createYandexFleetClient } from '../../src/yandex-fleet/index.ts';

interface Seen { method: string; url: string; headers: IncomingMessage['headers']; body: string }
let server: Server;
let base = '';
const seen: Seen[] = [];
let handler: (req: Seen, res: ServerResponse) => void = (_req, res) => res.end('{}');

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const s: Seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() };
      seen.push(s);
      handler(s, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
afterEach(() => {
  seen.length = 0;
  handler = (_req, res) => res.end('{}');
  vi.restoreAllMocks();
  delete process.env.DELIVERY_API_LOG;
});

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};
const categories = { categories: [{ id: 'partner_service_manual', name: 'x', is_creatable: true, is_enabled: true, is_affecting_driver_balance: true, group_id: 'g', group_name: 'G' }] };
const fleet = (extra: Record<string, unknown> = {}) =>
  createYandexFleetClient({ apiKey: 'fleet-secret-key-0123456789', clientId: 'taxi/park/p1', baseUrl: base, retry: { baseDelayMs: 1, maxDelayMs: 2 }, ...extra } as never);
const listArgs = { query: { park: { id: 'p1' } } } as const;

describe('withResponse', () => {
  it('calling .withResponse() on an already awaited call does not send the request again', async () => {
    handler = (_req, res) => json(res, 200, categories, { 'x-request-id': `rid-${seen.length}` });
    const call = fleet().listTransactionCategories(listArgs);
    const data = await call;
    const one = await call.withResponse();
    const two = await call.withResponse();
    expect(seen).toHaveLength(1);
    expect(one.data).toEqual(data);
    expect(two.requestId).toBe(one.requestId);
  });

  it('withResponse reports the final attempt (after a retried 503), its status, headers and request id', async () => {
    handler = (_req, res) =>
      seen.length === 1 ? json(res, 503, { code: 'x', message: 'busy' }, { 'x-request-id': 'first', 'retry-after': '0' }) : json(res, 200, categories, { 'x-request-id': 'second' });
    const { data, response, requestId } = await fleet().listTransactionCategories(listArgs).withResponse();
    expect(seen).toHaveLength(2);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('second');
    expect(requestId).toBe('second');
    expect(data.categories).toHaveLength(1);
  });

  it('withResponse response body: reading it never throws a bare TypeError and is the same body as data', async () => {
    handler = (_req, res) => json(res, 200, categories);
    const { data, response } = await fleet().listTransactionCategories(listArgs).withResponse();
    let read: unknown;
    try {
      read = await response.clone().json();
    } catch (error) {
      read = error;
    }
    // either readable and equal to data, or documented as consumed (bodyUsed) — but then clone() must not be a bare TypeError
    if (response.bodyUsed) return;
    expect(read).toEqual(data);
  });

  it('withResponse on a failing call rejects with the typed ApiError (with headers), sends once', async () => {
    handler = (_req, res) => json(res, 400, { code: 'invalid_request', message: 'bad' }, { 'x-request-id': 'r-400' });
    const error = await fleet().listTransactionCategories(listArgs).withResponse().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).headers?.['x-request-id'] ?? (error as ApiError).requestId).toBe('r-400');
    expect(seen).toHaveLength(1);
  });
});

describe('per-call headers', () => {
  it('a per-call header replacing the API key is masked in the ApiError like the client key is', async () => {
    const override = 'per-call-override-secret-98765';
    handler = (req, res) => json(res, 401, { code: 'unauthorized', message: `key ${String(req.headers['x-api-key'])} is not valid` }, { 'x-echo-key': String(req.headers['x-api-key']) });
    const error = await fleet({ retry: { maxRetries: 0 } })
      .listTransactionCategories(listArgs, { headers: { 'X-API-Key': override } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const text = `${String(error)} ${inspect(error, { depth: 10 })} ${JSON.stringify(error)}`;
    expect(seen[0]?.headers['x-api-key']).toBe(override);
    expect(text).not.toContain(override);
    expect(text).not.toContain(override.slice(0, 12));
  });

  it('a per-call header named in another case does not make the request carry two Idempotency-Keys', async () => {
    handler = (_req, res) => json(res, 201, { id: 't1', status: 'NEW' });
    const tbank = createTbankDeliveryClient({ token: 'tbank-token-secret-123456', baseUrl: base });
    await tbank.createTask({ template: 'COURIER' } as never, { headers: { 'idempotency-key': 'mine-1', 'IDEMPOTENCY-KEY': 'mine-2' } }).catch(() => undefined);
    const key = seen[0]?.headers['idempotency-key'];
    expect(key).toBeDefined();
    expect(String(key)).not.toContain(',');
  });

  it('a per-call Idempotency-Key header is re-sent unchanged on every retry', async () => {
    handler = (_req, res) => (seen.length < 3 ? json(res, 503, { errorCode: 'X' }, { 'retry-after': '0' }) : json(res, 201, { id: 't1', status: 'NEW' }));
    const tbank = createTbankDeliveryClient({ token: 'tbank-token-secret-123456', baseUrl: base, retry: { baseDelayMs: 1, maxDelayMs: 2 } });
    await tbank.createTask({ template: 'COURIER' } as never, { headers: { 'Idempotency-Key': 'my-key' } }).catch(() => undefined);
    const keys = seen.map((s) => s.headers['idempotency-key']);
    expect(new Set(keys).size).toBe(1);
  });

  it('a per-call header with CRLF is a typed SdkError, not a bare TypeError, and nothing is sent', async () => {
    const error = await fleet().listTransactionCategories(listArgs, { headers: { 'X-Trace-Id': 'a\r\nX-Injected: 1' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SdkError);
    expect(seen).toHaveLength(0);
  });

  it('a per-call header with a non-string value (number from JS) is refused with a typed error or sent as text', async () => {
    const error = await fleet()
      .listTransactionCategories(listArgs, { headers: { 'X-Count': { toString: () => { throw new Error('boom'); } } } as never })
      .then(() => undefined, (e: unknown) => e);
    if (error !== undefined) expect(error).toBeInstanceOf(SdkError);
  });

  it('fetchOptions cannot change method, body, headers or redirect at run time (README: never): same wire as without them', async () => {
    handler = (req, res) => (req.url?.startsWith('/elsewhere') ? json(res, 200, categories) : res.writeHead(302, { location: '/elsewhere' }).end());
    const client = fleet({ retry: { maxRetries: 0 } });
    await client.listTransactionCategories(listArgs).catch(() => undefined);
    const baseline = seen.map((s) => [s.method, s.url, s.headers['x-api-key'], s.body]);
    seen.length = 0;
    await client
      .listTransactionCategories(listArgs, {
        fetchOptions: { method: 'DELETE', body: 'x', headers: { 'x-api-key': 'stolen' }, redirect: 'error' } as never,
      })
      .catch(() => undefined);
    expect(seen.map((s) => [s.method, s.url, s.headers['x-api-key'], s.body])).toEqual(baseline);
  });

  it('fetchOptions.signal cannot replace the client signal (a timeout still applies)', async () => {
    handler = () => undefined; // never answers
    const error = await fleet({ timeoutMs: 200, retry: { maxRetries: 0 } })
      .listTransactionCategories(listArgs, { fetchOptions: { signal: new AbortController().signal } as never })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SdkError);
  }, 5000);
});

describe('logLevel / DELIVERY_API_LOG', () => {
  it('debug console lines never contain the key, a per-call secret header, or the request/answer body', async () => {
    const lines: string[] = [];
    for (const level of ['debug', 'info', 'warn', 'error'] as const) vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
    handler = (_req, res) =>
      seen.length === 1
        ? json(res, 503, { code: 'x', message: 'fleet-secret-key-0123456789 body-marker' }, { 'retry-after': '0' })
        : json(res, 200, { ...categories, marker: 'answer-body-marker' });
    await fleet({ logLevel: 'debug', baseUrl: `${base}/?api_key=fleet-secret-key-0123456789` })
      .listTransactionCategories(listArgs, { headers: { 'X-Trace-Id': 'trace-secret-x', Authorization: 'Bearer per-call-bearer-secret' } })
      .catch(() => undefined);
    const all = lines.join('\n');
    expect(lines.length).toBeGreaterThan(0);
    expect(all).not.toContain('fleet-secret-key');
    expect(all).not.toContain('0123456789');
    expect(all).not.toContain('per-call-bearer-secret');
    expect(all).not.toContain('answer-body-marker');
    expect(all).not.toContain('body-marker');
  });

  it('DELIVERY_API_LOG=debug read at client creation prints lines; an odd value (__proto__) is ignored, not a crash', async () => {
    const lines: string[] = [];
    for (const level of ['debug', 'info', 'warn', 'error'] as const) vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
    handler = (_req, res) => json(res, 200, categories);
    process.env.DELIVERY_API_LOG = '__proto__';
    await fleet().listTransactionCategories(listArgs);
    process.env.DELIVERY_API_LOG = 'DEBUG ';
    await fleet().listTransactionCategories(listArgs);
    expect(lines.some((l) => l.includes('listTransactionCategories'))).toBe(true);
  });

  it('an invalid logLevel is refused at creation with a UsageError (README: options outside their rules are UsageError)', async () => {
    const { UsageError } = await import('../../src/core/index.ts');
    let error: unknown;
    try {
      fleet({ logLevel: 'verbose' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
  });
});
