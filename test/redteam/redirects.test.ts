import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { SdkError } from '../../src/core/index.ts';
import { createTbankDeliveryClient } from '../../src/tbank-delivery/index.ts';
import { createYandexFleetClient } from '../../src/yandex-fleet/index.ts';
import { serve, settle, type TestServer } from './helpers.ts';

const TOKEN = 'tbTOKENsecret9876543210';
const KEY = 'yfAPIKEYsecret1234567890';
const servers: TestServer[] = [];
afterEach(async () => { await Promise.all(servers.splice(0).map((s) => s.close())); });

function leaks(s: TestServer): boolean {
  return s.seen.some((r) => JSON.stringify(r).includes(TOKEN) || JSON.stringify(r).includes(KEY));
}
function visible(error: unknown): string {
  const e = error as SdkError;
  return [String(e), e?.message, inspect(e, { depth: 10 }), JSON.stringify(e), inspect((e as any)?.cause, { depth: 10 })].join('\n');
}

describe('redirects never carry credentials off-origin', () => {
  for (const status of [301, 302, 303, 307, 308, 300, 305, 399]) {
    for (const form of ['absolute', 'protocol-relative', 'userinfo']) {
      it(`${status} ${form} Location to another origin`, async () => {
        const evil = await serve((_q, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"id":"x","status":"NEW"}'); });
        servers.push(evil);
        const host = evil.url.replace('http://', '');
        const location = form === 'absolute' ? `${evil.url}/steal` : form === 'protocol-relative' ? `//${host}/steal` : `http://u:${TOKEN}@${host}/steal`;
        const api = await serve((_q, res) => { res.writeHead(status, { location }); res.end(); });
        servers.push(api);
        const tbank = createTbankDeliveryClient({ token: TOKEN, baseUrl: api.url, retry: { maxRetries: 0 } });
        const r = await settle(tbank.getTask('t1'));
        expect(leaks(evil)).toBe(false);
        if (!r.ok) {
          expect(r.error).toBeInstanceOf(SdkError);
          expect(visible(r.error)).not.toContain(TOKEN);
        }
      });
    }
  }

  it('yandex fleet: 307 to another origin does not carry X-API-Key', async () => {
    const evil = await serve((_q, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"categories":[]}'); });
    servers.push(evil);
    const api = await serve((_q, res) => { res.writeHead(307, { location: `${evil.url}/v2/parks/transactions/categories/list` }); res.end(); });
    servers.push(api);
    const fleet = createYandexFleetClient({ apiKey: KEY, clientId: 'taxi/park/p1', baseUrl: api.url, retry: { maxRetries: 0 } });
    const r = await settle(fleet.listTransactionCategories({ query: { park: { id: 'p1' } } } as any));
    expect(leaks(evil)).toBe(false);
    if (!r.ok) expect(r.error).toBeInstanceOf(SdkError);
  });

  it('redirect loop ends with a typed error, fast', async () => {
    const api = await serve((q, res) => { res.writeHead(302, { location: q.url === '/a' ? '/b' : '/a' }); res.end(); });
    servers.push(api);
    const tbank = createTbankDeliveryClient({ token: TOKEN, baseUrl: api.url, retry: { maxRetries: 0 } });
    const t0 = Date.now();
    const r = await settle(tbank.getTask('t1'));
    expect(r.ok).toBe(false);
    expect((r as any).error).toBeInstanceOf(SdkError);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(api.seen.length).toBeLessThan(30);
  });

  it('redirect with the token and userinfo in Location: not shown in the error', async () => {
    const api = await serve((_q, res) => {
      res.writeHead(302, { location: `http://admin:${TOKEN}@evil.invalid/x?access_token=${TOKEN}&k=${encodeURIComponent(TOKEN)}` });
      res.end();
    });
    servers.push(api);
    const tbank = createTbankDeliveryClient({ token: TOKEN, baseUrl: api.url, retry: { maxRetries: 0 } });
    const r = await settle(tbank.getTask('t1'));
    expect(r.ok).toBe(false);
    expect((r as any).error).toBeInstanceOf(SdkError);
    expect(visible((r as any).error)).not.toContain(TOKEN);
  });

  it('redirect with a malformed Location is a typed error', async () => {
    for (const location of ['http://[::1', 'ht!tp://x', '\u0000', 'http://%zz/']) {
      const api = await serve((_q, res) => { res.setHeader('location', location.replace('\u0000', '%00')); res.writeHead(302); res.end(); });
      servers.push(api);
      const tbank = createTbankDeliveryClient({ token: TOKEN, baseUrl: api.url, retry: { maxRetries: 0 } });
      const r = await settle(tbank.getTask('t1'));
      if (!r.ok) expect(r.error, location).toBeInstanceOf(SdkError);
    }
  });

  it('302 without Location is a typed error, not a silent success', async () => {
    const api = await serve((_q, res) => { res.writeHead(302); res.end(); });
    servers.push(api);
    const tbank = createTbankDeliveryClient({ token: TOKEN, baseUrl: api.url, retry: { maxRetries: 0 } });
    const r = await settle(tbank.getTask('t1'));
    expect(r.ok).toBe(false);
    expect((r as any).error).toBeInstanceOf(SdkError);
  });

  it('same-origin relative 307 on a POST keeps working or fails typed', async () => {
    const api = await serve((q, res) => {
      if (q.url!.startsWith('/moved')) { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"categories":[]}'); return; }
      res.writeHead(307, { location: '/moved' }); res.end();
    });
    servers.push(api);
    const fleet = createYandexFleetClient({ apiKey: KEY, clientId: 'taxi/park/p1', baseUrl: api.url, retry: { maxRetries: 0 } });
    const r = await settle(fleet.listTransactionCategories({ query: { park: { id: 'p1' } } } as any));
    if (!r.ok) expect(r.error).toBeInstanceOf(SdkError);
    else expect(api.seen[1]?.body).toBe(api.seen[0]?.body);
  });
});
