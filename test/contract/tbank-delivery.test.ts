// Every T-Bank delivery wrapper method against its Prism mock; Prism must find nothing invalid.
import { createReadStream, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, createTbankDeliveryClient, type CreateTaskRequest, type IdentityDocument, type TbankDeliveryClient } from '../../src/tbank-delivery/index.ts';
import { contractHarness, specExample, type ContractHarness } from '../support/contract.ts';

const TOKEN = 'tbank-contract-token-77aa88bb99cc';
const TASK = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const PDF_URL = new URL('../../mocks/fixtures/act.pdf', import.meta.url);
const example = (path: string, method: string, status = '200') => specExample('tbank-delivery', path, method, status);

/** The seed's task: a courier meeting with one contact, a mobile phone and a passport. */
const courierTask: CreateTaskRequest = {
  template: 'COURIER',
  commentForAgent: 'Позвонить за 30 минут до встречи',
  meta: { orderId: 'ORD-2025-000187' },
  contacts: [
    {
      id: 'c-1',
      firstName: 'Иван',
      lastName: 'Петров',
      phones: [{ type: 'MOBILE', number: '+79001112233' }],
      documents: [{ number: '123456', series: '4509', type: 'PASSPORT', divisionName: 'ОВД Тверского района', issueDate: '2015-06-01' }],
    },
  ],
};

let mock: ContractHarness;
let tbank: TbankDeliveryClient;

beforeEach(() => {
  mock = contractHarness('tbank-delivery');
  tbank = createTbankDeliveryClient({ token: TOKEN, baseUrl: mock.baseUrl, fetch: mock.fetch, retry: { baseDelayMs: 1, maxDelayMs: 2 } });
});
afterEach(() => {
  expect(mock.violations()).toEqual([]);
});

describe('tasks', () => {
  it('createTask sends Bearer auth and a uuid Idempotency-Key, and returns the new id', async () => {
    expect(await tbank.createTask(courierTask)).toEqual(example('/api/v1/delivery/tasks', 'post'));
    const headers = mock.exchanges[0]?.requestHeaders;
    expect(headers?.get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(headers?.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('createTask keeps the caller key across retries of a 500', async () => {
    mock.prefer('code=500');
    const key = '3f2c1b0a-9e8d-4c7b-a6f5-e4d3c2b1a098';
    await expect(tbank.createTask(courierTask, { idempotencyKey: key })).rejects.toMatchObject({ status: 500, attempts: 3 });
    expect(mock.exchanges.map((exchange) => exchange.requestHeaders.get('idempotency-key'))).toEqual([key, key, key]);
  });

  it('getTask returns the task card', async () => {
    expect(await tbank.getTask(TASK)).toEqual(example('/api/v1/delivery/tasks/{id}', 'get'));
    expect(mock.exchanges[0]?.url).toBe(`${mock.baseUrl}/api/v1/delivery/tasks/${TASK}`);
  });

  it('updateTask PUTs the task with photos', async () => {
    await expect(
      tbank.updateTask(TASK, { ...courierTask, commentForAgent: 'Клиент просит приехать после 18:00', photos: [{ id: 'p-1', type: 'PASSPORT', sheetNumber: 1 }] }),
    ).resolves.toBeUndefined();
    expect(mock.exchanges[0]?.method).toBe('PUT');
  });

  it('cancelTask sends the reason and is not retried', async () => {
    await expect(tbank.cancelTask(TASK, { reason: 'Клиент отказался от получения карты' })).resolves.toBeUndefined();
    mock.prefer('code=500');
    await expect(tbank.cancelTask(TASK, { reason: 'x' })).rejects.toMatchObject({ status: 500, attempts: 1 });
  });
});

describe('meetings', () => {
  it('getIntervals then createMeeting books the first interval', async () => {
    const intervals = await tbank.getIntervals({ address: { fullAddress: 'г. Москва, ул. Тверская, д. 1', city: 'Москва', zipCode: '125009' }, taskIds: [TASK] });
    expect(intervals).toEqual(example('/api/v1/delivery/meetings/intervals', 'post'));
    const slot = intervals.intervals?.[0];
    if (!slot) throw new Error('the example has no interval');
    const meeting = await tbank.createMeeting({ appointmentId: intervals.appointmentId, intervalStartTime: slot.startInterval, intervalEndTime: slot.endInterval });
    expect(meeting).toEqual(example('/api/v1/delivery/meetings', 'post'));
  });

  it('createMeeting is never retried, getIntervals is', async () => {
    mock.prefer('code=500');
    await expect(tbank.createMeeting({ appointmentId: 'a', intervalStartTime: '10:00', intervalEndTime: '12:00' })).rejects.toMatchObject({ attempts: 1 });
    await expect(tbank.getIntervals({ address: { fullAddress: 'Москва' } })).rejects.toMatchObject({ attempts: 3 });
  });
});

describe('documents', () => {
  it('uploadDocument sends a multipart body Prism accepts, from bytes and from a file stream', async () => {
    const expected = example('/api/v1/delivery/documents', 'post');
    expect(await tbank.uploadDocument({ taskId: TASK, type: 'ACT', content: readFileSync(PDF_URL), filename: 'act.pdf' })).toEqual(expected);
    expect(
      await tbank.uploadDocument({ taskId: TASK, type: 'ACT', content: createReadStream(PDF_URL), filename: 'act.pdf', prevDocId: 'doc-0', description: 'Исправленный акт', meta: { pages: '1' } }),
    ).toEqual(expected);
  });

  it('an upload without the file is refused by the mock, naming the part', async () => {
    const form = new FormData();
    form.append('taskId', TASK);
    form.append('type', 'ACT');
    const { error, response } = await tbank.raw.POST('/api/v1/delivery/documents', { body: {} as never, bodySerializer: () => form });
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ errorCode: 'VALIDATION_ERROR', errorMessage: expect.stringContaining('content') });
    expect(mock.takeViolations()).toHaveLength(1);
  });

  it('downloadDocument returns the real PDF bytes with their type and file name', async () => {
    const file = await tbank.downloadDocument('3d6f0a8e-1b2c-4d5e-8f90-a1b2c3d4e5f6');
    expect(Buffer.from(file.bytes).equals(readFileSync(PDF_URL))).toBe(true);
    expect(new TextDecoder().decode(file.bytes.slice(0, 8))).toBe('%PDF-1.4');
    expect(file).toMatchObject({ contentType: 'application/pdf', filename: 'акт.pdf' });
  });
});

describe('errors', () => {
  it.each(['400', '401', '403', '422', '429', '500'])('maps %s to an ApiError with the example errorCode and errorMessage', async (status) => {
    mock.prefer(`code=${status}`);
    const body = example('/api/v1/delivery/tasks/{id}', 'get', status) as { errorCode: string; errorMessage: string };
    const error = await tbank.getTask(TASK, { maxRetries: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: Number(status), code: body.errorCode, apiMessage: body.errorMessage, body });
    expect(String(error) + JSON.stringify(error)).not.toContain(TOKEN);
  });

  it('a phone number in the wrong format is refused by the mock with the field named', async () => {
    const badPhone: CreateTaskRequest = { template: 'COURIER', contacts: [{ id: 'c-1', phones: [{ type: 'MOBILE', number: '89161234567' }] }] };
    const error = await tbank.createTask(badPhone).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ApiError', status: 400, code: 'VALIDATION_ERROR', attempts: 1 });
    const details = (error as ApiError).body as { errorDetails: Record<string, string> };
    expect(Object.keys(details.errorDetails)).toEqual(['contacts.0.phones.0.number']);
    expect((error as ApiError).apiMessage).toMatch(/contacts\.0\.phones\.0\.number must match pattern/);
    expect(mock.takeViolations()).toHaveLength(1);
  });

  // Issue 16: the document type is open (only PASSPORT is known); a passport keeps the passport shape.
  const documents: Array<[string, IdentityDocument, boolean]> = [
    ['a passport', { type: 'PASSPORT', number: '123456', series: '4509' }, true],
    ['a passport without type (the default)', { number: '123456', series: '4509' }, true],
    ['another type, its fields unknown', { type: 'DRIVER_LICENSE', number: '77 12 345678' }, true],
    ['another type with no other field', { type: 'INTERNATIONAL_PASSPORT' }, true],
    ['a passport without its series', { type: 'PASSPORT', number: '123456' } as IdentityDocument, false],
    ['an empty type', { type: '' }, false],
  ];
  it.each(documents)('contacts[].documents: %s', async (_, document, accepted) => {
    const task: CreateTaskRequest = { template: 'COURIER', contacts: [{ id: 'c-1', documents: [document] }] };
    const error = await tbank.createTask(task).catch((e: unknown) => e);
    if (accepted) {
      expect(error).toEqual(example('/api/v1/delivery/tasks', 'post'));
    } else {
      expect(error).toMatchObject({ status: 400, code: 'VALIDATION_ERROR' });
      expect(Object.keys(((error as ApiError).body as { errorDetails: object }).errorDetails).join()).toContain('contacts.0.documents.0');
      expect(mock.takeViolations()).toHaveLength(1);
    }
  });

  it('the mock refuses a call without a token', async () => {
    const response = await fetch(`${mock.baseUrl}/api/v1/delivery/tasks/${TASK}`);
    expect(response.status).toBe(401);
  });
});
