// rt5: request-targets the URL parser rewrites (dot segments, fragments) reaching the mock host's admin API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockHost, type MockHost } from '../../mocks/host.ts';
import { raw, statusOf } from './sockets.ts';

let host: MockHost;
let port: number;
beforeAll(async () => {
  host = await startMockHost({ port: () => 0, state: true });
  port = Number(new URL(host.servers.find((s) => s.api === 'tbank-delivery')!.url).port);
});
afterAll(async () => { await host.close(); });

describe('rt5 mock host: rewritten request-targets are refused (400), as the receivers refuse them', () => {
  for (const target of ['/x/../__mock/state', '/%2e%2e/__mock/state', '/__mock/./state', '/__mock/x/../state', 'http://a/../__mock/state', '/x/%2E%2E/__mock/state', '/__mock/state#x', '/api/v1/delivery/tasks/x/..']) {
    it(`GET ${target}: 400, not served as another path`, async () => {
      const res = await raw(port, `GET ${target} HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer q\r\nConnection: close\r\n\r\n`);
      expect(statusOf(res), res.slice(0, 300)).toBe(400);
    });
  }
  it('POST /x/../__mock/reset does not reset the session', async () => {
    const S = 'X-Mock-Session: rt5-rewrite\r\n';
    const body = '{"template":"COURIER"}';
    await raw(port, `POST /api/v1/delivery/tasks HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer q\r\nContent-Type: application/json\r\nIdempotency-Key: ${crypto.randomUUID()}\r\n${S}Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`);
    await raw(port, `POST /api/v1/../../__mock/reset HTTP/1.1\r\nHost: a\r\n${S}Content-Length: 0\r\nConnection: close\r\n\r\n`);
    const state = await raw(port, `GET /__mock/state HTTP/1.1\r\nHost: a\r\n${S}Connection: close\r\n\r\n`);
    expect(state).toMatch(/"status":"NEW"|"template":"COURIER"/);
  });
});
