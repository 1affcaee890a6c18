// Attacks on the mock host (startMockHost) over raw sockets and fetch.
import { describe, expect, it } from 'vitest';
import { statefulMocks } from '../support/stateful.ts';
import { catchingUncaught, raw, statusOf } from './sockets.ts';

// The run's stateful host, as `npm start` serves it (test/support/mock-host.setup.ts).
const { url, port } = statefulMocks();

const Y = '/v2/parks/transactions/categories/list';
const YH = { 'content-type': 'application/json', 'accept-language': 'ru', 'x-api-key': 'qa-SECRET-key-123456', 'x-client-id': 'taxi/park/p1' };
const YBODY = '{"query":{"park":{"id":"p1"}}}';
const alive = async () => (await fetch(url['yandex-fleet'] + Y, { method: 'POST', headers: YH, body: YBODY })).status;

describe('mock host: malformed requests on a raw socket', () => {
  it('sanity: a good request is 200', async () => expect(await alive()).toBe(200));

  const cases: Array<[string, string]> = [
    ['garbage request line', 'GARBAGE\r\n\r\n'],
    ['header without colon', `GET ${Y} HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n`],
    ['obs-fold header', `GET ${Y} HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n`],
    ['bare LF in header value', `GET ${Y} HTTP/1.1\r\nHost: x\r\nX-A: a\nb: c\r\n\r\n`],
    ['both CL and TE', `POST ${Y} HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`],
    ['bad chunk size', `POST ${Y} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n\r\n`],
    ['HTTP/9.9', `GET ${Y} HTTP/9.9\r\nHost: x\r\n\r\n`],
    ['NUL in path', `GET /v2\u0000x HTTP/1.1\r\nHost: x\r\n\r\n`],
    ['huge header (100 kB)', `GET ${Y} HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(100_000)}\r\n\r\n`],
    ['negative content-length', `POST ${Y} HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n`],
  ];
  for (const [name, data] of cases) {
    it(`${name}: 4xx (or closed) and keeps serving`, async () => {
      const uncaught = await catchingUncaught(async () => {
        const status = statusOf(await raw(port['yandex-fleet'] ?? 0, data, 3000));
        expect(status === 0 || (status >= 400 && status < 500), `status ${status}`).toBe(true);
      });
      expect(uncaught.map(String)).toEqual([]);
      expect(await alive()).toBe(200);
    });
  }

  for (const path of ['//x', '/%zz', '/%', '/..%2f..%2fetc%2fpasswd', '/a?%zz=1', 'http://[::1', '*']) {
    it(`odd request target ${path}: 4xx and keeps serving`, async () => {
      const uncaught = await catchingUncaught(async () => {
        const status = statusOf(await raw(port['yandex-fleet'] ?? 0, `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`));
        expect(status === 0 || (status >= 400 && status < 500), `status ${status}`).toBe(true);
      });
      expect(uncaught.map(String)).toEqual([]);
      expect(await alive()).toBe(200);
    });
  }

  for (const method of ['TRACE', 'TRACK', 'FOO', 'CONNECT']) {
    it(`method ${method}: 4xx and keeps serving`, async () => {
      const uncaught = await catchingUncaught(async () => {
        const status = statusOf(await raw(port['yandex-fleet'] ?? 0, `${method} ${method === 'CONNECT' ? 'a:1' : Y} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`));
        expect(status === 0 || (status >= 400 && status < 500), `status ${status}`).toBe(true);
      });
      expect(uncaught.map(String)).toEqual([]);
      expect(await alive()).toBe(200);
    });
  }

  it('a body that never finishes does not block other clients', async () => {
    const pending = raw(port['yandex-fleet'] ?? 0, `POST ${Y} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n{"a":`, 2500);
    expect(await alive()).toBe(200);
    await pending;
  });
});

describe('mock host: bodies and media types', () => {
  it('a 20 MB body gets 413 and the host keeps serving', async () => {
    const body = '{"query":{"park":{"id":"' + 'a'.repeat(20 * 1024 * 1024) + '"}}}';
    const res = await fetch(url['yandex-fleet'] + Y, { method: 'POST', headers: YH, body }).catch((e) => e);
    if (!(res instanceof Error)) expect(res.status).toBe(413);
    expect(await alive()).toBe(200);
  });

  for (const [type, body] of [['text/plain', YBODY], ['application/xml', '<q/>'], ['multipart/form-data; boundary=x', '--x--'], ['application/json', '{"query":'], ['application/json', '\ufeff' + YBODY], ['application/json; charset=utf-16', YBODY], ['application/json', '[' .repeat(100000) + ']'.repeat(100000)]] as const) {
    it(`POST ${type} ${JSON.stringify(body.slice(0, 20))}: 4xx, not 5xx, not 200`, async () => {
      const res = await fetch(url['yandex-fleet'] + Y, { method: 'POST', headers: { ...YH, 'content-type': type }, body });
      const text = await res.text();
      expect(res.status, text.slice(0, 300)).toBeGreaterThanOrEqual(400);
      expect(res.status, text.slice(0, 300)).toBeLessThan(500);
    });
  }

  it('prototype keys in a JSON body do not break the host', async () => {
    const res = await fetch(url['yandex-fleet'] + Y, { method: 'POST', headers: YH, body: '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"query":{"park":{"id":"p1"}}}' });
    expect(res.status).toBeLessThan(500);
    expect(({} as any).polluted).toBeUndefined();
  });

  it('Dellin mock: an XML body with a DTD/entity or 100k nesting gets 400, not 5xx', async () => {
    for (const body of [
      '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><request><appkey>&x;</appkey></request>',
      '<request>' + '<a>'.repeat(100000) + '</a>'.repeat(100000) + '</request>',
      '<request><__proto__><polluted>1</polluted></__proto__></request>',
    ]) {
      const res = await fetch(url.dellin + '/v3/auth/session_info.xml', { method: 'POST', headers: { 'content-type': 'application/xml' }, body });
      expect(res.status, (await res.text()).slice(0, 200)).toBe(400);
    }
    expect(({} as any).polluted).toBeUndefined();
  });

  it('Dilovod mock: a packet nested 100k deep gets the gateway error, not 5xx', async () => {
    const body = new URLSearchParams({ packet: '['.repeat(100000) + ']'.repeat(100000) });
    const res = await fetch(url.dilovod + '/', { method: 'POST', body });
    expect(res.status).toBeLessThan(500);
  });
});

describe('mock host: controls, admin paths, CORS', () => {
  for (const prefer of ['code=abc', 'code=99999', 'code=-1', 'example=__proto__', 'example=constructor', 'code=200, example=toString', 'dynamic=yes', 'code=1e3', `code=${'9'.repeat(400)}`]) {
    it(`Prefer: ${prefer.slice(0, 40)} gets 4xx, not 5xx or a crash`, async () => {
      const uncaught = await catchingUncaught(async () => {
        const res = await fetch(url['yandex-fleet'] + Y, { method: 'POST', headers: { ...YH, prefer }, body: YBODY });
        await res.text();
        expect(res.status === 200 || (res.status >= 400 && res.status < 500), `status ${res.status}`).toBe(true);
      });
      expect(uncaught.map(String)).toEqual([]);
    });
  }

  for (const prefer of ['code=200, example=nope', 'example=nope, code=200', 'code=200, example=constructor']) {
    it(`Prefer: ${prefer}: an undefined example name is a 404 (README), not 500`, async () => {
      const res = await fetch(url['yandex-fleet'] + Y, { method: 'POST', headers: { ...YH, prefer }, body: YBODY });
      expect(res.status, (await res.text()).slice(0, 300)).toBe(404);
    });
  }

  it('CORS: a request without Origin never gets "Access-Control-Allow-Origin: *" together with Allow-Credentials: true', async () => {
    const res = await fetch(url['yandex-fleet'] + '/nope');
    await res.text();
    const both = res.headers.get('access-control-allow-origin') === '*' && res.headers.get('access-control-allow-credentials') === 'true';
    expect(both).toBe(false);
  });

  for (const q of ['__code=abc', '__code=1e3', '__code=0', '__example=__proto__', '__code=500&__code=200', '__dynamic=%zz']) {
    it(`?${q} gets a 4xx or a defined status, not a crash`, async () => {
      const res = await fetch(`${url['yandex-fleet']}${Y}?${q}`, { method: 'POST', headers: YH, body: YBODY });
      await res.text();
      expect(res.status).not.toBe(0);
      expect([200, 500].includes(res.status) || (res.status >= 400 && res.status < 500), `status ${res.status}`).toBe(true);
    });
  }

  for (const path of ['/__mock/', '/__mock/journal', '/__mock/sessions/..%2f..%2f', '/__mock/faults?hang=1']) {
    it(`${path}: 404 quickly, no journal of credentials`, async () => {
      const res = await fetch(url['yandex-fleet'] + path, { headers: YH, signal: AbortSignal.timeout(3000) });
      const text = await res.text();
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(text).not.toContain('qa-SECRET-key-123456');
    });
  }

  it('a refused request does not echo the API key in body or headers', async () => {
    const res = await fetch(url['yandex-fleet'] + Y, { method: 'POST', headers: YH, body: '{"query":1}' });
    const text = await res.text();
    const headers = JSON.stringify([...res.headers]);
    expect(text + headers).not.toContain('qa-SECRET-key-123456');
  });

  it('CORS preflight: CRLF in Access-Control-Request-Headers is not reflected as a header', async () => {
    const answer = await raw(port['yandex-fleet'] ?? 0, `OPTIONS ${Y} HTTP/1.1\r\nHost: x\r\nOrigin: https://evil.example\r\nAccess-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: x-a%0d%0aSet-Cookie: a=b\r\nConnection: close\r\n\r\n`);
    expect(statusOf(answer)).toBe(204);
    expect(answer.toLowerCase()).not.toContain('\r\nset-cookie');
  });

  it('CORS preflight with Origin: null and a 10 kB header list answers and keeps serving', async () => {
    const res = await fetch(url['yandex-fleet'] + Y, { method: 'OPTIONS', headers: { origin: 'null', 'access-control-request-method': 'DELETE', 'access-control-request-headers': Array.from({ length: 1000 }, (_, i) => `x-h${i}`).join(',') } });
    expect(res.status).toBe(204);
    expect(await alive()).toBe(200);
  });

  it('OPTIONS without Origin on an unknown path is not a 5xx', async () => {
    const res = await fetch(url['yandex-fleet'] + '/nope', { method: 'OPTIONS' });
    expect(res.status).toBeLessThan(500);
  });
});
