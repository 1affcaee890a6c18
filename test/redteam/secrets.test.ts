import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { SdkError } from '../../src/core/index.ts';
import { createTbankDeliveryClient } from '../../src/tbank-delivery/index.ts';
import { createDilovodClient } from '../../src/dilovod/index.ts';
import { createYandexFleetClient } from '../../src/yandex-fleet/index.ts';
import { serve, settle, type TestServer } from './helpers.ts';

const TOKEN = 'tbTOKENsecret9876543210';
const servers: TestServer[] = [];
afterEach(async () => { await Promise.all(servers.splice(0).map((s) => s.close())); });

function visible(e: any): string {
  return [String(e), e?.message, e?.stack, inspect(e, { depth: 20 }), JSON.stringify(e), JSON.stringify(e?.body), JSON.stringify(e?.headers), e?.bodySnippet].join('\n');
}
function pieces(secret: string, n = 10): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= secret.length; i++) out.push(secret.slice(i, i + n));
  return out;
}
function expectNoSecret(text: string, secret: string, label: string) {
  const forms = [secret, Buffer.from(secret).toString('base64').slice(0, 20), Buffer.from(secret).toString('hex').slice(0, 20), encodeURIComponent(secret), ...pieces(secret)];
  for (const f of forms) expect(text, `${label}: contains ${f}`).not.toContain(f);
}

const b64 = Buffer.from(TOKEN).toString('base64');
const bodies: Record<string, { ct: string; body: string; headers?: Record<string, string> }> = {
  plain: { ct: 'application/json', body: JSON.stringify({ errorCode: 'X', errorMessage: `bad token ${TOKEN}` }) },
  'bearer-echo': { ct: 'application/json', body: JSON.stringify({ errorCode: 'X', errorMessage: `got Authorization: Bearer ${TOKEN}` }) },
  base64: { ct: 'application/json', body: JSON.stringify({ errorCode: 'X', errorMessage: `creds ${b64}` }) },
  'base64url': { ct: 'application/json', body: JSON.stringify({ errorCode: 'X', errorMessage: `creds ${Buffer.from(TOKEN).toString('base64url')}` }) },
  'basic-of-token': { ct: 'application/json', body: JSON.stringify({ errorCode: 'X', errorMessage: `Basic ${Buffer.from('user:' + TOKEN).toString('base64')}` }) },
  percent: { ct: 'application/json', body: JSON.stringify({ errorCode: 'X', errorMessage: `url ?t=${[...TOKEN].map((c) => '%' + c.charCodeAt(0).toString(16)).join('')}` }) },
  'json-unicode-escaped': { ct: 'application/json', body: `{"errorCode":"X","errorMessage":"${[...TOKEN].map((c) => '\\u00' + c.charCodeAt(0).toString(16)).join('')}"}` },
  hex: { ct: 'application/json', body: JSON.stringify({ errorCode: 'X', errorMessage: `hex ${Buffer.from(TOKEN).toString('hex')}` }) },
  'in-key-name': { ct: 'application/json', body: JSON.stringify({ errorCode: 'X', [TOKEN]: 1 }) },
  'in-code': { ct: 'application/json', body: JSON.stringify({ errorCode: TOKEN, errorMessage: 'x' }) },
  'in-errorId': { ct: 'application/json', body: JSON.stringify({ errorCode: 'X', errorId: TOKEN }) },
  'text-plain': { ct: 'text/plain', body: `Unauthorized: ${TOKEN}` },
  'html': { ct: 'text/html', body: `<html><body>token=${TOKEN}</body></html>` },
  'split-at-truncation': { ct: 'text/plain', body: 'a'.repeat(195) + TOKEN + 'b'.repeat(100000) },
  'split-at-truncation-2': { ct: 'text/plain', body: 'a'.repeat(495) + TOKEN + 'b'.repeat(100000) },
  'split-at-truncation-3': { ct: 'text/plain', body: 'a'.repeat(995) + TOKEN + 'b'.repeat(100000) },
  'split-at-truncation-4': { ct: 'application/json', body: JSON.stringify({ errorCode: 'X', errorMessage: 'a'.repeat(1995) + TOKEN + 'b'.repeat(3000) }) },
  'spaced': { ct: 'application/json', body: JSON.stringify({ errorCode: 'X', errorMessage: [...TOKEN].join(' ') }) },
  'utf16': { ct: 'text/plain; charset=utf-16le', body: '\ufeff' + TOKEN },
  'header-echo': { ct: 'application/json', body: '{}', headers: { 'x-echo-auth': `Bearer ${TOKEN}`, 'www-authenticate': `Bearer realm="${TOKEN}"`, 'x-debug': Buffer.from(TOKEN).toString('base64'), link: `<https://x/?token=${TOKEN}>` } },
};

describe('secrets echoed by the server never reach the user', () => {
  for (const [name, spec] of Object.entries(bodies)) {
    for (const status of [400, 200]) {
      it(`tbank ${status} ${name}`, async () => {
        const api = await serve((_q, res) => {
          res.writeHead(status, { 'content-type': spec.ct, ...(spec.headers ?? {}) });
          res.end(spec.ct.includes('utf-16') ? Buffer.from(spec.body, 'utf16le') : spec.body);
        });
        servers.push(api);
        const logs: unknown[] = [];
        const tbank = createTbankDeliveryClient({ token: TOKEN, baseUrl: api.url, retry: { maxRetries: 0 }, logLevel: 'debug', logger: (e) => logs.push(e) });
        const r = await settle(tbank.getTask('t1').withResponse());
        // A 2xx body is the caller's data: only the logs are checked then.
        if (!r.ok) {
          expect(r.error).toBeInstanceOf(SdkError);
          expectNoSecret(visible(r.error), TOKEN, 'error');
        }
        expectNoSecret(inspect(logs, { depth: 20 }) + JSON.stringify(logs), TOKEN, 'logs');
      });
    }
  }

  it('dilovod key echoed in base64 and percent in an error body', async () => {
    const KEY = 'dlvKEYsecret55443322110';
    const api = await serve((_q, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: `key=${encodeURIComponent(KEY)} b64=${Buffer.from(KEY).toString('base64')} raw=${KEY}` }));
    });
    servers.push(api);
    const logs: unknown[] = [];
    const d = createDilovodClient({ key: KEY, baseUrl: api.url, retry: { maxRetries: 0 }, logLevel: 'debug', logger: (e) => logs.push(e) });
    const r = await settle(d.getObject('1110800000001029'));
    expect(r.ok).toBe(false);
    expect((r as any).error).toBeInstanceOf(SdkError);
    expectNoSecret(visible((r as any).error), KEY, 'error');
    expectNoSecret(JSON.stringify(logs), KEY, 'logs');
  });

  it('yandex api key in a query-string echo and in Location of a 201', async () => {
    const KEY = 'yfAPIKEYsecret1234567890';
    const api = await serve((_q, res) => {
      res.writeHead(401, { 'content-type': 'application/json', 'x-request-id': KEY, location: `/x?key=${KEY}` });
      res.end(JSON.stringify({ code: 'unauthorized', message: `X-API-Key ${KEY.slice(0, 12)}…${KEY.slice(12)}` }));
    });
    servers.push(api);
    const fleet = createYandexFleetClient({ apiKey: KEY, clientId: 'taxi/park/p1', baseUrl: api.url, retry: { maxRetries: 0 } });
    const r = await settle(fleet.listTransactionCategories({ query: { park: { id: 'p1' } } } as any));
    expect(r.ok).toBe(false);
    expectNoSecret(visible((r as any).error), KEY, 'error');
  });
});
