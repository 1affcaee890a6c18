// rt5: receivers on the wire: where the packet is read from (request-target only, never Host), rewritten targets,
// odd Host headers, gzip bodies, trickled bodies, and whether the process keeps serving.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import type { Server } from 'node:http';
import { dilovodWebhookListener, dilovodWebhookHandler, parseDilovodWebhook } from '../../src/dilovod/webhooks.ts';
import { DecodeError, SdkError } from '../../src/dilovod/index.ts';
import { fastriverCallbackListener, fastriverCallbackHandler } from '../../src/fastriver/callbacks.ts';
import { listen, raw, statusOf, catchingUncaught } from './sockets.ts';

const packet = JSON.stringify({ action: 'objectChanged', params: { objectName: 'documents.saleOrder', id: '1109100000001038' } });
const P = encodeURIComponent(packet);
const callback = JSON.stringify({ data: { id: '1', type: 'external_callback', attributes: { event: 'schedule', delivery_request_status: 'validated' } } });

let dil: { server: Server; port: number };
let fr: { server: Server; port: number };
const dilEvents: unknown[] = [];
const frEvents: unknown[] = [];

beforeAll(async () => {
  dil = await listen(dilovodWebhookListener((e) => void dilEvents.push(e), { allowedIps: ['127.0.0.1'] }));
  fr = await listen(fastriverCallbackListener((e) => void frEvents.push(e)));
});
afterAll(() => { dil.server.closeAllConnections(); dil.server.close(); fr.server.closeAllConnections(); fr.server.close(); });

const get = (target: string, headers = 'Host: a\r\n') => `GET ${target} HTTP/1.1\r\n${headers}Connection: close\r\n\r\n`;

describe('rt5 dilovod listener: the packet comes from the request-target only', () => {
  const hostInjections = [
    `a?packet=${P}#`,
    `a/?packet=${P}&`,
    `a?packet=${P}`,
    `a#?packet=${P}`,
    `a/${'x'}?packet=${P}#`,
  ];
  for (const host of hostInjections) {
    it(`Host: ${host.slice(0, 30)}… with target /?x=1 is not taken as an event`, async () => {
      const before = dilEvents.length;
      const errors = await catchingUncaught(async () => {
        const res = await raw(dil.port, get('/?x=1', `Host: ${host}\r\n`));
        expect(statusOf(res) === 0 || (statusOf(res) >= 400 && statusOf(res) < 500), res.slice(0, 200)).toBe(true);
      });
      expect(errors).toEqual([]);
      expect(dilEvents.length).toBe(before);
    });
  }
  it('X-Forwarded-Host / Forwarded cannot supply the packet', async () => {
    const before = dilEvents.length;
    const res = await raw(dil.port, get('/', `Host: a\r\nX-Forwarded-Host: a?packet=${P}#\r\nForwarded: host="a?packet=${P}#"\r\nX-Original-URL: /?packet=${P}\r\nX-Rewrite-URL: /?packet=${P}\r\n`));
    expect(statusOf(res)).toBeGreaterThanOrEqual(400);
    expect(dilEvents.length).toBe(before);
  });
});

describe('rt5 dilovod listener: request-targets a URL parser would rewrite', () => {
  const targets = [
    `/a/../?packet=${P}`,
    `/./?packet=${P}`,
    `/%2e%2e/?packet=${P}`,
    `/a/%2E/?packet=${P}`,
    `\\?packet=${P}`,
    `/\\?packet=${P}`,
    `/a\\b?packet=${P}`,
    `/?packet=${P}#frag`,
    `/#?packet=${P}`,
    `/%00?packet=${P}`,
    `/?pack%65t=${P}`,
    `/?packet=${P}&packet=${P}`,
    `/?packet=${P}&pack%65t=${P}`,
    `/?packet=${P}&PACKET=x`,
    `/?packet=${P}&packet`,
    `/?packet=${P}&packet=`,
    `/?packet=${P};packet=%7B%7D`,
    `/?%70acket=${P}`,
    `/?packet[]=${P}`,
    `/?packet=${P.replace(/%22/g, '"')}`,
    `/?packet=${P}%`,
    `/?packet=${P}%2`,
    `/?packet=%FF${P}`,
    `/?packet=${P}%ED%A0%80`,
    `*`,
    `http://evil/?packet=${P}`,
    `HTTP://a/?packet=${P}`,
    `http://a:99999/?packet=${P}`,
    `http://user:pass@a/?packet=${P}`,
    `https://a/?packet=${P}`,
    `file:///?packet=${P}`,
    `a:b`,
    `/?packet=${P}\u00e9`,
    `/\u00e9?packet=${P}`,
    `/?${'a=1&'.repeat(20000)}packet=${P}`,
  ];
  for (const target of targets) {
    it(`GET ${target.slice(0, 40)}: a status (200 only for one clean packet), and the server keeps serving`, async () => {
      const errors = await catchingUncaught(async () => {
        const res = await raw(dil.port, Buffer.from(get(target), 'utf8'));
        const status = statusOf(res);
        expect([0, 200, 400, 403, 404, 405, 413, 414, 431], res.slice(0, 300)).toContain(status);
        if (/packet.*[&;]packet|\.\.|%2e|%2E|\/\.\/|\\|#|%FF|%ED/.test(target)) expect(status, `${target.slice(0, 60)} -> ${res.slice(0, 200)}`).not.toBe(200);
        const again = await raw(dil.port, get(`/?packet=${P}`));
        expect(statusOf(again)).toBe(200);
      });
      expect(errors).toEqual([]);
    });
  }
});

describe('rt5 parseDilovodWebhook / handler: ambiguous packets', () => {
  const check = { remoteAddress: '127.0.0.1', allowedIps: ['127.0.0.1'] };
  // A JSON member named twice: the last is read, as every mainstream JSON parser reads it (see rt5-callback-parse).
  it('a packet JSON with the key "params" twice: the last one is read', () => {
    const dup = '{"action":"objectChanged","params":{"objectName":"documents.saleOrder","id":"1"},"params":{"objectName":"catalogs.goods","id":"2"}}';
    expect(parseDilovodWebhook(`/?packet=${encodeURIComponent(dup)}`, check).params).toEqual({ objectName: 'catalogs.goods', id: '2' });
  });
  it('a packet JSON with "id" twice: the last one is read', () => {
    const dup = '{"action":"objectChanged","params":{"objectName":"documents.saleOrder","id":"1","id":"2"}}';
    expect(parseDilovodWebhook(`/?packet=${encodeURIComponent(dup)}`, check).params.id).toBe('2');
  });
  it('a number id 1e21 is a DecodeError', () => {
    expect(() => parseDilovodWebhook(`/?packet=${encodeURIComponent('{"action":"objectChanged","params":{"objectName":"a.b","id":1e21}}')}`, check)).toThrow(DecodeError);
  });
  it('a number id above 2^53 is refused, not rounded to another object id', () => {
    const text = '{"action":"objectChanged","params":{"objectName":"documents.saleOrder","id":11098000000010389}}';
    let result: unknown;
    try { result = parseDilovodWebhook(`/?packet=${encodeURIComponent(text)}`, check); } catch (error) { expect(error).toBeInstanceOf(DecodeError); return; }
    expect((result as any).params.id).toBe('11098000000010389');
  });
  it('the fetch handler with a non-URL request url answers 400, never throws', async () => {
    const handler = dilovodWebhookHandler(() => {}, { allowedIps: ['127.0.0.1'] });
    const fake = { method: 'GET', url: '//', headers: new Headers() } as unknown as Request;
    const res = await handler(fake, '127.0.0.1');
    expect(res.status).toBe(400);
  });
  it('method spelled in lower case (get) is a 405, not taken as GET', async () => {
    const res = await raw(dil.port, `get /?packet=${P} HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n`);
    expect(statusOf(res)).not.toBe(200);
  });
  it('HEAD with a valid packet does not run the listener', async () => {
    const before = dilEvents.length;
    const res = await raw(dil.port, `HEAD /?packet=${P} HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n`);
    expect(statusOf(res)).toBe(405);
    expect(dilEvents.length).toBe(before);
  });
});

describe('rt5 fastriver listener: bodies', () => {
  it('a gzip bomb with Content-Encoding: gzip is refused fast, not inflated into an event', async () => {
    const bomb = gzipSync(Buffer.alloc(200 * 1024 * 1024, 0x20));
    const head = `POST / HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: ${bomb.length}\r\nConnection: close\r\n\r\n`;
    const started = Date.now();
    const res = await raw(fr.port, Buffer.concat([Buffer.from(head), bomb]), 10000);
    expect(statusOf(res)).toBeGreaterThanOrEqual(400);
    expect(Date.now() - started).toBeLessThan(5000);
  });
  it('a gzip-encoded valid callback is refused (415/400), not read as its compressed bytes or taken', async () => {
    const before = frEvents.length;
    const body = gzipSync(Buffer.from(callback));
    const head = `POST / HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
    const res = await raw(fr.port, Buffer.concat([Buffer.from(head), body]));
    expect([200, 400, 415]).toContain(statusOf(res));
    if (statusOf(res) === 200) expect(frEvents.length).toBe(before + 1);
  });
  it('a callback with Content-Encoding: identity, br, or unknown does not make the process throw', async () => {
    for (const enc of ['br', 'x-evil', 'gzip, gzip', 'deflate']) {
      const errors = await catchingUncaught(async () => {
        const head = `POST / HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Encoding: ${enc}\r\nContent-Length: ${callback.length}\r\nConnection: close\r\n\r\n`;
        const res = await raw(fr.port, head + callback);
        expect([200, 400, 415], res.slice(0, 200)).toContain(statusOf(res));
      });
      expect(errors).toEqual([]);
    }
  });
  it('a chunked body with chunk extensions and trailers parses or is refused with 4xx', async () => {
    const chunked = `POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n${callback.length.toString(16)};ext=1\r\n${callback}\r\n0\r\nX-Trailer: 1\r\n\r\n`;
    const res = await raw(fr.port, chunked);
    expect([200, 400]).toContain(statusOf(res));
  });
  it('a chunked body over the limit is 413 while still arriving', async () => {
    const chunk = 'a'.repeat(65536);
    let body = '';
    for (let i = 0; i < 20; i++) body += `${chunk.length.toString(16)}\r\n${chunk}\r\n`;
    const res = await raw(fr.port, `POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${body}`, 5000);
    expect(statusOf(res)).toBe(413);
  });
  it('Content-Length and Transfer-Encoding together (smuggling shape) is a 400, not a callback', async () => {
    const before = frEvents.length;
    const res = await raw(fr.port, `POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${callback.length.toString(16)}\r\n${callback}\r\n0\r\n\r\n`);
    expect(statusOf(res)).toBe(400);
    expect(frEvents.length).toBe(before);
  });
  it('Expect: 100-continue with a too-large Content-Length ends in 413 (or 417)', async () => {
    const res = await raw(fr.port, `POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 999999999\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`, 2000);
    expect(res).toMatch(/HTTP\/1\.1 41[37]/);
  });
  it('fetch-style handler: a body stream that errors mid-way is a 400, not a rejection', async () => {
    const handler = fastriverCallbackHandler(() => {});
    const stream = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('{"data":')); c.error(new TypeError('client went away')); } });
    const request = new Request('http://a/', { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    const res = await handler(request, '127.0.0.1').catch((e: unknown) => e);
    expect(res).toBeInstanceOf(Response);
    expect((res as Response).status).toBeGreaterThanOrEqual(400);
  });
});

describe('rt5 absolute-form request-target with userinfo', () => {
  for (const target of [`http://user:pass@a/?packet=${P}`, 'http://u@a/', 'http://a@b/']) {
    it(`dilovod GET ${target.slice(0, 24)} is a 4xx, not 500`, async () => {
      const res = await raw(dil.port, get(target));
      expect(statusOf(res), res.slice(0, 200)).toBeGreaterThanOrEqual(400);
      expect(statusOf(res), res.slice(0, 200)).toBeLessThan(500);
    });
    it(`fastriver POST ${target.slice(0, 24)} is a 4xx, not 500`, async () => {
      const res = await raw(fr.port, `POST ${target} HTTP/1.1\r\nHost: a\r\nContent-Length: ${callback.length}\r\nConnection: close\r\n\r\n${callback}`);
      expect(statusOf(res), res.slice(0, 200)).toBeGreaterThanOrEqual(400);
      expect(statusOf(res), res.slice(0, 200)).toBeLessThan(500);
    });
  }
});

describe('rt5 typed errors from parseDilovodWebhook', () => {
  for (const input of [{} as never, null as never, 42 as never, Symbol('x') as never, new URLSearchParams('packet=1&packet=2')]) {
    it(`input ${String(typeof input)} → DecodeError/SdkError`, () => {
      try { parseDilovodWebhook(input, { remoteAddress: '127.0.0.1', allowedIps: ['127.0.0.1'] }); } catch (error) { expect(error, String(error)).toBeInstanceOf(SdkError); return; }
    });
  }
});
