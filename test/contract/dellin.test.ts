// Every Dellin method against its mock, in JSON and in XML: the seed's requests are accepted in both formats, and for
// the same server data both formats resolve to deep-equal objects.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { listApis } from '../../scripts/apis.ts';
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
});
