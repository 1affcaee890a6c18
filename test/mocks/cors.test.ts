// CORS on the mock host (mocks/cors.ts): on by default for every API, off with MOCK_CORS=off or `cors: false`.
// test/runtimes/browser.test.ts proves it from a real page in Chromium; this checks the headers themselves.
import { afterEach, describe, expect, inject, it } from 'vitest';
import { CORS_ALLOWED_HEADERS } from '../../mocks/cors.ts';
import { startMockHost, type MockHost } from '../../mocks/host.ts';
import { listApis } from '#apis';

const ORIGIN = 'http://localhost:5173';
const urls = inject('mockUrls');
const fleet = urls['yandex-fleet'] ?? '';
const CATEGORIES = '/v2/parks/transactions/categories/list';
const fleetHeaders = { 'content-type': 'application/json', 'accept-language': 'ru', 'x-api-key': 'qa-key', 'x-client-id': 'taxi/park/p1' };

const preflight = (base: string, requestHeaders?: string) =>
  fetch(`${base}${CATEGORIES}`, {
    method: 'OPTIONS',
    headers: { origin: ORIGIN, 'access-control-request-method': 'POST', ...(requestHeaders ? { 'access-control-request-headers': requestHeaders } : {}) },
  });

describe('CORS on the mock host', () => {
  it.each(listApis().map((api) => [api.name]))('%s answers a preflight with 204 and the origin, methods and headers asked for', async (name) => {
    const asked = 'authorization, x-api-key, x-client-id, x-idempotency-token, idempotency-key, x-api-version, accept-language, content-type';
    const response = await preflight(urls[name] ?? '', asked);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toBe(asked);
    expect(response.headers.get('vary')).toBe('Origin');
  });

  it.each(['Authorization', 'X-API-Key', 'X-Client-ID', 'X-Idempotency-Token', 'Idempotency-Key', 'X-API-VERSION', 'Accept-Language', 'Content-Type'])(
    'a preflight that names no headers is still told %s is allowed',
    async (header) => {
      const allowed = (await preflight(fleet)).headers.get('access-control-allow-headers') ?? '';
      expect(allowed.split(', ')).toContain(header);
      expect(CORS_ALLOWED_HEADERS).toContain(header);
    },
  );

  it('puts the origin and the exposed headers on answers, errors included', async () => {
    const ok = await fetch(`${fleet}${CATEGORIES}`, { method: 'POST', headers: { ...fleetHeaders, origin: ORIGIN }, body: JSON.stringify({ query: { park: { id: 'p1' } } }) });
    const refused = await fetch(`${fleet}${CATEGORIES}`, { method: 'POST', headers: { origin: ORIGIN }, body: '{}' });
    expect([ok.status, refused.status]).toEqual([200, 401]);
    for (const response of [ok, refused]) {
      expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
      const exposed = (response.headers.get('access-control-expose-headers') ?? '').split(', ');
      expect(exposed).toEqual(expect.arrayContaining(['X-Request-Id', 'Retry-After', 'Content-Disposition', 'sl-violations']));
    }
  });

  it('answers a request without an Origin (curl, a server) with a wildcard origin, and sends an OPTIONS that is not a preflight to Prism', async () => {
    const response = await fetch(`${fleet}${CATEGORIES}`, { method: 'POST', headers: fleetHeaders, body: JSON.stringify({ query: { park: { id: 'p1' } } }) });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const plainOptions = await fetch(`${fleet}${CATEGORIES}`, { method: 'OPTIONS', headers: { origin: ORIGIN } });
    expect(plainOptions.status).not.toBe(204);
  });
});

describe('CORS turned off', () => {
  let host: MockHost | undefined;
  afterEach(async () => {
    await host?.close();
    host = undefined;
    delete process.env.MOCK_CORS;
  });
  const yandexOnly = listApis().filter((api) => api.name === 'yandex-fleet');

  it.each([
    ['by the cors option', () => startMockHost({ apis: yandexOnly, port: () => 0, cors: false })],
    ['by MOCK_CORS=off', () => ((process.env.MOCK_CORS = 'off'), startMockHost({ apis: yandexOnly, port: () => 0 }))],
  ])('%s: no preflight answer and no CORS headers', async (_, start) => {
    host = await start();
    const base = host.servers[0]?.url ?? '';
    const asked = await preflight(base, 'x-api-key');
    expect(asked.status).not.toBe(204);
    expect(asked.headers.get('access-control-allow-origin')).toBeNull();
    const response = await fetch(`${base}${CATEGORIES}`, { method: 'POST', headers: { ...fleetHeaders, origin: ORIGIN }, body: JSON.stringify({ query: { park: { id: 'p1' } } }) });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-expose-headers')).toBeNull();
  });
});
