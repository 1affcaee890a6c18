// rt5: JSON:API documents whose relationships chain through many included resources, and source-address spoofing
// headers on the Dilovod listener.
import { afterEach, describe, expect, it } from 'vitest';
import { createFastriverClient } from '../../src/fastriver/index.ts';
import { parseFastriverCallback } from '../../src/fastriver/callbacks.ts';
import { SdkError } from '../../src/core/index.ts';
import { dilovodWebhookListener } from '../../src/dilovod/webhooks.ts';
import { serve, settle, type TestServer } from './helpers.ts';
import { listen, raw, statusOf } from './sockets.ts';

let servers: TestServer[] = [];
afterEach(async () => { await Promise.all(servers.map((s) => s.close())); servers = []; });
const UUID = 'f7b1c2d3-0000-4000-8000-000000000001';

function chain(n: number, rel = 'deliveries', toMany = true) {
  const included = Array.from({ length: n }, (_, i) => ({
    type: 'delivery', id: String(i), attributes: { status: 'x' },
    relationships: i + 1 < n ? { next: { data: toMany ? [{ type: 'delivery', id: String(i + 1) }] : { type: 'delivery', id: String(i + 1) } } } : {},
  }));
  return { rel: { [rel]: { data: toMany ? [{ type: 'delivery', id: '0' }] : { type: 'delivery', id: '0' } } }, included };
}

describe('rt5 JSON:API: long relationship chains through included', () => {
  for (const n of [1_000, 20_000, 100_000]) {
    it(`callback with a chain of ${n} included resources: parsed or a DecodeError, never a RangeError`, () => {
      const { rel, included } = chain(n);
      const body = { data: { id: UUID, type: 'external_callback', attributes: { event: 'schedule' }, relationships: rel }, included };
      try {
        const r = parseFastriverCallback(JSON.stringify(body)) as any;
        expect(() => JSON.stringify(r)).not.toThrow();
      } catch (error) { expect(error, String(error)).toBeInstanceOf(SdkError); }
    });
    it(`client get with a chain of ${n} included resources: a value or a typed error`, async () => {
      const { rel, included } = chain(n, 'active_delivery', false);
      const s = await serve((req, res) => { res.writeHead(200, { 'content-type': 'application/vnd.api+json' }); res.end(JSON.stringify({ data: { type: 'delivery_request', id: UUID, attributes: { status: 'created' }, relationships: rel }, included })); });
      servers.push(s);
      const r = await settle(createFastriverClient({ token: 'tok-RT5-abcdefghijkl' }, { baseUrl: s.url, retry: { maxRetries: 0 } }).deliveryRequests.get(UUID));
      if (!r.ok) expect(r.error, String(r.error)).toBeInstanceOf(SdkError);
      else expect(() => JSON.stringify(r.value)).not.toThrow();
    }, 20000);
  }
  it('a wide fan-out (every included resource relates to every other, 300×300) finishes in time', async () => {
    const n = 300;
    const ids = Array.from({ length: n }, (_, i) => ({ type: 'delivery', id: String(i) }));
    const included = ids.map((id) => ({ ...id, attributes: {}, relationships: { all: { data: ids } } }));
    const s = await serve((req, res) => { res.writeHead(200, { 'content-type': 'application/vnd.api+json' }); res.end(JSON.stringify({ data: { type: 'delivery_request', id: UUID, attributes: {}, relationships: { deliveries: { data: ids } } }, included })); });
    servers.push(s);
    const started = Date.now();
    const r = await settle(createFastriverClient({ token: 'tok-RT5-abcdefghijkl' }, { baseUrl: s.url, retry: { maxRetries: 0 } }).deliveryRequests.get(UUID));
    if (r.ok) { const t = Date.now(); JSON.stringify(r.value); expect(Date.now() - t).toBeLessThan(3000); }
    else expect(r.error).toBeInstanceOf(SdkError);
    expect(Date.now() - started).toBeLessThan(5000);
  }, 20000);
});

describe('rt5 Dilovod listener: the source address is the socket, not a header', () => {
  it('X-Forwarded-For / X-Real-IP / Forwarded naming the allowed address do not pass the check', async () => {
    const events: unknown[] = [];
    const { server, port } = await listen(dilovodWebhookListener((e) => void events.push(e)));
    const P = encodeURIComponent(JSON.stringify({ action: 'objectChanged', params: { objectName: 'documents.saleOrder', id: '1109100000001038' } }));
    try {
      for (const h of ['X-Forwarded-For: 88.198.50.253', 'X-Real-IP: 88.198.50.253', 'Forwarded: for=88.198.50.253', 'X-Forwarded-For: 88.198.50.253, 127.0.0.1', 'True-Client-IP: 88.198.50.253', 'CF-Connecting-IP: 88.198.50.253']) {
        const res = await raw(port, `GET /?packet=${P} HTTP/1.1\r\nHost: a\r\n${h}\r\nConnection: close\r\n\r\n`);
        expect(statusOf(res), h).toBe(403);
      }
      expect(events).toEqual([]);
    } finally { server.closeAllConnections(); server.close(); }
  });
});
