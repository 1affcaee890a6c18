// Red team 7: lifecycles of the stateful mocks read back with odd values (Dilovod request, Yandex versions, Dellin sessions).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockSession } from '../../mocks/admin-client.ts';
import { startMockHost, type MockHost } from '../../mocks/host.ts';

let host: MockHost;
const url = (api: string) => host.servers.find((s) => s.api === api)!.url;
beforeAll(async () => {
  host = await startMockHost({ port: () => 0 });
}, 60_000);
afterAll(() => host?.close());
const json = { 'content-type': 'application/json' };

function dilovod(m: ReturnType<typeof mockSession>) {
  return async (packet: unknown) => {
    const r = await m.fetch(new Request(`${m.baseUrl}/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `packet=${encodeURIComponent(JSON.stringify(packet))}` }));
    return { status: r.status, body: await r.json().then((v): any => v) };
  };
}

describe('Dilovod request over stored objects', () => {
  it('a field named like an Object.prototype member (constructor, toString, __proto__) is not read from the prototype', async () => {
    const m = mockSession(url('dilovod'));
    const send = dilovod(m);
    await send({ version: '0.25', key: 'k', action: 'saveObject', params: { header: { id: 'catalogs.units', code: 'kg', name: 'кг' } } });
    for (const field of ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__']) {
      const { body } = await send({ version: '0.25', key: 'k', action: 'request', params: { from: 'catalogs.units', fields: { id: 'id', [field]: 'f' } } });
      const text = JSON.stringify(body);
      expect(text, field).not.toContain('native code');
      expect(text, field).not.toMatch(/"f":"\{\}"/);
    }
  });

  it('a filter on a prototype member matches nothing', async () => {
    const m = mockSession(url('dilovod'));
    const send = dilovod(m);
    await send({ version: '0.25', key: 'k', action: 'saveObject', params: { header: { id: 'catalogs.units', code: 'kg', name: 'кг' } } });
    const { body } = await send({ version: '0.25', key: 'k', action: 'request', params: { from: 'catalogs.units', fields: { id: 'id', toString: 't' }, filters: [{ alias: 't', operator: '%', value: 'native' }] } });
    expect(body).toEqual([]);
  });

  it('an unknown id is the gateway error, HTTP 200 {error}', async () => {
    const m = mockSession(url('dilovod'));
    const { status, body } = await dilovod(m)({ version: '0.25', key: 'k', action: 'getObject', params: { id: '1100100000009999' } });
    expect(status).toBe(200);
    expect(typeof body.error).toBe('string');
  });
});

describe('Yandex Fleet versions only move forward, exactly as sent', () => {
  it('a version above 2^53 is refused (or kept exactly), never silently rounded in the answer', async () => {
    const m = mockSession(url('yandex-fleet'));
    const send = (version: string, token: string) =>
      m.fetch(
        new Request(`${m.baseUrl}/v3/parks/driver-profiles/transactions`, {
          method: 'POST',
          headers: { ...json, 'accept-language': 'ru', 'x-api-key': 'qa', 'x-client-id': 'taxi/park/p1', 'x-idempotency-token': token },
          body: `{"park_id":"ee6f33c4562b4e1f8646d157bd70b2c4","contractor_profile_id":"33de650c6a1a40bfa78dd981817da866","amount":"-500","description":"x","version":${version},"data":{"kind":"other","reason":"r"}}`,
        }),
      );
    expect((await send('1', 'tok-1-aaaaaaaaaaaaaaaaaaaa')).status).toBe(200);
    const r = await send('9007199254740993', 'tok-2-aaaaaaaaaaaaaaaaaaaa');
    const text = await r.text();
    if (r.status === 200) expect(text).toContain('9007199254740993');
    else expect(r.status).toBe(400);
  });
});

describe('Dellin sessions', () => {
  const login = async (m: ReturnType<typeof mockSession>, appkey: string) =>
    (await (await m.fetch(new Request(`${m.baseUrl}/v3/auth/login.json`, { method: 'POST', headers: json, body: JSON.stringify({ appkey, login: 'a@b.c', password: 'passw0rd-1234' }) }))).json().then((v): any => v)).data.sessionID as string;
  const info = async (m: ReturnType<typeof mockSession>, appkey: string, sessionID: string) =>
    (await m.fetch(new Request(`${m.baseUrl}/v3/auth/session_info.json`, { method: 'POST', headers: json, body: JSON.stringify({ appkey, sessionID }) }))).status;

  it('a closed session gets 401 over JSON; a session of another X-Mock-Session is unknown', async () => {
    const m = mockSession(url('dellin'));
    const sid = await login(m, 'app-key-12345678');
    expect(await info(m, 'app-key-12345678', sid)).toBe(200);
    expect(await info(mockSession(url('dellin')), 'app-key-12345678', sid)).toBe(401);
    await m.fetch(new Request(`${m.baseUrl}/v3/auth/logout.json`, { method: 'POST', headers: json, body: JSON.stringify({ appkey: 'app-key-12345678', sessionID: sid }) }));
    expect(await info(m, 'app-key-12345678', sid)).toBe(401);
  });

  it('a session opened with one appkey is not valid with another appkey', async () => {
    const m = mockSession(url('dellin'));
    const sid = await login(m, 'app-key-12345678');
    expect(await info(m, 'another-appkey-999', sid)).toBe(401);
  });
});
