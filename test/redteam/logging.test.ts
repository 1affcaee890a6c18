import { afterEach, describe, expect, it, vi } from 'vitest';
import { SdkError } from '../../src/core/index.ts';
import { createDellinClient } from '../../src/dellin/index.ts';
import { createDilovodClient } from '../../src/dilovod/index.ts';
import { createTbankDeliveryClient } from '../../src/tbank-delivery/index.ts';
import { createYandexFleetClient } from '../../src/yandex-fleet/index.ts';
import { serve, settle, type TestServer } from './helpers.ts';

const servers: TestServer[] = [];
afterEach(async () => { await Promise.all(servers.splice(0).map((s) => s.close())); vi.restoreAllMocks(); vi.unstubAllEnvs(); });

function captureConsole(): () => string {
  const lines: string[] = [];
  for (const m of ['log', 'info', 'warn', 'error', 'debug'] as const) vi.spyOn(console, m).mockImplementation((...a: unknown[]) => { lines.push(a.map(String).join(' ')); });
  return () => lines.join('\n');
}
function pieces(secret: string): string[] { const o: string[] = []; for (let i = 0; i + 10 <= secret.length; i++) o.push(secret.slice(i, i + 10)); return o; }

describe('DELIVERY_API_LOG / logLevel output', () => {
  it('debug console output of all four credential styles holds no secret, even echoed', async () => {
    const secrets = { token: 'tbTOKENsecret9876543210', key: 'dlvKEYsecret55443322110', apiKey: 'yfAPIKEYsecret1234567890', appkey: 'DLAPPKEYsecret00998877', password: 'DLPASSWORDsecret556677', session: 'SESSIONIDsecret11223344' };
    const all = Object.values(secrets);
    const api = await serve((q, res) => {
      if (q.url?.includes('login')) { res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify({ data: { sessionID: secrets.session } })); return; }
      res.writeHead(503, { 'content-type': 'application/json', 'x-echo': all.join(','), 'set-cookie': `sid=${secrets.session}` });
      res.end(JSON.stringify({ echo: all, b64: all.map((s) => Buffer.from(s).toString('base64')) }));
    });
    servers.push(api);
    const out = captureConsole();
    const retry = { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 2 };
    vi.stubEnv('DELIVERY_API_LOG', 'debug');
    await settle(createTbankDeliveryClient({ token: secrets.token, baseUrl: api.url + `/?token=${secrets.token}`, retry }).getTask('t1'));
    await settle(createDilovodClient({ key: secrets.key, baseUrl: api.url, retry }).getObject('1110800000001029'));
    await settle(createYandexFleetClient({ apiKey: secrets.apiKey, clientId: 'taxi/park/p1', baseUrl: api.url, retry }).listTransactionCategories({ query: { park: { id: 'p1' } } } as any));
    await settle(createDellinClient({ appkey: secrets.appkey, login: 'l@x.ru', password: secrets.password, baseUrl: api.url, retry } as any).deliveryDates({ docID: '1' } as any));
    const text = out();
    expect(text.length).toBeGreaterThan(0);
    for (const s of all) for (const p of [s, ...pieces(s), Buffer.from(s).toString('base64').slice(0, 16)]) expect(text, p).not.toContain(p);
  });

  it('baseUrl with userinfo: never logged, never sent as Basic to the server... or refused typed', async () => {
    const api = await serve((_q, res) => { res.writeHead(500); res.end(); });
    servers.push(api);
    const out = captureConsole();
    const base = api.url.replace('http://', 'http://proxyuser:PROXYPASSsecret1234@');
    const r = await settle((async () => createTbankDeliveryClient({ token: 'tok-123456789', baseUrl: base, retry: { maxRetries: 0 }, logLevel: 'debug' }).getTask('t1'))());
    if (!r.ok) {
      expect(r.error).toBeInstanceOf(SdkError);
      expect(String(r.error) + JSON.stringify(r.error)).not.toContain('PROXYPASSsecret1234');
    }
    expect(out()).not.toContain('PROXYPASSsecret1234');
  });

  it('an invalid DELIVERY_API_LOG value does not break calls', async () => {
    const api = await serve((_q, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"id":"1"}'); });
    servers.push(api);
    captureConsole();
    for (const v of ['verbose', 'DEBUG', '', '__proto__', 'constructor', 'toString']) {
      vi.stubEnv('DELIVERY_API_LOG', v);
      const r = await settle(createTbankDeliveryClient({ token: 'tok-123456789', baseUrl: api.url }).getTask('t1'));
      expect(r.ok, v).toBe(true);
    }
  });

  it('an invalid logLevel option is a UsageError (or ignored), never a bare TypeError', async () => {
    const api = await serve((_q, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"id":"1"}'); });
    servers.push(api);
    captureConsole();
    for (const v of ['verbose', '__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const r = await settle((async () => createTbankDeliveryClient({ token: 'tok-123456789', baseUrl: api.url, logLevel: v as any }).getTask('t1'))());
      if (!r.ok) expect(r.error, v).toBeInstanceOf(SdkError);
    }
  });

  it('a logger that throws does not fail or hang the call', async () => {
    const api = await serve((_q, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"id":"1"}'); });
    servers.push(api);
    const r = await settle(createTbankDeliveryClient({ token: 'tok-123456789', baseUrl: api.url, logLevel: 'debug', logger: () => { throw new Error('logger broke'); } }).getTask('t1'));
    expect(r.ok).toBe(true);
  });

  it('server-controlled CR/LF/ANSI never forge extra console log lines', async () => {
    const api = await serve((_q, res) => {
      res.writeHead(503, { 'content-type': 'application/json', 'x-request-id': 'abc' });
      res.end(JSON.stringify({ errorCode: 'E\n[delivery-api-clients] tbank-delivery getTask GET https://x -> 200 in 1 ms', errorMessage: '\u001b[2J\u001b[Hcleared' }));
    });
    servers.push(api);
    const out = captureConsole();
    await settle(createTbankDeliveryClient({ token: 'tok-123456789', baseUrl: api.url, logLevel: 'info', retry: { maxRetries: 0 } }).getTask('t1'));
    const text = out();
    expect(text).not.toContain('\u001b');
    expect(text.split('\n').filter((l) => l.includes('-> 200'))).toEqual([]);
  });
});
