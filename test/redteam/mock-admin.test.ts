// Attacks on the mock host's /__mock/ admin API: journal leaks, odd session ids, faults that hang, bad admin bodies.
import { describe, expect, it } from 'vitest';
import { statefulMocks } from '../support/stateful.ts';
import { catchingUncaught, raw, statusOf } from './sockets.ts';

const { url, port } = statefulMocks();

const Y = '/v2/parks/transactions/categories/list';
const SECRET = 'qa-SECRET-9z8y7x6w5v';
const YH = { 'content-type': 'application/json', 'accept-language': 'ru', 'x-api-key': SECRET, 'x-client-id': 'taxi/park/p1' };
const YBODY = '{"query":{"park":{"id":"p1"}}}';
const alive = async () => (await fetch(url['yandex-fleet'] + Y, { method: 'POST', headers: YH, body: YBODY, signal: AbortSignal.timeout(5000) })).status;
const journal = async (api: string, session: string) => (await fetch(`${url[api]}/__mock/requests`, { headers: { 'x-mock-session': session } })).text();
const variants = (s: string) => [s, encodeURIComponent(s), Buffer.from(s).toString('base64'), s.slice(3)];

describe('journal does not leak credentials', () => {
  it('Yandex: X-API-Key in header, also as a query parameter and in the body', async () => {
    const session = 'leak-y';
    await fetch(`${url['yandex-fleet']}${Y}?api_key=${SECRET}&token=${SECRET}`, { method: 'POST', headers: { ...YH, 'x-mock-session': session, 'X-Api-KEY': SECRET, cookie: `sid=${SECRET}`, 'proxy-authorization': `Basic ${Buffer.from('u:' + SECRET).toString('base64')}` }, body: YBODY });
    const text = await journal('yandex-fleet', session);
    expect(text.length).toBeGreaterThan(10);
    for (const v of variants(SECRET)) expect(text).not.toContain(v);
  });
  it('Fastriver: the login password in the body', async () => {
    const session = 'leak-f';
    await fetch(`${url.fastriver}/authentications`, { method: 'POST', headers: { 'content-type': 'application/vnd.api+json', 'x-mock-session': session }, body: JSON.stringify({ data: { type: 'authentication', attributes: { login: 'bot@company.com', password: SECRET } } }) });
    await fetch(`${url.fastriver}/authentications`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-mock-session': session }, body: JSON.stringify({ login: 'bot@company.com', password: SECRET }) });
    const text = await journal('fastriver', session);
    for (const v of variants(SECRET)) expect(text).not.toContain(v);
  });
  it('Dilovod: the key inside the form packet', async () => {
    const session = 'leak-d';
    const body = new URLSearchParams({ packet: JSON.stringify({ version: '0.25', key: SECRET, action: 'getObject', params: { id: '1110800000001029' } }) });
    await fetch(`${url.dilovod}/`, { method: 'POST', headers: { 'x-mock-session': session }, body });
    const text = await journal('dilovod', session);
    expect(text).toContain('getObject');
    for (const v of variants(SECRET)) expect(text).not.toContain(v);
  });
  it('Dellin: appkey, sessionID and password in JSON and XML bodies', async () => {
    const session = 'leak-dl';
    await fetch(`${url.dellin}/v3/auth/session_info.json`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-mock-session': session }, body: JSON.stringify({ appkey: SECRET, sessionID: SECRET }) });
    await fetch(`${url.dellin}/v3/auth/session_info.xml`, { method: 'POST', headers: { 'content-type': 'application/xml', 'x-mock-session': session }, body: `<request><appkey>${SECRET}</appkey><sessionID>${SECRET}</sessionID></request>` });
    await fetch(`${url.dellin}/v3/auth/login.json`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-mock-session': session }, body: JSON.stringify({ appkey: SECRET, login: 'a', password: SECRET }) });
    const text = await journal('dellin', session);
    for (const v of variants(SECRET)) expect(text).not.toContain(v);
  });
});

describe('session ids with odd characters', () => {
  for (const session of ['__proto__', 'constructor', 'toString', '../../etc', 'a'.repeat(60000), '', ' ', 'a,b', '%00']) {
    it(`X-Mock-Session ${JSON.stringify(session.slice(0, 20))}: isolated or 4xx, never 5xx or a crash`, async () => {
      const uncaught = await catchingUncaught(async () => {
        const res = await fetch(`${url['yandex-fleet']}/__mock/state`, { headers: { 'x-mock-session': session } });
        await res.text();
        expect(res.status).toBeLessThan(500);
        const r2 = await fetch(`${url['yandex-fleet']}/__mock/reset`, { method: 'POST', headers: { 'x-mock-session': session } });
        expect(r2.status).toBeLessThan(500);
      });
      expect(uncaught.map(String)).toEqual([]);
      expect(({} as any).polluted).toBeUndefined();
    });
  }
  for (const armedIn of ['iso-a', '__proto__', 'constructor']) {
    it(`a fault armed in session ${armedIn} does not break another session's requests (README: per session)`, async () => {
      await fetch(`${url['yandex-fleet']}/__mock/faults`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-mock-session': armedIn }, body: JSON.stringify({ fault: '503', count: 1 }) });
      const other = await fetch(url['yandex-fleet'] + Y, { method: 'POST', headers: { ...YH, 'x-mock-session': 'iso-b' }, body: YBODY });
      await fetch(`${url['yandex-fleet']}/__mock/faults`, { method: 'DELETE', headers: { 'x-mock-session': armedIn } });
      await fetch(`${url['yandex-fleet']}/__mock/faults`, { method: 'DELETE' });
      expect(other.status).toBe(200);
    });
  }
  it('raw non-ASCII / CR in session header: 4xx or isolated, keeps serving', async () => {
    const answer = await raw(port['yandex-fleet'] ?? 0, Buffer.concat([Buffer.from('GET /__mock/state HTTP/1.1\r\nHost: x\r\nX-Mock-Session: '), Buffer.from([0xd0, 0x9f, 0xff, 0x0b]), Buffer.from('\r\nConnection: close\r\n\r\n')]));
    const status = statusOf(answer);
    expect(status === 0 || status < 500, `status ${status}`).toBe(true);
    expect(await alive()).toBe(200);
  });
});

describe('faults and admin bodies', () => {
  const bad: Array<[string, unknown]> = [
    ['delay 1e12', { fault: 'delay', delay: 1e12, count: 1 }],
    ['delay negative', { fault: 'delay', delay: -5, count: 1 }],
    ['count 1e9 stall', { fault: 'stall', count: 1e9 }],
    ['count -1', { fault: '503', count: -1 }],
    ['count NaN-ish string', { fault: '503', count: 'abc' }],
    ['retryAfter string', { fault: '503', retryAfter: 'abc', count: 1 }],
    ['unknown fault', { fault: 'explode', count: 1 }],
    ['fault as object', { fault: { toString: 1 }, count: 1 }],
    ['__proto__ key', JSON.parse('{"__proto__":{"polluted":1},"fault":"503","count":1}')],
  ];
  for (const [name, body] of bad) {
    it(`POST /__mock/faults ${name}: 400 (or armed sanely) and the host does not hang`, async () => {
      const session = `fault-${name}`;
      const res = await fetch(`${url['yandex-fleet']}/__mock/faults`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-mock-session': session }, body: JSON.stringify(body) });
      const text = await res.text();
      if (/1e12|negative|-1|abc|unknown|object|string/.test(name)) expect(res.status, text).toBe(400);
      expect(res.status, text).toBeLessThan(500);
      // a request in that session answers within 5 s (a 1e12 ms delay would be a hang)
      const started = Date.now();
      try { await fetch(url['yandex-fleet'] + Y, { method: 'POST', headers: { ...YH, 'x-mock-session': session }, body: YBODY, signal: AbortSignal.timeout(5000) }).then((r) => r.text()); } catch (e) { if (!/stall/.test(name)) throw e; }
      if (!/stall/.test(name)) expect(Date.now() - started).toBeLessThan(5000);
      await fetch(`${url['yandex-fleet']}/__mock/faults`, { method: 'DELETE', headers: { 'x-mock-session': session } });
      expect(({} as any).polluted).toBeUndefined();
      expect(await alive()).toBe(200);
    });
  }
  for (const prefer of ['delay=99999999999', 'delay=-1', 'delay=abc', 'fault=503, retry-after=-5', 'fault=503, retry-after=99999999999999999999', 'fault=999', 'fault=100', 'fault=304']) {
    it(`Prefer: ${prefer}: 4xx or a sane answer within 5 s`, async () => {
      const started = Date.now();
      const res = await fetch(url['yandex-fleet'] + Y, { method: 'POST', headers: { ...YH, prefer }, body: YBODY, signal: AbortSignal.timeout(6000) });
      await res.text();
      expect(Date.now() - started).toBeLessThan(5000);
      if (/-1|abc|-5|999$|=100|99999999999999999999/.test(prefer)) expect(res.status, `status ${res.status}`).toBe(400);
    });
  }
  for (const target of ['file:///etc/passwd', 'gopher://127.0.0.1:6379/_FLUSHALL', 'javascript:alert(1)', 'not a url', 'http://user:pass@127.0.0.1:1/']) {
    it(`PUT /__mock/webhook ${target}: 400`, async () => {
      const res = await fetch(`${url.dilovod}/__mock/webhook`, { method: 'PUT', headers: { 'content-type': 'application/json', 'x-mock-session': 'wh' }, body: JSON.stringify({ url: target }) });
      const text = await res.text();
      expect(res.status, text).toBe(400);
      expect(text).not.toContain('pass@');
    });
  }
  for (const [name, body] of [['malformed JSON', '{"kind":'], ['kind __proto__', '{"kind":"__proto__","resource":{"polluted":1}}'], ['resource null', '{"kind":"task","resource":null}'], ['array', '[]'], ['deep', '['.repeat(100000) + ']'.repeat(100000)]] as const) {
    it(`POST /__mock/seed ${name}: 400`, async () => {
      const res = await fetch(`${url['tbank-delivery']}/__mock/seed`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-mock-session': 'seed' }, body });
      expect(res.status, await res.text()).toBe(400);
      expect(({} as any).polluted).toBeUndefined();
    });
  }
  it('unknown admin path and wrong method: 404/405', async () => {
    const a = await fetch(`${url['yandex-fleet']}/__mock/nope`);
    expect([404, 405]).toContain(a.status);
    const b = await fetch(`${url['yandex-fleet']}/__mock/requests`, { method: 'PATCH' });
    expect([404, 405]).toContain(b.status);
  });
});
