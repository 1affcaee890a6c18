import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SdkError } from '../../src/core/index.ts';
import { createTbankDeliveryClient } from '../../src/tbank-delivery/index.ts';
import { serve, settle } from './helpers.ts';

const TOKEN = 'tbTOKENsecret9876543210';
const prev = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
afterAll(() => { if (prev === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED; else process.env.NODE_TLS_REJECT_UNAUTHORIZED = prev; });

describe('https -> http redirect on the same host', () => {
  it('never sends the bearer token over plain http', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rt-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem'), '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
    const plain = await serve((_q, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"id":"1"}'); });
    const { port } = new URL(plain.url) as unknown as { port: string };
    const tls = createServer({ key: readFileSync(join(dir, 'k.pem')), cert: readFileSync(join(dir, 'c.pem')) }, (_q, res) => {
      res.writeHead(307, { location: `http://127.0.0.1:${port}/api/v1/delivery/tasks/t1` }); res.end();
    });
    await new Promise<void>((r) => tls.listen(0, '127.0.0.1', r));
    try {
      const base = `https://127.0.0.1:${(tls.address() as AddressInfo).port}`;
      const tbank = createTbankDeliveryClient({ token: TOKEN, baseUrl: base, retry: { maxRetries: 0 } });
      const r = await settle(tbank.getTask('t1'));
      expect(JSON.stringify(plain.seen)).not.toContain(TOKEN);
      if (!r.ok) expect(r.error).toBeInstanceOf(SdkError);
    } finally {
      tls.closeAllConnections(); tls.close(); await plain.close();
    }
  });
});
