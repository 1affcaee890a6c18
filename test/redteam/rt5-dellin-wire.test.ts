// rt5: the Dellin client (XML and JSON) answered with a 2xx whose body is not what the format or contract says.
import { afterEach, describe, expect, it } from 'vitest';
import { createDellinClient } from '../../src/dellin/index.ts';
import { SdkError } from '../../src/core/index.ts';
import { serve, settle, type TestServer } from './helpers.ts';

let servers: TestServer[] = [];
afterEach(async () => { await Promise.all(servers.map((s) => s.close())); servers = []; });
const APPKEY = 'A1B2C3D4-E5F6-4711-9ABC-DEF012345678';
const input = { docID: '2000085063763', delivery: { arrival: { address: { search: 'Омск' } } } } as never;

const answers: Array<[string, string, string | Buffer]> = [
  ['JSON to an XML call', 'application/json', '{"metadata":{"status":200},"data":{"dates":["2020-01-01"]}}'],
  ['XML to a JSON call', 'application/xml', '<response><metadata><status>200</status></metadata><data><dates>2020-01-01</dates></data></response>'],
  ['wrong root', 'application/xml', '<html><body>hi</body></html>'],
  ['empty 200', 'application/xml', ''],
  ['only declaration', 'application/xml', '<?xml version="1.0"?>'],
  ['metadata status 500 inside 200', 'application/xml', '<response><metadata><status>500</status></metadata></response>'],
  ['metadata status missing', 'application/xml', '<response><data><dates>2020-01-01</dates></data></response>'],
  ['metadata status "200 "', 'application/xml', '<response><metadata><status>200 </status></metadata><data/></response>'],
  ['metadata status 200.0', 'application/xml', '<response><metadata><status>200.0</status></metadata><data/></response>'],
  ['metadata status 0200', 'application/xml', '<response><metadata><status>0200</status></metadata><data/></response>'],
  ['two metadata', 'application/xml', '<response><metadata><status>200</status></metadata><metadata><status>500</status></metadata><data/></response>'],
  ['two status', 'application/xml', '<response><metadata><status>500</status><status>200</status></metadata><data/></response>'],
  ['data __proto__ child', 'application/xml', '<response><metadata><status>200</status></metadata><data><__proto__><polluted>1</polluted></__proto__></data></response>'],
  ['data constructor child', 'application/xml', '<response><metadata><status>200</status></metadata><data><constructor><prototype><polluted>1</polluted></prototype></constructor></data></response>'],
  ['utf-16 body declared utf-8', 'application/xml; charset=utf-8', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<response><metadata><status>200</status></metadata></response>', 'utf16le')])],
  ['windows-1251 declared', 'application/xml; charset=windows-1251', Buffer.from([...Buffer.from('<response><metadata><status>200</status></metadata><data><dates>'), 0xc0, ...Buffer.from('</dates></data></response>')])],
  ['charset says koi8-r, declaration says utf-8', 'application/xml; charset=koi8-r', Buffer.from([...Buffer.from('<?xml version="1.0" encoding="utf-8"?><response><metadata><status>200</status></metadata><data><dates>'), 0xc1, ...Buffer.from('</dates></data></response>')])],
  ['xml with appkey element name echo', 'application/xml', `<response><metadata><status>200</status></metadata><data><${'k' + APPKEY.replace(/-/g, '')}>1</${'k' + APPKEY.replace(/-/g, '')}></data></response>`],
  ['html error page 200', 'text/html', '<!doctype html><html><body>Service Unavailable</body></html>'],
  ['JSON without metadata', 'application/json', '{"data":{"dates":["2020-01-01"]}}'],
  ['JSON metadata status as string "500"', 'application/json', '{"metadata":{"status":"500"},"data":{}}'],
  ['JSON with data as array', 'application/json', '{"metadata":{"status":200},"data":[1,2]}'],
  ['JSON metadata as string', 'application/json', '{"metadata":"ok","data":{}}'],
  ['JSON errors not array', 'application/json', '{"metadata":{"status":400},"errors":{"toString":1,"valueOf":1}}'],
  ['JSON errors of numbers', 'application/json', '{"metadata":{"status":400},"errors":[1,null,"x",[]]}'],
  ['JSON errors with fields object', 'application/json', '{"metadata":{"status":400},"errors":[{"code":{"a":1},"fields":{"toString":1},"detail":["x"]}]}'],
];

describe('rt5 Dellin: odd 2xx answers', () => {
  for (const format of ['xml', 'json'] as const) {
    for (const [name, ct, body] of answers) {
      it(`${format}: ${name} → a value or a typed error, no pollution, no appkey in the error`, async () => {
        const s = await serve((req, res) => { res.writeHead(200, { 'content-type': ct }); res.end(body); });
        servers.push(s);
        const dellin = createDellinClient({ appkey: APPKEY, sessionID: 'sess-0123456789-abcdef', format, baseUrl: s.url, retry: { maxRetries: 0 } });
        const r = await settle(dellin.deliveryDates(input));
        expect(({} as any).polluted).toBeUndefined();
        if (!r.ok) {
          expect(r.error, String(r.error)).toBeInstanceOf(SdkError);
          expect(JSON.stringify(r.error) + String(r.error)).not.toContain(APPKEY.replace(/-/g, ''));
        } else {
          // a success must say status 200 in its metadata
          expect((r.value as any)?.metadata?.status, JSON.stringify(r.value)).toBe(200);
        }
      });
    }
  }
  it('xml: metadata status 500 inside HTTP 200 is a DellinApiError, not a success', async () => {
    const s = await serve((req, res) => { res.writeHead(200, { 'content-type': 'application/xml' }); res.end('<response><metadata><status>500</status></metadata></response>'); });
    servers.push(s);
    const r = await settle(createDellinClient({ appkey: APPKEY, sessionID: 'sess-0123456789-abcdef', format: 'xml', baseUrl: s.url, retry: { maxRetries: 0 } }).deliveryDates(input));
    expect(r.ok).toBe(false);
  });
  it('xml: two <status> (500 then 200) are not silently collapsed into a success', async () => {
    const s = await serve((req, res) => { res.writeHead(200, { 'content-type': 'application/xml' }); res.end('<response><metadata><status>500</status><status>200</status></metadata><data/></response>'); });
    servers.push(s);
    const r = await settle(createDellinClient({ appkey: APPKEY, sessionID: 'sess-0123456789-abcdef', format: 'xml', baseUrl: s.url, retry: { maxRetries: 0 } }).deliveryDates(input));
    expect(r.ok).toBe(false);
  });
});
