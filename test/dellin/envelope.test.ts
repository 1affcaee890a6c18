// Red team 5, kind 2: a 2xx whose success envelope is not what the spec says is a typed failure, in JSON and XML alike.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DecodeError } from '../../src/core/index.ts';
import { createDellinClient, DellinApiError } from '../../src/dellin/index.ts';
import { encodeXml } from '../../src/dellin/xml.ts';
import { serve, settle, type TestServer } from '../redteam/helpers.ts';

let server: TestServer;
let answer: { status: number; body: unknown; xml?: string } = { status: 200, body: {} };
beforeAll(async () => {
  server = await serve((req, res) => {
    const xml = (req.url ?? '').endsWith('.xml');
    res.writeHead(answer.status, { 'content-type': xml ? 'application/xml' : 'application/json' });
    res.end(xml ? (answer.xml ?? encodeXml(answer.body, 'response')) : JSON.stringify(answer.body));
  });
});
afterAll(() => server.close());

const client = (format: 'json' | 'xml') => createDellinClient({ appkey: 'app-key-0000', login: 'u@example.ru', password: 'pw-123456', sessionID: 'session-0000', format, baseUrl: server.url, retry: { maxRetries: 0 } });
type Method = 'requestDelivery' | 'deliveryDates' | 'sessionInfo' | 'logout' | 'login';
const methods: Record<Method, (c: ReturnType<typeof client>) => Promise<unknown>> = {
  requestDelivery: (c) => c.requestDelivery({} as never),
  deliveryDates: (c) => c.deliveryDates({} as never),
  sessionInfo: (c) => c.sessionInfo(),
  logout: (c) => c.logout(),
  login: (c) => c.login(),
};
const data = { dates: ['2020-01-01'], sessionID: 'session-0001', state: 'success', requestID: 1, session: { expired: false } };

// [case, JSON body, the XML a server would send for it (when encodeXml cannot say it), the path the DecodeError names]
const broken: Array<[string, unknown, string | undefined, string]> = [
  ['no metadata', { data }, undefined, 'metadata'],
  ['metadata a string', { metadata: 'ok', data }, '<response><metadata>ok</metadata><data><dates>2020-01-01</dates></data></response>', 'metadata'],
  // XML has no string "500" apart from the number 500 (which is Dellin's error inside a 200): its twin is quoted text.
  ['status a string "500"', { metadata: { status: '500' }, data }, '<response><metadata><status>"500"</status></metadata></response>', 'metadata.status'],
  ['status a string "200"', { metadata: { status: '200' }, data }, '<response><metadata><status>"200"</status></metadata></response>', 'metadata.status'],
  ['status missing', { metadata: { generated_at: '2020-01-01 00:00:00' }, data }, undefined, 'metadata.status'],
  ['status null', { metadata: { status: null }, data }, '<response><metadata><status>x</status></metadata></response>', 'metadata.status'],
  ['status 200.5', { metadata: { status: 200.5 }, data }, undefined, 'metadata.status'],
  ['two metadata', { metadata: [{ status: 200 }, { status: 500 }], data }, undefined, 'metadata'],
  ['two status', { metadata: { status: [500, 200] }, data }, undefined, 'metadata.status'],
  ['data an array', { metadata: { status: 200 }, data: [1, 2] }, undefined, 'data'],
  ['data a string', { metadata: { status: 200 }, data: 'x' }, undefined, 'data'],
  ['an array body', [{ metadata: { status: 200 } }], '<response>x</response>', ''],
];

describe('Dellin: the success envelope', () => {
  for (const format of ['json', 'xml'] as const) {
    for (const method of Object.keys(methods) as Method[]) {
      it.each(broken)(`${format} ${method}: %s is a DecodeError naming the member`, async (_name, body, xml, path) => {
        answer = { status: 200, body, xml };
        const result = await settle(methods[method](client(format)));
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.error, String(result.error)).toBeInstanceOf(DecodeError);
        // XML says the shape's breach where it reads it, which can be deeper than the JSON check's member.
        if (format === 'json') expect(result.error.path).toBe(path);
        else expect(String(result.error.path)).toMatch(new RegExp(`^(response\\.)?${path.replace('.', '\\.')}`));
      });

      it(`${format} ${method}: metadata.status 500 inside HTTP 200 stays a DellinApiError; 200 with data is a success`, async () => {
        answer = { status: 200, body: { metadata: { status: 500 }, errors: [{ code: 1, title: 'down' }] } };
        const failed = await settle(methods[method](client(format)));
        expect(failed.ok || failed.error instanceof DellinApiError).toBe(true);
        expect(failed.ok).toBe(false);
        answer = { status: 200, body: { metadata: { status: 200 }, data } };
        const ok = await settle(methods[method](client(format)));
        expect(ok.ok, ok.ok ? '' : String(ok.error)).toBe(true);
      });
    }
  }

  // The table of which answers must carry `data` is the spec's: a body without it fails exactly where the spec requires it.
  const spec = parse(readFileSync(new URL('../../specs/dellin.yaml', import.meta.url), 'utf8')) as { components: { schemas: Record<string, { required?: string[] }> } };
  const schemaOf: Record<Method, string> = { requestDelivery: 'RequestDeliveryResponse', deliveryDates: 'DeliveryDatesResponse', sessionInfo: 'SessionInfoResponse', logout: 'LogoutResponse', login: 'LoginResponse' };
  it.each(Object.keys(methods) as Method[])('%s: an answer without data fails exactly when the spec requires data (and metadata is always required)', async (method) => {
    const required = spec.components.schemas[schemaOf[method]]?.required ?? [];
    expect(required).toContain('metadata');
    answer = { status: 200, body: { metadata: { status: 200 } } };
    const result = await settle(method === 'login' ? client('json').login() : methods[method](client('json')));
    // login reads data.sessionID itself (an InvalidResponseError before); with data required, the envelope refuses first.
    expect(result.ok).toBe(!required.includes('data'));
    if (!result.ok) expect(result.error).toBeInstanceOf(DecodeError);
  });
});
