import { createServer as createNetServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SdkError } from '../../src/core/index.ts';
import { createTbankDeliveryClient } from '../../src/tbank-delivery/index.ts';
import { settle } from './helpers.ts';

const servers: Server[] = [];
afterEach(() => { for (const s of servers.splice(0)) s.close(); });

/** A raw HTTP server, so any header bytes can be sent. */
async function raw(disposition: Buffer | string): Promise<string> {
  const server = createNetServer((socket) => {
    socket.once('data', () => {
      const body = Buffer.from('%PDF-1.4 test');
      socket.end(Buffer.concat([
        Buffer.from('HTTP/1.1 200 OK\r\ncontent-type: application/pdf\r\ncontent-length: ' + body.length + '\r\nconnection: close\r\ncontent-disposition: '),
        Buffer.isBuffer(disposition) ? disposition : Buffer.from(disposition, 'latin1'),
        Buffer.from('\r\n\r\n'),
        body,
      ]));
    });
    socket.on('error', () => {});
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$|clock\$)(\.|$| )/i;
function expectSafe(name: string | undefined, label: string) {
  if (name === undefined) return;
  expect(name, label).not.toMatch(/[/\\\u0000-\u001f\u007f:*?"<>|]/);
  expect(name, label).not.toMatch(/^\.{1,2}$/);
  expect(name.trim(), label).not.toBe('');
  expect(name, label).not.toMatch(DEVICE);
  expect(name, label).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f]/);
  expect(name, label).not.toMatch(/[. ]$/);
  expect(Buffer.byteLength(name), label).toBeLessThanOrEqual(255);
}

const cases: Record<string, string | Buffer> = {
  'traversal plain': 'attachment; filename="../../../etc/passwd"',
  'traversal ext-value': "attachment; filename*=UTF-8''..%2F..%2F..%2Fetc%2Fpasswd",
  'traversal backslash': 'attachment; filename="..\\\\..\\\\windows\\\\system32\\\\x.dll"',
  'dotdot only': 'attachment; filename=".."',
  'dotdot ext': "attachment; filename*=UTF-8''%2E%2E",
  'absolute': 'attachment; filename="/etc/cron.d/x"',
  'NUL percent': "attachment; filename*=UTF-8''evil.pdf%00.exe",
  'CRLF percent': "attachment; filename*=UTF-8''a%0D%0AX-Injected%3A%201.pdf",
  'tab and DEL': "attachment; filename*=UTF-8''a%09b%7Fc.pdf",
  'CON': 'attachment; filename="CON"',
  'con.pdf': 'attachment; filename="con.pdf"',
  'CONIN$': 'attachment; filename="CONIN$"',
  'CONOUT$.txt': 'attachment; filename="CONOUT$.txt"',
  'COM superscript': "attachment; filename*=UTF-8''COM%C2%B9.pdf",
  'LPT superscript': "attachment; filename*=UTF-8''LPT%C2%B2",
  'NUL with space': 'attachment; filename="NUL .pdf"',
  'trailing dots': 'attachment; filename="report.pdf..."',
  'drive colon': 'attachment; filename="C:evil.pdf"',
  'ADS colon': 'attachment; filename="doc.pdf:Zone.Identifier"',
  'RTL override': "attachment; filename*=UTF-8''invoice%E2%80%AEfdp.exe",
  'LRI isolate': "attachment; filename*=UTF-8''a%E2%81%A6b.pdf",
  'fullwidth slash': "attachment; filename*=UTF-8''..%EF%BC%8F..%EF%BC%8Fetc",
  'very long': `attachment; filename="${'a'.repeat(400)}.pdf"`,
  'very long multibyte': `attachment; filename*=UTF-8''${'%D0%AF'.repeat(200)}.pdf`,
  'windows reserved chars': 'attachment; filename="a<b>c|d?e*f.pdf"',
  'raw latin1 bytes': Buffer.from('attachment; filename="\xe9\xff.pdf"', 'latin1'),
  'raw utf8 bytes': Buffer.from('attachment; filename="отчёт.pdf"', 'utf8'),
  'invalid percent': "attachment; filename*=UTF-8''%ZZ%E2.pdf",
  'koi8 charset': "attachment; filename*=KOI8-R''%F4%C5%D3%D4.pdf",
  'both params': "attachment; filename=\"safe.pdf\"; filename*=UTF-8''..%2F..%2Fevil",
  'duplicate filename': 'attachment; filename="a.pdf"; filename="../b"',
  'empty': 'attachment; filename=""',
  'only spaces': 'attachment; filename="   "',
  'huge header': 'attachment; filename="' + 'x'.repeat(60000) + '"',
};

describe('Content-Disposition file names from downloadDocument', () => {
  for (const [label, value] of Object.entries(cases)) {
    it(label, async () => {
      const url = await raw(value);
      const tbank = createTbankDeliveryClient({ token: 'tok-secret-123456', baseUrl: url, retry: { maxRetries: 0 } });
      const r = await settle(tbank.downloadDocument('doc-1'));
      if (!r.ok) { expect(r.error).toBeInstanceOf(SdkError); return; }
      expectSafe(r.value.filename, `${label} -> ${JSON.stringify(r.value.filename)}`);
      expect(new TextDecoder().decode(r.value.bytes)).toBe('%PDF-1.4 test');
    });
  }

  it('document id with traversal / CRLF / query does not escape the documents path', async () => {
    const seen: string[] = [];
    const server = createNetServer((socket) => {
      socket.once('data', (d) => { seen.push(d.toString('latin1').split('\r\n')[0]!); socket.end('HTTP/1.1 200 OK\r\ncontent-type: application/pdf\r\ncontent-length: 1\r\nconnection: close\r\n\r\nx'); });
      socket.on('error', () => {});
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const tbank = createTbankDeliveryClient({ token: 'tok-secret-123456', baseUrl: url, retry: { maxRetries: 0 } });
    const bad: string[] = [];
    for (const id of ['../../admin', '..', '.', '%2e%2e', 'a/../../b', 'x?y=1#z', 'a\r\nHost: evil', 'a b', '\u0000', '']) {
      const r = await settle(tbank.downloadDocument(id));
      if (!r.ok) { if (!(r.error instanceof SdkError)) bad.push(`${JSON.stringify(id)} -> ${r.error}`); continue; }
      const line = seen.at(-1)!;
      const path = line.split(' ')[1]!;
      const rest = path.slice('/api/v1/delivery/documents/'.length);
      if (!path.startsWith('/api/v1/delivery/documents/') || /[/?#]/.test(rest) || rest === '' || rest === '.' || rest === '..' || /^%2e%2e$/i.test(rest)) bad.push(`${JSON.stringify(id)} -> ${line}`);
    }
    expect(bad).toEqual([]);
  });
});
