// rt5: a secret echoed by the server split so no piece is 10 characters long: by XML comments, CDATA sections,
// character references, or JSON \u escapes of every character. The user still reads it whole.
import { afterEach, describe, expect, it } from 'vitest';
import { inspect } from 'node:util';
import { createDellinClient } from '../../src/dellin/index.ts';
import { createDilovodClient } from '../../src/dilovod/index.ts';
import { serve, settle, type TestServer } from './helpers.ts';

let servers: TestServer[] = [];
afterEach(async () => { await Promise.all(servers.map((s) => s.close())); servers = []; });
const APPKEY = 'A1B2C3D4-E5F6-4711-9ABC-DEF012345678';
const SESSION = 'sess-0123456789-abcdefghij-XYZ';

const view = (error: unknown, events: unknown[]) => {
  const e = error as any;
  return [String(e), e?.stack, inspect(e, { depth: 20, showHidden: true }), JSON.stringify(e), JSON.stringify(events), typeof e?.body === 'string' ? e.body : JSON.stringify(e?.body), e?.bodySnippet].join('\n');
};
const unsplit = (text: string) => text
  .replace(/<!--.*?-->/g, '')
  .replace(/<!\[CDATA\[|\]\]>/g, '')
  .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
  .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
  .replace(/\\\\u([0-9a-f]{4})/gi, (_, h) => String.fromCharCode(parseInt(h, 16)))
  .replace(/\\u([0-9a-f]{4})/gi, (_, h) => String.fromCharCode(parseInt(h, 16)));
const chunks = (s: string, n: number) => s.match(new RegExp(`.{1,${n}}`, 'g'))!;

const splitters: Array<[string, (s: string) => string]> = [
  ['XML comments every 5 characters', (s) => chunks(s, 5).join('<!---->')],
  ['CDATA sections of 5 characters', (s) => chunks(s, 5).map((c) => `<![CDATA[${c}]]>`).join('')],
  ['decimal character references', (s) => [...s].map((c) => `&#${c.codePointAt(0)};`).join('')],
  ['hex character references', (s) => [...s].map((c) => `&#x${c.codePointAt(0)!.toString(16)};`).join('')],
];

describe('rt5 Dellin XML error echoing the appkey and session in pieces', () => {
  for (const [name, split] of splitters) {
    it(`${name}: the appkey and the session id cannot be read back from the error or the log`, async () => {
      const s = await serve((req, res) => {
        res.writeHead(400, { 'content-type': 'application/xml' });
        res.end(`<?xml version="1.0" encoding="UTF-8"?><response><metadata><status>400</status></metadata><errors><code>100001</code><title>bad</title><detail>appkey ${split(APPKEY)} session ${split(SESSION)}</detail></errors></response>`);
      });
      servers.push(s);
      const events: unknown[] = [];
      const dellin = createDellinClient({ appkey: APPKEY, sessionID: SESSION, format: 'xml', baseUrl: s.url, retry: { maxRetries: 0 }, logger: (e) => events.push(e) });
      const r = await settle(dellin.deliveryDates({ docID: '2000085063763', delivery: { arrival: { address: { search: 'Омск' } } } } as never));
      expect(r.ok).toBe(false);
      const text = unsplit(view(r.ok ? undefined : r.error, events));
      expect(text).not.toContain(APPKEY);
      expect(text).not.toContain(SESSION);
    });
  }
});

describe('rt5 Dilovod JSON error echoing the key with every character \\u-escaped', () => {
  const KEY = 'dilovod-key-ZX81-0123456789-abcdef';
  const full = (s: string) => [...s].map((c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
  it('the key cannot be read back from the error', async () => {
    const s = await serve((req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(`{"error":"bad key ${full(KEY)}"}`); });
    servers.push(s);
    const events: unknown[] = [];
    const r = await settle(createDilovodClient({ key: KEY, baseUrl: s.url, retry: { maxRetries: 0 }, logger: (e) => events.push(e) }).getObject('1110800000001029'));
    expect(r.ok).toBe(false);
    expect(unsplit(view(r.ok ? undefined : r.error, events))).not.toContain(KEY);
  });
  it('a 502 HTML page echoing the key with HTML numeric entities: masked in the snippet', async () => {
    const s = await serve((req, res) => { res.writeHead(502, { 'content-type': 'text/html' }); res.end(`<html><body>upstream said: ${[...KEY].map((c) => `&#${c.charCodeAt(0)};`).join('')}</body></html>`); });
    servers.push(s);
    const r = await settle(createDilovodClient({ key: KEY, baseUrl: s.url, retry: { maxRetries: 0 } }).getObject('1110800000001029'));
    expect(r.ok).toBe(false);
    expect(unsplit(view(r.ok ? undefined : r.error, []))).not.toContain(KEY);
  });
});
