// Attacks on dilovodWebhookListener (node:http) and dilovodWebhookHandler through raw sockets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dilovodWebhookListener, dilovodWebhookHandler, parseDilovodWebhook } from '../../src/dilovod/webhooks.ts';
import { DecodeError, UsageError } from '../../src/core/index.ts';
import { catchingUncaught, listen, raw, statusOf } from './sockets.ts';

const good = encodeURIComponent(JSON.stringify({ action: 'objectChanged', params: { objectName: 'documents.saleOrder', id: '1109100000001038' } }));
let port = 0;
let close: () => void;
const events: unknown[] = [];
beforeAll(async () => {
  const s = await listen(dilovodWebhookListener((e) => void events.push(e), { allowedIps: ['127.0.0.1'] }) as never);
  port = s.port;
  close = () => s.server.close();
});
afterAll(() => close());

const req = (line: string, headers = 'Host: x\r\nConnection: close\r\n') => raw(port, `${line}\r\n${headers}\r\n`);

describe('dilovodWebhookListener on a raw socket', () => {
  it('serves a good webhook (sanity)', async () => {
    expect(statusOf(await req(`GET /dilovod?packet=${good} HTTP/1.1`))).toBe(200);
  });

  for (const target of ['//:99999/x', '//[::1/x', '//a b/x', 'http://[x]/', '//%zz/']) {
    it(`answers 4xx and keeps serving for an unparsable request target ${JSON.stringify(target)}`, async () => {
      const uncaught = await catchingUncaught(async () => {
        const answer = await req(`GET ${target}?packet=${good} HTTP/1.1`);
        const status = statusOf(answer);
        expect(status === 0 || (status >= 400 && status < 500), `status ${status}`).toBe(true);
      });
      expect(uncaught.map(String)).toEqual([]);
      expect(statusOf(await req(`GET /dilovod?packet=${good} HTTP/1.1`))).toBe(200);
    });
  }

  for (const method of ['TRACE', 'TRACK', 'CONNECT']) {
    it(`answers 4xx/405 and keeps serving for method ${method}`, async () => {
      const uncaught = await catchingUncaught(async () => {
        const target = method === 'CONNECT' ? '127.0.0.1:1' : `/dilovod?packet=${good}`;
        const status = statusOf(await req(`${method} ${target} HTTP/1.1`));
        expect(status === 0 || (status >= 400 && status < 500), `status ${status}`).toBe(true);
      });
      expect(uncaught.map(String)).toEqual([]);
      expect(statusOf(await req(`GET /dilovod?packet=${good} HTTP/1.1`))).toBe(200);
    });
  }

  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
    it(`refuses a ${method} webhook (README: GET requests) with 405 and does not deliver it`, async () => {
      const before = events.length;
      const status = statusOf(await req(`${method} /dilovod?packet=${good} HTTP/1.1`, 'Host: x\r\nContent-Length: 0\r\nConnection: close\r\n'));
      expect(status).toBe(405);
      expect(events.length).toBe(before);
    });
  }

  it('refuses a packet whose JSON has a __proto__ key without polluting', async () => {
    const packet = encodeURIComponent('{"action":"objectChanged","params":{"objectName":"documents.saleOrder","id":"1","__proto__":{"polluted":1}},"__proto__":{"polluted":1}}');
    const status = statusOf(await req(`GET /?packet=${packet} HTTP/1.1`));
    expect([200, 400]).toContain(status);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers 400 for a huge deeply nested packet and keeps serving', async () => {
    const packet = '['.repeat(6000) + ']'.repeat(6000);
    const status = statusOf(await req(`GET /?packet=${packet} HTTP/1.1`));
    expect(status >= 400 && status < 500).toBe(true);
    expect(statusOf(await req(`GET /dilovod?packet=${good} HTTP/1.1`))).toBe(200);
  });

  it('does not reflect CRLF from the packet into response headers', async () => {
    const packet = encodeURIComponent('{"action":"x\r\nSet-Cookie: a=b"}');
    const answer = await req(`GET /?packet=${packet} HTTP/1.1`);
    expect(statusOf(answer)).toBe(400);
    expect(answer.toLowerCase()).not.toContain('\r\nset-cookie');
  });

  it('rejects duplicate packet parameters deterministically (no smuggled second packet)', async () => {
    const evil = encodeURIComponent(JSON.stringify({ action: 'objectChanged', params: { objectName: 'catalogs.goods', id: '666' } }));
    const before = events.length;
    const status = statusOf(await req(`GET /?packet=${good}&packet=${evil} HTTP/1.1`));
    // ambiguous input: a 400 is the safe answer; a 200 delivering one of them silently is a silent success
    expect(status).toBe(400);
    expect(events.length).toBe(before);
  });

  it('403 for an IPv4-mapped address not on the list; IPv6 loopback is not 127.0.0.1', () => {
    expect(() => parseDilovodWebhook(`/?packet=${good}`, { remoteAddress: '::1', allowedIps: ['127.0.0.1'] })).toThrow(DecodeError);
    expect(() => parseDilovodWebhook(`/?packet=${good}`, { remoteAddress: '::ffff:127.0.0.2', allowedIps: ['127.0.0.1'] })).toThrow(DecodeError);
    expect(() => parseDilovodWebhook(`/?packet=${good}`, { remoteAddress: '', allowedIps: ['127.0.0.1'] })).toThrow(DecodeError);
    // an empty address on the allow-list is a mistake in the configuration, refused as such (red team 12)
    expect(() => parseDilovodWebhook(`/?packet=${good}`, { remoteAddress: '', allowedIps: [''] })).toThrow(UsageError);
  });

  it('parseDilovodWebhook: ids and names with odd characters are refused with DecodeError', () => {
    for (const params of [
      { objectName: 'documents.saleOrder\n', id: '1' },
      { objectName: 'documents.saleOrder', id: '1\n' },
      { objectName: 'documents.saleOrder', id: '１２３' },
      { objectName: 'documents.saleOrder', id: 1e21 },
      { objectName: 'documents.saleOrder', id: -1 },
      { objectName: 'documents.saleOrder', id: 1.5 },
      { objectName: '__proto__.constructor', id: '1' },
    ]) {
      const url = `/?packet=${encodeURIComponent(JSON.stringify({ action: 'objectChanged', params }))}`;
      let result: unknown;
      let error: unknown;
      try { result = parseDilovodWebhook(url, { remoteAddress: '127.0.0.1', allowedIps: ['127.0.0.1'] }); } catch (e) { error = e; }
      expect(error, `${JSON.stringify(params)} -> ${JSON.stringify(result)}`).toBeInstanceOf(DecodeError);
    }
  });

  it('dilovodWebhookHandler: a Request with a huge URL answers 4xx and no bare error escapes', async () => {
    const handle = dilovodWebhookHandler(() => {}, { allowedIps: ['1.2.3.4'] });
    const res = await handle(new Request(`http://h/?packet=${'x'.repeat(5_000_000)}`), '1.2.3.4');
    expect(res.status).toBe(400);
  });
});
