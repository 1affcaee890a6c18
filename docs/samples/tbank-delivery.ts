// TypeScript samples of the T-Bank partner delivery portal page, one per operation (rendered by scripts/code-samples.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { operations } from '../../generated/tbank-delivery.ts';
import { ApiError, createTbankDeliveryClient } from '../../src/tbank-delivery/index.ts';
import { defineSamples, type MockStep } from './define.ts';

/** The examples' task, put into the local mock (which knows only what was created). */
const TASK = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const task: MockStep = { seed: { kind: 'task', resource: { id: TASK } } };

export default defineSamples<keyof operations>()({
  client: (baseUrl) => createTbankDeliveryClient({ token: process.env.TBANK_TOKEN ?? 'mock-token', baseUrl }),
  operations: {
    async createTask(tbank) {
      // The Idempotency-Key is generated once and re-sent on every retry: a retry never creates a second task.
      try {
        const task = await tbank.createTask({
          template: 'COURIER',
          contacts: [{ id: 'c-1', firstName: 'Иван', phones: [{ type: 'MOBILE', number: '+79001112233' }], documents: [{ number: '123456', series: '4509' }] }],
        });
        console.log('task', task.id);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        console.log('refused:', error.code, error.apiMessage, error.body); // VALIDATION_ERROR, with errorDetails by field path
      }
    },

    async getTask(tbank) {
      const task = await tbank.getTask('7c9e6679-7425-40de-944b-e07fc1f90ae7');
      console.log(task.status, task.attachments?.map((attachment) => attachment.id));
    },

    async updateTask(tbank) {
      await tbank.updateTask('7c9e6679-7425-40de-944b-e07fc1f90ae7', { template: 'COURIER', commentForAgent: 'Клиент просит приехать после 18:00' });
    },

    async cancelTask(tbank) {
      // Never retried after an unclear failure: a repeat could cancel twice.
      await tbank.cancelTask('7c9e6679-7425-40de-944b-e07fc1f90ae7', { reason: 'Клиент отказался от получения карты' });
    },

    async getIntervals(tbank) {
      const { appointmentId, intervals = [] } = await tbank.getIntervals({
        taskIds: ['7c9e6679-7425-40de-944b-e07fc1f90ae7'],
        address: { fullAddress: 'г. Москва, ул. Тверская, д. 1, кв. 10', zipCode: '125009', city: 'Москва' },
      });
      for (const interval of intervals) console.log(appointmentId, interval.startInterval, interval.endInterval);
    },

    async createMeeting(tbank) {
      const meeting = await tbank.createMeeting({
        appointmentId: '5f0c9d2e-8b7a-4c6d-9e1f-2a3b4c5d6e7f',
        intervalStartTime: '2025-03-14T10:00:00',
        intervalEndTime: '2025-03-14T12:00:00',
        commentForAgent: 'Въезд во двор с ул. Гашека',
      });
      console.log('meeting', meeting.meetingId);
    },

    async uploadDocument(tbank) {
      // content: a Blob, bytes or a stream.
      const uploaded = await tbank.uploadDocument({
        taskId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
        type: 'ACT',
        content: readFileSync('mocks/fixtures/act.pdf'),
        filename: 'act.pdf',
      });
      console.log('document', uploaded.id);
    },

    async downloadDocument(tbank) {
      const file = await tbank.downloadDocument('3d6f0a8e-1b2c-4d5e-8f90-a1b2c3d4e5f6');
      writeFileSync(join(tmpdir(), file.filename ?? 'document'), file.bytes);
      console.log(file.contentType, file.bytes.length);
    },
  },
  needs: {
    getTask: [task],
    updateTask: [task],
    cancelTask: [task],
    getIntervals: [task],
    // The windows getIntervals would have offered for the task, under the example's appointmentId.
    createMeeting: [
      task,
      { seed: { kind: 'appointment', resource: { appointmentId: '5f0c9d2e-8b7a-4c6d-9e1f-2a3b4c5d6e7f', taskIds: [TASK], intervals: [{ startInterval: '2025-03-14T10:00:00', endInterval: '2025-03-14T12:00:00' }] } } },
    ],
    uploadDocument: [task],
    downloadDocument: [task, { seed: { kind: 'document', resource: { id: '3d6f0a8e-1b2c-4d5e-8f90-a1b2c3d4e5f6', taskId: TASK } } }],
  },
});
