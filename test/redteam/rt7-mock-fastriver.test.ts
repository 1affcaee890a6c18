// Red team 7: Fastriver's stateful mock driven by the project's own client: odd updates, callbacks retried to a flaky target.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockSession } from '../../mocks/admin-client.ts';
import { startMockHost, type MockHost } from '../../mocks/host.ts';
import { createFastriverClient, SdkError } from '../../src/fastriver/index.ts';
import { parseFastriverCallback } from '../../src/fastriver/callbacks.ts';

let host: MockHost;
const servers: Server[] = [];
beforeAll(async () => {
  host = await startMockHost({ port: () => 0, apis: undefined });
}, 60_000);
afterAll(async () => {
  for (const s of servers) s.closeAllConnections?.(), s.close();
  await host?.close();
});
const url = (api: string) => host.servers.find((s) => s.api === api)!.url;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const complete = { mobile_phone: '+79261234567', first_name: 'Зилибоба', last_name: 'Синий', delivery_city: 'moscow', address: 'ул Сезам, д 75А', product: 'credit_card_visa' };

function client(m: ReturnType<typeof mockSession>) {
  return createFastriverClient({ login: 'bot@company.com', password: 'PASSWORD-secret-1234' }, { baseUrl: m.baseUrl, fetch: m.fetch, retry: { maxRetries: 0 } } as any);
}

describe('Fastriver update merges and revalidates', () => {
  it('an update that empties a required field: the answer is typed (422) or the request falls back to created with validation_errors, never a 500', async () => {
    const m = mockSession(url('fastriver'));
    const fr = client(m);
    const created: any = await fr.deliveryRequests.create({ ...complete, external_id: 'E-1' } as any);
    expect(created.status).toBe('validated');
    for (const patch of [{ first_name: '' }, { first_name: null }, { mobile_phone: '+7' }, { delivery_city: 'atlantis' }, { address: 'x'.repeat(100_000) }]) {
      const out: any = await fr.deliveryRequests.update(String(created.id), patch as any).then(
        (v) => v,
        (e) => e,
      );
      if (out instanceof Error) {
        expect(out, JSON.stringify(patch).slice(0, 80)).toBeInstanceOf(SdkError);
        expect((out as any).status, `${JSON.stringify(patch).slice(0, 80)} ${out.message.slice(0, 300)}`).toBeLessThan(500);
      }
    }
    const after: any = await fr.deliveryRequests.get(String(created.id));
    expect(after.id).toBe(created.id);
  });

  it('list filters over state: filter[status] and filter[external_id] give exactly the matches with a true meta.total', async () => {
    const m = mockSession(url('fastriver'));
    const fr = client(m);
    for (let i = 0; i < 23; i++) await fr.deliveryRequests.create({ ...complete, external_id: `X-${i}`, ...(i % 2 ? { first_name: '' } : {}) } as any).catch(() => undefined);
    const token = (await (await m.fetch(new Request(`${m.baseUrl}/authentications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'bot@company.com', password: 'x' }) }))).json() as { token: string }).token;
    const get = async (q: string) => (await (await m.fetch(new Request(`${m.baseUrl}/delivery_requests?${q}`, { headers: { authorization: `Bearer ${token}` } }))).json()) as { meta: { total: number }; data: any[] };
    const all = await get('');
    const validated = await get('filter[status]=validated');
    const created = await get('filter[status]=created');
    expect(validated.meta.total + created.meta.total).toBe(all.meta.total);
    expect(validated.data.every((d: any) => d.attributes.status === 'validated')).toBe(true);
    const one = await get('filter[external_id]=X-4');
    expect(one.meta.total).toBe(1);
  }, 60_000);
});

describe('Fastriver callbacks to a flaky target', () => {
  it('a target answering 500 once, then 200: the callback is retried and the parser reads what arrives', async () => {
    const bodies: string[] = [];
    let n = 0;
    const server = createServer((req, res) => {
      let b = '';
      req.on('data', (d) => (b += d));
      req.on('end', () => {
        n++;
        bodies.push(b);
        res.writeHead(n === 1 ? 500 : 200).end();
      });
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const m = mockSession(url('fastriver'));
    const fr = client(m);
    const created: any = await fr.deliveryRequests.create({ ...complete, external_id: 'CB-1', callback_url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/cb` } as any);
    await m.move({ kind: 'delivery_request', id: String(created.id), to: 'scheduled' });
    for (let i = 0; i < 60 && n < 3; i++) await sleep(100);
    expect(n).toBeGreaterThanOrEqual(2);
    for (const b of bodies) expect(() => parseFastriverCallback(b as any)).not.toThrow();
    const cbs: any[] = await m.callbacks();
    expect(JSON.stringify(cbs)).not.toContain('PASSWORD-secret');
  }, 30_000);

  it('a target that never answers: the attempt ends (timeout) and the mock keeps answering', async () => {
    const server = createServer(() => {});
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const m = mockSession(url('fastriver'));
    const fr = client(m);
    const created: any = await fr.deliveryRequests.create({ ...complete, external_id: 'CB-2', callback_url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/cb` } as any);
    const t0 = Date.now();
    await m.move({ kind: 'delivery_request', id: String(created.id), to: 'scheduled' });
    expect(Date.now() - t0).toBeLessThan(3000);
    expect((await fr.deliveryRequests.get(String(created.id))).id).toBe(created.id);
  }, 30_000);
});
