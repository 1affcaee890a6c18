// Every Dilovod action against its Prism mock, which validates the JSON inside `packet` and answers by action.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { listApis } from '#apis';
import { ApiError, createDilovodClient, DilovodApiError, type DilovodClient, type Packet, type SaleOrderCreateArguments } from '../../src/dilovod/index.ts';
import { contractHarness, specExample, type ContractHarness } from '../support/contract.ts';

const KEY = 'dilovod-key-7e1f0c2b9a8d6e5f';
const example = (name: string) => specExample('dilovod', '/', 'post', '200', name);
const spec = parse(readFileSync(listApis().find((api) => api.name === 'dilovod')?.specPath ?? '', 'utf8')) as {
  paths: { '/': { post: { requestBody: { content: Record<string, { examples: Record<string, { value: { packet: string } }> }> } } } };
};
const seedPackets = Object.entries(spec.paths['/'].post.requestBody.content['application/x-www-form-urlencoded']?.examples ?? {}).map(
  ([name, { value }]) => [name, JSON.parse(value.packet) as Packet] as const,
);

let mock: ContractHarness;
let dilovod: DilovodClient;

beforeEach(() => {
  mock = contractHarness('dilovod');
  dilovod = createDilovodClient({ key: KEY, baseUrl: mock.baseUrl, fetch: mock.fetch, retry: { baseDelayMs: 1, maxDelayMs: 2 } });
});
afterEach(() => {
  expect(mock.violations()).toEqual([]);
});

describe('every packet of the spec (the seed examples) is accepted', () => {
  it.each(seedPackets)('%s', async (_, packet) => {
    await dilovod.send(packet.action, packet.params as never);
    expect(mock.exchanges.map((exchange) => exchange.status)).toEqual([200]);
  });
});

describe('typed methods', () => {
  it('getObject sends a form with the packet, the key inside it', async () => {
    const seen: string[] = [];
    const recording = createDilovodClient({
      key: KEY,
      clientID: 'my-shop',
      baseUrl: mock.baseUrl,
      fetch: async (input, init) => {
        seen.push(input.headers.get('content-type') ?? '', await input.clone().text());
        return mock.fetch(input, init);
      },
    });
    expect(await recording.getObject('1110800000001029')).toEqual(example('getObjectDocument'));
    expect(seen[0]).toBe('application/x-www-form-urlencoded');
    const packet = JSON.parse(new URLSearchParams(seen[1]).get('packet') ?? '{}') as Record<string, unknown>;
    expect(packet).toEqual({ version: '0.25', key: KEY, clientID: 'my-shop', action: 'getObject', params: { id: '1110800000001029' } });
  });

  it('saveObject and setDelMark', async () => {
    expect(await dilovod.saveObject({ header: { id: 'catalogs.units', code: 'psi', name: { uk: 'ПНД', ru: 'ПНД' } } })).toEqual(example('saveObjectSaved'));
    expect(await dilovod.setDelMark('1110800000001029')).toEqual(example('setDelMarkOk'));
  });

  it('request returns rows keyed by the field aliases', async () => {
    const rows = await dilovod.request({ from: 'catalogs.goods', fields: { id: 'good', code: 'code', 'parent.code': 'parentCode' }, filters: [{ alias: 'parentCode', operator: '=', value: 101010 }] });
    expect(rows).toEqual(example('requestRows'));
    // Typed by the aliases: these compile, and `rows[0]?.name` would not.
    const aliases: Array<keyof (typeof rows)[number]> = ['good', 'code', 'parentCode'];
    expect(aliases).toHaveLength(3);
  });

  it('assembleLinks: false comes back as records keyed by column', async () => {
    const table = example('requestWithoutLinks') as { columns: string[]; data: unknown[][] };
    const rows = await dilovod.balance({ register: 'goods' }, { fields: { firm: 'firm', good: 'good', qty: 'qty', amount: 'amount' }, assembleLinks: false });
    expect(rows).toEqual(table.data.map((row) => Object.fromEntries(table.columns.map((column, i) => [column, row[i]]))));
  });

  it('the register helpers build the register query', async () => {
    await dilovod.balance({ register: 'goods', date: '2015-01-01 00:00:00', dimensions: ['good', 'firm'] }, { fields: { good: 'good', qty: 'qty' } });
    await dilovod.turnover({ register: 'saleIncomes', startDate: '2015-01-01 00:00:00', endDate: '2015-06-30 23:59:59' }, { fields: { good: 'good', amount: 'amount' } });
    await dilovod.balanceAndTurnover({ register: 'goods', startDate: '2015-01-01 00:00:00', endDate: '2015-06-30 23:59:59' }, { fields: { good: 'good' } });
    await dilovod.sliceLast({ register: 'goodsPrices', date: '2015-07-28 11:38:33' }, { fields: { good: 'good', price: 'price' } });
    expect(mock.exchanges).toHaveLength(4);
  });

  it('saleOrderCreate returns the created order', async () => {
    const created = await dilovod.saleOrderCreate({ header: { firm: 1100400000001001, person: 1100100000001001, remarkFromPerson: 'call me please' }, goods: [{ good: 1100300000001001, qty: 2 }] });
    expect(created).toEqual((example('callSaleOrderCreated') as { data: unknown }).data);
  });

  it('getStatistic, listMetadata and getMetadata', async () => {
    expect(await dilovod.getStatistic({ type: 'partnersIntegrations', dateFrom: '2023-06-07 00:00:00', dateTo: '2023-06-08 00:00:00' })).toEqual(example('getStatisticRows'));
    expect(await dilovod.listMetadata({ lang: 'uk' })).toEqual(example('listMetadata'));
    expect(await dilovod.getMetadata({ objectName: 'catalogs.goods', lang: 'uk' })).toEqual(example('getMetadata'));
  });
});

describe('errors', () => {
  it.each(['errorBadKey', 'errorAccessDenied', 'errorNotFound'])('%s inside an HTTP 200 is a DilovodApiError with the message', async (name) => {
    mock.prefer(`example=${name}`);
    const body = example(name) as { error: string };
    const error = await dilovod.getObject('1110800000001029').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DilovodApiError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 200, apiMessage: body.error, attempts: 1 });
    expect(String(error) + JSON.stringify(error)).not.toContain(KEY);
  });

  it('a call answering status "error" is a DilovodApiError', async () => {
    mock.prefer('example=callError');
    const body = example('callError') as { errorMessage: string };
    await expect(dilovod.saleOrderCreate({ header: { firm: 1100400000001001 }, goods: [{ good: 1100300000001001, qty: 1 }] })).rejects.toMatchObject({ name: 'DilovodApiError', code: 'call_error', apiMessage: body.errorMessage });
  });

  // Issue 16: the gateway answers every error with HTTP 200 {error}; the mock answers a bad packet the same way.
  it.each([
    ['not JSON', 'packet=%7B%22version%22%3A', 'packet must be object'],
    ['JSON but not an object', 'packet=%5B1%5D', 'packet must be object'],
    ['no packet at all', 'other=1', "must have required property 'packet'"],
  ])('a packet %s gets HTTP 200 {error} from the mock, like every gateway error', async (_, body, message) => {
    const response = await fetch(`${mock.baseUrl}/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(((await response.json()) as { error: string }).error).toContain(message);
  });

  it('an invalid packet is answered with HTTP 200 {error} naming the field: the client reads it as a DilovodApiError', async () => {
    const error = await dilovod.request({ from: 'catalogs.goods', fields: { id: 'id' }, filters: [{ alias: 'id', operator: 'LIKE' as never, value: 1 }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DilovodApiError);
    expect(error).toMatchObject({ status: 200, attempts: 1 });
    expect((error as ApiError).apiMessage).toContain('packet.params.filters.0.operator must be equal to one of the allowed values');
    expect(String(error)).not.toContain(KEY);
    expect(mock.takeViolations()).toHaveLength(1);
  });
});

// Issue 16: the seed's prose rules for saleOrderCreate, enforced by the mock (and, where TypeScript can, by the types).
describe('saleOrderCreate rules from the seed', () => {
  const header = { firm: 1100400000001001, deliveryMethod: 1110200000001002 };
  const waybill = { PayerType: 'Recipient', CargoType: 'Cargo', Weight: '1.5', VolumeGeneral: '0.0045' } as const;
  type Args = Record<string, unknown>;
  const order = (args: { header?: Args; goods?: Args[]; deliveryData?: Args }): Args => ({ header, goods: [{ good: 1100300000022632, qty: 1 }], ...args });
  const cases: Array<[string, Args, string | null]> = [
    ['a waybill with deliveryMethod', order({ deliveryData: waybill }), null],
    ['a waybill without deliveryMethod', order({ header: { firm: 1100400000001001 }, deliveryData: waybill }), "must have required property 'deliveryMethod'"],
    ['an existing waybill without deliveryMethod', order({ header: {}, deliveryData: { Ref: '00000000-0000-0000-0000-000000000000' } }), 'deliveryMethod'],
    ['no deliveryData, no deliveryMethod', order({ header: {} }), null],
    ['OptionsSeat instead of VolumeGeneral', order({ deliveryData: { Weight: 2, OptionsSeat: [{ weight: '2' }] } }), null],
    ['neither VolumeGeneral nor OptionsSeat', order({ deliveryData: { Weight: '2' } }), 'VolumeGeneral'],
    ['OptionsSeat and BackwardDeliveryData as JSON text', order({ deliveryData: { OptionsSeat: '[{"weight":"20"}]', BackwardDeliveryData: '[{"PayerType":"Sender","CargoType":"Money","RedeliveryString":"4552"}]' } }), null],
    ['OptionsSeat as text that is no array', order({ deliveryData: { OptionsSeat: '{"weight":"20"}' } }), 'OptionsSeat'],
    ...(
      [
        ['Weight', '0.1', true], ['Weight', 0.1, true], ['Weight', '0,25', true], ['Weight', '12', true],
        ['Weight', '0.09', false], ['Weight', 0.05, false], ['Weight', '0', false],
        ['VolumeGeneral', '0.0004', true], ['VolumeGeneral', 0.0004, true], ['VolumeGeneral', '0.001', true], ['VolumeGeneral', '2', true],
        ['VolumeGeneral', '0.0003', false], ['VolumeGeneral', 0.00039, false], ['VolumeGeneral', '0.00035', false],
        ['SeatsAmount', '2', true], ['SeatsAmount', 2, true], ['SeatsAmount', '1.5', false], ['SeatsAmount', 1.5, false],
        ['Cost', '851', true], ['Cost', 851, true], ['Cost', '851.50', false], ['Cost', 300.01, false],
      ] as const
    ).map(([field, value, ok]): [string, Args, string | null] => [`deliveryData.${field} = ${JSON.stringify(value)}`, order({ deliveryData: { ...waybill, [field]: value } }), ok ? null : field]),
    ...(
      [
        ['price', '450.12345', true], ['price', '450.123456', false], ['price', 999999999.5, true], ['price', 1e9, false],
        ['qty', '2.125', true], ['qty', '2.1255', false], ['qty', 2.5, true],
        ['discount', '50.25', true], ['discount', '50.255', false],
        ['vatAmount', '7.5', true], ['vatAmount', '7.505', false],
      ] as const
    ).map(([field, value, ok]): [string, Args, string | null] => [`goods[].${field} = ${JSON.stringify(value)}`, order({ goods: [{ good: 1100300000022632, qty: 1, [field]: value }] }), ok ? null : field]),
    ['header.rate at decimal (9:4)', order({ header: { ...header, rate: '38.1234' } }), null],
    ['header.rate beyond decimal (9:4)', order({ header: { ...header, rate: '38.12345' } }), 'rate'],
    ['header.rate with 6 whole digits', order({ header: { ...header, rate: 123456 } }), 'rate'],
    ['a presentation of 80 characters', order({ header: { ...header, presentation: { uk: 'я'.repeat(80) } } }), null],
    ['a presentation of 81 characters', order({ header: { ...header, presentation: { ru: 'я'.repeat(81) } } }), 'presentation'],
  ];

  it.each(cases)('%s', async (_, args, refusal) => {
    const result = await dilovod.send('call', { method: 'saleOrderCreate', arguments: args } as never).catch((e: unknown) => e);
    if (refusal === null) {
      expect(result).toEqual(example('callSaleOrderCreated'));
    } else {
      expect(result).toBeInstanceOf(DilovodApiError);
      expect(result).toMatchObject({ status: 200 });
      expect((result as ApiError).apiMessage).toContain(refusal);
      expect(mock.takeViolations()).toHaveLength(1);
    }
  });

  it('the typed method refuses at compile time what the mock refuses', () => {
    const typed = (args: SaleOrderCreateArguments) => args;
    typed({ header: { deliveryMethod: 1110200000001002 }, goods: [], deliveryData: { Ref: '00000000-0000-0000-0000-000000000000' } });
    typed({ header: { deliveryMethod: 1110200000001002 }, goods: [], deliveryData: { OptionsSeat: [{ weight: '1' }] } });
    // @ts-expect-error a waybill needs header.deliveryMethod
    typed({ header: {}, goods: [], deliveryData: { Ref: '00000000-0000-0000-0000-000000000000' } });
    // @ts-expect-error a new waybill needs VolumeGeneral or OptionsSeat
    typed({ header: { deliveryMethod: 1110200000001002 }, goods: [], deliveryData: { PayerType: 'Recipient', Weight: 1 } });
    // @ts-expect-error the client sends OptionsSeat as an array, not as JSON text
    typed({ header: { deliveryMethod: 1110200000001002 }, goods: [], deliveryData: { OptionsSeat: '[]' } });
    expect(mock.exchanges).toHaveLength(0);
  });
});
