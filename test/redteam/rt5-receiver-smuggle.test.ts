// rt5: a refused request's body carrying another request (desync on keep-alive connections).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import { dilovodWebhookListener } from '../../src/dilovod/webhooks.ts';
import { fastriverCallbackListener } from '../../src/fastriver/callbacks.ts';
import { listen, raw } from './sockets.ts';

const P = encodeURIComponent(JSON.stringify({ action: 'objectChanged', params: { objectName: 'documents.saleOrder', id: '1109100000001038' } }));
const callback = JSON.stringify({ data: { id: '1', type: 'external_callback', attributes: { event: 'schedule' } } });
let dil: { server: Server; port: number };
let fr: { server: Server; port: number };
const dilEvents: unknown[] = [];
const frEvents: unknown[] = [];
beforeAll(async () => {
  dil = await listen(dilovodWebhookListener((e) => void dilEvents.push(e), { allowedIps: ['127.0.0.1'] }));
  fr = await listen(fastriverCallbackListener((e) => void frEvents.push(e), { maxBodyBytes: 200 }));
});
afterAll(() => { for (const s of [dil.server, fr.server]) { s.closeAllConnections(); s.close(); } });

const statuses = (res: string) => [...res.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1]));

describe('rt5 receivers: a refused body is never parsed as the next request', () => {
  it('Dilovod: a GET with a body (413) whose body is a valid webhook GET: no event', async () => {
    const inner = `GET /?packet=${P} HTTP/1.1\r\nHost: a\r\n\r\n`;
    const res = await raw(dil.port, `GET / HTTP/1.1\r\nHost: a\r\nContent-Length: ${inner.length}\r\n\r\n${inner}`, 1500);
    expect(statuses(res)).not.toContain(200);
    expect(dilEvents).toEqual([]);
  });
  it('Dilovod: a POST (405) whose body is a valid webhook GET: no event', async () => {
    const inner = `GET /?packet=${P} HTTP/1.1\r\nHost: a\r\n\r\n`;
    const res = await raw(dil.port, `POST / HTTP/1.1\r\nHost: a\r\nContent-Length: ${inner.length}\r\n\r\n${inner}`, 1500);
    expect(statuses(res)).not.toContain(200);
    expect(dilEvents).toEqual([]);
  });
  it('Dilovod: a chunked GET body carrying a webhook: no event', async () => {
    const inner = `GET /?packet=${P} HTTP/1.1\r\nHost: a\r\n\r\n`;
    const res = await raw(dil.port, `GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n${inner.length.toString(16)}\r\n${inner}\r\n0\r\n\r\n`, 1500);
    expect(statuses(res)).not.toContain(200);
    expect(dilEvents).toEqual([]);
  });
  it('Fastriver: a body over the limit (413) whose tail is a valid callback POST: no event', async () => {
    const inner = `POST / HTTP/1.1\r\nHost: a\r\nContent-Length: ${callback.length}\r\n\r\n${callback}`;
    const filler = ' '.repeat(300);
    const res = await raw(fr.port, `POST / HTTP/1.1\r\nHost: a\r\nContent-Length: ${filler.length + inner.length}\r\n\r\n${filler}${inner}`, 1500);
    expect(statuses(res)).not.toContain(200);
    expect(frEvents).toEqual([]);
  });
  it('Fastriver: a PUT (405) whose body is a valid callback POST: no event', async () => {
    const inner = `POST / HTTP/1.1\r\nHost: a\r\nContent-Length: ${callback.length}\r\n\r\n${callback}`;
    const res = await raw(fr.port, `PUT / HTTP/1.1\r\nHost: a\r\nContent-Length: ${inner.length}\r\n\r\n${inner}`, 1500);
    expect(statuses(res)).not.toContain(200);
    expect(frEvents).toEqual([]);
  });
  it('Fastriver: chunked body over the limit, then a pipelined callback: the callback is either refused or the connection closed', async () => {
    const chunk = 'x'.repeat(150);
    const inner = `POST / HTTP/1.1\r\nHost: a\r\nContent-Length: ${callback.length}\r\n\r\n${callback}`;
    const res = await raw(fr.port, `POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n96\r\n${chunk}\r\n96\r\n${chunk}\r\n${inner.length.toString(16)}\r\n${inner}\r\n0\r\n\r\n`, 1500);
    expect(statuses(res)[0]).toBe(413);
    expect(frEvents).toEqual([]);
  });
});
