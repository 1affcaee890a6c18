// T-Bank's lifecycle against the stateful mock: what is created is what is read back, a cancelled task refuses
// changes, only an offered interval can be booked, a document comes back byte for byte, and Idempotency-Key works.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MockSession } from '../../mocks/admin-client.ts';
import { ApiError, createTbankDeliveryClient, type TbankDeliveryClient } from '../../src/tbank-delivery/index.ts';
import { statefulSession, violationsOf } from '../support/stateful.ts';

const TOKEN = 'tbank-lifecycle-token-5e6f7a8b9c0d';
const task = { template: 'COURIER', commentForAgent: 'Позвонить заранее', contacts: [{ id: 'c-1', firstName: 'Иван', phones: [{ type: 'MOBILE' as const, number: '+79001112233' }] }] };

let mock: MockSession;
let tbank: TbankDeliveryClient;

beforeEach(() => {
  mock = statefulSession('tbank-delivery');
  tbank = createTbankDeliveryClient({ token: TOKEN, baseUrl: mock.baseUrl, fetch: mock.fetch, retry: { baseDelayMs: 1, maxDelayMs: 2 } });
});
afterEach(async () => {
  expect(await violationsOf(mock)).toEqual([]);
});

describe('tbank-delivery lifecycle', () => {
  it('create → get returns the created fields with status NEW; update changes them; cancel closes the task', async () => {
    const { id } = await tbank.createTask(task);
    expect(await tbank.getTask(id)).toMatchObject({ id, status: 'NEW', template: 'COURIER', commentForAgent: 'Позвонить заранее', contacts: task.contacts });
    await tbank.updateTask(id, { template: 'COURIER', commentForAgent: 'После 18:00' });
    expect(await tbank.getTask(id)).toMatchObject({ status: 'NEW', commentForAgent: 'После 18:00' });
    await tbank.cancelTask(id, { reason: 'Клиент отказался' });
    expect((await tbank.getTask(id)).status).toBe('CANCELLED');
    await expect(tbank.updateTask(id, { template: 'COURIER' })).rejects.toMatchObject({ name: 'ApiError', status: 422 });
    await expect(tbank.cancelTask(id, { reason: 'ещё раз' })).rejects.toMatchObject({ name: 'ApiError', status: 422 });
  });

  it('an unknown task is not found, and another session does not see this one’s tasks', async () => {
    const { id } = await tbank.createTask(task);
    await expect(tbank.getTask('no-such-task')).rejects.toBeInstanceOf(ApiError);
    const other = statefulSession('tbank-delivery');
    const stranger = createTbankDeliveryClient({ token: TOKEN, baseUrl: other.baseUrl, fetch: other.fetch });
    await expect(stranger.getTask(id)).rejects.toMatchObject({ status: 422 });
  });

  it('getIntervals offers windows and createMeeting books one of them, refusing any other', async () => {
    const { id } = await tbank.createTask(task);
    const offer = await tbank.getIntervals({ address: { fullAddress: 'г. Москва, ул. Тверская, д. 1' }, taskIds: [id] });
    const slot = offer.intervals?.[0];
    if (!slot) throw new Error('no interval offered');
    await expect(tbank.createMeeting({ appointmentId: offer.appointmentId, intervalStartTime: '2000-01-01T00:00:00', intervalEndTime: '2000-01-01T01:00:00' })).rejects.toMatchObject({ status: 422 });
    const meeting = await tbank.createMeeting({ appointmentId: offer.appointmentId, intervalStartTime: slot.startInterval, intervalEndTime: slot.endInterval });
    expect(meeting.meetingId).toEqual(expect.any(String));
    expect((await tbank.getTask(id)).status).toBe('MEETING_SCHEDULED');
  });

  it('uploadDocument then downloadDocument returns the same bytes, type and file name, and the task lists it', async () => {
    const { id } = await tbank.createTask(task);
    const bytes = readFileSync(new URL('../../mocks/fixtures/photo.jpg', import.meta.url));
    const uploaded = await tbank.uploadDocument({ taskId: id, type: 'PHOTO', content: new Blob([bytes], { type: 'image/jpeg' }), filename: 'паспорт.jpg' });
    const file = await tbank.downloadDocument(uploaded.id);
    expect(Buffer.from(file.bytes).equals(bytes)).toBe(true);
    expect(file.contentType).toBe('image/jpeg');
    expect(file.filename).toBe('паспорт.jpg');
    expect((await tbank.getTask(id)).attachments).toEqual([{ id: uploaded.id, type: 'PHOTO' }]);
  });

  it('the same Idempotency-Key with the same body returns the same task; with another body a 422', async () => {
    const key = crypto.randomUUID();
    const first = await tbank.createTask(task, { idempotencyKey: key });
    expect(await tbank.createTask(task, { idempotencyKey: key })).toEqual(first);
    await expect(tbank.createTask({ ...task, commentForAgent: 'другое' }, { idempotencyKey: key })).rejects.toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('the admin API seeds a task and moves it as the bank would', async () => {
    const seeded = await mock.seed<{ id: string }>('task', { id: 'seeded-1', template: 'COURIER' });
    expect(await tbank.getTask(seeded.id)).toMatchObject({ id: 'seeded-1', status: 'NEW' });
    await mock.move({ kind: 'task', id: 'seeded-1', to: 'COMPLETED', resolution: 'DELIVERED' });
    expect(await tbank.getTask('seeded-1')).toMatchObject({ status: 'COMPLETED', resolution: 'DELIVERED' });
    await expect(tbank.updateTask('seeded-1', { template: 'COURIER' })).rejects.toMatchObject({ status: 422 });
  });

  it('a Prefer header naming an example or a status still gets exactly that, not state', async () => {
    const response = await mock.fetch(new Request(`${mock.baseUrl}/api/v1/delivery/tasks/anything`, { headers: { authorization: `Bearer ${TOKEN}`, prefer: 'code=200' } }));
    expect(await response.json()).toMatchObject({ id: '7c9e6679-7425-40de-944b-e07fc1f90ae7' });
  });
});
