// rt5: the mock host with malformed Content-Type / Accept / Prefer values, HTTP-date forms, and journal filters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockHost, type MockHost } from '../../mocks/host.ts';

let host: MockHost;
let by: Record<string, string>;
beforeAll(async () => {
  host = await startMockHost({ port: () => 0, state: true });
  by = Object.fromEntries(host.servers.map((s) => [s.api, s.url]));
});
afterAll(async () => { await host.close(); });

const YPATH = '/v2/parks/transactions/categories/list';
const YBODY = '{"query":{"park":{"id":"p1"}}}';
const yh = { 'accept-language': 'ru', 'x-api-key': 'k', 'x-client-id': 'taxi/park/p1' };
const yandex = (headers: Record<string, string>, body = YBODY) => fetch(by['yandex-fleet'] + YPATH, { method: 'POST', headers: { 'content-type': 'application/json', ...yh, ...headers }, body });

describe('rt5 mock: malformed media types get a 4xx', () => {
  for (const ct of [';;;=;', '/', 'application/', 'a/b/c', '\u00ff/\u00ff', 'application/json/extra', '=']) {
    it(`Content-Type ${JSON.stringify(ct)} on Yandex: 400/415, not 500`, async () => {
      const r = await fetch(by['yandex-fleet'] + YPATH, { method: 'POST', headers: { ...yh, 'content-type': ct }, body: YBODY }).catch((e) => e);
      if (r instanceof Error) return; // undici refused to send the header
      const text = await r.text();
      expect([400, 415], text.slice(0, 200)).toContain(r.status);
    });
  }
  it('Content-Type ";;" on Dilovod: 400/415, not 500', async () => {
    const r = await fetch(by.dilovod + '/', { method: 'POST', headers: { 'content-type': ';;' }, body: 'packet=%7B%7D' });
    expect([400, 415], (await r.text()).slice(0, 200)).toContain(r.status);
  });
  it('Content-Type "a/b/c" on Dellin JSON: 400/415, not 500', async () => {
    const r = await fetch(by.dellin + '/v2/request_delivery/address/dates.json', { method: 'POST', headers: { 'content-type': 'a/b/c' }, body: '{}' });
    expect([400, 415], (await r.text()).slice(0, 200)).toContain(r.status);
  });
  for (const accept of [';;;=;', '/', 'application/', '*/*;q=', 'text/html;q=abc']) {
    it(`Accept ${JSON.stringify(accept)}: 400/406 or a valid answer, not 500`, async () => {
      const r = await yandex({ accept });
      const text = await r.text();
      expect(r.status, text.slice(0, 200)).not.toBe(500);
      if (r.status === 200) expect(text.length).toBeGreaterThan(0);
    });
  }
  it('Accept "*/*;q=abc, text/html;q=2": never a 200 with an empty body that breaks the spec (sl-violations)', async () => {
    const r = await yandex({ accept: '*/*;q=abc, text/html;q=2' });
    const text = await r.text();
    if (r.status === 200) {
      expect(r.headers.get('sl-violations') ?? '').toBe('');
      expect(text).not.toBe('');
    } else expect([400, 406]).toContain(r.status);
  });
});

describe('rt5 mock: Prefer values follow their documented lexical rules', () => {
  for (const delay of ['0x10', '1e3', '0b11', '0o7', '+5', '5.0', 'Infinity', '-0']) {
    it(`delay=${delay} is a 400 (not a whole number written in decimal digits)`, async () => {
      const started = Date.now();
      const r = await yandex({ prefer: `delay=${delay}` });
      await r.text();
      expect(r.status, `took ${Date.now() - started} ms`).toBe(400);
    });
  }
  for (const ra of ['0x10', '1e2', '+5']) {
    it(`retry-after=${ra} is a 400`, async () => {
      const r = await yandex({ prefer: `fault=503, retry-after=${ra}` });
      await r.text();
      expect(r.status).toBe(400);
    });
  }
  const future = new Date(Date.now() + 3600_000);
  const d = future.toUTCString(); // IMF-fixdate
  const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p2 = (n: number) => String(n).padStart(2, '0');
  const time = `${p2(future.getUTCHours())}:${p2(future.getUTCMinutes())}:${p2(future.getUTCSeconds())}`;
  const asctime = `${days[future.getUTCDay()]!.slice(0, 3)} ${mon[future.getUTCMonth()]} ${String(future.getUTCDate()).padStart(2, ' ')} ${time} ${future.getUTCFullYear()}`;
  // RFC 7240 §2: a Prefer value with spaces or commas is a quoted-string; the mock sends Retry-After as IMF-fixdate
  // (RFC 9110 §5.6.7), so that is the date form it takes (README "State, sessions, journal and faults").
  it(`retry-after as a quoted IMF-fixdate ("${d}") is taken and sent as it is`, async () => {
    const r = await yandex({ prefer: `fault=503, retry-after="${d}"` });
    const text = await r.text();
    expect(r.status, text.slice(0, 200)).toBe(503);
    expect(r.headers.get('retry-after')).toBe(d);
  });
  for (const [name, value] of [['IMF-fixdate unquoted (not RFC 7240)', d], ['asctime quoted (not IMF-fixdate)', `"${asctime}"`]] as const) {
    it(`retry-after as an HTTP date in ${name} form (${value}) is a 400 naming retry-after`, async () => {
      const r = await yandex({ prefer: `fault=503, retry-after=${value}` });
      const text = await r.text();
      expect(r.status, text.slice(0, 200)).toBe(400);
      expect(text).toContain('retry-after');
    });
  }
});

describe('rt5 mock: journal filters are not regular expressions run on request data', () => {
  it('a path filter of many * against long journal paths answers fast', async () => {
    const session = { 'x-mock-session': 'rt5-redos' };
    const longId = 'a'.repeat(3000);
    for (let i = 0; i < 5; i++) await (await fetch(`${by['tbank-delivery']}/api/v1/delivery/tasks/${longId}${i}`, { headers: { authorization: 'Bearer q', ...session } })).text();
    const started = Date.now();
    const r = await Promise.race([
      fetch(`${by['tbank-delivery']}/__mock/requests?path=${'*a'.repeat(25)}X`, { headers: session }).then(async (res) => ({ status: res.status, text: await res.text() })),
      new Promise<'slow'>((resolve) => setTimeout(() => resolve('slow'), 5000)),
    ]);
    expect(r, `took ${Date.now() - started} ms`).not.toBe('slow');
    expect(Date.now() - started).toBeLessThan(2000);
  }, 20000);
  it('regex metacharacters in the filter are literal (no 500)', async () => {
    for (const path of ['((a+)+)$[', '\\', '(?<x>', '[z-a]', '{1,2}']) {
      const r = await fetch(`${by['tbank-delivery']}/__mock/requests?path=${encodeURIComponent(path)}&method=${encodeURIComponent('(')}`);
      expect(r.status, path).toBeLessThan(500);
      await r.text();
    }
  });
});
