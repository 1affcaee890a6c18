// Fastriver's lifecycle against the stateful mock: tokens issued, refreshed and revoked; create → get and list over
// what was stored; validation_errors computed and created → validated; the documented status moves; callbacks sent
// to callback_url (both forms, retried until a 200) and read by the project's own parser.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MockSession } from '../../mocks/admin-client.ts';
import { createFastriverClient, type FastriverClient } from '../../src/fastriver/index.ts';
import { parseFastriverCallback, type FastriverCallback } from '../../src/fastriver/callbacks.ts';
import { statefulSession, violationsOf } from '../support/stateful.ts';

const complete = { mobile_phone: '+79261234567', first_name: 'Зилибоба', last_name: 'Синий', delivery_city: 'moscow', product: 'credit_card_visa', external_id: 'PS-1' };

let mock: MockSession;
let fastriver: FastriverClient;
const client = () => createFastriverClient({ login: 'bot@company.com', password: 'fastriver-lifecycle-pw' }, { baseUrl: mock.baseUrl, fetch: mock.fetch, retry: { baseDelayMs: 1, maxDelayMs: 2 } });
beforeEach(() => {
  mock = statefulSession('fastriver');
  fastriver = client();
});
afterEach(async () => {
  expect(await violationsOf(mock)).toEqual([]);
});

describe('fastriver lifecycle', () => {
  it('tokens: login issues one, refresh replaces it (the old one is refused), logout revokes it', async () => {
    const first = await fastriver.auth.login();
    const second = await fastriver.auth.refresh();
    expect(second.token).not.toBe(first.token);
    const call = (token: string) => mock.fetch(new Request(`${mock.baseUrl}/delivery_requests`, { headers: { authorization: `Bearer ${token}` } }));
    expect((await call(first.token)).status).toBe(401);
    expect((await call(second.token)).status).toBe(200);
    await fastriver.auth.logout();
    expect((await call(second.token)).status).toBe(401);
  });

  it('create → get returns what was stored; an incomplete request stays created with its validation_errors; update completes it', async () => {
    const partial = await fastriver.deliveryRequests.create({ mobile_phone: '8926', first_name: 'Zili' });
    expect(partial).toMatchObject({ status: 'created', delivery_status: null });
    expect(Object.keys(partial.validation_errors ?? {}).sort()).toEqual(['delivery_city', 'first_name', 'last_name', 'mobile_phone', 'product']);
    const updated = await fastriver.deliveryRequests.update(String(partial.id), complete);
    expect(updated).toMatchObject({ status: 'validated', delivery_status: 'pending', validation_errors: {}, destination: { last_name: 'Синий' } });
    expect(await fastriver.deliveryRequests.get(String(partial.id))).toMatchObject({ id: String(partial.id), status: 'validated', external_id: 'PS-1' });
    await expect(fastriver.deliveryRequests.get('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ status: 404 });
  });

  it('list pages 20 at a time over what was stored, with filters and a true meta.total', async () => {
    for (let i = 0; i < 23; i++) await fastriver.deliveryRequests.create({ ...complete, external_id: `L-${i}` });
    await fastriver.deliveryRequests.create({ first_name: 'Неполная' });
    const first = await fastriver.deliveryRequests.list({ status: 'validated' });
    expect(first.total).toBe(23);
    expect(first.items).toHaveLength(20);
    const second = await fastriver.deliveryRequests.list({ status: 'validated' }, { page: 2 });
    expect(second.items.map((item) => item.external_id)).toEqual(['L-20', 'L-21', 'L-22']);
    expect((await fastriver.deliveryRequests.list({ status: 'created' })).total).toBe(1);
    expect((await fastriver.deliveryRequests.list({ external_id: 'L-7' })).items.map((item) => item.external_id)).toEqual(['L-7']);
  });

  it('the documented moves: confirm/reject only when executed, cancel until executed, transfer and complete while validated', async () => {
    const request = await fastriver.deliveryRequests.create(complete);
    await expect(fastriver.deliveryRequests.confirm(String(request.id))).rejects.toMatchObject({ status: 405 });
    expect(await fastriver.deliveryRequests.transferDelivery(String(request.id), { reason: 'transfer_before_meeting', next_date: '2030-09-01' })).toMatchObject({ delivery_status: 'pending', date: '2030-09-01' });
    expect(await fastriver.deliveryRequests.completeDelivery(String(request.id), { lat: 55.75, lon: 37.61 })).toMatchObject({ status: 'executed', delivery_status: 'completed' });
    await expect(fastriver.deliveryRequests.cancel(String(request.id), { cancel_reason_code: 'client_refused' })).rejects.toMatchObject({ status: 422 });
    expect(await fastriver.deliveryRequests.reject(String(request.id), { reject_reason_code: 'bad_photos', reject_reason_comment: 'Бликует' })).toMatchObject({ status: 'rejected' });
    await mock.move({ kind: 'delivery_request', id: String(request.id), to: 'fixed' });
    expect(await fastriver.deliveryRequests.confirm(String(request.id))).toMatchObject({ status: 'confirmed' });
    await expect(fastriver.deliveryRequests.callPlease(String(request.id))).rejects.toMatchObject({ status: 405 });
    const other = await fastriver.deliveryRequests.create(complete);
    expect(await fastriver.deliveryRequests.cancel(String(other.id), { cancel_reason_code: 'client_refused' })).toMatchObject({ status: 'canceled', delivery_status: 'canceled' });
  });

  it('state changes call back to callback_url in both forms, retried until a 200, and the project’s parser reads them', async () => {
    const received: FastriverCallback[] = [];
    let refusals = 1;
    const listener = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        if (refusals-- > 0) return void res.writeHead(503).end();
        received.push(parseFastriverCallback(body));
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    try {
      const request = await fastriver.deliveryRequests.create({ ...complete, callback_url: `http://127.0.0.1:${(listener.address() as AddressInfo).port}/fastriver` });
      await expect.poll(() => received.length, { timeout: 8000 }).toBe(1); // the first attempt was refused: retried
      await mock.move({ kind: 'delivery_request', id: String(request.id), to: 'scheduled' });
      await mock.move({ kind: 'delivery_request', id: String(request.id), to: 'executed', form: 'full', comment: 'Доставили' });
      await expect.poll(() => received.length, { timeout: 8000 }).toBe(3);
      expect(received.map((callback) => [callback.event, callback.delivery_request_status, callback.delivery_status])).toEqual([
        ['accept_delivery', 'validated', 'pending'],
        ['schedule', 'validated', 'scheduled'],
        ['complete', 'executed', 'completed'],
      ]);
      expect(received[2]).toMatchObject({ comment: 'Доставили', external_id: 'PS-1' });
      expect(received.every((callback) => callback.delivery_request_uuid === String(request.id) || callback.id === String(request.id))).toBe(true);
      const deliveries = await mock.callbacks();
      expect(deliveries.map((delivery) => [delivery.webhook, delivery.outcome, delivery.violations])).toEqual([
        ['deliveryRequestEvent', 'delivered', []],
        ['deliveryRequestEvent', 'delivered', []],
        ['deliveryRequestEventWithRequest', 'delivered', []],
      ]);
      expect(deliveries[0]?.attempts.map((attempt) => attempt.status)).toEqual([503, 200]);
    } finally {
      listener.close();
    }
  });
});
