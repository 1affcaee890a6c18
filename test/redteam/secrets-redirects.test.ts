// Credentials leaving their origin on redirects, and secrets echoed back by the server.
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDilovodClient, SdkError } from '../../src/dilovod/index.ts';
import { createFastriverClient } from '../../src/fastriver/index.ts';
import { createDellinClient } from '../../src/dellin/index.ts';
import { listen } from './sockets.ts';

const KEY = 'dkey-SECRET-a1b2c3d4e5f6';
const TOKEN = 'ftok-SECRET-0a9b8c7d6e5f';
const SESSION = 'dsess-SECRET-13579bdf';
let evil: { url: string; close: () => void; got: string[] };
let redirector: { url: string; close: () => void };
let status = 307;
beforeAll(async () => {
  const got: string[] = [];
  const e = await listen((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      got.push(JSON.stringify(req.headers) + req.url + Buffer.concat(chunks).toString());
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  evil = { url: e.url, close: () => e.server.close(), got };
  const r = await listen((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(status, { location: `${evil.url.replace('127.0.0.1', 'localhost')}/steal${req.url}` }).end());
  });
  redirector = { url: r.url, close: () => r.server.close() };
});
afterAll(() => { evil.close(); redirector.close(); });

const leaked = () => evil.got.join('\n');
const enc = (s: string) => [s, encodeURIComponent(s), Buffer.from(s).toString('base64'), s.slice(5)];

describe('redirects to another origin', () => {
  for (const code of [301, 302, 303, 307, 308]) {
    it(`Dilovod ${code}: the key in the packet never reaches the other origin`, async () => {
      status = code; evil.got.length = 0;
      const client = createDilovodClient({ key: KEY, baseUrl: redirector.url, retry: { maxRetries: 0 }, timeoutMs: 3000 });
      try { await client.getObject('1110800000001029'); } catch (e) { expect(e, String(e)).toBeInstanceOf(SdkError); }
      for (const s of enc(KEY)) expect(leaked()).not.toContain(s);
    });
    it(`Fastriver ${code}: the bearer token never reaches the other origin`, async () => {
      status = code; evil.got.length = 0;
      const client = createFastriverClient({ token: TOKEN }, { baseUrl: redirector.url, retry: { maxRetries: 0 }, timeoutMs: 3000 });
      try { await client.deliveryRequests.get('r1'); } catch (e) { expect(e, String(e)).toBeInstanceOf(SdkError); }
      for (const s of enc(TOKEN)) expect(leaked()).not.toContain(s);
    });
    it(`Dellin XML ${code}: appkey/sessionID never reach the other origin`, async () => {
      status = code; evil.got.length = 0;
      const client = createDellinClient({ appkey: KEY, sessionID: SESSION, format: 'xml', baseUrl: redirector.url, retry: { maxRetries: 0 }, timeoutMs: 3000 });
      try { await client.sessionInfo(); } catch (e) { expect(e, String(e)).toBeInstanceOf(SdkError); }
      for (const s of [...enc(KEY), ...enc(SESSION)]) expect(leaked()).not.toContain(s);
    });
  }
});

describe('secrets echoed by the server', () => {
  let url = '';
  let close: () => void;
  let body = '';
  beforeAll(async () => {
    const s = await listen((req, res) => { req.resume(); req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(body)); });
    url = s.url; close = () => s.server.close();
  });
  afterAll(() => close());
  it('Dilovod: an {"error"} echoing the key (whole, in part, base64, url-encoded, JSON-escaped unicode) leaks nothing', async () => {
    const unicodeEscaped = KEY.split('').map((c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
    body = `{"error":"bad key ${KEY} | ${KEY.slice(5)} | ${Buffer.from(KEY).toString('base64')} | ${encodeURIComponent(KEY)} | ${unicodeEscaped}"}`;
    const client = createDilovodClient({ key: KEY, baseUrl: url, retry: { maxRetries: 0 } });
    let e: any;
    try { await client.getObject('1110800000001029'); } catch (x) { e = x; }
    expect(e).toBeInstanceOf(SdkError);
    const text = [String(e), e.stack, JSON.stringify(e), inspect(e, { depth: 20, showHidden: true })].join('\n');
    for (const s of enc(KEY)) expect(text).not.toContain(s);
  });
});
