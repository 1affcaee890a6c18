// Red team 9: the bundled mock host (`npm run mocks`, node_modules/.cache/delivery-mocks/host.mjs) must answer exactly
// as mocks/host.ts from the sources (what the tests import). Same requests to both; statuses, the headers a client
// reads and the bodies compared byte for byte.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { startMockHost, type MockHost } from '../../mocks/host.ts';
import { ROOT, startMocks, type Api, type Mocks } from './rt9-helpers.ts';

let bundle: Mocks;
let off: Mocks;
let sources: MockHost;
const src = {} as Record<Api, string>;

beforeAll(async () => {
  bundle = await startMocks();
  expect(bundle.ready, bundle.err).toBe(true);
  off = await startMocks({ env: { MOCK_STATE: 'off', MOCK_CORS: 'off' } });
  expect(off.ready, off.err).toBe(true);
  sources = await startMockHost({ port: () => 0 });
  for (const s of sources.servers) src[s.api as Api] = s.url;
}, 180_000);
afterAll(async () => {
  await Promise.all([bundle?.stop(), off?.stop(), sources?.close()]);
});

interface Req { api: Api; method?: string; path: string; headers?: Record<string, string>; body?: string | FormData }
const Y = { 'content-type': 'application/json', 'accept-language': 'ru', 'x-api-key': 'qa-key', 'x-client-id': 'taxi/park/p1' };
const YB = '{"query":{"park":{"id":"p1"}}}';
const YP = '/v2/parks/transactions/categories/list';
const TB = { Authorization: 'Bearer qa' };
const FR = { Authorization: 'Bearer qa', 'X-API-VERSION': 'v2' };

const cases: Record<string, Req> = {
  'yandex first example': { api: 'yandex-fleet', method: 'POST', path: YP, headers: Y, body: YB },
  'yandex example=en': { api: 'yandex-fleet', method: 'POST', path: YP, headers: { ...Y, Prefer: 'example=en' }, body: YB },
  'yandex code=429': { api: 'yandex-fleet', method: 'POST', path: YP, headers: { ...Y, Prefer: 'code=429' }, body: YB },
  'yandex code=400 example': { api: 'yandex-fleet', method: 'POST', path: YP, headers: { ...Y, Prefer: 'code=400, example=invalidAmount' }, body: YB },
  'yandex dynamic seed=42': { api: 'yandex-fleet', method: 'POST', path: YP, headers: { ...Y, Prefer: 'dynamic=true, seed=42' }, body: YB },
  'yandex dynamic seed=7 code=200': { api: 'yandex-fleet', method: 'POST', path: YP, headers: { ...Y, Prefer: 'code=200, dynamic=true, seed=7' }, body: YB },
  'yandex __code=500': { api: 'yandex-fleet', method: 'POST', path: `${YP}?__code=500`, headers: Y, body: YB },
  'yandex no credentials': { api: 'yandex-fleet', method: 'POST', path: YP, body: YB },
  'yandex invalid body': { api: 'yandex-fleet', method: 'POST', path: YP, headers: Y, body: '{"query":{"park":{"id":5}}}' },
  'yandex unknown example': { api: 'yandex-fleet', method: 'POST', path: YP, headers: { ...Y, Prefer: 'example=nope' }, body: YB },
  'yandex huge integer': { api: 'yandex-fleet', method: 'POST', path: YP, headers: Y, body: '{"query":{"park":{"id":"p1"}},"limit":123456789012345678901}' },
  'tbank pdf': { api: 'tbank-delivery', path: '/api/v1/delivery/documents/x', headers: { ...TB, Prefer: 'code=200' } },
  'tbank dynamic task seed=3': { api: 'tbank-delivery', path: '/api/v1/delivery/tasks/x', headers: { ...TB, Prefer: 'code=200, dynamic=true, seed=3' } },
  'tbank dynamic intervals seed=11': { api: 'tbank-delivery', path: '/api/v1/delivery/meetings/intervals?taskId=x', headers: { ...TB, Prefer: 'code=200, dynamic=true, seed=11' } },
  'tbank invalid create': { api: 'tbank-delivery', method: 'POST', path: '/api/v1/delivery/tasks', headers: { ...TB, 'content-type': 'application/json', 'X-Mock-Session': 'p-inv' }, body: '{"template":"NOPE","contacts":[{"phones":[{"number":5}]}]}' },
  'tbank fault 503 retry-after': { api: 'tbank-delivery', path: '/api/v1/delivery/tasks/x', headers: { ...TB, Prefer: 'fault=503, retry-after=7' } },
  'tbank retry-after date': { api: 'tbank-delivery', path: '/api/v1/delivery/tasks/x', headers: { ...TB, Prefer: 'fault=503, retry-after="Sun, 06 Nov 1994 08:49:37 GMT"' } },
  'tbank bad delay': { api: 'tbank-delivery', path: '/api/v1/delivery/tasks/x', headers: { ...TB, Prefer: 'delay=0x10' } },
  'tbank bad prefer': { api: 'tbank-delivery', path: '/api/v1/delivery/tasks/x', headers: { ...TB, Prefer: ';;;=' } },
  'tbank dot segments': { api: 'tbank-delivery', path: '/x/%2e%2e/__mock/state' },
  'tbank bad content-type': { api: 'tbank-delivery', method: 'POST', path: '/api/v1/delivery/tasks', headers: { ...TB, 'content-type': 'a/b/c' }, body: '{}' },
  'tbank accept q=0': { api: 'tbank-delivery', path: '/api/v1/delivery/tasks/x', headers: { ...TB, Accept: 'application/json;q=0' } },
  'tbank proto key': { api: 'tbank-delivery', path: '/api/v1/delivery/tasks/__proto__', headers: { ...TB, 'X-Mock-Session': '__proto__' } },
  'fastriver photo bytes': { api: 'fastriver', path: '/delivery_requests/3fa85f64-5717-4562-b3fc-2c963f66afa6/delivery_photos/p', headers: { ...FR, Prefer: 'code=200' } },
  'fastriver cities dynamic seed=5': { api: 'fastriver', path: '/cities', headers: { ...FR, Prefer: 'code=200, dynamic=true, seed=5' } },
  'fastriver v1 intervals': { api: 'fastriver', path: '/delivery_requests/time_intervals', headers: { ...FR, 'X-API-VERSION': 'v1', Prefer: 'code=200' } },
  'fastriver invalid login': { api: 'fastriver', method: 'POST', path: '/authentications', headers: { 'content-type': 'application/json' }, body: '{"login":5}' },
  'dellin malformed xml': { api: 'dellin', method: 'POST', path: '/v3/auth/login.xml', headers: { 'content-type': 'application/xml' }, body: '<request><appkey>a</appkey' },
  'dellin xml login': { api: 'dellin', method: 'POST', path: '/v3/auth/login.xml', headers: { 'content-type': 'application/xml', Prefer: 'code=200' }, body: '<?xml version="1.0"?><request><appkey>a</appkey><login>l@x.ru</login><password>p</password></request>' },
  'dellin invalid json': { api: 'dellin', method: 'POST', path: '/v2/request_delivery.json', headers: { 'content-type': 'application/json' }, body: '{"appkey":"a","delivery":{"arrival":{"address":{"flat":[]}}}}' },
  'dellin dynamic dates': { api: 'dellin', method: 'POST', path: '/v2/request_delivery/address/dates.json', headers: { 'content-type': 'application/json', Prefer: 'code=200, dynamic=true, seed=99' }, body: '{"appkey":"a"}' },
  'dilovod invalid packet': { api: 'dilovod', method: 'POST', path: '/', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'packet=' + encodeURIComponent('{"version":"0.25","key":"k","action":"request","params":{"filters":[{"operator":"~~"}]}}') },
  'dilovod unparsable packet': { api: 'dilovod', method: 'POST', path: '/', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'packet=%7B' },
  'dilovod request columns': { api: 'dilovod', method: 'POST', path: '/', headers: { 'content-type': 'application/x-www-form-urlencoded', Prefer: 'code=200' }, body: 'packet=' + encodeURIComponent('{"version":"0.25","key":"k","action":"request","params":{"from":"catalogs.goods","fields":{"id":"id"},"assembleLinks":false}}') },
  'preflight with list': { api: 'dellin', method: 'OPTIONS', path: '/v3/auth/login.json', headers: { Origin: 'http://app.test', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'x-weird, content-type' } },
  'preflight without list': { api: 'dilovod', method: 'OPTIONS', path: '/', headers: { Origin: 'http://app.test', 'Access-Control-Request-Method': 'POST' } },
};

const KEPT = ['content-type', 'content-length', 'content-disposition', 'retry-after', 'sl-violations', 'access-control-allow-origin', 'access-control-allow-headers', 'access-control-allow-methods', 'access-control-expose-headers', 'access-control-allow-credentials'];

async function send(base: string, r: Req) {
  const res = await fetch(base + r.path, { method: r.method ?? (r.body ? 'POST' : 'GET'), headers: r.headers, body: r.body, redirect: 'manual' });
  const body = Buffer.from(await res.arrayBuffer());
  const headers = Object.fromEntries(KEPT.flatMap((h) => (res.headers.has(h) ? [[h, res.headers.get(h)!]] : [])));
  // errorId and similar are random per answer: compared as UUID
  return { status: res.status, headers, body: body.toString('latin1').replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'UUID').replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/g, 'NOW') };
}

describe('rt9 bundled host = sources', { timeout: 60_000 }, () => {
  for (const [name, r] of Object.entries(cases)) {
    it(name, async () => {
      const [a, b] = [await send(bundle.urls[r.api], r), await send(src[r.api], r)];
      expect(a).toEqual(b);
    });
  }

  it('downloads are the fixtures, byte for byte', async () => {
    const pdf = await send(bundle.urls['tbank-delivery'], cases['tbank pdf']!);
    expect(Buffer.from(pdf.body, 'latin1').equals(readFileSync(`${ROOT}/mocks/fixtures/act.pdf`))).toBe(true);
    const jpg = await send(bundle.urls.fastriver, cases['fastriver photo bytes']!);
    expect(Buffer.from(jpg.body, 'latin1').equals(readFileSync(`${ROOT}/mocks/fixtures/photo.jpg`))).toBe(true);
  });

  it('T-Bank lifecycle with a multipart upload (RFC 5987 name) and its download: same on both', async () => {
    const flow = async (base: string) => {
      const S = { ...TB, 'X-Mock-Session': 'rt9-flow' };
      await fetch(`${base}/__mock/reset`, { method: 'POST', headers: S });
      const out: unknown[] = [];
      const task = (await (await fetch(`${base}/api/v1/delivery/tasks`, { method: 'POST', headers: { ...S, 'content-type': 'application/json', 'Idempotency-Key': '0f8fad5b-d9cb-469f-a165-70867728950e' }, body: '{"template":"COURIER"}' })).json()) as { id: string };
      const got = (await (await fetch(`${base}/api/v1/delivery/tasks/${task.id}`, { headers: S })).json()) as Record<string, unknown>;
      out.push({ ...got, id: 'ID', errorId: undefined });
      const form = new FormData();
      form.append('taskId', task.id);
      form.append('type', 'ACT');
      form.append('content', new Blob([Buffer.from('%PDF-1.4 rt9\n%%EOF')], { type: 'application/pdf' }), 'акт №1.pdf');
      const up = await fetch(`${base}/api/v1/delivery/documents`, { method: 'POST', headers: S, body: form });
      const upBody = (await up.json()) as Record<string, unknown>;
      out.push(up.status, Object.keys(upBody).sort());
      const docId = (upBody.id ?? upBody.documentId) as string | undefined;
      out.push(JSON.stringify(upBody).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'UUID'));
      if (docId) {
        const dl = await fetch(`${base}/api/v1/delivery/documents/${docId}`, { headers: S });
        out.push(docId === task.id ? 'same' : 'doc', dl.status, dl.headers.get('content-type'), dl.headers.get('content-disposition'), Buffer.from(await dl.arrayBuffer()).toString('latin1'));
      }
      const cancel = await fetch(`${base}/api/v1/delivery/tasks/${task.id}/cancel`, { method: 'POST', headers: { ...S, 'content-type': 'application/json' }, body: '{"reason":"rt9"}' });
      out.push(cancel.status);
      const journal = (await (await fetch(`${base}/__mock/requests?method=POST`, { headers: S })).json()) as unknown;
      out.push(JSON.stringify(journal).replaceAll(task.id, 'ID').replace(/"(at|time|timestamp|date|createdAt|updatedAt)":"[^"]*"/g, '"$1":"T"').replace(/"id":\d+/g, '"id":N').replace(/127\.0\.0\.1:\d+/g, 'HOST').replace(/boundary=[^"\\]+/g, 'boundary=B').replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'UUID'));
      return out;
    };
    const [a, b] = [await flow(bundle.urls['tbank-delivery']), await flow(src['tbank-delivery'])];
    expect(a).toEqual(b);
    expect(JSON.stringify(a)).toContain('[REDACTED]');
  });

  it('Dilovod webhook reaches a local listener from the bundle', async () => {
    const got: string[] = [];
    const listener: Server = createServer((q, r) => { got.push(q.url ?? ''); r.end('ok'); });
    await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(listener.address() as { port: number }).port}/dilovod`;
    const D = bundle.urls.dilovod;
    const S = { 'X-Mock-Session': 'rt9-wh', 'content-type': 'application/json' };
    await fetch(`${D}/__mock/webhook`, { method: 'PUT', headers: S, body: JSON.stringify({ url }) });
    const seeded = (await (await fetch(`${D}/__mock/seed`, { method: 'POST', headers: S, body: '{"kind":"catalogs.goods","resource":{"name":"Kava"}}' })).json()) as { resource: { header: { id: { id: string } } } };
    await fetch(`${D}/__mock/move`, { method: 'POST', headers: S, body: JSON.stringify({ kind: 'object', id: seeded.resource.header.id.id, to: 'changed', header: { code: 'TK-21' } }) });
    for (let i = 0; i < 50 && got.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    listener.close();
    expect(got[0]).toContain('objectChanged');
  });

  it('connection faults: reset, truncate and stall behave the same from the bundle', async () => {
    const T = bundle.urls['tbank-delivery'];
    const reset = await fetch(`${T}/api/v1/delivery/tasks/x`, { headers: { ...TB, Prefer: 'fault=reset' } }).then(() => 'answered', (e: Error) => String((e.cause as Error | undefined)?.message ?? e.message));
    expect(reset).not.toBe('answered');
    const truncated = await fetch(`${T}/api/v1/delivery/tasks/x`, { headers: { ...TB, Prefer: 'fault=truncate, code=200' } }).then((r) => r.text()).then(() => 'whole', () => 'cut');
    expect(truncated).toBe('cut');
    // stall: headers and half the body, then nothing (read it raw with a deadline)
    const port = bundle.ports['tbank-delivery'];
    const raw = await new Promise<string>((res) => {
      let data = '';
      const s = connect(port, '127.0.0.1', () => s.write('GET /api/v1/delivery/tasks/x HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer qa\r\nPrefer: fault=stall, code=200\r\n\r\n'));
      s.on('data', (c) => (data += c));
      setTimeout(() => { s.destroy(); res(data); }, 1500);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 200/);
  });

  it('MOCK_STATE=off and MOCK_CORS=off through npm run mocks', async () => {
    const stateOn = await fetch(`${bundle.urls['tbank-delivery']}/api/v1/delivery/tasks/unknown-task`, { headers: TB });
    const stateOff = await fetch(`${off.urls['tbank-delivery']}/api/v1/delivery/tasks/unknown-task`, { headers: TB });
    expect(stateOn.status).not.toBe(200);
    expect(stateOff.status).toBe(200);
    const cors = await fetch(`${off.urls.dellin}/v3/auth/login.json`, { method: 'POST', headers: { Origin: 'http://app.test', 'content-type': 'application/json' }, body: '{}' });
    expect(cors.headers.get('access-control-allow-origin')).toBeNull();
  });
});
