// Yandex Fleet's v3 lifecycle against the stateful mock: create → status; idempotency by token and body; versions
// only move forward.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MockSession } from '../../mocks/admin-client.ts';
import { createYandexFleetClient, type CreateTransactionV3Request, type YandexFleetClient } from '../../src/yandex-fleet/index.ts';
import { statefulSession, violationsOf } from '../support/stateful.ts';

const payout: CreateTransactionV3Request = { park_id: 'park1', contractor_profile_id: 'driver1', amount: '-1500.00', data: { kind: 'payout' }, version: 1 };

let mock: MockSession;
let fleet: YandexFleetClient;
beforeEach(() => {
  mock = statefulSession('yandex-fleet');
  fleet = createYandexFleetClient({ apiKey: 'fleet-lifecycle-key-1a2b3c', clientId: 'taxi/park/park1', baseUrl: mock.baseUrl, fetch: mock.fetch, retry: { baseDelayMs: 1, maxDelayMs: 2 } });
});
afterEach(async () => {
  expect(await violationsOf(mock)).toEqual([]);
});

describe('yandex-fleet v3 lifecycle', () => {
  it('create → status: in progress when written, applied one poll later; an unknown id is not found', async () => {
    const created = await fleet.createTransactionV3(payout);
    expect(created).toMatchObject({ park_id: 'park1', latest_version: 1, version_info: { version: 1, status: 'in_progress', amount: '-1500.00' } });
    const query = { park_id: 'park1', contractor_profile_id: 'driver1', id: created.id, version: 1 };
    expect((await fleet.getTransactionStatus(query)).version_info?.status).toBe('in_progress');
    expect(await fleet.getTransactionStatus(query)).toMatchObject({ latest_success_version: 1, version_info: { status: 'success' } });
    await expect(fleet.getTransactionStatus({ ...query, id: 'nope' })).rejects.toMatchObject({ status: 404, code: 'not_found' });
  });

  it('the same token with the same body returns the same transaction; with another body a 409', async () => {
    const token = crypto.randomUUID();
    const first = await fleet.createTransactionV3(payout, { idempotencyKey: token });
    expect(await fleet.createTransactionV3(payout, { idempotencyKey: token })).toEqual(first);
    await expect(fleet.createTransactionV3({ ...payout, amount: '-10' }, { idempotencyKey: token })).rejects.toMatchObject({ status: 409, code: 'idempotency_conflict' });
  });

  it('versions only move forward', async () => {
    const created = await fleet.createTransactionV3(payout);
    const updated = await fleet.createTransactionV3({ ...payout, amount: '-1400.00', version: 2 });
    expect(updated).toMatchObject({ id: created.id, latest_version: 2, version_info: { version: 2, amount: '-1400.00' } });
    await expect(fleet.createTransactionV3({ ...payout, amount: '-1300.00', version: 2 })).rejects.toMatchObject({ status: 409, code: 'version_conflict' });
  });

  it('a version that skips numbers is the latest; one between is not above it (409)', async () => {
    await fleet.createTransactionV3(payout);
    expect(await fleet.createTransactionV3({ ...payout, amount: '-1200.00', version: 5 })).toMatchObject({ latest_version: 5, version_info: { version: 5 } });
    for (const version of [2, 5]) {
      await expect(fleet.createTransactionV3({ ...payout, amount: '-1100.00', version })).rejects.toMatchObject({ status: 409, code: 'version_conflict', apiMessage: expect.stringContaining('version 5') });
    }
  });

  it('the admin API fails a version as the service would', async () => {
    const created = await fleet.createTransactionV3(payout);
    await mock.move({ kind: 'transaction', id: created.id, to: 'fail', status_description: 'Недостаточно средств' });
    const status = await fleet.getTransactionStatus({ park_id: 'park1', contractor_profile_id: 'driver1', id: created.id, version: 1 });
    expect(status.version_info).toMatchObject({ status: 'fail', status_description: 'Недостаточно средств' });
  });
});
