// Dilovod's objects against the stateful mock: saveObject → getObject, the gateway's error for an unknown id,
// setDelMark, request over stored objects, call saleOrderCreate; a change "in the accounting UI" sends objectChanged
// to a local listener, which the project's own webhook parser reads.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MockSession } from '../../mocks/admin-client.ts';
import { createDilovodClient, DilovodApiError, type DilovodClient } from '../../src/dilovod/index.ts';
import { dilovodWebhookListener } from '../../src/dilovod/webhooks.ts';
import type { DilovodWebhookEvent } from '../../src/dilovod/webhooks.ts';
import { statefulSession, violationsOf } from '../support/stateful.ts';

let mock: MockSession;
let dilovod: DilovodClient;
beforeEach(() => {
  mock = statefulSession('dilovod');
  dilovod = createDilovodClient({ key: 'dilovod-lifecycle-key-9f8e7d', baseUrl: mock.baseUrl, fetch: mock.fetch, retry: { baseDelayMs: 1, maxDelayMs: 2 } });
});
afterEach(async () => {
  expect(await violationsOf(mock)).toEqual([]);
});

describe('dilovod lifecycle', () => {
  it('saveObject → getObject returns it; overwrite changes it; setDelMark marks it; an unknown id is the gateway error', async () => {
    const { id } = await dilovod.saveObject({ header: { id: 'catalogs.goods', name: 'Кава в зернах 1 кг', code: 'K-1' } });
    expect(id).toMatch(/^11003\d{11}$/);
    expect((await dilovod.getObject(id)).header).toMatchObject({ id: { id, pr: 'Кава в зернах 1 кг' }, name: 'Кава в зернах 1 кг', code: 'K-1', delMark: '0' });
    // A multi-language name shows as its Ukrainian text (the mock once showed "[object Object]").
    const unit = await dilovod.saveObject({ header: { id: 'catalogs.units', code: 'psi', name: { uk: 'ПНД', ru: 'ПНД-ru' } } });
    expect((await dilovod.getObject(unit.id)).header.id).toEqual({ id: unit.id, pr: 'ПНД' });
    await dilovod.saveObject({ header: { id, code: 'K-2' } });
    expect((await dilovod.getObject(id)).header).toMatchObject({ name: 'Кава в зернах 1 кг', code: 'K-2' });
    await dilovod.setDelMark(id);
    expect((await dilovod.getObject(id)).header.delMark).toBe('1');
    const error = await dilovod.getObject('1100300000099999').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DilovodApiError);
    expect(String((error as DilovodApiError).message)).toContain('not found');
  });

  it('request answers over the stored objects: from, fields, filters and limit', async () => {
    for (const [name, code] of [['Кава', 'A-1'], ['Чай', 'A-2'], ['Какао', 'B-1']]) await dilovod.saveObject({ header: { id: 'catalogs.goods', name, code } });
    await dilovod.saveObject({ header: { id: 'catalogs.persons', name: 'Карпенко М.П.' } });
    const rows = await dilovod.request({ from: 'catalogs.goods', fields: { id: 'good', name: 'name', code: 'code' }, filters: [{ alias: 'code', operator: '%', value: 'A-' }] });
    expect(rows.map((row) => row.name)).toEqual(['Кава', 'Чай']);
    expect(rows[0]?.good).toMatch(/^11003/);
    expect(await dilovod.request({ from: 'catalogs.goods', fields: { name: 'name' }, limit: 1 })).toEqual([{ name: 'Кава' }]);
  });

  it('a register query answers only the columns its fields name (each alias, and its __pr beside it)', async () => {
    const cases: Array<Record<string, string>> = [{ good: 'good', qty: 'qty' }, { qty: 'qty' }, { firm: 'firm', storage: 'storage', qty: 'qty' }, { good: 'good', nothing: 'notAColumn' }];
    for (const fields of cases) {
      const rows = await dilovod.balance({ register: 'goods', date: '2015-01-01 00:00:00', dimensions: ['good', 'firm', 'storage'] }, { fields });
      expect(rows.length, JSON.stringify(fields)).toBeGreaterThan(0);
      const allowed = new Set(Object.values(fields).flatMap((alias) => [alias, `${alias}__pr`]));
      for (const row of rows) expect(Object.keys(row).filter((column) => !allowed.has(column)), JSON.stringify(fields)).toEqual([]);
    }
    // The example's rows hold good and qty (not every dimension: the mock cannot make up a column its example lacks).
    expect(Object.keys((await dilovod.balance({ register: 'goods', date: '2015-01-01 00:00:00' }, { fields: { good: 'good', qty: 'qty' } }))[0] ?? {}).sort()).toEqual(['good', 'good__pr', 'qty']);
    // The query's aliases name the columns (red team 11): each path's value under its alias, never another path's.
    const [plain] = await dilovod.balance({ register: 'goods', date: '2015-01-01 00:00:00' }, { fields: { good: 'good', qty: 'qty' } });
    const [renamed] = await dilovod.balance({ register: 'goods', date: '2015-01-01 00:00:00' }, { fields: { good: 'product', qty: 'amount' } });
    expect(renamed).toEqual({ product: plain?.good, product__pr: (plain as Record<string, unknown> | undefined)?.good__pr, amount: plain?.qty });
    const [swapped] = await dilovod.balance({ register: 'goods', date: '2015-01-01 00:00:00' }, { fields: { qty: 'good' } });
    expect(swapped).toEqual({ good: plain?.qty });
  });

  it('call saleOrderCreate creates a sale order that getObject returns', async () => {
    const created = await dilovod.saleOrderCreate({ header: { remarkFromPerson: 'call me please' }, goods: [{ good: '1100300000022632', qty: '2' }] });
    const id = (created.header as { id: { id: string } }).id.id;
    expect(id).toMatch(/^11091\d{11}$/);
    const order = await dilovod.getObject(id);
    expect(order.header).toMatchObject({ remarkFromPerson: 'call me please' });
    expect(order.tableParts?.tpGoods).toEqual([{ rowNum: '1', good: '1100300000022632', qty: '2' }]);
  });

  it('a change made in the accounting UI (admin move) sends objectChanged, which the project’s parser reads', async () => {
    const received: DilovodWebhookEvent[] = [];
    const listener = createServer(dilovodWebhookListener((event) => void received.push(event), { allowedIps: ['127.0.0.1'] }));
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    try {
      await mock.setWebhook(`http://127.0.0.1:${(listener.address() as AddressInfo).port}/dilovod-hook`);
      const { id } = await dilovod.saveObject({ header: { id: 'documents.saleOrder', number: '00042' } });
      await mock.move({ kind: 'object', id, to: 'changed', header: { remark: 'змінено вручну' } });
      await expect.poll(() => received, { timeout: 5000 }).toEqual([{ action: 'objectChanged', params: { objectName: 'documents.saleOrder', id } }]);
      const [delivery] = await mock.callbacks();
      expect(delivery).toMatchObject({ webhook: 'objectChanged', method: 'GET', violations: [], outcome: 'delivered' });
      expect((await dilovod.getObject(id)).header).toMatchObject({ remark: 'змінено вручну' });
    } finally {
      listener.close();
    }
  });
});

describe('seeding an object (POST /__mock/seed)', () => {
  const header = { code: 'pcs', name: { uk: 'шт', ru: 'шт' } };
  it.each([
    ['the API shape, as getObject answers it', { header }, undefined],
    ['the API shape with table parts', { header, tableParts: { tpRates: [{ rowNum: '1', rate: '2' }] } }, { tpRates: [{ rowNum: '1', rate: '2' }] }],
    ['the API shape with a link id and delMark, as getObject answered them', { header: { ...header, id: { id: '1103600000000099', pr: 'шт' }, delMark: '1' } }, undefined],
    ['header fields alone (as before)', header, undefined],
  ])('%s: stored as the header it names, read back by getObject', async (_, resource, tableParts) => {
    const seeded = (await mock.seed('catalogs.units', resource)) as { header: { id: { id: string }; header?: unknown } };
    expect(seeded.header.header).toBeUndefined();
    const object = await dilovod.getObject(seeded.header.id.id);
    expect(object.header).toMatchObject({ ...header, id: { id: seeded.header.id.id, pr: 'шт' } });
    expect(object.tableParts).toEqual(tableParts);
  });

  it('a resource that is not an object, or table parts that are not, is refused', async () => {
    await expect(mock.seed('catalogs.units', ['x'] as never)).rejects.toMatchObject({ status: 400 });
    await expect(mock.seed('catalogs.units', { header, tableParts: 'x' })).rejects.toMatchObject({ status: 400 });
  });
});
