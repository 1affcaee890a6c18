// The T-Bank client on the wire, against a local server: idempotency keys, multipart, binary download, error mapping.
import { createReadStream, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createTbankDeliveryClient, TBANK_SANDBOX_URL, TBANK_SECURED_URL } from '../../src/tbank-delivery/index.ts';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';

const TOKEN = 'tbank-token-0a1b2c3d4e5f60718293';
const PDF = readFileSync(new URL('../../mocks/fixtures/act.pdf', import.meta.url));
let server: FaultServer;

beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());

const client = () => createTbankDeliveryClient({ token: TOKEN, baseUrl: server.url, retry: { baseDelayMs: 1, maxDelayMs: 2 } });

describe('idempotency', () => {
  it('createTask sends one uuid Idempotency-Key on every retry, and the same body', async () => {
    server.script({ status: 503 }, { status: 429 }, { status: 200, body: '{"id":"task-1"}' });
    await expect(client().createTask({ template: 'COURIER' })).resolves.toEqual({ id: 'task-1' });
    const keys = server.received.map((request) => request.headers['idempotency-key']);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(server.received.map((request) => request.body))).toEqual(new Set(['{"template":"COURIER"}']));
  });

  it.each([
    ['cancelTask', () => client().cancelTask('task-1', { reason: 'Клиент отказался' })],
    ['createMeeting', () => client().createMeeting({ appointmentId: 'a1', intervalStartTime: '10:00', intervalEndTime: '12:00' })],
    ['uploadDocument', () => client().uploadDocument({ taskId: 'task-1', type: 'ACT', content: PDF })],
  ])('%s is never repeated after a 503 or a reset', async (_, call) => {
    server.script({ status: 503 }, { status: 200, body: '{"id":"x","meetingId":"m"}' });
    await expect(call()).rejects.toMatchObject({ status: 503, attempts: 1 });
    expect(server.received).toHaveLength(1);
    server.script({ reset: 'before-headers' }, { status: 200, body: '{}' });
    await expect(call()).rejects.toMatchObject({ name: 'NetworkError', attempts: 1 });
    expect(server.received).toHaveLength(1);
  });

  it('getIntervals and updateTask are retried: they are safe to repeat', async () => {
    server.script({ status: 500 }, { status: 200, body: '{"appointmentId":"a1","timeOffset":"+03:00","intervals":[]}' });
    await client().getIntervals({ address: { fullAddress: 'Москва, ул. Тверская, 1' } });
    expect(server.received).toHaveLength(2);
    server.script({ status: 502 }, { status: 200, body: '{}' });
    await client().updateTask('task-1', { template: 'COURIER' });
    expect(server.received.map((request) => request.method)).toEqual(['PUT', 'PUT']);
  });
});

describe('multipart upload', () => {
  async function uploaded(content: Parameters<ReturnType<typeof client>['uploadDocument']>[0]['content'], filename?: string) {
    server.script({ status: 200, body: '{"id":"doc-1"}' });
    const result = await client().uploadDocument({
      taskId: 'task-1',
      type: 'ACT',
      content,
      filename,
      prevDocId: 'doc-0',
      description: 'Акт, исправленный',
      meta: { pages: '2' },
    });
    expect(result).toEqual({ id: 'doc-1' });
    const request = server.received[0];
    if (!request) throw new Error('nothing received');
    return request;
  }

  it('sends every part under its wire name, the file with its name and type, the bytes intact', async () => {
    const request = await uploaded(PDF, 'act.pdf');
    expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
    const parts = request.body;
    expect(parts).toMatch(/name="taskId"\r\n\r\ntask-1\r\n/);
    expect(parts).toMatch(/name="type"\r\n\r\nACT\r\n/);
    expect(parts).toMatch(/name="prevDocId"\r\n\r\ndoc-0\r\n/);
    expect(parts).toMatch(/name="description"\r\n\r\nАкт, исправленный\r\n/);
    expect(parts).toMatch(/name="meta"\r\n\r\n\{"pages":"2"\}\r\n/);
    expect(parts).toMatch(/name="content"; filename="act.pdf"\r\nContent-Type: application\/pdf\r\n/);
    expect(request.bytes.includes(PDF)).toBe(true);
  });

  it('accepts a Blob (its own type wins), a Node stream and a web stream', async () => {
    expect((await uploaded(new Blob([PDF], { type: 'image/png' }), 'scan.bin')).body).toMatch(/filename="scan.bin"\r\nContent-Type: image\/png/);
    expect((await uploaded(createReadStream(new URL('../../mocks/fixtures/act.pdf', import.meta.url)), 'act.pdf')).bytes.includes(PDF)).toBe(true);
    expect((await uploaded(new Blob([PDF]).stream(), 'act.pdf')).bytes.includes(PDF)).toBe(true);
  });

  it('defaults the file name to "document" sent as octet-stream', async () => {
    expect((await uploaded(new Uint8Array([1, 2, 3]))).body).toMatch(/filename="document"\r\nContent-Type: application\/octet-stream/);
  });

  it('refuses content that is not a file with a clear error, before sending anything', async () => {
    server.script({ status: 200, body: '{"id":"doc-1"}' });
    await expect(client().uploadDocument({ taskId: 't', type: 'ACT', content: 42 as never })).rejects.toThrow(/must be a Blob, bytes .* or a stream/);
    expect(server.received).toHaveLength(0);
  });
});

describe('binary download', () => {
  it('returns the exact bytes, the content type and the file name', async () => {
    server.script({ status: 200, headers: { 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename="act.pdf"' }, body: PDF });
    const file = await client().downloadDocument('doc-1');
    expect(Buffer.from(file.bytes).equals(PDF)).toBe(true);
    expect(file).toMatchObject({ contentType: 'application/pdf', filename: 'act.pdf' });
    expect(server.received[0]?.url).toBe('/api/v1/delivery/documents/doc-1');
  });

  it('prefers the UTF-8 file name, and has none when the server sends none', async () => {
    server.script({ status: 200, headers: { 'content-type': 'image/jpeg', 'content-disposition': "attachment; filename=\"scan.jpg\"; filename*=UTF-8''%D1%81%D0%BA%D0%B0%D0%BD.jpg" }, body: Buffer.from([0xff, 0xd8, 0xff]) });
    expect(await client().downloadDocument('d')).toMatchObject({ filename: 'скан.jpg', contentType: 'image/jpeg' });
    server.script({ status: 200, headers: { 'content-type': 'application/octet-stream' }, body: Buffer.from([0]) });
    expect((await client().downloadDocument('d')).filename).toBeUndefined();
  });

  it('an error on download is still a typed ApiError read from JSON', async () => {
    server.script({ status: 403, body: '{"errorId":"e1","errorCode":"FORBIDDEN","errorMessage":"Нет доступа"}' });
    await expect(client().downloadDocument('d')).rejects.toMatchObject({ status: 403, code: 'FORBIDDEN', apiMessage: 'Нет доступа' });
  });
});

describe('errors', () => {
  it.each([400, 401, 403, 422, 429, 500])('maps %i to an ApiError with errorCode and errorMessage, never the token', async (status) => {
    const body = { errorId: '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d', errorCode: `CODE_${status}`, errorMessage: `message ${status}`, errorDetails: { field: 'bad' } };
    server.script({ status, headers: { 'x-request-id': `req-${status}` }, body: JSON.stringify(body) });
    const error = await client().getTask('t', { maxRetries: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status, code: `CODE_${status}`, apiMessage: `message ${status}`, requestId: `req-${status}`, body });
    expect(JSON.stringify(error) + String(error)).not.toContain(TOKEN);
  });

  it('falls back to errorId as the request id when no X-Request-Id header comes', async () => {
    server.script({ status: 422, body: '{"errorId":"err-7","errorCode":"INVALID_DATA","errorMessage":"bad"}' });
    await expect(client().getTask('t')).rejects.toMatchObject({ requestId: 'err-7' });
  });
});

describe('hosts', () => {
  it('defaults to the secured host, and the sandbox uses its own host and public token', async () => {
    const seen: Request[] = [];
    const record = async (request: Request) => {
      seen.push(request);
      return new Response('{"id":"t","status":"NEW","template":"COURIER"}', { headers: { 'content-type': 'application/json' } });
    };
    await createTbankDeliveryClient({ token: TOKEN, fetch: record }).getTask('t');
    await createTbankDeliveryClient({ sandbox: true, fetch: record }).getTask('t');
    expect(seen.map((request) => request.url)).toEqual([`${TBANK_SECURED_URL}/api/v1/delivery/tasks/t`, `${TBANK_SANDBOX_URL}/api/v1/delivery/tasks/t`]);
    expect(seen[1]?.headers.get('authorization')).toBe('Bearer TBankSandboxToken');
  });
});
