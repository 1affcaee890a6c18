import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, InvalidResponseError, SdkError, TimeoutError } from '../../src/core/index.ts';
import { createTbankDeliveryClient } from '../../src/tbank-delivery/index.ts';
import { serve, settle, type TestServer } from './helpers.ts';

const TOKEN = 'tok-secret-123456789';
const servers: TestServer[] = [];
afterEach(async () => { await Promise.all(servers.splice(0).map((s) => s.close())); });

async function client(handler: Parameters<typeof serve>[0], extra: Record<string, unknown> = {}) {
  const api = await serve(handler);
  servers.push(api);
  return { api, tbank: createTbankDeliveryClient({ token: TOKEN, baseUrl: api.url, retry: { maxRetries: 0 }, ...extra }) };
}

const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
const hostile: Record<string, string> = {
  'code object with toString key': '{"errorCode":{"toString":"boom","valueOf":1},"errorMessage":{"toString":null}}',
  'message array': '{"errorCode":["a","b"],"errorMessage":[1,{"x":2}]}',
  'numbers/bools/null': '{"errorCode":12,"errorMessage":null,"errorId":true}',
  '__proto__ key': '{"__proto__":{"polluted":"yes","errorCode":"P"},"errorMessage":"m"}',
  'constructor.prototype': '{"constructor":{"prototype":{"polluted":"yes"}},"errorCode":"C"}',
  'huge message': JSON.stringify({ errorCode: 'X', errorMessage: 'm'.repeat(5_000_000) }),
  'huge code': JSON.stringify({ errorCode: 'c'.repeat(1_000_000) }),
  'deep array 100k': deep(100_000),
  'deep object 20k': '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000),
  'deep in errorMessage': `{"errorCode":"X","errorMessage":${deep(50_000)}}`,
  'lone surrogates': '{"errorCode":"\\ud800","errorMessage":"\\udfff\\u0000\\u001b[31mred"}',
  'ansi + CRLF in message': JSON.stringify({ errorCode: 'X\r\nInjected: 1', errorMessage: '\u001b]0;pwned\u0007\r\nfake log line' }),
  'number overflow': '{"errorCode":1e999,"errorMessage":-1e999}',
  'many keys': '{' + Array.from({ length: 200_000 }, (_, i) => `"k${i}":${i}`).join(',') + '}',
  'duplicate keys': '{"errorCode":"A","errorCode":"B"}',
  'BOM': '\ufeff{"errorCode":"BOM"}',
};

describe('hostile error bodies', () => {
  for (const [label, body] of Object.entries(hostile)) {
    it(label, async () => {
      const { tbank } = await client((_q, res) => { res.writeHead(422, { 'content-type': 'application/json' }); res.end(body); });
      const r = await settle(tbank.getTask('t1'));
      expect(r.ok).toBe(false);
      const e = (r as any).error;
      expect(e).toBeInstanceOf(ApiError);
      expect(({} as any).polluted).toBeUndefined();
      expect(typeof e.message).toBe('string');
      expect(e.message.length).toBeLessThan(20_000);
      expect(e.code === undefined || typeof e.code === 'string').toBe(true);
      expect(e.apiMessage === undefined || typeof e.apiMessage === 'string').toBe(true);
      expect(() => JSON.stringify(e)).not.toThrow();
      expect(() => String(e)).not.toThrow();
      expect(e.message).not.toMatch(/[\r\n\u001b\u0007]/);
    }, 20000);
  }

  for (const [label, body] of Object.entries({ deep200: deep(100_000), proto: '{"__proto__":{"polluted":"yes"},"id":"1"}' })) {
    it(`2xx ${label}`, async () => {
      const { tbank } = await client((_q, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(body); });
      const r = await settle(tbank.getTask('t1'));
      expect(({} as any).polluted).toBeUndefined();
      if (!r.ok) expect(r.error).toBeInstanceOf(SdkError);
      else expect(Object.getPrototypeOf(r.value)).not.toHaveProperty('polluted');
    }, 20000);
  }
});

describe('odd statuses', () => {
  for (const status of [204, 205, 304, 100, 199, 299, 600, 999]) {
    it(`getTask answered ${status}`, async () => {
      const { tbank } = await client((_q, res) => {
        if (status < 200) { res.socket!.end(`HTTP/1.1 ${status} X\r\n\r\nHTTP/1.1 ${status} X\r\ncontent-length: 0\r\n\r\n`); return; }
        if (status >= 600) { res.socket!.end(`HTTP/1.1 ${status} X\r\ncontent-type: application/json\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}`); return; }
        res.writeHead(status); res.end();
      }, { timeoutMs: 2000 });
      const r = await settle(tbank.getTask('t1'));
      expect(r.ok, `${status} resolved ${JSON.stringify((r as any).value)}`).toBe(false);
      expect((r as any).error).toBeInstanceOf(SdkError);
    }, 8000);
  }
});

describe('responses that never end, or never start', () => {
  it('headers then a body that trickles forever: TimeoutError', async () => {
    const { tbank } = await client((_q, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id":"');
      const t = setInterval(() => res.write('a'), 20);
      res.on('close', () => clearInterval(t));
    }, { timeoutMs: 500 });
    const t0 = Date.now();
    const r = await settle(tbank.getTask('t1'));
    expect((r as any).error).toBeInstanceOf(TimeoutError);
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('no headers ever: TimeoutError', async () => {
    const { tbank } = await client(() => {}, { timeoutMs: 400 });
    const r = await settle(tbank.getTask('t1'));
    expect((r as any).error).toBeInstanceOf(TimeoutError);
  });

  it('download that streams fast and never ends is cut by the timeout', async () => {
    const chunk = Buffer.alloc(64 * 1024, 1);
    const { tbank } = await client((_q, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      const pump = () => { while (res.write(chunk)) { /* fill */ } };
      res.on('drain', pump); pump();
    }, { timeoutMs: 1000, maxResponseBytes: 2 ** 40 }); // the timeout alone (maxResponseBytes would stop it at 50 MiB)
    const r = await settle(tbank.downloadDocument('d1'));
    expect((r as any).error).toBeInstanceOf(TimeoutError);
  }, 10000);

  for (const timeoutMs of [NaN, -1, 0, Infinity, 2 ** 31]) {
    it(`timeoutMs ${timeoutMs} against a server that never answers: typed error or rejection within 3s`, async () => {
      const { tbank } = await client(() => {});
      const outcome = await Promise.race([
        settle(Promise.resolve().then(() => tbank.getTask('t1', { timeoutMs }))),
        new Promise<'pending'>((r) => setTimeout(() => r('pending'), 3000)),
      ]);
      if (timeoutMs === Infinity || timeoutMs === 2 ** 31) {
        // a huge timeout is the caller's choice; it must at least not fire at once (2**31 overflows setTimeout to 1 ms)
        if (outcome !== 'pending') expect((outcome as any).error).not.toBeInstanceOf(TimeoutError);
        return;
      }
      expect(outcome).not.toBe('pending');
      expect((outcome as any).error).toBeInstanceOf(SdkError);
    }, 8000);
  }
});

describe('abort races', () => {
  it('already-aborted signal: rejects with its reason, sends nothing', async () => {
    const { api, tbank } = await client((_q, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{}'); });
    const reason = new Error('mine');
    const r = await settle(tbank.getTask('t1', { signal: AbortSignal.abort(reason) }));
    expect((r as any).error).toBe(reason);
    expect(api.seen.length).toBe(0);
  });

  it('abort with a non-Error reason (string, undefined) still rejects', async () => {
    for (const reason of ['str', 0, null]) {
      const { tbank } = await client(() => {});
      const ac = new AbortController();
      setTimeout(() => ac.abort(reason), 50);
      const outcome = await Promise.race([settle(tbank.getTask('t1', { signal: ac.signal })), new Promise<'pending'>((r) => setTimeout(() => r('pending'), 2000))]);
      expect(outcome, String(reason)).not.toBe('pending');
      expect((outcome as any).ok).toBe(false);
    }
  });

  it('abort exactly as the timeout fires: one rejection, no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onU = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onU);
    try {
      for (let i = 0; i < 20; i++) {
        const { tbank } = await client(() => {});
        const ac = new AbortController();
        setTimeout(() => ac.abort(), 100);
        const r = await settle(tbank.getTask('t1', { signal: ac.signal, timeoutMs: 100 }));
        expect(r.ok).toBe(false);
        const e = (r as any).error;
        expect(e instanceof TimeoutError || e?.name === 'AbortError').toBe(true);
      }
      await new Promise((r) => setTimeout(r, 100));
      expect(unhandled).toEqual([]);
    } finally { process.off('unhandledRejection', onU); }
  }, 20000);

  it('abort after the response resolved does nothing', async () => {
    const { tbank } = await client((_q, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"id":"1"}'); });
    const ac = new AbortController();
    const v = await tbank.getTask('t1', { signal: ac.signal });
    ac.abort();
    expect(v).toEqual({ id: '1' });
  });

  it('mid-body reset of a non-retried POST: NetworkError, attempts 1', async () => {
    const { api, tbank } = await client((_q, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.write('{"meetingId":'); setTimeout(() => res.socket?.destroy(), 20); }, { retry: { maxRetries: 3, baseDelayMs: 1 } });
    const r = await settle(tbank.createMeeting({ appointmentId: 'a', intervalStartTime: 'x', intervalEndTime: 'y' } as any));
    expect((r as any).error).toBeInstanceOf(SdkError);
    expect(api.seen.length).toBe(1);
  });
});
