// The QA features of the mock host around its one request path: the journal (credentials masked), faults on demand
// (Prefer and armed), the admin API's refusals, and the loud 500 for an answer from state that breaks the spec.
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MockSession } from '../../mocks/admin-client.ts';
import { maskCredentials } from '../../mocks/journal.ts';
import { statefulSession, violationsOf } from '../support/stateful.ts';

const CATEGORIES = '/v2/parks/transactions/categories/list';
const API_KEY = 'fleet-secret-key-0a1b2c3d4e5f';
const categories = (headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', 'accept-language': 'ru', 'x-api-key': API_KEY, 'x-client-id': 'taxi/park/p1', ...headers },
  body: JSON.stringify({ query: { park: { id: 'p1' } } }),
});

let fleet: MockSession;
beforeEach(() => {
  fleet = statefulSession('yandex-fleet');
});
const call = (init: RequestInit = categories(), path = CATEGORIES) => fleet.fetch(new Request(`${fleet.baseUrl}${path}`, init));

describe('request journal', () => {
  it('lists what the mock received, credentials masked, filterable by path and method, and clearable', async () => {
    await (await call()).body?.cancel();
    await (await call({ method: 'GET' }, '/v3/parks/driver-profiles/transactions/status?park_id=p1')).body?.cancel();
    const all = await fleet.requests();
    expect(all.map((entry) => `${entry.method} ${entry.path}`)).toEqual([`POST ${CATEGORIES}`, 'GET /v3/parks/driver-profiles/transactions/status']);
    const [posted] = await fleet.requests({ path: CATEGORIES, method: 'post' });
    expect(posted).toMatchObject({ status: 200, body: { query: { park: { id: 'p1' } } }, headers: { 'x-api-key': '[REDACTED]', 'accept-language': 'ru' }, violations: [] });
    expect(JSON.stringify(all)).not.toContain(API_KEY);
    expect(await fleet.requests({ path: '/v3/*' })).toHaveLength(1);
    await fleet.clearRequests();
    expect(await fleet.requests()).toEqual([]);
  });

  it('records the violations of an invalid request and the status answered', async () => {
    await (await call({ ...categories(), body: JSON.stringify({ query: {} }) })).body?.cancel();
    const [entry] = await fleet.requests();
    expect(entry?.status).toBe(400);
    expect(entry?.violations.join('\n')).toMatch(/park/);
  });

  it('never keeps a credential, in a header or a body field, in any entry (property)', () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9_-]{6,40}$/);
    fc.assert(
      fc.property(secret, secret, secret, (token, password, key) => {
        const masked = maskCredentials({
          headers: { authorization: `Bearer ${token}`, 'x-api-key': key, 'user-agent': `agent ${token}` },
          body: { data: { attributes: { login: 'bot@company.com', password } }, note: `pw=${password}`, packet: { key, params: { id: '1' } } },
        });
        const text = JSON.stringify(masked);
        return !text.includes(token) && !text.includes(password) && !text.includes(key);
      }),
    );
  });
});

describe('faults on demand', () => {
  it('Prefer: delay=… answers late, and the journal says so', async () => {
    const started = performance.now();
    const response = await call(categories({ prefer: 'delay=400' }));
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(390);
    expect((await fleet.requests())[0]?.fault).toBe('delay=400');
  });

  it('Prefer: fault=reset resets the connection before any answer', async () => {
    await expect(call(categories({ prefer: 'fault=reset' }))).rejects.toThrow(TypeError);
  });

  it('Prefer: fault=truncate sends half the body that Content-Length promised', async () => {
    const response = await call(categories({ prefer: 'fault=truncate' }));
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
  });

  it('Prefer: fault=stall sends the headers and part of the body, then nothing: a client timeout fires', async () => {
    const response = await fleet.fetch(new Request(`${fleet.baseUrl}${CATEGORIES}`, { ...categories({ prefer: 'fault=stall' }), signal: AbortSignal.timeout(500) }));
    await expect(response.text()).rejects.toThrow(/abort|timeout/i);
  });

  it('Prefer: fault=503, retry-after=7 answers that status with Retry-After', async () => {
    const response = await call(categories({ prefer: 'fault=503, retry-after=7' }));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('7');
  });

  it('a bad fault directive is refused with a 400 naming it', async () => {
    const response = await call(categories({ prefer: 'fault=explode' }));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('explode');
  });

  it('faults armed through the admin API hit the next N requests to their path, then stop', async () => {
    await fleet.armFault({ fault: '429', retryAfter: '2', count: 2, path: CATEGORIES });
    try {
      expect((await call()).status).toBe(429);
      expect((await call()).status).toBe(429);
      expect((await call()).status).toBe(200);
    } finally {
      await fleet.clearFaults();
    }
  });
});

describe('admin API and state', () => {
  it('an answer built from state that breaks the spec is a 500 naming the violation, and is journalled', async () => {
    const tbank = statefulSession('tbank-delivery');
    await tbank.seed('task', { id: 'broken', status: 42 });
    const response = await tbank.fetch(new Request(`${tbank.baseUrl}/api/v1/delivery/tasks/broken`, { headers: { authorization: 'Bearer t' } }));
    expect(response.status).toBe(500);
    expect(await response.text()).toMatch(/status.*string/);
    const [entry] = await tbank.requests();
    expect(entry?.status).toBe(500);
    expect(entry?.violations.join()).toMatch(/response\.body\.status/);
  });

  it('refuses what it cannot do, with the reason', async () => {
    const tbank = statefulSession('tbank-delivery');
    await expect(tbank.seed('meeting', {})).rejects.toMatchObject({ status: 400, message: expect.stringContaining('task') });
    await expect(tbank.move({ kind: 'task', id: 'nope', to: 'COMPLETED' })).rejects.toMatchObject({ status: 404 });
    const unknown = await fetch(`${tbank.baseUrl}/__mock/nothing`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ routes: expect.arrayContaining(['GET /__mock/requests']) });
  });

  // What the docs' curl samples put in first (docs/samples/<api>.ts `needs`): each kind under the id given; a bad id is refused by name.
  it.each([
    ['dellin', 'session', { id: '' }, 'resource.id'],
    ['fastriver', 'token', { token: 7 }, 'resource.token'],
    ['fastriver', 'delivery_request', { uuid: [] }, 'resource.uuid'],
    ['tbank-delivery', 'appointment', { appointmentId: '' }, 'resource.appointmentId'],
    ['tbank-delivery', 'document', { id: 1 }, 'resource.id'],
    ['yandex-fleet', 'transaction', { id: 'x', park_id: 'p' }, 'resource.contractor_profile_id'],
    ['yandex-fleet', 'transaction', { id: 'x', park_id: 'p', contractor_profile_id: 'c', status: 'done' }, 'resource.status'],
    ['yandex-fleet', 'payout', {}, 'transaction'],
  ])('%s seed %s %j is refused naming %s', async (api, kind, resource, named) => {
    await expect(statefulSession(api).seed(kind, resource)).rejects.toMatchObject({ status: 400, message: expect.stringContaining(named) });
  });

  it('a seeded document downloads as the mock PDF under the id given; a seeded transaction reports its status', async () => {
    const tbank = statefulSession('tbank-delivery');
    await tbank.seed('document', { id: 'doc-1' });
    const download = await tbank.fetch(new Request(`${tbank.baseUrl}/api/v1/delivery/documents/doc-1`, { headers: { authorization: 'Bearer t' } }));
    expect([download.status, download.headers.get('content-type'), Buffer.from(await download.arrayBuffer()).subarray(0, 5).toString()]).toEqual([200, 'application/pdf', '%PDF-']);
    const fleet = statefulSession('yandex-fleet');
    await fleet.seed('transaction', { id: 't-1', park_id: 'p1', contractor_profile_id: 'c1', amount: '-5' });
    const status = await fleet.fetch(
      new Request(`${fleet.baseUrl}/v3/parks/driver-profiles/transactions/status?park_id=p1&contractor_profile_id=c1&id=t-1&version=1`, {
        headers: { 'accept-language': 'ru', 'x-api-key': 'k', 'x-client-id': 'taxi/park/p1' },
      }),
    );
    expect([status.status, ((await status.json()) as { version_info?: { status?: string; amount?: string } }).version_info]).toMatchObject([200, { status: 'in_progress', amount: '-5' }]);
    expect([...(await violationsOf(tbank)), ...(await violationsOf(fleet))]).toEqual([]);
  });

  it('reset forgets the session’s state and journal', async () => {
    const tbank = statefulSession('tbank-delivery');
    await tbank.seed('task', { id: 'to-forget' });
    await tbank.reset();
    expect(await tbank.state()).toEqual({ tasks: {}, keys: {}, appointments: {}, documents: {} });
    expect(await tbank.requests()).toEqual([]);
  });
});

describe('callbacks and webhooks are checked against the spec before they leave', () => {
  it('a valid callback passes, a broken one is named', async () => {
    const { webhookCheck } = await import('../../mocks/webhooks.ts');
    const { listApis } = await import('#apis');
    const spec = (name: string) => listApis().find((api) => api.name === name)?.specPath ?? '';
    const fastriver = webhookCheck(spec('fastriver'));
    const event = { data: { id: 'e1', type: 'external_callback', attributes: { event: 'complete' } }, included: [] };
    expect(await fastriver({ webhook: 'deliveryRequestEvent', method: 'POST', url: 'http://127.0.0.1/cb', body: event })).toEqual([]);
    const broken = await fastriver({ webhook: 'deliveryRequestEvent', method: 'POST', url: 'http://127.0.0.1/cb', body: { data: { ...event.data, type: 'delivery_request' } } });
    expect(broken.join()).toMatch(/data\.type/);
    expect(await fastriver({ webhook: 'noSuchHook', method: 'POST', url: 'http://127.0.0.1/cb', body: {} })).toEqual(['the spec has no webhook noSuchHook']);
    const dilovod = webhookCheck(spec('dilovod'));
    expect(await dilovod({ webhook: 'objectChanged', method: 'GET', url: 'http://127.0.0.1/hook' })).not.toEqual([]);
  });
});
