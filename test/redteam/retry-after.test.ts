import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, SdkError } from '../../src/core/index.ts';
import { createTbankDeliveryClient } from '../../src/tbank-delivery/index.ts';
import { serve, settle, type TestServer } from './helpers.ts';

const servers: TestServer[] = [];
afterEach(async () => { await Promise.all(servers.splice(0).map((s) => s.close())); });

const values = [
  '999999999999999999999', '1e400', '-5', '-0', '0', '0.5', 'NaN', 'Infinity', '  7  ', '0x10', '1,2', '',
  'Thu, 01 Jan 1970 00:00:00 GMT', 'Fri, 31 Dec 9999 23:59:59 GMT', 'Sat, 01 Jan +275760 00:00:00 GMT', 'not a date',
  '2147483648', '2147483647', '9007199254740993', '1' + '0'.repeat(5000), 'Mon, 30 Nov 2026 04:10:10 GMT, 3',
];

describe('Retry-After abuse', () => {
  for (const value of values) {
    it(`Retry-After: ${value.slice(0, 40)}`, async () => {
      const api = await serve((_q, res) => {
        res.writeHead(503, { 'content-type': 'application/json', 'retry-after': value });
        res.end('{"errorCode":"BUSY"}');
      });
      servers.push(api);
      const tbank = createTbankDeliveryClient({ token: 't0ken-xyz-123456', baseUrl: api.url, retry: { maxRetries: 2, baseDelayMs: 10, maxDelayMs: 50, maxRetryAfterMs: 1000 } });
      const t0 = Date.now();
      const r = await settle(tbank.getTask('t1'));
      const took = Date.now() - t0;
      expect(r.ok).toBe(false);
      const e = (r as any).error;
      expect(e).toBeInstanceOf(ApiError);
      expect(took).toBeLessThan(3500);
      if (e.retryAfterMs !== undefined) {
        expect(Number.isFinite(e.retryAfterMs)).toBe(true);
        expect(e.retryAfterMs).toBeGreaterThanOrEqual(0);
      }
      expect(() => JSON.stringify(e)).not.toThrow();
    }, 8000);
  }

  it('Retry-After beyond maxRetryAfterMs fails at once with retryAfterMs', async () => {
    const api = await serve((_q, res) => { res.writeHead(429, { 'retry-after': '3600' }); res.end(); });
    servers.push(api);
    const tbank = createTbankDeliveryClient({ token: 't0ken-xyz-123456', baseUrl: api.url, retry: { maxRetryAfterMs: 1000 } });
    const t0 = Date.now();
    const r = await settle(tbank.getTask('t1'));
    expect(Date.now() - t0).toBeLessThan(1000);
    expect((r as any).error).toBeInstanceOf(ApiError);
    expect((r as any).error.retryAfterMs).toBe(3_600_000);
    expect(api.seen.length).toBe(1);
  });

  it('abort during a Retry-After wait rejects promptly with the abort reason', async () => {
    const api = await serve((_q, res) => { res.writeHead(503, { 'retry-after': '50' }); res.end(); });
    servers.push(api);
    const tbank = createTbankDeliveryClient({ token: 't0ken-xyz-123456', baseUrl: api.url, retry: { maxRetryAfterMs: 120_000 } });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 200);
    const t0 = Date.now();
    const r = await settle(tbank.getTask('t1', { signal: ac.signal }));
    expect(Date.now() - t0).toBeLessThan(1500);
    expect(r.ok).toBe(false);
    expect((r as any).error?.name).toBe('AbortError');
  });

  for (const [label, retry, perCall] of [
    ['client maxRetries NaN (e.g. Number(process.env.UNSET))', { maxRetries: NaN }, undefined],
    ['per-call maxRetries NaN', {}, NaN],
    ['client maxRetries -1', { maxRetries: -1 }, undefined],
    ['client maxRetries 2.5', { maxRetries: 2.5 }, undefined],
  ] as const) {
    it(`bad retry option: ${label} is a typed error or a bounded retry, not endless retries`, async () => {
      const api = await serve((_q, res) => { res.writeHead(503); res.end(); });
      servers.push(api);
      const tbank = createTbankDeliveryClient({ token: 't0ken-xyz-123456', baseUrl: api.url, retry: { baseDelayMs: 5, maxDelayMs: 20, ...retry } });
      const outcome = await Promise.race([
        settle(tbank.getTask('t1', perCall === undefined ? {} : { maxRetries: perCall })),
        new Promise<'pending'>((r) => setTimeout(() => r('pending'), 3000)),
      ]);
      expect(outcome, `still pending after ${api.seen.length} attempts`).not.toBe('pending');
      expect((outcome as any).ok).toBe(false);
      expect((outcome as any).error).toBeInstanceOf(SdkError);
      expect(api.seen.length).toBeLessThanOrEqual(3);
    }, 8000);
  }
});
