// rt5: redirect targets that only look same-origin, redirect loops, and secrets echoed in encodings a redactor
// may not expect (base64 at any alignment, ensure_ascii JSON, lowercase percent-escapes, form '+', cause chains).
import { afterEach, describe, expect, it } from 'vitest';
import { inspect } from 'node:util';
import { createTbankDeliveryClient } from '../../src/tbank-delivery/index.ts';
import { createFastriverClient } from '../../src/fastriver/index.ts';
import { createDilovodClient } from '../../src/dilovod/index.ts';
import { SdkError } from '../../src/core/index.ts';
import { serve, settle, type TestServer } from './helpers.ts';

let servers: TestServer[] = [];
afterEach(async () => { await Promise.all(servers.map((s) => s.close())); servers = []; });
const TOKEN = 'tbank-token-RT5-0123456789abcdef';

async function pair(location: (same: URL, other: URL) => string, status = 307) {
  const other = await serve((req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"id":"x","status":"NEW"}'); });
  servers.push(other);
  let sameUrl!: URL;
  const same = await serve((req, res) => {
    if (req.url?.startsWith('/final')) { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"id":"x","status":"NEW"}'); return; }
    res.writeHead(status, { location: location(sameUrl, new URL(other.url)) }); res.end();
  });
  servers.push(same);
  sameUrl = new URL(same.url);
  return { same, other };
}
const leaked = (s: TestServer) => s.seen.filter((r) => JSON.stringify(r).includes(TOKEN) || JSON.stringify(r).toLowerCase().includes('bearer'));

describe('rt5 redirects: Location values that only look same-origin', () => {
  const cases: Array<[string, (same: URL, other: URL) => string]> = [
    ['userinfo holding the same origin', (s, o) => `http://${s.host}@${o.host}/api/v1/delivery/tasks/x`],
    ['userinfo with encoded colon', (s, o) => `http://127.0.0.1%3A${s.port}@${o.host}/x`],
    ['protocol-relative', (s, o) => `//${o.host}/x`],
    ['backslash-relative', (s, o) => `/\\${o.host}/x`],
    ['double backslash', (s, o) => `\\\\${o.host}/x`],
    ['tab inside scheme-relative', (s, o) => `/\t/${o.host}/x`],
    ['localhost alias', (s, o) => `http://localhost:${o.port}/x`],
    ['decimal IP', (s, o) => `http://2130706433:${o.port}/x`],
    ['hex IP', (s, o) => `http://0x7f000001:${o.port}/x`],
    ['uppercase scheme + host', (s, o) => `HTTP://127.0.0.1:${o.port}/x`],
    ['leading whitespace', (s, o) => ` http://127.0.0.1:${o.port}/x`],
    ['ipv4-mapped ipv6', (s, o) => `http://[::ffff:127.0.0.1]:${o.port}/x`],
  ];
  for (const [name, loc] of cases) {
    for (const status of [302, 307, 308]) {
      it(`${status} ${name}: the other port never sees the token, and the call rejects typed or succeeds same-origin`, async () => {
        const { same, other } = await pair(loc, status);
        const tbank = createTbankDeliveryClient({ token: TOKEN, baseUrl: same.url, retry: { maxRetries: 0 }, timeoutMs: 3000 });
        const r = await settle(tbank.getTask('t-1'));
        expect(leaked(other)).toEqual([]);
        if (!r.ok) expect(r.error, String(r.error)).toBeInstanceOf(SdkError);
      });
    }
  }
  it('a same-origin redirect loop ends in a typed error, not a hang or a bare TypeError', async () => {
    const same = await serve((req, res) => { res.writeHead(307, { location: `/loop${Math.random()}` }); res.end(); });
    servers.push(same);
    const r = await settle(createTbankDeliveryClient({ token: TOKEN, baseUrl: same.url, retry: { maxRetries: 0 }, timeoutMs: 5000 }).getTask('t-1'));
    expect(r.ok).toBe(false);
    if (!r.ok) { expect(r.error, String(r.error)).toBeInstanceOf(SdkError); expect(inspect(r.error, { depth: 10 })).not.toContain(TOKEN); }
  });
  for (const location of ['http://[', 'http://a b/', 'http://127.0.0.1:99999/', '\u0000', 'javascript:alert(1)', 'data:text/plain,hi', 'file:///etc/passwd', '']) {
    it(`307 Location ${JSON.stringify(location)}: typed error`, async () => {
      const same = await serve((req, res) => { try { res.writeHead(307, { location }); } catch { res.writeHead(307); } res.end(); });
      servers.push(same);
      const r = await settle(createTbankDeliveryClient({ token: TOKEN, baseUrl: same.url, retry: { maxRetries: 0 }, timeoutMs: 3000 }).getTask('t-1'));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error, String(r.error)).toBeInstanceOf(SdkError);
    });
  }
});

function allText(error: unknown, events: unknown[] = []): string {
  const e = error as any;
  const parts = [String(e), e?.message, e?.stack, inspect(e, { depth: 20, showHidden: true }), JSON.stringify(e), JSON.stringify(events)];
  try { parts.push(JSON.stringify(e?.body)); } catch { /* */ }
  let c = e?.cause; let n = 0;
  while (c && n++ < 10) { parts.push(String(c), c?.stack ?? '', inspect(c, { depth: 20 })); c = c.cause; }
  return parts.join('\n');
}

describe('rt5 secrets echoed in other encodings', () => {
  const echo = async (render: (body: string, headers: Record<string, string | string[] | undefined>) => string, status = 400) => {
    const s = await serve((req, res, seen) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(render(seen.body, req.headers)); });
    servers.push(s);
    return s;
  };
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  for (const prefix of ['', 'x', 'xy']) {
    it(`base64 of the Authorization header at alignment ${prefix.length} is masked`, async () => {
      const s = await echo((_b, h) => JSON.stringify({ errorCode: 'X', errorMessage: `seen ${b64(prefix + String(h.authorization))}` }));
      const events: unknown[] = [];
      const r = await settle(createTbankDeliveryClient({ token: TOKEN, baseUrl: s.url, retry: { maxRetries: 0 }, logger: (e) => events.push(e) }).getTask('t-1'));
      const echoed = b64(prefix + `Bearer ${TOKEN}`);
      const text = allText(r.ok ? undefined : r.error, events);
      // the longest stretch of the echoed base64 that encodes only token characters must not survive
      const inner = echoed.slice(Math.ceil(((prefix.length + 7) * 4) / 3) + 1, Math.floor(((prefix.length + 7 + TOKEN.length) * 4) / 3) - 1);
      expect(inner.length).toBeGreaterThan(20);
      expect(text).not.toContain(inner);
    });
  }
  const PASSWORD = 'пароль-Секрет-2026-длинный';
  it('a Cyrillic password echoed with ensure_ascii (\\u043f…) is masked', async () => {
    const s = await echo((body) => JSON.stringify({ error: `bad login: ${JSON.stringify(JSON.parse(body)).replace(/[\u0080-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'))}` }), 422);
    const events: unknown[] = [];
    const client = createFastriverClient({ login: 'bot@x.ru', password: PASSWORD }, { baseUrl: s.url, retry: { maxRetries: 0 }, logger: (e) => events.push(e) });
    const r = await settle(client.deliveryRequests.get('f7b1c2d3-0000-4000-8000-000000000001'));
    const escaped = PASSWORD.replace(/[\u0080-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
    const text = allText(r.ok ? undefined : r.error, events);
    expect(text).not.toContain(escaped.slice(0, 40));
    expect(text).not.toContain(PASSWORD.slice(0, 10));
  });
  it('a Cyrillic password echoed UTF-8 percent-encoded in upper and lower case is masked', async () => {
    const enc = encodeURIComponent(PASSWORD);
    const s = await echo(() => JSON.stringify({ error: `upper ${enc} lower ${enc.toLowerCase()}` }), 422);
    const client = createFastriverClient({ login: 'bot@x.ru', password: PASSWORD }, { baseUrl: s.url, retry: { maxRetries: 0 } });
    const r = await settle(client.deliveryRequests.get('f7b1c2d3-0000-4000-8000-000000000001'));
    const text = allText(r.ok ? undefined : r.error);
    expect(text).not.toContain(enc.slice(0, 30));
    expect(text).not.toContain(enc.toLowerCase().slice(0, 30));
  });
  it('a Dilovod key with + and / echoed with lowercase %2b/%2f is masked', async () => {
    const KEY = 'dk+RT5/abcdefghij+klmnop/qrstu==';
    const s = await serve((req, res, seen) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify({ error: `got ${seen.body.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())}` })); });
    servers.push(s);
    const r = await settle(createDilovodClient({ key: KEY, baseUrl: s.url, retry: { maxRetries: 0 } }).getObject('1110800000001029'));
    const text = allText(r.ok ? undefined : r.error);
    expect(text).not.toContain(encodeURIComponent(KEY).toLowerCase().slice(0, 20));
    expect(text.toLowerCase()).not.toContain(encodeURIComponent(KEY).toLowerCase().slice(3, 25));
  });
  it('a password with spaces echoed form-encoded (+) is masked', async () => {
    const P2 = 'my very secret pass phrase 2026';
    const s = await echo(() => JSON.stringify({ error: `form password=${P2.replace(/ /g, '+')}` }), 422);
    const r = await settle(createFastriverClient({ login: 'bot@x.ru', password: P2 }, { baseUrl: s.url, retry: { maxRetries: 0 } }).deliveryRequests.get('f7b1c2d3-0000-4000-8000-000000000001'));
    expect(allText(r.ok ? undefined : r.error)).not.toContain('secret+pass+phrase');
  });
  it('a custom fetch failing with an AggregateError that quotes the token: no token in cause chain or errors[]', async () => {
    const failing = async (input: string | URL | Request, init?: RequestInit) => {
      const auth = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined)).get('authorization') ?? `Bearer ${TOKEN}`;
      const inner = new Error(`proxy refused: ${auth}`);
      throw new TypeError('fetch failed', { cause: new AggregateError([inner, new Error(`again ${auth}`)], `all attempts failed for ${auth}`) });
    };
    const r = await settle(createTbankDeliveryClient({ token: TOKEN, baseUrl: 'http://127.0.0.1:9', fetch: failing as typeof fetch, retry: { maxRetries: 0 } }).getTask('t-1'));
    expect(r.ok).toBe(false);
    const e = (r as any).error;
    const text = allText(e) + inspect(e?.cause?.cause?.errors, { depth: 10 }) + String(e?.cause?.cause?.errors?.[0]?.message);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(TOKEN.slice(0, 12));
  });
  it('a server echoing the token in a response header and in Set-Cookie: masked in error.headers', async () => {
    const s = await serve((req, res) => { res.writeHead(500, { 'content-type': 'application/json', 'x-echo': String(req.headers.authorization), 'set-cookie': `s=${TOKEN}; Path=/`, 'www-authenticate': `Bearer error="invalid_token", token="${TOKEN}"` }); res.end('{}'); });
    servers.push(s);
    const r = await settle(createTbankDeliveryClient({ token: TOKEN, baseUrl: s.url, retry: { maxRetries: 0 } }).getTask('t-1'));
    const e = (r as any).error;
    expect(allText(e) + inspect(e?.headers) + JSON.stringify(e?.headers)).not.toContain(TOKEN.slice(0, 14));
  });
});
