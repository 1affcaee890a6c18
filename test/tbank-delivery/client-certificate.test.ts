// The secured T-Bank host demands a client certificate. A local HTTPS server that requires one (keys made here, now)
// accepts the client given a certificate through a custom fetch, and refuses it without, as a typed NetworkError.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTbankDeliveryClient, NetworkError } from '../../src/tbank-delivery/index.ts';

const TOKEN = 'tbank-mtls-token-1234567890abcdef';
let dir: string;
let server: Server;
let baseUrl: string;
const pem = (name: string) => readFileSync(join(dir, name));

/** A throwaway CA, a server certificate for 127.0.0.1 and a client certificate, all signed by that CA. */
function makeCertificates(): void {
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '1', '-subj', '/CN=Test CA');
  for (const [name, subject, extension] of [
    ['server', '/CN=127.0.0.1', 'subjectAltName=IP:127.0.0.1'],
    ['client', '/CN=partner-client', 'extendedKeyUsage=clientAuth'],
  ] as const) {
    openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject);
    writeFileSync(join(dir, `${name}.ext`), `${extension}\n`);
    openssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.crt`, '-days', '1', '-extfile', `${name}.ext`);
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tbank-mtls-'));
  makeCertificates();
  server = createServer({ key: pem('server.key'), cert: pem('server.crt'), ca: pem('ca.crt'), requestCert: true, rejectUnauthorized: true }, (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: 'task-1', status: 'NEW', template: 'COURIER', seenBy: (req.socket as TLSSocket).getPeerCertificate().subject?.CN }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('client certificate (mTLS)', () => {
  it('is accepted when the custom fetch presents the certificate', async () => {
    const dispatcher = new Agent({ connect: { cert: pem('client.crt'), key: pem('client.key'), ca: pem('ca.crt') } });
    const tbank = createTbankDeliveryClient({ token: TOKEN, baseUrl, fetch: (input, init) => fetch(input, { ...init, dispatcher } as RequestInit) });
    await expect(tbank.getTask('task-1')).resolves.toMatchObject({ id: 'task-1', seenBy: 'partner-client' });
    await dispatcher.close();
  });

  it('is refused without it, as a NetworkError that says so and holds no token', async () => {
    const dispatcher = new Agent({ connect: { ca: pem('ca.crt') } });
    const tbank = createTbankDeliveryClient({ token: TOKEN, baseUrl, fetch: (input, init) => fetch(input, { ...init, dispatcher } as RequestInit), retry: { maxRetries: 0 } });
    const error = await tbank.getTask('task-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toMatch(/certificate|handshake|socket|ECONNRESET/i);
    expect(String(error) + JSON.stringify(error)).not.toContain(TOKEN);
    await dispatcher.close();
  });
});
