// rt5: the mock host's state keyed by ids from the request: "__proto__", "constructor", "hasOwnProperty".
// Runs in its own file: a failing run pollutes Object.prototype of this worker (cleaned up in afterAll).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockHost, type MockHost } from '../../mocks/host.ts';

let host: MockHost;
let by: Record<string, string>;
const before = new Set(Object.getOwnPropertyNames(Object.prototype));
beforeAll(async () => {
  host = await startMockHost({ port: () => 0, state: true });
  by = Object.fromEntries(host.servers.map((s) => [s.api, s.url]));
});
afterAll(async () => {
  for (const k of Object.getOwnPropertyNames(Object.prototype)) if (!before.has(k)) delete (Object.prototype as any)[k];
  await host.close();
});
const S = (name: string) => ({ 'x-mock-session': `rt5-proto-${name}` });

describe('rt5 mock host: prototype keys as resource ids', () => {
  for (const id of ['__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf']) {
    it(`T-Bank GET /tasks/${id}: the right 4xx (not found), not a 500`, async () => {
      const r = await fetch(`${by['tbank-delivery']}/api/v1/delivery/tasks/${id}`, { headers: { authorization: 'Bearer q', ...S(id) } });
      expect(r.status, await r.text()).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
    });
    it(`T-Bank GET /documents/${id}: the right 4xx, not a 500`, async () => {
      const r = await fetch(`${by['tbank-delivery']}/api/v1/delivery/documents/${id}`, { headers: { authorization: 'Bearer q', ...S(id) } });
      expect(r.status, (await r.text()).slice(0, 200)).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
    });
    it(`T-Bank cancel of task ${id} is "not found", not "already finished"`, async () => {
      const r = await fetch(`${by['tbank-delivery']}/api/v1/delivery/tasks/${id}/cancel`, { method: 'POST', headers: { authorization: 'Bearer q', 'content-type': 'application/json', ...S(id) }, body: '{}' });
      const text = await r.text();
      expect(text).not.toMatch(/уже завершено|already/i);
    });
  }
  for (const kind of ['__proto__', 'constructor', 'toString']) {
    it(`POST /__mock/move {kind:${kind}}: a 400 naming the kind`, async () => {
      const r = await fetch(`${by['tbank-delivery']}/__mock/move`, { method: 'POST', headers: { 'content-type': 'application/json', ...S('kind') }, body: JSON.stringify({ kind, id: 'x', to: 'COMPLETED' }) });
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
    });
  }
  it('the session named "__proto__" or "constructor" is an ordinary session', async () => {
    for (const session of ['__proto__', 'constructor', 'hasOwnProperty']) {
      const r = await fetch(`${by['tbank-delivery']}/api/v1/delivery/tasks`, { method: 'POST', headers: { authorization: 'Bearer q', 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID(), 'x-mock-session': session }, body: '{"template":"COURIER"}' });
      expect(r.status, `${session}: ${await r.text()}`).toBeLessThan(300);
      const j = await fetch(`${by['tbank-delivery']}/__mock/requests`, { headers: { 'x-mock-session': session } });
      expect(j.status).toBe(200);
    }
  });
});

const cleanup = () => { for (const k of Object.getOwnPropertyNames(Object.prototype)) if (!before.has(k)) delete (Object.prototype as any)[k]; };

describe('rt5 mock host: prototype pollution through the admin API (last: it pollutes this process)', () => {
  it('POST /__mock/move {kind:"task", id:"__proto__"} does not pollute Object.prototype of the mock process', async () => {
    const r = await fetch(`${by['tbank-delivery']}/__mock/move`, { method: 'POST', headers: { 'content-type': 'application/json', ...S('move') }, body: JSON.stringify({ kind: 'task', id: '__proto__', to: 'COMPLETED', resolution: 'DELIVERED' }) });
    const text = await r.text();
    const polluted = Object.getOwnPropertyNames(Object.prototype).filter((k) => !before.has(k));
    cleanup();
    expect(polluted, `mock answered ${r.status} ${text}`).toEqual([]);
    expect(r.status).toBe(404);
  });
  it('POST /__mock/seed with resource id "__proto__" does not pollute either', async () => {
    const r = await fetch(`${by['tbank-delivery']}/__mock/seed`, { method: 'POST', headers: { 'content-type': 'application/json', ...S('seed') }, body: JSON.stringify({ kind: 'task', resource: { id: '__proto__', status: 'NEW', template: 'COURIER' } }) });
    await r.text();
    const polluted = Object.getOwnPropertyNames(Object.prototype).filter((k) => !before.has(k));
    cleanup();
    expect(polluted).toEqual([]);
  });
});
