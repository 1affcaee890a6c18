// T-Bank partner delivery, stateful (seed 000, reference tbank-delivery.md): a task is created (NEW), read back with
// what was sent, changed while open, cancelled (CANCELLED) after which changes are refused with the spec's
// `taskClosed` 422; getIntervals offers windows and createMeeting books one of them (MEETING_SCHEDULED), refusing any
// other; an uploaded document downloads as the same bytes, type and file name. An Idempotency-Key repeated with the
// same body returns the same task; with another body a 422 IDEMPOTENCY_KEY_REUSED. Undocumented choices (statuses
// past NEW, the 422s and their codes) are the plausible ones, said in the spec's descriptions.
import { createHash, randomUUID } from 'node:crypto';
import { create as createDisposition } from 'content-disposition';
import { AdminError, defineLifecycle, json, type Answer } from '../lifecycle.ts';
import { assignFields, canonicalJson, dict } from '../state.ts';
import { DOCUMENT } from './tbank-delivery.ts';

interface Task {
  id: string;
  status: string;
  template: string;
  commentForAgent?: string;
  parentTaskId?: string;
  meta?: Record<string, string>;
  contacts?: unknown[];
  photos?: unknown[];
  resolution?: string;
  attachments: Array<{ id: string; type: string }>;
}
interface StoredDocument {
  taskId: string;
  type: string;
  contentType: string;
  filename: string;
  /** Base64, so GET /__mock/state stays readable JSON. */
  base64: string;
}
interface State {
  tasks: Record<string, Task>;
  /** Idempotency-Key → the task it created and a hash of the body it came with (as a JSON value: key order and spacing do not count). */
  keys: Record<string, { taskId: string; bodyHash: string }>;
  /** appointmentId → the windows offered and the tasks they are for. */
  appointments: Record<string, { taskIds: string[]; intervals: Array<{ startInterval: string; endInterval: string }>; meetingId?: string }>;
  documents: Record<string, StoredDocument>;
}

const OPEN = new Set(['NEW', 'MEETING_SCHEDULED']);

const error = (status: number, errorCode: string, errorMessage: string, errorDetails?: Record<string, string>): Answer =>
  json(status, { errorId: randomUUID(), errorCode, errorMessage, ...(errorDetails ? { errorDetails } : {}) });
const notFound = (id: string) => error(422, 'NOT_FOUND', `Задание ${id} не найдено`, { id: 'не найдено' });
const closed = () => error(422, 'UNPROCESSABLE_ENTITY', 'Задание уже завершено или отменено, изменение невозможно');
const hash = (value: unknown) => createHash('sha256').update(canonicalJson(value)).digest('hex');

/** Windows of the next two days, 10–12 and 14–16 local time (the format of the client library's examples). */
function windows(now = new Date()): Array<{ startInterval: string; endInterval: string }> {
  return [1, 2].flatMap((days) => {
    const date = new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
    return [
      { startInterval: `${date}T10:00:00`, endInterval: `${date}T12:00:00` },
      { startInterval: `${date}T14:00:00`, endInterval: `${date}T16:00:00` },
    ];
  });
}

export const tbankDeliveryLifecycle = defineLifecycle<State>({
  initial: () => ({ tasks: dict(), keys: dict(), appointments: dict(), documents: dict() }),

  operations: {
    createTask: ({ state, body, headers }) => {
      const key = headers['idempotency-key'];
      const bodyHash = hash(body);
      const seen = key ? state.keys[key] : undefined;
      if (seen) {
        return seen.bodyHash === bodyHash
          ? json(200, { id: seen.taskId })
          : error(422, 'IDEMPOTENCY_KEY_REUSED', 'Ключ идемпотентности уже использован с другим телом запроса', { 'Idempotency-Key': 'уже использован' });
      }
      const fields = body as Omit<Task, 'id' | 'status' | 'attachments'>;
      const task: Task = assignFields({} as Task, fields, { id: randomUUID(), status: 'NEW', attachments: [] });
      state.tasks[task.id] = task;
      if (key) state.keys[key] = { taskId: task.id, bodyHash };
      return json(200, { id: task.id });
    },

    getTask: ({ state, params }) => {
      const task = state.tasks[params.id ?? ''];
      return task ? json(200, task) : notFound(params.id ?? '');
    },

    updateTask: ({ state, params, body }) => {
      const task = state.tasks[params.id ?? ''];
      if (!task) return notFound(params.id ?? '');
      if (!OPEN.has(task.status)) return closed();
      assignFields(task, body, { id: task.id, status: task.status, attachments: task.attachments });
      return json(200, {});
    },

    cancelTask: ({ state, params }) => {
      const task = state.tasks[params.id ?? ''];
      if (!task) return notFound(params.id ?? '');
      if (!OPEN.has(task.status)) return closed();
      task.status = 'CANCELLED';
      return json(200, {});
    },

    getIntervals: ({ state, body }) => {
      const { taskIds = [] } = body as { taskIds?: string[] };
      const unknown = taskIds.filter((id) => !state.tasks[id]);
      if (unknown.length > 0) return notFound(unknown.join(', '));
      const appointmentId = randomUUID();
      const intervals = windows();
      state.appointments[appointmentId] = { taskIds, intervals };
      return json(200, { appointmentId, timeOffset: '+03:00', intervals });
    },

    createMeeting: ({ state, body }) => {
      const { appointmentId, intervalStartTime, intervalEndTime } = body as { appointmentId: string; intervalStartTime: string; intervalEndTime: string };
      const appointment = state.appointments[appointmentId];
      if (!appointment) return error(422, 'UNPROCESSABLE_ENTITY', 'Запись не найдена: сначала запросите интервалы', { appointmentId: 'не найден' });
      if (appointment.meetingId) return error(422, 'UNPROCESSABLE_ENTITY', 'Встреча по этой записи уже назначена', { appointmentId: 'уже использован' });
      const offered = appointment.intervals.some((interval) => interval.startInterval === intervalStartTime && interval.endInterval === intervalEndTime);
      if (!offered) return error(422, 'UNPROCESSABLE_ENTITY', 'Интервал не предлагался для этой записи', { intervalStartTime: 'не из предложенных интервалов' });
      appointment.meetingId = randomUUID();
      for (const id of appointment.taskIds) {
        const task = state.tasks[id];
        if (task && task.status === 'NEW') task.status = 'MEETING_SCHEDULED';
      }
      return json(200, { meetingId: appointment.meetingId });
    },

    uploadDocument: ({ state, form }) => {
      const field = (name: string) => form.find((part) => part.name === name);
      const taskId = field('taskId')?.data.toString('utf8') ?? '';
      const content = field('content');
      const task = state.tasks[taskId];
      if (!task) return notFound(taskId);
      if (!content) return undefined; // Prism found the part missing already; its answer stands
      const id = randomUUID();
      const type = field('type')?.data.toString('utf8') ?? 'ACT';
      state.documents[id] = { taskId, type, contentType: content.type ?? 'application/octet-stream', filename: content.filename ?? 'document', base64: content.data.toString('base64') };
      task.attachments.push({ id, type });
      return json(200, { id });
    },

    downloadDocument: ({ state, params }) => {
      const document = state.documents[params.id ?? ''];
      if (!document) return notFound(params.id ?? '');
      const allowed = ['application/octet-stream', 'application/pdf', 'image/jpeg', 'image/png'];
      const contentType = allowed.includes(document.contentType) ? document.contentType : 'application/octet-stream';
      const bytes = Buffer.from(document.base64, 'base64');
      // content-disposition quotes the name, with an ASCII fallback and `filename*` for the rest: CR, LF and `"` never
      // reach the header as they are.
      const disposition = createDisposition(document.filename.replace(/\p{Surrogate}/gu, '\uFFFD'));
      return {
        status: 200,
        headers: { 'content-type': contentType, 'content-disposition': disposition },
        body: bytes.toString('latin1'),
        bytes: { body: bytes, headers: { 'content-type': contentType, 'content-disposition': disposition } },
      };
    },
  },

  /**
   * Puts in, under the id given or a new one (one already there is replaced):
   * - `{ kind: 'task', resource: { id?, template?, status?, … } }`: a task, `NEW` unless said;
   * - `{ kind: 'appointment', resource: { appointmentId?, taskIds?, intervals? } }`: windows offered as `getIntervals`
   *   offers them (default: the next two days' windows), so `createMeeting` can book one;
   * - `{ kind: 'document', resource: { id?, taskId?, type?, contentType?, filename?, base64? } }`: an uploaded document
   *   (default: the mock's one-page PDF `акт.pdf`, type ACT), so `downloadDocument` returns it.
   */
  seed: ({ state, body }) => {
    const resource = (body.resource ?? {}) as Record<string, unknown>;
    const id = (name: string) => {
      const value = resource[name] ?? randomUUID();
      if (typeof value !== 'string' || value === '') throw new AdminError(`resource.${name} must be a non-empty string`);
      return value;
    };
    if (body.kind === 'appointment') {
      const appointmentId = id('appointmentId');
      const { taskIds = [], intervals = windows() } = resource as { taskIds?: string[]; intervals?: Array<{ startInterval: string; endInterval: string }> };
      state.appointments[appointmentId] = { taskIds, intervals };
      return { appointmentId, ...state.appointments[appointmentId] };
    }
    if (body.kind === 'document') {
      const documentId = id('id');
      const { taskId = '', type = 'ACT', contentType = 'application/pdf', filename = 'акт.pdf', base64 = DOCUMENT.toString('base64') } = resource as Partial<StoredDocument>;
      for (const [name, value] of Object.entries({ taskId, type, contentType, filename, base64 })) {
        if (typeof value !== 'string') throw new AdminError(`resource.${name} must be a string`);
      }
      state.documents[documentId] = { taskId, type, contentType, filename, base64 };
      state.tasks[taskId]?.attachments.push({ id: documentId, type });
      return { id: documentId, taskId, type, contentType, filename };
    }
    if (body.kind !== 'task') throw new AdminError(`tbank-delivery seeds kind "task", "appointment" or "document", got ${JSON.stringify(body.kind)}`);
    const task: Task = assignFields({ template: 'COURIER', status: 'NEW', attachments: [] } as unknown as Task, resource, { id: id('id') });
    state.tasks[task.id] = task;
    return task;
  },

  /** Moves a task as the bank would: `{ kind: 'task', id, to: 'COMPLETED', resolution: 'DELIVERED' }`. */
  move: ({ state, body }) => {
    const task = state.tasks[String(body.id)];
    if (!task) throw new AdminError(`no task ${JSON.stringify(body.id)} in this session`, 404);
    if (typeof body.to !== 'string' || body.to === '') throw new AdminError('to must be the new status, e.g. "COMPLETED"');
    task.status = body.to;
    if (typeof body.resolution === 'string') task.resolution = body.resolution;
    return task;
  },
});
