// rt5: per-call options a caller fills from outside data (an order number as idempotency key, a trace id header).
import { afterEach, describe, expect, it } from 'vitest';
import { createYandexFleetClient } from '../../src/yandex-fleet/index.ts';
import { createTbankDeliveryClient } from '../../src/tbank-delivery/index.ts';
import { SdkError } from '../../src/core/index.ts';
import { serve, settle, type TestServer } from './helpers.ts';

let servers: TestServer[] = [];
afterEach(async () => { await Promise.all(servers.map((s) => s.close())); servers = []; });
const ok = async () => { const s = await serve((req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"categories":[]}'); }); servers.push(s); return s; };
const fleet = (url: string, extra = {}) => createYandexFleetClient({ apiKey: 'yk-RT5-0123456789abcdef', clientId: 'taxi/park/p1', language: 'ru', baseUrl: url, retry: { maxRetries: 0 }, ...extra });
const body = { query: { park: { id: 'p1' } } };

describe('rt5 per-call headers and keys with characters HTTP cannot carry', () => {
  const values = ['a\r\nX-Evil: 1', 'a\nb', 'тест', 'a\u0000b', '\u{1F600}'];
  for (const value of values) {
    it(`headers {X-Trace-Id: ${JSON.stringify(value)}}: a typed error before sending, or sent without injection`, async () => {
      const s = await ok();
      const r = await settle(fleet(s.url).listTransactionCategories(body as never, { headers: { 'X-Trace-Id': value } }));
      for (const seen of s.seen) expect(seen.headers['x-evil']).toBeUndefined();
      if (!r.ok) expect(r.error, String(r.error)).toBeInstanceOf(SdkError);
    });
    it(`idempotencyKey ${JSON.stringify(value)}: a typed error before sending, or sent without injection`, async () => {
      const s = await ok();
      const r = await settle(fleet(s.url).createTransactionV3({ park_id: 'p', contractor_profile_id: 'c', amount: '1', data: { kind: 'bonus' } } as never, { idempotencyKey: value }));
      for (const seen of s.seen) expect(seen.headers['x-evil']).toBeUndefined();
      if (!r.ok) expect(r.error, String(r.error)).toBeInstanceOf(SdkError);
    });
  }
  for (const name of ['bad header', 'x:y', '', 'тест', '\r\n']) {
    it(`header name ${JSON.stringify(name)}: a typed error`, async () => {
      const s = await ok();
      const r = await settle(fleet(s.url).listTransactionCategories(body as never, { headers: { [name]: 'v' } }));
      if (!r.ok) expect(r.error, String(r.error)).toBeInstanceOf(SdkError);
    });
  }
  it('a client-level idempotencyKey generator returning a CRLF string or a number: typed error', async () => {
    for (const gen of [() => 'a\r\nX-Evil: 1', () => 42 as unknown as string]) {
      const s = await ok();
      const r = await settle(fleet(s.url, { idempotencyKey: gen }).createTransactionV3({ park_id: 'p', contractor_profile_id: 'c', amount: '1', data: { kind: 'bonus' } } as never));
      for (const seen of s.seen) expect(seen.headers['x-evil']).toBeUndefined();
      if (!r.ok) expect(r.error, String(r.error)).toBeInstanceOf(SdkError);
    }
  });
  it('a token with CRLF (from an env file with Windows line endings) is a typed error, never sent split', async () => {
    const s = await ok();
    const r = await settle(createTbankDeliveryClient({ token: 'tok-RT5-abc\r\n', baseUrl: s.url, retry: { maxRetries: 0 } }).getTask('t'));
    if (!r.ok) { expect(r.error, String(r.error)).toBeInstanceOf(SdkError); expect(String(r.error) + JSON.stringify(r.error)).not.toContain('tok-RT5-abc'); }
  });
  it('an apiKey with a non-Latin-1 character: a typed error that does not quote the key', async () => {
    const s = await ok();
    const r = await settle(createYandexFleetClient({ apiKey: 'ключ-RT5-0123456789', clientId: 'taxi/park/p1', language: 'ru', baseUrl: s.url, retry: { maxRetries: 0 } }).listTransactionCategories(body as never));
    expect(r.ok).toBe(false);
    if (!r.ok) { expect(r.error, String(r.error)).toBeInstanceOf(SdkError); expect(String(r.error) + JSON.stringify(r.error) + (r.error as Error).stack).not.toContain('ключ-RT5'); }
  });
});
