// Every Dellin method against its mock, in JSON and in XML: the seed's requests are accepted in both formats, and for
// the same server data both formats resolve to deep-equal objects.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { listApis } from '#apis';
import { createDellinClient, DellinApiError, type DellinClient, type RequestDeliveryInput } from '../../src/dellin/index.ts';
import { contractHarness, specExample, type ContractHarness } from '../support/contract.ts';

const APPKEY = '9c0e5b1a-7d2f-4e3b-8a6c-1f2e3d4c5b6a';
const SESSION = '1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const examples = (parse(readFileSync(listApis().find((api) => api.name === 'dellin')?.specPath ?? '', 'utf8')) as { components: { examples: Record<string, { value: unknown }> } }).components.examples;
/** A request example of the spec without the credentials, which the client adds itself. */
const input = <T>(name: string): T => {
  const { appkey: _, sessionID: __, ...rest } = structuredClone(examples[name]?.value) as Record<string, unknown>;
  return rest as T;
};

let mock: ContractHarness;
const client = (format: 'json' | 'xml'): DellinClient =>
  createDellinClient({ appkey: APPKEY, sessionID: SESSION, format, baseUrl: mock.baseUrl, fetch: mock.fetch, retry: { baseDelayMs: 1, maxDelayMs: 2 } });

beforeEach(() => {
  mock = contractHarness('dellin');
});
afterEach(() => {
  expect(mock.violations()).toEqual([]);
});

describe.each(['json', 'xml'] as const)('in %s', (format) => {
  it('requestDelivery accepts the seed request (inline and address-book forms) and returns the result', async () => {
    const dellin = client(format);
    const result = await dellin.requestDelivery(input<RequestDeliveryInput>('RequestDeliveryInline'));
    expect(result).toEqual(specExample('dellin', '/v2/request_delivery.json', 'post', '200'));
    await dellin.requestDelivery(input<RequestDeliveryInput>('RequestDeliveryAddressBook'));
    expect(mock.exchanges.map((e) => new URL(e.url).pathname)).toEqual(Array(2).fill(`/v2/request_delivery.${format}`));
    expect(mock.exchanges[0]?.requestHeaders.get('content-type')).toBe(format === 'xml' ? 'application/xml' : 'application/json');
  });

  it('deliveryDates, sessionInfo and logout', async () => {
    const dellin = client(format);
    expect(await dellin.deliveryDates(input('DeliveryDatesSearch'))).toEqual(specExample('dellin', '/v2/request_delivery/address/dates.json', 'post', '200'));
    expect(await dellin.sessionInfo()).toEqual(specExample('dellin', '/v3/auth/session_info.json', 'post', '200'));
    expect(await dellin.logout()).toEqual(specExample('dellin', '/v3/auth/logout.json', 'post', '200'));
  });

  it('login opens a session that later calls carry', async () => {
    const dellin = createDellinClient({ appkey: APPKEY, login: 'user@example.ru', password: 's3cret-Pa55', format, baseUrl: mock.baseUrl, fetch: mock.fetch });
    await dellin.deliveryDates(input('DeliveryDatesSearch'));
    expect(mock.exchanges.map((e) => new URL(e.url).pathname)).toEqual([`/v3/auth/login.${format}`, `/v2/request_delivery/address/dates.${format}`]);
  });

  it.each(['400', '401', '403', '404', '500'])('maps %s to a DellinApiError with every error item', async (status) => {
    mock.prefer(`code=${status}`);
    const body = specExample('dellin', '/v2/request_delivery.json', 'post', status) as { errors: Array<{ code: number; title: string }> };
    const error = await client(format).requestDelivery(input('RequestDeliveryInline'), { maxRetries: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DellinApiError);
    expect(error).toMatchObject({ status: Number(status), code: String(body.errors[0]?.code), errors: body.errors });
    for (const text of [String(error), JSON.stringify(error)]) {
      expect(text).not.toContain(APPKEY);
      expect(text).not.toContain(SESSION);
    }
  });

  it('a request without docID is refused with the field named', async () => {
    const { docID: _, ...withoutDocId } = input<RequestDeliveryInput>('RequestDeliveryInline');
    const error = await client(format).requestDelivery(withoutDocId as RequestDeliveryInput).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DellinApiError);
    expect((error as DellinApiError).errors.map((item) => item.fields)).toEqual([['docID']]);
    expect(mock.takeViolations()).toHaveLength(1);
  });

  it('a flat number over 5 characters is refused with the field named', async () => {
    const request = input<RequestDeliveryInput>('RequestDeliveryInline');
    const address = (request.delivery.arrival as { address: Record<string, unknown> }).address;
    address.flat = '123456';
    const error = await client(format).requestDelivery(request).catch((e: unknown) => e);
    expect((error as DellinApiError).errors).toEqual([expect.objectContaining({ fields: ['delivery.arrival.address.flat'], detail: expect.stringContaining('more than 5 characters') })]);
    expect(mock.takeViolations()).toHaveLength(1);
  });
});

describe('JSON and XML are the same to the caller', () => {
  it('every method resolves to deep-equal objects in both formats', async () => {
    const [json, xml] = [client('json'), client('xml')];
    expect(await xml.requestDelivery(input('RequestDeliveryInline'))).toEqual(await json.requestDelivery(input('RequestDeliveryInline')));
    expect(await xml.deliveryDates(input('DeliveryDatesSearch'))).toEqual(await json.deliveryDates(input('DeliveryDatesSearch')));
    expect(await xml.sessionInfo()).toEqual(await json.sessionInfo());
    for (const status of ['400', '404']) {
      mock.prefer(`code=${status}`);
      const [a, b] = await Promise.all([json, xml].map((c) => c.requestDelivery(input('RequestDeliveryInline'), { maxRetries: 0 }).catch((e: DellinApiError) => e.toJSON())));
      // The same error, but for the response headers, which are each format's own (content type and length).
      expect({ ...b, headers: undefined }).toEqual({ ...a, operation: 'requestDelivery', headers: undefined });
      expect(b).toMatchObject({ headers: { 'content-type': expect.stringMatching(/xml/) } });
    }
  });

  it('the mock answers malformed XML with 400', async () => {
    const response = await fetch(`${mock.baseUrl}/v2/request_delivery.xml`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<request><appkey>1</appkey' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('malformed XML');
  });

  it('the mock reads XML requests by the same rules: a repeated single-valued element is 400 naming it', async () => {
    const post = (body: string) => fetch(`${mock.baseUrl}/v2/request_delivery.xml`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body });
    const repeated = await post(`<request><appkey>${APPKEY}</appkey><docID>1</docID><docID>2</docID></request>`);
    expect(repeated.status).toBe(400);
    expect(await repeated.text()).toContain('request.docID');
  });
});

// Issue 16: the seed's rules differ with and without a session. Each conditional rule, in both modes and both formats:
// what the mock accepts and refuses (the typed method refuses the same at compile time, see the last test).
describe('authorized and anonymous requests: the seed rules', () => {
  type Body = Record<string, any>; // bodies built to break the rules on purpose: any shape goes
  const contact = { contactPersons: [{ name: 'Иван Иванович' }], phoneNumbers: [{ number: '79213332211' }] };
  const base = (): Body => ({
    docID: '2000000000000',
    delivery: { arrival: { address: { search: 'Омск, Ленина, 5' }, produceDate: '2020-11-30', time: { worktimeStart: '09:00', worktimeEnd: '18:00' }, payer: 'receiver' } },
    members: { receiver: structuredClone(contact) },
    payment: { type: 'cash' },
  });
  const counteragent = { form: '0x8F51001438C4D49511DBD774581EDB80', name: 'Ромашка', inn: '1234567890' };
  const thirdPays = (body: Body): Body => {
    body.delivery.arrival.payer = 'third';
    body.members.third = { counteragent: structuredClone(counteragent), ...structuredClone(contact) };
    body.payment.paymentCitySearch = { search: 'Омск' };
    return body;
  };
  type Mode = 'authorized' | 'anonymous';
  type Case = [name: string, change: (body: Body) => unknown, refusedField: string | null];
  const both: Case[] = [
    ['an address without search, street or house (the inferred rule is not enforced)', (b) => (b.delivery.arrival.address = { flat: '12' }), null],
    ['toFloor -1 and carry 0 (only "at most 5 characters" is stated)', (b) => (b.delivery.arrival.handling = { toFloor: -1, carry: 0, freightLift: false }), null],
    ['toFloor of 6 characters', (b) => (b.delivery.arrival.handling = { toFloor: 100000 }), 'delivery.arrival.handling.toFloor'],
    ['payer third with its party and one payment city', thirdPays, null],
    ['payer third without members.third', (b) => delete thirdPays(b).members.third, 'members'],
    ['payer third with both payment cities', (b) => (thirdPays(b).payment.paymentCity = '7800000000000000000000000'), 'payment'],
    ['payer third with no payment city', (b) => delete thirdPays(b).payment.paymentCitySearch, 'payment'],
    ['another payer with both payment cities (ignored)', (b) => Object.assign(b.payment, { paymentCity: '7800000000000000000000000', paymentCitySearch: { search: 'Омск' } }), null],
  ];
  const authorized: Case[] = [
    ['addressID instead of address', (b) => (b.delivery.arrival = { ...b.delivery.arrival, address: undefined, addressID: 457824578 }), null],
    ['both addressID and address', (b) => (b.delivery.arrival.addressID = 457824578), 'delivery.arrival'],
    ['neither addressID nor address', (b) => delete b.delivery.arrival.address, 'delivery.arrival'],
    ['contactIDs instead of contactPersons', (b) => (b.members.receiver = { contactIDs: [12345678], phoneNumbers: contact.phoneNumbers }), null],
    ['both contactIDs and contactPersons', (b) => (b.members.receiver.contactIDs = [12345678]), 'members.receiver'],
    ['neither contactIDs nor contactPersons', (b) => delete b.members.receiver.contactPersons, 'members.receiver'],
    ['phoneIDs instead of phoneNumbers', (b) => (b.members.receiver = { contactPersons: contact.contactPersons, phoneIDs: [98765412] }), null],
    ['both phoneIDs and phoneNumbers', (b) => (b.members.receiver.phoneIDs = [98765412]), 'members.receiver'],
    ['neither phoneIDs nor phoneNumbers', (b) => delete b.members.receiver.phoneNumbers, 'members.receiver'],
    ['three contact persons', (b) => (b.members.receiver.contactPersons = [{ name: 'А' }, { name: 'Б' }, { name: 'В' }]), null],
    ['four contact persons', (b) => (b.members.receiver.contactPersons = [{ name: 'А' }, { name: 'Б' }, { name: 'В' }, { name: 'Г' }]), 'members.receiver.contactPersons'],
    ['a third party by counteragentID', (b) => (thirdPays(b).members.third = { counteragentID: 456783515, ...structuredClone(contact) }), null],
    ['a third party with both counteragentID and counteragent', (b) => (thirdPays(b).members.third.counteragentID = 456783515), 'members.third'],
    ['a third party with neither', (b) => delete thirdPays(b).members.third.counteragent, 'members.third'],
  ];
  const anonymous: Case[] = [
    ['addressID beside address (ignored)', (b) => (b.delivery.arrival.addressID = 457824578), null],
    ['addressID without address', (b) => (b.delivery.arrival = { ...b.delivery.arrival, address: undefined, addressID: 457824578 }), 'delivery.arrival.address'],
    ['contactIDs beside contactPersons (ignored)', (b) => (b.members.receiver.contactIDs = [12345678]), null],
    ['no contact persons at all', (b) => delete b.members.receiver.contactPersons, null],
    ['two contact persons', (b) => (b.members.receiver.contactPersons = [{ name: 'А' }, { name: 'Б' }]), 'members.receiver.contactPersons'],
    ['phoneIDs beside phoneNumbers (ignored)', (b) => (b.members.receiver.phoneIDs = [98765412]), null],
    ['phoneIDs without phoneNumbers', (b) => (b.members.receiver = { contactPersons: contact.contactPersons, phoneIDs: [98765412] }), 'members.receiver.phoneNumbers'],
    ['two phone numbers', (b) => b.members.receiver.phoneNumbers.push({ number: '79213332212' }), 'members.receiver.phoneNumbers'],
    ['a third party with counteragentID beside counteragent (ignored)', (b) => (thirdPays(b).members.third.counteragentID = 456783515), null],
    ['a third party by counteragentID only', (b) => delete Object.assign(thirdPays(b).members.third, { counteragentID: 456783515 }).counteragent, 'members.third.counteragent'],
  ];
  const table: Array<[Mode, ...Case]> = [
    ...both.flatMap((c): Array<[Mode, ...Case]> => [['authorized', ...c], ['anonymous', ...c]]),
    ...authorized.map((c): [Mode, ...Case] => ['authorized', ...c]),
    ...anonymous.map((c): [Mode, ...Case] => ['anonymous', ...c]),
  ];

  describe.each(['json', 'xml'] as const)('in %s', (format) => {
    it.each(table)('%s: %s', async (mode, _, change, refusedField) => {
      const dellin = createDellinClient({ appkey: APPKEY, ...(mode === 'authorized' ? { sessionID: SESSION } : {}), format, baseUrl: mock.baseUrl, fetch: mock.fetch, retry: { maxRetries: 0 } });
      const body = base();
      change(body);
      const result = await dellin.requestDelivery(JSON.parse(JSON.stringify(body)) as never).catch((e: unknown) => e);
      expect(mock.exchanges).toHaveLength(1);
      if (refusedField === null) {
        expect(result).toEqual(specExample('dellin', '/v2/request_delivery.json', 'post', '200'));
      } else {
        expect(result).toBeInstanceOf(DellinApiError);
        const fields = (result as DellinApiError).errors.flatMap((item) => item.fields ?? []);
        expect(fields.some((field) => field.startsWith(refusedField)), fields.join(', ')).toBe(true);
        expect(mock.takeViolations()).toHaveLength(1);
      }
    });
  });

  it('empty id lists are not refused (the seed gives no minimum)', async () => {
    const dellin = createDellinClient({ appkey: APPKEY, sessionID: SESSION, baseUrl: mock.baseUrl, fetch: mock.fetch });
    const body = base();
    body.members.receiver = { contactIDs: [], phoneIDs: [] };
    await expect(dellin.requestDelivery(body as never)).resolves.toEqual(specExample('dellin', '/v2/request_delivery.json', 'post', '200'));
  });

  it('the typed method takes the shape of the client session: what the mock refuses does not compile', () => {
    const withSession = createDellinClient({ appkey: APPKEY, sessionID: SESSION, baseUrl: mock.baseUrl, fetch: mock.fetch });
    const withLogin = createDellinClient({ appkey: APPKEY, login: 'a@b.ru', password: 'p', baseUrl: mock.baseUrl, fetch: mock.fetch });
    const anonymousClient = createDellinClient({ appkey: APPKEY, baseUrl: mock.baseUrl, fetch: mock.fetch });
    const arrival = { produceDate: '2020-11-30', time: { worktimeStart: '09:00', worktimeEnd: '18:00' }, payer: 'receiver' } as const;
    const byBook: RequestDeliveryInput<'authorized'> = { docID: '1', delivery: { arrival: { ...arrival, addressID: 1 } }, members: { receiver: { contactIDs: [1], phoneIDs: [2] } }, payment: { type: 'cash' } };
    const inline: RequestDeliveryInput<'anonymous'> = {
      docID: '1',
      delivery: { arrival: { ...arrival, address: { search: 'Омск' }, addressID: 1 } },
      members: { receiver: { phoneNumbers: [{ number: '79213332211' }] } },
      payment: { type: 'cash' },
    };
    const compiles = [
      () => withSession.requestDelivery(byBook),
      () => withLogin.requestDelivery(byBook),
      () => anonymousClient.requestDelivery(inline),
      () =>
        withSession.requestDelivery({
          ...byBook,
          delivery: { arrival: { ...arrival, addressID: 1, payer: 'third' } },
          members: { ...byBook.members, third: { counteragentID: 3, contactIDs: [1], phoneIDs: [2] } },
          payment: { type: 'cash', paymentCity: '7800000000000000000000000' },
        }),
    ];
    const refused = [
      // @ts-expect-error an anonymous client cannot send an address-book body (no address, no phoneNumbers)
      () => anonymousClient.requestDelivery(byBook),
      // @ts-expect-error an authorized client needs exactly one of addressID | address
      () => withSession.requestDelivery({ ...byBook, delivery: { arrival: { ...arrival, addressID: 1, address: { search: 'Омск' } } } }),
      // @ts-expect-error an authorized member needs contactIDs or contactPersons
      () => withSession.requestDelivery({ ...byBook, members: { receiver: { phoneIDs: [2] } } }),
      // @ts-expect-error an anonymous member needs phoneNumbers
      () => anonymousClient.requestDelivery({ ...inline, members: { receiver: { contactPersons: [{ name: 'А' }] } } }),
      // @ts-expect-error payer third needs members.third and one payment city
      () => anonymousClient.requestDelivery({ ...inline, delivery: { arrival: { ...arrival, address: { search: 'Омск' }, payer: 'third' } } }),
      () =>
        withSession.requestDelivery(
          // @ts-expect-error payer third: not both payment cities
          {
            ...byBook,
            delivery: { arrival: { ...arrival, addressID: 1, payer: 'third' } },
            members: { ...byBook.members, third: { counteragentID: 3, contactIDs: [1], phoneIDs: [2] } },
            payment: { type: 'cash', paymentCity: '7800000000000000000000000', paymentCitySearch: { search: 'Омск' } },
          },
        ),
    ];
    expect(compiles.length + refused.length).toBe(10);
    expect(mock.exchanges).toHaveLength(0);
  });
});
