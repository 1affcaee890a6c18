// Each API's README flow, written once to run anywhere fetch runs: only the main entries, no Node built-in (files are
// bytes made here; the webhook and callback receivers parse what a server would hand them). Each returns plain JSON
// of what it saw, so a runtime's results can be compared with Node's. test/runtimes/*.test.ts bundle this file with
// esbuild and run it in Chromium, Bun, Deno and Vercel's Edge Runtime.
import { createDellinClient, DellinApiError, type RequestDeliveryInput } from '../../src/dellin/index.ts';
import { createDilovodClient, DilovodApiError, parseDilovodWebhook } from '../../src/dilovod/index.ts';
import { createFastriverClient, parseFastriverCallback } from '../../src/fastriver/index.ts';
import { ApiError, createTbankDeliveryClient } from '../../src/tbank-delivery/index.ts';
import { createYandexFleetClient } from '../../src/yandex-fleet/index.ts';

export type MockUrls = Record<string, string>;
type Flow = (baseUrl: string) => Promise<Record<string, unknown>>;

/** What a call the mock must refuse threw: its class (checked by instanceof, so a class lost in bundling shows), status and message. */
async function refusal(call: Promise<unknown>, expected: new (...args: never[]) => ApiError = ApiError): Promise<Record<string, unknown>> {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof expected)) throw error;
    return { name: error.name, status: error.status, code: error.code, apiMessage: error.apiMessage };
  }
  return { unexpected: 'the call succeeded' };
}

const PDF = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');

export const flows: Record<string, Flow> = {
  async 'tbank-delivery'(baseUrl) {
    const tbank = createTbankDeliveryClient({ token: 'mock-token', baseUrl });
    const task = await tbank.createTask({
      template: 'COURIER',
      contacts: [{ id: 'c-1', firstName: 'Иван', phones: [{ type: 'MOBILE', number: '+79001112233' }], documents: [{ number: '123456', series: '4509' }] }],
    });
    const { appointmentId, intervals = [] } = await tbank.getIntervals({ address: { fullAddress: 'г. Москва, ул. Тверская, д. 1' }, taskIds: [task.id] });
    const slot = intervals[0];
    const meeting = slot ? await tbank.createMeeting({ appointmentId, intervalStartTime: slot.startInterval, intervalEndTime: slot.endInterval }) : undefined;
    const uploaded = await tbank.uploadDocument({ taskId: task.id, type: 'ACT', content: PDF, filename: 'act.pdf' });
    const file = await tbank.downloadDocument(uploaded.id);
    const card = await tbank.getTask(task.id);
    const refused = await refusal(tbank.createTask({ template: 'COURIER', contacts: [{ id: 'c-1', phones: [{ type: 'MOBILE', number: 'not a phone' }] }] } as never));
    return {
      task: task.id,
      intervals: intervals.length,
      meeting: meeting?.meetingId,
      uploaded: uploaded.id,
      download: { filename: file.filename, contentType: file.contentType, bytes: file.bytes.length, magic: new TextDecoder().decode(file.bytes.slice(0, 4)) },
      status: card.status,
      refused,
    };
  },

  async fastriver(baseUrl) {
    const fastriver = createFastriverClient({ login: 'bot@company.com', password: 'mock-password' }, { baseUrl });
    const request = await fastriver.deliveryRequests.create({
      mobile_phone: '+79261234567',
      first_name: 'Зилибоба',
      last_name: 'Синий',
      delivery_city: 'moscow',
      address: 'ул Сезам, д 75А стр 13, кв 43',
      product: 'credit_card_visa',
      external_id: 'PS112234',
      callback_url: 'https://partner.example/fastriver/callbacks',
    });
    const uuid = String(request.id);
    const intervals = await fastriver.deliveryRequests.timeIntervals(uuid, { date: '2022-07-12' }, { version: 2 });
    const free = intervals.find((interval) => interval.available);
    if (free) await fastriver.deliveryRequests.update(uuid, { date: '12.07.2022', time_interval_id: Number(free.id) });
    const document = await fastriver.documents.upload(uuid, { file: PDF, filename: 'contract.pdf', external_id: 'PS112233' });
    const current = await fastriver.deliveryRequests.get(uuid);
    const delivery = current.active_delivery;
    const { items, total } = await fastriver.deliveryRequests.list({ status: 'validated' });
    const refused = await refusal(fastriver.deliveryRequests.create({ first_name: 'Без', time_interval_id: 'two' } as never));
    const callback = parseFastriverCallback(
      new TextEncoder().encode(JSON.stringify({ data: { id: '1', type: 'external_callback', attributes: { event: 'schedule', delivery_request_status: 'validated' } } })),
    );
    return {
      created: [uuid, request.status],
      intervals: intervals.length,
      document: document.id,
      status: current.status,
      delivery: delivery && 'status' in delivery ? delivery.status : null,
      listed: [items.length, total],
      refused,
      callback: [callback.event, callback.delivery_request_status],
    };
  },

  async dilovod(baseUrl) {
    const dilovod = createDilovodClient({ key: 'mock-key', baseUrl });
    const order = await dilovod.getObject('1110800000001029');
    const saved = await dilovod.saveObject({ header: { id: 'catalogs.units', code: 'psi', name: { uk: 'ПНД', ru: 'ПНД' } } });
    const goods = await dilovod.request({
      from: 'catalogs.goods',
      fields: { id: 'good', code: 'code', 'parent.code': 'parentCode' },
      filters: [{ alias: 'parentCode', operator: '=', value: 101010 }],
      limit: { offset: 0, count: 50 },
    });
    const stock = await dilovod.balance({ register: 'goods', date: '2015-01-01 00:00:00' }, { fields: { good: 'good', qty: 'qty' }, assembleLinks: false });
    const created = await dilovod.saleOrderCreate({
      header: { firm: 1100400000001001, person: 1100100000001001, remarkFromPerson: 'call me please' },
      goods: [{ good: 1100300000001001, qty: 2 }],
    });
    const refused = await refusal(dilovod.request({ from: 'catalogs.goods', fields: { id: 'good' }, filters: [{ alias: 'good', operator: 'like?' as never, value: 1 }] }), DilovodApiError);
    const packet = JSON.stringify({ action: 'objectChanged', params: { objectName: 'documents.saleOrder', id: '1109100000001038' } });
    const webhook = parseDilovodWebhook(`/dilovod?packet=${encodeURIComponent(packet)}`, { remoteAddress: '88.198.50.253' });
    return {
      document: order.header.id?.pr ?? null,
      saved: saved.id,
      goods: goods.length,
      stock: [stock.length, Object.keys(stock[0] ?? {})],
      created,
      refused,
      webhook: webhook.params,
    };
  },

  async dellin(baseUrl) {
    const request: RequestDeliveryInput<'authorized'> = {
      docID: '2000000000000',
      delivery: {
        arrival: { address: { search: 'Омск, Ленина, 5' }, produceDate: '2020-11-30', time: { worktimeStart: '10:00', worktimeEnd: '17:00' }, payer: 'receiver' },
      },
      members: { receiver: { contactPersons: [{ name: 'Иван Иванович' }], phoneNumbers: [{ number: '+79213332211' }] } },
      payment: { type: 'noncash', email: 'buh@example.ru' },
    };
    const results: Record<string, unknown> = {};
    for (const format of ['json', 'xml'] as const) {
      const dellin = createDellinClient({ appkey: 'mock-appkey', login: 'logist@shipper.ru', password: 'mock-password', format, baseUrl });
      const result = await dellin.requestDelivery(request);
      const dates = await dellin.deliveryDates({ docID: '2000085063763', delivery: { arrival: { address: { search: 'Омск, Ленина, 5' } } } });
      const refused = await refusal(dellin.requestDelivery({ ...request, docID: '' }), DellinApiError);
      await dellin.logout();
      results[format] = { request: [result.data.requestID, result.data.state], dates: dates.data.dates?.length ?? 0, refused };
    }
    return results;
  },

  async 'yandex-fleet'(baseUrl) {
    const fleet = createYandexFleetClient({ apiKey: 'mock-key', clientId: 'taxi/park/ee6f33c4562b4e1f8646d157bd70b2c4', language: 'ru', baseUrl });
    const park = 'ee6f33c4562b4e1f8646d157bd70b2c4';
    const { categories } = await fleet.listTransactionCategories({ query: { park: { id: park }, category: { is_creatable: true } } });
    const created = await fleet.createTransactionV3({
      park_id: park,
      contractor_profile_id: '33de650c6a1a40bfa78dd981817da866',
      amount: '-500',
      description: 'Списание №13',
      data: { kind: 'other', reason: 'Утеря термокороба' },
    });
    const status = await fleet.getTransactionStatus({ park_id: park, contractor_profile_id: created.contractor_profile_id, id: created.id, version: 1 });
    const refused = await refusal(fleet.createTransactionV3({ park_id: park, contractor_profile_id: 'c1', amount: '12.12345', data: { kind: 'bonus' } }));
    return { categories: categories.map((category) => category.id), created: created.id, status: status.version_info?.status, refused };
  },
};

/** Runs every flow against its mock; a flow that throws is reported as its error, so one runtime gap shows per API. */
export async function runFlows(urls: MockUrls): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};
  for (const [api, flow] of Object.entries(flows)) {
    try {
      results[api] = await flow(urls[api] ?? '');
    } catch (error) {
      results[api] = { failed: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
  }
  return results;
}
