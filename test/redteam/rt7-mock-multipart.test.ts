// Red team 7: T-Bank document upload/download through the stateful mock with odd multipart file names.
import { parse as parseDisposition } from 'content-disposition';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockSession } from '../../mocks/admin-client.ts';
import { startMockHost, type MockHost } from '../../mocks/host.ts';

let host: MockHost;
beforeAll(async () => {
  host = await startMockHost({ port: () => 0 });
}, 60_000);
afterAll(() => host?.close());
const base = () => host.servers.find((s) => s.api === 'tbank-delivery')!.url;
const auth = { authorization: 'Bearer qa' };

async function task(m: ReturnType<typeof mockSession>): Promise<string> {
  const r = await m.fetch(new Request(`${m.baseUrl}/api/v1/delivery/tasks`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() }, body: '{"template":"COURIER"}' }));
  return (await r.json().then((v): any => v)).id;
}
function multipart(taskId: string, filenameParam: string): Uint8Array {
  const text =
    `--XX\r\nContent-Disposition: form-data; name="taskId"\r\n\r\n${taskId}\r\n` +
    `--XX\r\nContent-Disposition: form-data; name="type"\r\n\r\nACT\r\n` +
    `--XX\r\nContent-Disposition: form-data; name="content"; ${filenameParam}\r\nContent-Type: application/pdf\r\n\r\nhello\r\n--XX--\r\n`;
  return new TextEncoder().encode(text);
}
async function upload(m: ReturnType<typeof mockSession>, body: Uint8Array) {
  return m.fetch(new Request(`${m.baseUrl}/api/v1/delivery/documents`, { method: 'POST', headers: { ...auth, 'content-type': 'multipart/form-data; boundary=XX' }, body }));
}

describe('document file names in multipart', () => {
  // The mock's decisions (mocks/multipart.ts): names are read as browsers and undici send them (no backslash escapes),
  // RFC 5987 filename* is decoded; what cannot be read is a 400 naming the part (the file, part 3).
  for (const [label, param, stored] of [
    ['an escaped quote', 'filename="a\\"; x=1.pdf"', undefined],
    ['a CR LF inside the quoted name', 'filename="акт\r\nSet-Cookie: a=b.pdf"', undefined],
    ['a lone backslash at the end', 'filename="a.pdf\\"', 'a.pdf\\'],
    ['an unterminated quote', 'filename="a.pdf', undefined],
    ["RFC 5987 filename* only", "filename*=UTF-8''%D0%B0%D0%BA%D1%82.pdf", 'акт.pdf'],
    ['a bad percent escape in filename*', "filename*=UTF-8''%ZZ.pdf", undefined],
  ] as const) {
    it(`${label}: a 2xx or a 4xx, never a 500 (and no header injected on download)`, async () => {
      const m = mockSession(base());
      const id = await task(m);
      const r = await upload(m, multipart(id, param));
      const text = await r.text();
      expect(r.status, text).toBeLessThan(500);
      if (stored === undefined) {
        expect(r.status, text).toBe(400);
        expect(text).toMatch(/multipart part 3/);
      } else {
        expect(r.status, text).toBe(200);
        const d = await m.fetch(new Request(`${m.baseUrl}/api/v1/delivery/documents/${JSON.parse(text).id}`, { headers: auth }));
        expect(d.status).toBe(200);
        expect(d.headers.get('set-cookie')).toBeNull();
        expect(parseDisposition(d.headers.get('content-disposition') ?? '').parameters.filename).toBe(stored);
        expect(new TextDecoder().decode(await d.arrayBuffer())).toBe('hello');
      }
    });
  }

  // the mock echoes the name as sent ("same file name"); a client must sanitise it (safeFilename): checked here are bytes and type
  it('a path-traversal file name: bytes and type intact', async () => {
    const m = mockSession(base());
    const id = await task(m);
    const r = await upload(m, multipart(id, 'filename="../../etc/passwd.pdf"'));
    expect(r.status).toBe(200);
    const d = await m.fetch(new Request(`${m.baseUrl}/api/v1/delivery/documents/${(await r.json().then((v): any => v)).id}`, { headers: auth }));
    expect(d.headers.get('content-type')).toBe('application/pdf');
    expect(new TextDecoder().decode(await d.arrayBuffer())).toBe('hello');
  });
});
