// The token lifecycle and pagination against a local Fastriver of our own that counts logins and expires tokens.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, createFastriverClient } from '../../src/fastriver/index.ts';

const LOGIN = 'bot@company.com';
const PASSWORD = 'UKAtyyfGQBGTRb29fQFmDtgSdwS5eL4J';
const TOTAL = 45;

let server: Server;
let baseUrl: string;
const counts = { login: 0, refresh: 0, logout: 0, calls: 0 };
let valid = new Set<string>();
let issued = 0;
let expiresIn = 3600;

function send(res: import('node:http').ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const token = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const issue = (kind: string) => {
        const fresh = `${kind}-${++issued}`;
        valid.add(fresh);
        return { token: fresh, expires_at: Math.floor(Date.now() / 1000) + expiresIn };
      };
      if (url.pathname === '/authentications' && req.method === 'POST') {
        counts.login += 1;
        const { login, password } = JSON.parse(body) as { login: string; password: string };
        return login === LOGIN && password === PASSWORD ? send(res, 200, issue('login')) : send(res, 401, { error: `Неверный пароль ${password}` });
      }
      if (!valid.has(token)) return send(res, 401, { error: 'Требуется авторизация' });
      if (url.pathname === '/authentications' && req.method === 'GET') {
        counts.refresh += 1;
        valid.delete(token);
        return send(res, 200, issue('refresh'));
      }
      if (url.pathname === '/authentications' && req.method === 'DELETE') {
        counts.logout += 1;
        valid.delete(token);
        return send(res, 200, {});
      }
      counts.calls += 1;
      if (url.pathname === '/delivery_requests') {
        const page = Number(url.searchParams.get('page') ?? 1);
        const ids = Array.from({ length: TOTAL }, (_, i) => i + 1).slice((page - 1) * 20, page * 20);
        return send(res, 200, { data: ids.map((id) => ({ id: `r${id}`, type: 'delivery_request', attributes: { status: 'validated' } })), meta: { total: TOTAL } });
      }
      return send(res, 200, { data: { id: url.pathname.split('/').pop(), type: 'delivery_request', attributes: { status: 'validated' } } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  Object.assign(counts, { login: 0, refresh: 0, logout: 0, calls: 0 });
  valid = new Set();
  expiresIn = 3600;
});

const client = (options: Parameters<typeof createFastriverClient>[1] = {}) =>
  createFastriverClient({ login: LOGIN, password: PASSWORD }, { baseUrl, retry: { baseDelayMs: 1, maxDelayMs: 2 }, ...options });

describe('token lifecycle', () => {
  it('logs in on first use and reuses the token', async () => {
    const fastriver = client();
    for (let i = 0; i < 5; i++) await fastriver.deliveryRequests.get(`r${i}`);
    expect(counts).toMatchObject({ login: 1, refresh: 0, calls: 5 });
  });

  it('50 concurrent first calls share one login', async () => {
    const fastriver = client();
    await Promise.all(Array.from({ length: 50 }, (_, i) => fastriver.deliveryRequests.get(`r${i}`)));
    expect(counts).toMatchObject({ login: 1, calls: 50 });
  });

  it('50 concurrent calls that meet a 401 cause exactly one new login, then all succeed', async () => {
    const fastriver = client();
    await fastriver.auth.login();
    valid.clear(); // the server forgets every token
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => fastriver.deliveryRequests.get(`r${i}`)));
    expect(results.map((r) => r.id)).toEqual(Array.from({ length: 50 }, (_, i) => `r${i}`));
    expect(counts).toMatchObject({ login: 2, calls: 50 });
  });

  it('refreshes a token about to expire instead of logging in again', async () => {
    let now = Date.now();
    const fastriver = client({ now: () => now, refreshBeforeMs: 60_000 });
    await fastriver.deliveryRequests.get('a');
    now += 3600_000 - 30_000; // 30 s before expiry
    await fastriver.deliveryRequests.get('b');
    expect(counts).toMatchObject({ login: 1, refresh: 1, calls: 2 });
  });

  it('logs in again when the token has expired', async () => {
    let now = Date.now();
    const fastriver = client({ now: () => now });
    await fastriver.deliveryRequests.get('a');
    now += 2 * 3600_000;
    await fastriver.deliveryRequests.get('b');
    expect(counts).toMatchObject({ login: 2, refresh: 0 });
  });

  it('does not log in before every call when the API hands out an expiry already past (skewed clock)', async () => {
    expiresIn = -600;
    const fastriver = client();
    for (const id of ['a', 'b', 'c']) await fastriver.deliveryRequests.get(id);
    expect(counts).toMatchObject({ login: 1, calls: 3 });
  });

  it('falls back to a login when the refresh is refused', async () => {
    let now = Date.now();
    const fastriver = client({ now: () => now });
    await fastriver.deliveryRequests.get('a');
    valid.clear();
    now += 3600_000 - 10_000;
    await fastriver.deliveryRequests.get('b');
    expect(counts).toMatchObject({ login: 2, refresh: 0, calls: 2 });
  });

  it('logout ends the session; the next call logs in again', async () => {
    const fastriver = client();
    await fastriver.deliveryRequests.get('a');
    await fastriver.auth.logout();
    expect(counts.logout).toBe(1);
    expect(valid.size).toBe(0);
    await fastriver.deliveryRequests.get('b');
    expect(counts.login).toBe(2);
  });

  it('wrong credentials fail with a typed 401 that never shows the password or a token', async () => {
    const fastriver = createFastriverClient({ login: LOGIN, password: 'wrong-password-123456' }, { baseUrl });
    const error = await fastriver.deliveryRequests.get('a').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, operation: 'login' });
    for (const text of [String(error), JSON.stringify(error), inspect(error, { depth: 5 })]) expect(text).not.toContain('wrong-password-123456');
  });

  it('a fixed token is used as given and never triggers a login', async () => {
    valid.add('fixed-token-abcdef0123');
    const fastriver = createFastriverClient({ token: 'fixed-token-abcdef0123' }, { baseUrl });
    await fastriver.deliveryRequests.get('a');
    valid.clear();
    await expect(fastriver.deliveryRequests.get('b')).rejects.toMatchObject({ status: 401, attempts: 1 });
    expect(counts.login).toBe(0);
  });

  it('tokens never appear in log events', async () => {
    const lines: string[] = [];
    const fastriver = client({ logger: (event) => lines.push(JSON.stringify(event)) });
    await fastriver.auth.login();
    valid.clear();
    await fastriver.deliveryRequests.get('a');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((line) => /(login|refresh)-\d+/.test(line) || line.includes(PASSWORD))).toEqual([]);
  });
});

describe('pagination', () => {
  it('list returns one page and the total', async () => {
    const page = await client().deliveryRequests.list({ status: 'validated' }, { page: 3 });
    expect(page.items.map((item) => item.id)).toEqual(['r41', 'r42', 'r43', 'r44', 'r45']);
    expect(page.total).toBe(TOTAL);
  });

  it('listAll walks every page and stops at meta.total', async () => {
    const ids: string[] = [];
    for await (const item of client().deliveryRequests.listAll({ demo: false })) ids.push(String(item.id));
    expect(ids).toHaveLength(TOTAL);
    expect(new Set(ids).size).toBe(TOTAL);
    expect(counts.calls).toBe(3);
  });
});
