// The webhook receiver: the source address is checked, the packet is parsed strictly, and both handlers answer right.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DecodeError } from '../../src/core/index.ts';
import { dilovodWebhookListener, dilovodWebhookHandler, parseDilovodWebhook, WebhookSourceError, type DilovodWebhookEvent } from '../../src/dilovod/webhooks.ts';

const SEED = '{"action":"objectChanged","params":{"objectName":"documents.saleOrder","id":"1109100000001038"}}';
const url = (packet: string) => `/hooks/dilovod?packet=${encodeURIComponent(packet)}`;
const FROM_DILOVOD = { remoteAddress: '88.198.50.253' };

describe('parseDilovodWebhook', () => {
  it("parses the seed's packet from the documented address (also as ::ffff:-mapped IPv4)", () => {
    const expected = { action: 'objectChanged', params: { objectName: 'documents.saleOrder', id: '1109100000001038' } };
    expect(parseDilovodWebhook(url(SEED), FROM_DILOVOD)).toEqual(expected);
    expect(parseDilovodWebhook(new URLSearchParams({ packet: SEED }), { remoteAddress: '::ffff:88.198.50.253' })).toEqual(expected);
  });

  it('refuses any other source, unless the allow-list says otherwise', () => {
    expect(() => parseDilovodWebhook(url(SEED), { remoteAddress: '10.1.2.3' })).toThrow(WebhookSourceError);
    expect(() => parseDilovodWebhook(url(SEED), { remoteAddress: undefined })).toThrow(WebhookSourceError);
    expect(parseDilovodWebhook(url(SEED), { remoteAddress: '127.0.0.1', allowedIps: ['127.0.0.1'] }).params.id).toBe('1109100000001038');
  });

  it.each([
    ['no URL at all (found by the fuzzer)', '//', 'url'],
    ['no packet', '/hooks/dilovod', 'packet'],
    ['not JSON', url('{"action":'), 'packet'],
    ['another action', url('{"action":"saveObject","params":{}}'), 'packet.action'],
    ['no params', url('{"action":"objectChanged"}'), 'packet.params'],
    ['a bad object name', url('{"action":"objectChanged","params":{"objectName":"<script>","id":"1"}}'), 'packet.params.objectName'],
    ['a bad id', url('{"action":"objectChanged","params":{"objectName":"catalogs.goods","id":"12; DROP"}}'), 'packet.params.id'],
  ])('refuses a packet with %s, naming the place', (_, request, path) => {
    const error = (() => {
      try {
        parseDilovodWebhook(request, FROM_DILOVOD);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DecodeError);
    expect(error).not.toBeInstanceOf(WebhookSourceError);
    expect(error).toMatchObject({ path });
  });
});

describe('handlers', () => {
  const received: DilovodWebhookEvent[] = [];
  let server: Server;
  let base: string;
  beforeAll(async () => {
    // Loopback stands in for Dilovod's address here.
    server = createServer(dilovodWebhookListener((event) => void received.push(event), { allowedIps: ['127.0.0.1'] }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('node:http: 200 and the event for a good packet, 400 with the reason for a bad one', async () => {
    const good = await fetch(`${base}${url(SEED)}`);
    expect(good.status).toBe(200);
    expect(received).toEqual([{ action: 'objectChanged', params: { objectName: 'documents.saleOrder', id: '1109100000001038' } }]);
    const bad = await fetch(`${base}${url('{"action":"objectChanged","params":{"objectName":"x.y","id":"abc"}}')}`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('packet.params.id');
  });

  it('fetch-style: 403 from another address, 500 when the listener throws', async () => {
    const handle = dilovodWebhookHandler(() => {
      throw new Error('db down');
    });
    expect((await handle(new Request(`http://shop.example${url(SEED)}`), '203.0.113.7')).status).toBe(403);
    expect((await handle(new Request(`http://shop.example${url(SEED)}`), '88.198.50.253')).status).toBe(500);
  });
});
