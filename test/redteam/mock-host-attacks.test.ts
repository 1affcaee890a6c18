// Red team: the stateful mock host (README "State, sessions, journal and faults").
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { statefulMocks } from '../support/stateful.ts';

const mocks = statefulMocks();
const url = (api: string) => mocks.url[api] ?? '';
let listener: Server;
let listenerUrl = '';
const hits: string[] = [];

beforeAll(async () => {
  listener = createServer((req, res) => { hits.push(`${req.method} ${req.url}`); req.resume(); res.end('ok'); });
  await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r));
  listenerUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
});
afterAll(() => void listener?.close());

const json = (session: string, extra: Record<string, string> = {}) => ({ 'content-type': 'application/json', 'x-mock-session': session, ...extra });

async function journalText(base: string, session: string) {
  const r = await fetch(`${base}/__mock/requests`, { headers: { 'x-mock-session': session } });
  return r.text();
}

const PW = 'PW_S3cret_Value_987';

const packet = JSON.stringify({ version: '0.25', key: 'DILOVOD_S3cret_KEY', action: 'getObject', params: { id: '1110800000001029' } });
it.each([
  ['Fastriver login password in the body', 'fastriver', '/authentications', 'application/json', JSON.stringify({ login: 'bot@company.com', password: PW })],
  ['Dellin appkey and password in the login body', 'dellin', '/v3/auth/login.json', 'application/json', JSON.stringify({ appkey: 'APPKEY_S3cret_123', login: 'logist@shipper.ru', password: PW })],
  ['Dilovod key inside the form-encoded packet', 'dilovod', '/', 'application/x-www-form-urlencoded', `packet=${encodeURIComponent(packet)}`],
])('journal: %s is not kept in the clear', async (_, api, path, type, body) => {
  const s = `rt-${api}-${Date.now()}`;
  await fetch(`${url(api)}${path}`, { method: 'POST', headers: json(s, { 'content-type': type }), body });
  const text = await journalText(url(api), s);
  expect(text).toContain(`"path":"${path}"`);
  expect(text).not.toContain('S3cret');
  expect(decodeURIComponent(text)).not.toContain('S3cret');
});

it('journal: a token in the query string (?token=, ?access_token=) is masked', async () => {
  const base = url('fastriver');
  const s = `rt-q-${Date.now()}`;
  await fetch(`${base}/delivery_requests?token=Q_S3cret_tok&access_token=A_S3cret_tok`, { headers: { 'x-mock-session': s } });
  expect(await journalText(base, s)).not.toContain('S3cret');
});

it('journal: a Basic Authorization, an upper-case header name and x-api-key are masked', async () => {
  const base = url('fastriver');
  const s = `rt-auth-${Date.now()}`;
  const basic = Buffer.from(`bot:${PW}`).toString('base64');
  await fetch(`${base}/delivery_requests`, { headers: { 'x-mock-session': s, authorization: `Basic ${basic}` } });
  await fetch(`${base}/delivery_requests`, { headers: { 'x-mock-session': s, AUTHORIZATION: 'bearer B_S3cret_tok', 'x-api-key': 'K_S3cret' } });
  const text = await journalText(base, s);
  expect(text).not.toContain(basic);
  expect(text).not.toContain('S3cret');
});

async function fastriverToken(base: string, s: string) {
  const r = await fetch(`${base}/authentications`, { method: 'POST', headers: json(s), body: JSON.stringify({ login: 'bot@company.com', password: 'mock-password' }) });
  const body = (await r.json()) as { data?: { attributes?: { token?: string } }; token?: string };
  return JSON.stringify(body).match(/"(?:token|auth_token|access_token)":"([^"]+)"/)?.[1] ?? 'x';
}

async function createWithCallback(base: string, s: string, callback: string) {
  const token = await fastriverToken(base, s);
  const r = await fetch(`${base}/delivery_requests`, {
    method: 'POST',
    headers: json(s, { authorization: `Bearer ${token}` }),
    body: JSON.stringify({ data: { type: 'delivery_request', attributes: { mobile_phone: '+79261234567', first_name: 'Иван', last_name: 'Петров', delivery_city: 'moscow', address: 'ул Сезам, 1', product: 'credit_card_visa', external_id: `X${Date.now()}`, callback_url: callback } } }),
  });
  const text = await r.text();
  const id = text.match(/"id":"([^"]+)"/)?.[1];
  // A callback goes out on a change: move the request as the provider would.
  const moved = id ? await fetch(`${base}/__mock/move`, { method: 'POST', headers: json(s), body: JSON.stringify({ kind: 'delivery_request', id, to: 'scheduled' }) }) : undefined;
  return { status: r.status, text: text + ' | move: ' + (moved ? `${moved.status} ${(await moved.text()).slice(0, 300)}` : 'no id'), token };
}

it('callbacks: a callback_url pointing at the mock\'s own admin API (/__mock/reset) is not followed', async () => {
  const base = url('fastriver');
  // Something in the shared (no-header) session and in a named session, to see whether a self-callback wipes it.
  const victim = `rt-victim-${Date.now()}`;
  await fetch(`${base}/__mock/faults`, { method: 'POST', headers: json(victim), body: JSON.stringify({ fault: '503', count: 0 }) }).catch(() => undefined);
  // The shared (no X-Mock-Session) session holds a request before the self-callback.
  const sharedBefore = await createWithCallback(base, '', `${listenerUrl}/shared`);
  expect(sharedBefore.status).toBeLessThan(300);
  const stateBefore = await fetch(`${base}/__mock/state`).then((r) => r.text());
  const s = `rt-self-${Date.now()}`;
  const created = await createWithCallback(base, s, `${base}/__mock/reset`);
  expect(created.status).toBeLessThan(500);
  await new Promise((r) => setTimeout(r, 1500));
  const journal = await fetch(`${base}/__mock/requests?path=/__mock/*`).then((r) => r.text());
  const cbs = await fetch(`${base}/__mock/callbacks`, { headers: { 'x-mock-session': s } }).then((r) => r.text());
  // The mock must not POST to its own admin API: that is a request loop / self-reset.
  const stateAfter = await fetch(`${base}/__mock/state`).then((r) => r.text());
  expect(stateAfter.length, `the shared session was wiped by session ${s}'s callback`).toBe(stateBefore.length);
  expect(cbs, cbs.slice(0, 800)).not.toMatch(/"status":\s*2\d\d/);
  expect(journal).not.toContain('/__mock/reset');
}, 20_000);

it('callbacks: non-http schemes and non-local http hosts are refused at create, never attempted', async () => {
  const base = url('fastriver');
  for (const cb of ['file:///etc/passwd', 'gopher://127.0.0.1:6379/_FLUSHALL', 'http://169.254.169.254/latest/meta-data/', `http://user:${PW}@127.0.0.1:1/`, 'javascript:alert(1)']) {
    const s = `rt-scheme-${Date.now()}-${Math.random()}`;
    const created = await createWithCallback(base, s, cb);
    expect(created.status, `${cb}: ${created.text.slice(0, 300)}`).toBeLessThan(500);
    await new Promise((r) => setTimeout(r, 300));
    const cbs = await fetch(`${base}/__mock/callbacks`, { headers: { 'x-mock-session': s } }).then((r) => r.text());
    expect(cbs, cbs).not.toContain(PW);
    expect(cbs, `${cb} was attempted: ${cbs.slice(0, 600)}`).not.toMatch(/attempt/i);
  }
}, 30_000);

it('callbacks: a local listener gets the callback (control)', async () => {
  const base = url('fastriver');
  const s = `rt-ok-${Date.now()}`;
  const before = hits.length;
  const created = await createWithCallback(base, s, `${listenerUrl}/cb`);
  expect(created.status, created.text).toBeLessThan(300);
  for (let i = 0; i < 50 && hits.length === before; i++) await new Promise((r) => setTimeout(r, 100));
  expect(hits.length, created.text).toBeGreaterThan(before);
}, 20_000);

it('sessions: X-Mock-Session "__proto__" / "constructor" do not leak into other sessions or crash', async () => {
  const base = url('fastriver');
  // The shared session holds the callback test's request (same phone): start it empty.
  await fetch(`${base}/__mock/reset`, { method: 'POST' });
  for (const evil of ['__proto__', 'constructor', 'hasOwnProperty', 'toString']) {
    const c = await createWithCallback(base, evil, `${listenerUrl}/p`);
    expect(c.status, `${evil}: ${c.text.slice(0, 300)}`).toBeLessThan(500);
    const st = await fetch(`${base}/__mock/state`, { headers: { 'x-mock-session': evil } });
    expect(st.status, evil).toBeLessThan(500);
  }
  const fresh = `rt-fresh-${Date.now()}`;
  const st = await fetch(`${base}/__mock/state`, { headers: { 'x-mock-session': fresh } }).then((r) => r.text());
  const shared = await fetch(`${base}/__mock/state`).then((r) => r.text());
  expect(st, 'a fresh session sees state').not.toContain('+79261234567');
  expect(shared, 'the shared session sees another session\'s state').not.toContain('+79261234567');
  expect(({} as Record<string, unknown>).delivery_request).toBeUndefined();
}, 30_000);

it('sessions: two X-Mock-Session headers (comma-joined) do not reach either session', async () => {
  const base = url('fastriver');
  const a = `rt-a-${Date.now()}`;
  const b = `rt-b-${Date.now()}`;
  const h = new Headers(json(''));
  h.delete('x-mock-session');
  h.append('x-mock-session', a);
  h.append('x-mock-session', b);
  await fetch(`${base}/authentications`, { method: 'POST', headers: h, body: JSON.stringify({ login: 'bot@company.com', password: 'mock-password' }) });
  const ja = JSON.parse(await journalText(base, a)).requests;
  const jb = JSON.parse(await journalText(base, b)).requests;
  expect(ja.length + jb.length, 'a request with two session ids landed in one of them').toBe(0);
});

it('admin: malformed admin bodies get 4xx, not 500 or a hang', async () => {
  const base = url('fastriver');
  const s = `rt-admin-${Date.now()}`;
  const cases: [string, string, string][] = [
    ['POST', 'seed', '{"kind":"delivery_request","resource":{"__proto__":{"polluted":1}}}'],
    ['POST', 'seed', '{"kind":"__proto__","resource":{}}'],
    ['POST', 'move', '{"kind":"delivery_request","id":"nope","to":"executed"}'],
    ['POST', 'move', '{"kind":"constructor","id":"x","to":"y"}'],
    ['POST', 'faults', '{"fault":"stall","count":-1}'],
    ['POST', 'faults', '{"fault":"503","retryAfter":-5,"count":1e309}'],
    ['POST', 'faults', '{"fault":"999","count":1}'],
    ['PUT', 'webhook', '{"url":"file:///etc/passwd"}'],
    ['POST', 'seed', '[1,2'],
    ['POST', 'seed', 'null'],
  ];
  for (const [method, path, body] of cases) {
    const r = await fetch(`${base}/__mock/${path}`, { method, headers: json(s), body, signal: AbortSignal.timeout(5000) });
    expect(r.status, `${method} ${path} ${body}: ${(await r.text()).slice(0, 300)}`).toBeLessThan(500);
  }
  await fetch(`${base}/__mock/faults`, { method: 'DELETE', headers: json(s) });
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}, 60_000);

it('faults: Prefer: retry-after=-7 is refused or clamped: a negative Retry-After breaks RFC 9110', async () => {
  const base = url('fastriver');
  const r1 = await fetch(`${base}/delivery_requests`, { headers: { prefer: 'fault=503, retry-after=-7', authorization: 'Bearer x' }, signal: AbortSignal.timeout(5000) });
  expect([400, 422, 503]).toContain(r1.status);
  if (r1.status === 503) expect(Number(r1.headers.get('retry-after'))).toBeGreaterThanOrEqual(0);
});

it('faults: an absurd Prefer: delay does not hold the request past 5 s nor get cut to ~0', async () => {
  const base = url('fastriver');
  const r2 = await fetch(`${base}/delivery_requests`, { headers: { prefer: 'delay=99999999999', authorization: 'Bearer x' }, signal: AbortSignal.timeout(5000) }).then((r) => r.status, (e) => String(e));
  expect(r2, 'an absurd delay makes the host hold the request (or overflows setTimeout to 1 ms)').toBeTypeOf('number');
  if (typeof r2 === 'number') expect(r2).toBeGreaterThanOrEqual(400);
}, 20_000);

// Unparsable bodies are journalled raw, unmasked: broken JSON (400), form-encoded and text/plain (422).
it('journal: a login body the mock cannot parse (broken JSON, form-encoded, text/plain) keeps no password', async () => {
  const base = url('fastriver');
  const s = `rt-raw-${Date.now()}`;
  await fetch(`${base}/authentications`, { method: 'POST', headers: json(s), body: `{"login":"bot@company.com","password":"${PW}"` });
  await fetch(`${base}/authentications`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-mock-session': s }, body: `login=bot&password=${PW}` });
  await fetch(`${base}/authentications`, { method: 'POST', headers: { 'content-type': 'text/plain', 'x-mock-session': s }, body: `{"login":"bot","password":"${PW}"}` });
  const text = await journalText(base, s);
  expect(text).toContain('/authentications');
  expect(text).not.toContain('S3cret');
});

// A truncated packet: the journal keeps the packet string with the key in it.
it('journal: a Dilovod packet that is not valid JSON keeps no key', async () => {
  const dv = url('dilovod');
  const s = `rt-rawdv-${Date.now()}`;
  await fetch(`${dv}/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-mock-session': s }, body: `packet=${encodeURIComponent(`{"version":"0.25","key":"DILOVOD_S3cret_KEY","action":`)}` });
  const t2 = await journalText(dv, s);
  expect(t2.length).toBeGreaterThan(20);
  expect(t2).not.toContain('S3cret');
});

// An XML body sent to the JSON login path is journalled raw with the appkey and password.
it('journal: Dellin XML login body with appkey and password is masked', async () => {
  const base = url('dellin');
  const s = `rt-xml-${Date.now()}`;
  await fetch(`${base}/v3/auth/login.json`, { method: 'POST', headers: { 'content-type': 'application/xml', 'x-mock-session': s }, body: `<request><appkey>APPKEY_S3cret</appkey><login>a</login><password>${PW}</password></request>` });
  await fetch(`${base}/v2/request_delivery.xml`, { method: 'POST', headers: { 'content-type': 'application/xml', 'x-mock-session': s }, body: `<request><appkey>APPKEY_S3cret</appkey><sessionID>SESS_S3cret</sessionID></request>` });
  const text = await journalText(base, s);
  expect(text.length).toBeGreaterThan(20);
  expect(text).not.toContain('S3cret');
});

// A fault status the operation does not document (200 with no body, 204, 302 without Location, 101, 999) is an answer
// that breaks the spec: the mock should refuse the directive (4xx) rather than serve it.
it('faults: Prefer: fault=<status> outside the spec is refused, not served', async () => {
  const base = url('tbank-delivery');
  const served: string[] = [];
  for (const code of ['200', '204', '302', '101', '999', '0', '099']) {
    const r = await fetch(`${base}/api/v1/delivery/tasks/x`, { headers: { prefer: `fault=${code}`, authorization: 'Bearer qa' }, redirect: 'manual', signal: AbortSignal.timeout(5000) }).then(
      async (res) => `${res.status} ${res.headers.get('sl-violations') ?? ''} ${(await res.text()).slice(0, 80)}`,
      (e) => `threw ${String(e).slice(0, 120)}`,
    );
    if (!/^4\d\d /.test(r)) served.push(`fault=${code} -> ${r}`);
  }
  expect(served, served.join('\n')).toEqual([]);
}, 40_000);
