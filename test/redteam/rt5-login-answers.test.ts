// rt5: a login server (Fastriver /authentications) answering 200 with a token or expiry that cannot be used.
import { afterEach, describe, expect, it } from 'vitest';
import { createFastriverClient } from '../../src/fastriver/index.ts';
import { SdkError } from '../../src/core/index.ts';
import { serve, settle, type TestServer } from './helpers.ts';

let servers: TestServer[] = [];
afterEach(async () => { await Promise.all(servers.map((s) => s.close())); servers = []; });
const UUID = 'f7b1c2d3-0000-4000-8000-000000000001';
const PASSWORD = 'fr-password-RT5-0123456789';

async function withLogin(login: unknown) {
  const s = await serve((req, res) => {
    if (req.url?.includes('authentications')) { res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify(login)); return; }
    res.writeHead(200, { 'content-type': 'application/vnd.api+json' });
    res.end(JSON.stringify({ data: { type: 'delivery_request', id: UUID, attributes: { status: 'created' } } }));
  });
  servers.push(s);
  return s;
}
const future = Math.floor(Date.now() / 1000) + 3600;

describe('rt5 Fastriver: unusable tokens from a 200 login answer', () => {
  const tokens: unknown[] = ['abc\r\nX-Evil: 1', 'abc\nX-Evil: 1', 'токен-кириллицей', 'a\u0000b', ' ', '', 'x'.repeat(100_000), 42, { toString: 'x' }, ['a'], null, true];
  for (const token of tokens) {
    it(`token ${JSON.stringify(token)?.slice(0, 30)}: a typed error (or a clean call), never a bare TypeError, no header injected`, async () => {
      const s = await withLogin({ token, expires_at: future });
      const client = createFastriverClient({ login: 'bot@x.ru', password: PASSWORD }, { baseUrl: s.url, retry: { maxRetries: 0 }, timeoutMs: 3000 });
      const r = await settle(client.deliveryRequests.get(UUID));
      for (const seen of s.seen) expect(seen.headers['x-evil']).toBeUndefined();
      if (!r.ok) {
        expect(r.error, String(r.error)).toBeInstanceOf(SdkError);
        expect(JSON.stringify(r.error) + String(r.error)).not.toContain(PASSWORD);
      }
    });
  }
  const expiries: unknown[] = [0, -1, 1, 1e308, '2099-01-01', 'soon', null, { valueOf: 1 }, NaN, Number.MAX_SAFE_INTEGER * 1000, future * 1000];
  for (const expires_at of expiries) {
    it(`expires_at ${JSON.stringify(expires_at)}: the call ends with a bounded number of logins`, async () => {
      const s = await withLogin({ token: 'tok-abcdefghijkl', expires_at });
      const client = createFastriverClient({ login: 'bot@x.ru', password: PASSWORD }, { baseUrl: s.url, retry: { maxRetries: 0 }, timeoutMs: 3000 });
      const r = await Promise.race([settle(client.deliveryRequests.get(UUID)), new Promise<'hang'>((resolve) => setTimeout(() => resolve('hang'), 4000))]);
      expect(r).not.toBe('hang');
      if (r !== 'hang' && !r.ok) expect(r.error, String(r.error)).toBeInstanceOf(SdkError);
      // a second and third call reuse a usable token, or log in again at most once each
      await settle(client.deliveryRequests.get(UUID));
      await settle(client.deliveryRequests.get(UUID));
      const logins = s.seen.filter((x) => x.url.includes('authentications')).length;
      expect(logins).toBeLessThanOrEqual(6);
    });
  }
  it('a 401 on every call after a successful login: bounded re-logins, then a typed 401', async () => {
    const s = await serve((req, res) => {
      if (req.url?.includes('authentications')) { res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify({ token: 'tok-abcdefghijkl', expires_at: future })); return; }
      res.writeHead(401, { 'content-type': 'application/json' }); res.end('{"error":"unauthorized"}');
    });
    servers.push(s);
    const client = createFastriverClient({ login: 'bot@x.ru', password: PASSWORD }, { baseUrl: s.url, retry: { maxRetries: 0 } });
    const r = await settle(client.deliveryRequests.get(UUID));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toBeInstanceOf(SdkError);
    expect(s.seen.filter((x) => x.url.includes('authentications')).length).toBeLessThanOrEqual(2);
  });
  it('a login answered with a 307 to another origin does not send the password there', async () => {
    const other = await serve((req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify({ token: 'x', expires_at: future })); });
    servers.push(other);
    const s = await serve((req, res) => { res.writeHead(307, { location: `${other.url}/authentications` }); res.end(); });
    servers.push(s);
    const client = createFastriverClient({ login: 'bot@x.ru', password: PASSWORD }, { baseUrl: s.url, retry: { maxRetries: 0 } });
    const r = await settle(client.deliveryRequests.get(UUID));
    expect(JSON.stringify(other.seen)).not.toContain(PASSWORD);
    if (!r.ok) expect(r.error).toBeInstanceOf(SdkError);
  });
});
