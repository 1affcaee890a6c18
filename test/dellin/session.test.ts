// The Dellin session and error mapping against a local Dellin of our own, in both formats.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDellinClient, DellinApiError, encodeXml } from '../../src/dellin/index.ts';

const APPKEY = 'APPKEY-5f4e3d2c-1b0a-4f9e-8d7c-6b5a4f3e2d1c';
const LOGIN = 'logist@shipper.ru';
const PASSWORD = 'P@ssw0rd-very-secret';
let server: Server;
let baseUrl: string;
let logins = 0;
let validSession = '';
let nextAnswer: { status: number; body: unknown; raw?: string; type?: string } | undefined;
const bodies: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      bodies.push(text);
      const xml = req.url?.endsWith('.xml') ?? false;
      const send = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': xml ? 'application/xml' : 'application/json' }).end(xml ? encodeXml(body, 'response') : JSON.stringify(body));
      const metadata = (status: number) => ({ status, generated_at: '2026-11-22 10:00:00' });
      if (req.url?.startsWith('/v3/auth/login')) {
        logins += 1;
        validSession = `session-${logins}-0000-0000-000000000000`;
        return send(200, { metadata: metadata(200), data: { sessionID: validSession } });
      }
      if (nextAnswer) {
        const answer = nextAnswer;
        nextAnswer = undefined;
        if (answer.raw !== undefined) return res.writeHead(answer.status, { 'content-type': answer.type ?? 'text/html' }).end(answer.raw);
        return send(answer.status, answer.body);
      }
      if (!text.includes(validSession) || validSession === '') {
        // The session is refused inside an HTTP 200, as Dellin may do.
        return send(200, { metadata: metadata(401), errors: [{ code: 100002, title: 'Сессия не найдена', fields: ['sessionID'] }] });
      }
      return send(200, { metadata: metadata(200), data: { state: 'success', requestID: 3954004, information: ['ok'] } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  logins = 0;
  validSession = '';
  nextAnswer = undefined;
  bodies.length = 0;
});

const request = { docID: '2000000000000', delivery: { arrival: { address: { search: 'Омск, Ленина, 5' } } }, members: {}, payment: {} } as never;
const client = (format: 'json' | 'xml', logger?: (line: string) => void) =>
  createDellinClient({ appkey: APPKEY, login: LOGIN, password: PASSWORD, format, baseUrl, logger: logger && ((event) => logger(JSON.stringify(event))), retry: { baseDelayMs: 1 } });

describe.each(['json', 'xml'] as const)('session in %s', (format) => {
  it('logs in on first use and puts appkey and session into the body', async () => {
    const dellin = client(format);
    await expect(dellin.requestDelivery(request)).resolves.toMatchObject({ data: { requestID: 3954004 } });
    expect(logins).toBe(1);
    expect(bodies[1]).toContain(APPKEY);
    expect(bodies[1]).toContain(validSession);
  });

  it('a session refused inside an HTTP 200 leads to one new login and one retry, for any number of calls', async () => {
    const dellin = client(format);
    await dellin.login();
    validSession = 'forgotten-by-the-server';
    const results = await Promise.all(Array.from({ length: 10 }, () => dellin.requestDelivery(request)));
    expect(results.every((result) => result.data.requestID === 3954004)).toBe(true);
    expect(logins).toBe(2);
  });

  it('errors inside an HTTP 200 are DellinApiErrors with every item, in whatever form the API lists them', async () => {
    const dellin = client(format);
    await dellin.login();
    nextAnswer = { status: 200, body: { metadata: { status: 400 }, errors: [{ code: 281017, title: 'Недопустимое значение', fields: ['requester'], validValues: [1, 2, 3] }, { code: 117004, badValues: ['0xa77f'] }] } };
    const error = (await dellin.requestDelivery(request).catch((e: unknown) => e)) as DellinApiError;
    expect(error).toBeInstanceOf(DellinApiError);
    expect(error).toMatchObject({ status: 400, code: '281017', attempts: 1 });
    expect(error.errors.map((item) => Number(item.code))).toEqual([281017, 117004]);
    expect(error.errors[0]?.fields).toEqual(['requester']);
    if (format === 'json') {
      nextAnswer = { status: 400, body: { metadata: { status: 400 }, errors: { receiver: 'Контрагент с минимальными данными не может быть отправителем' } } };
      const keyed = (await dellin.requestDelivery(request).catch((e: unknown) => e)) as DellinApiError;
      expect(keyed.errors).toEqual([{ code: 0, detail: 'Контрагент с минимальными данными не может быть отправителем', fields: ['receiver'] }]);
    }
  });

  it('an HTML error page is an ApiError with its status, never a decode crash', async () => {
    const dellin = client(format);
    await dellin.login();
    nextAnswer = { status: 502, body: undefined, raw: '<html><body>502 Bad Gateway</body></html>' };
    await expect(dellin.requestDelivery(request)).rejects.toMatchObject({ name: 'DellinApiError', status: 502, attempts: 1 });
  });

  it('never shows the appkey, login, password or session id in errors or logs', async () => {
    const lines: string[] = [];
    const dellin = client(format, (line) => lines.push(line));
    await dellin.login();
    nextAnswer = { status: 200, body: { metadata: { status: 400 }, errors: [{ code: 1, title: `bad appkey ${APPKEY} for ${LOGIN} / ${PASSWORD}`, badValues: [validSession] }] } };
    const error = await dellin.requestDelivery(request).catch((e: unknown) => e);
    const printed = [String(error), JSON.stringify(error), inspect(error, { depth: 10 }), ...lines].join('\n');
    for (const secret of [APPKEY, LOGIN, PASSWORD, validSession]) expect(printed).not.toContain(secret);
  });
});

describe('without credentials', () => {
  it('an anonymous requestDelivery sends no session; deliveryDates says it needs one', async () => {
    const dellin = createDellinClient({ appkey: APPKEY, baseUrl });
    validSession = '';
    await dellin.requestDelivery(request).catch(() => undefined);
    expect(bodies[0]).not.toContain('sessionID');
    await expect(dellin.deliveryDates({ docID: '1' } as never)).rejects.toThrow('needs a session');
  });
});
