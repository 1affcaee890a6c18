// T-Bank partner delivery: tasks for a bank representative, meeting intervals and meetings, task documents.
import {
  createApiClient,
  download,
  toBlob,
  type ApiPromise,
  type BinaryContent,
  type ClientOptions,
  type DownloadedFile,
  type RequestOptions,
} from '../core/index.ts';
import { readOptions } from '../core/client.ts';
import { isPlainObject, scalarText, textOf } from '../core/objects.ts';
import type { components, paths } from '../../generated/tbank-delivery.ts';

type Schemas = components['schemas'];
export type CreateTaskRequest = Schemas['CreateTaskRequest'];
export type CreateTaskResult = Schemas['CreateTaskResult'];
export type UpdateTaskRequest = Schemas['UpdateTaskRequest'];
export type CancelTaskRequest = Schemas['CancelTaskRequest'];
export type DeliveryTask = Schemas['DeliveryTask'];
export type Contact = Schemas['Contact'];
export type Phone = Schemas['Phone'];
export type Passport = Schemas['Passport'];
/** A contact's identity document: a `Passport`, or one of another type (open: the reference's list is cut off). */
export type IdentityDocument = Schemas['IdentityDocument'];
export type OtherIdentityDocument = Schemas['OtherIdentityDocument'];
export type Address = Schemas['Address'];
export type GetIntervalsRequest = Schemas['GetIntervalsRequest'];
export type GetIntervalsResult = Schemas['GetIntervalsResult'];
export type Interval = Schemas['Interval'];
export type CreateMeetingRequest = Schemas['CreateMeetingRequest'];
export type CreateMeetingResult = Schemas['CreateMeetingResult'];
export type Attachment = Schemas['Attachment'];
export type Photo = Schemas['Photo'];
type UploadDocumentRequest = Schemas['UploadDocumentRequest'];
export type UploadDocumentResult = Schemas['UploadDocumentResult'];
/** The body of every T-Bank error: errorId, errorCode, errorMessage and, for validation errors, errorDetails. */
export type TbankErrorBody = Schemas['Error'];

/** The certificate-protected host every delivery page names; it requires a client TLS certificate (see README). */
export const TBANK_SECURED_URL = 'https://secured-openapi.tbank.ru';
/** T-API's general host, which the reference Python client uses without a certificate. */
export const TBANK_BUSINESS_URL = 'https://business.tbank.ru/openapi';
/** The sandbox: canned answers for any request that fits the contract; its token is fixed. */
export const TBANK_SANDBOX_URL = 'https://business.tbank.ru/openapi/sandbox';
export const TBANK_SANDBOX_TOKEN = 'TBankSandboxToken';

export type TbankDeliveryClientOptions = ClientOptions & {
  /** Use the sandbox host and, unless `token` is given, its public token. */
  sandbox?: boolean;
} & ({ token: string } | { sandbox: true; token?: string });

export interface UploadDocumentInput {
  taskId: string;
  /** Document type, e.g. `ACT`. */
  type: string;
  /** The file: a Blob or File, bytes (Buffer, Uint8Array, ArrayBuffer) or a stream (fs.createReadStream, a web stream). */
  content: BinaryContent;
  /** The file name sent with the content; also picks its media type when the content has none. Default `document`. */
  filename?: string;
  /** Replace this earlier document. */
  prevDocId?: string;
  description?: string;
  /** Free-form metadata, sent as a JSON part. */
  meta?: Record<string, string>;
}

export function createTbankDeliveryClient(options: TbankDeliveryClientOptions) {
  options = readOptions('tbank-delivery', 'createClient', options);
  const token = options.token ?? TBANK_SANDBOX_TOKEN;
  const api = createApiClient<paths>(
    {
      name: 'tbank-delivery',
      defaultBaseUrl: options.sandbox ? TBANK_SANDBOX_URL : TBANK_SECURED_URL,
      secrets: [token],
      idempotencyHeader: 'Idempotency-Key',
      headers: { Authorization: `Bearer ${token}` },
      // errorDetails stays in the error's body: T-Bank's errorMessage already names the field.
      describeError: (body) => (isPlainObject(body) ? { code: scalarText(body.errorCode), message: textOf(body.errorMessage), requestId: scalarText(body.errorId) } : {}),
    },
    options,
  );
  const byId = (id: string) => ({ params: { path: { id } } });

  return {
    /** The typed openapi-fetch client, for anything the methods below do not cover. */
    raw: api.raw,

    /** Creates a task. An Idempotency-Key is generated once and re-sent on every retry; pass `idempotencyKey` (a uuid) to set it. */
    createTask(body: CreateTaskRequest, options?: RequestOptions): ApiPromise<CreateTaskResult> {
      const key = api.idempotencyKey(options);
      return api.call({ name: 'createTask' }, options, (fetch) =>
        api.raw.POST('/api/v1/delivery/tasks', { body, params: { header: { 'Idempotency-Key': key } }, fetch }),
      );
    },

    /** The task's current state: status, meeting result, attachments, photos. */
    getTask(id: string, options?: RequestOptions): ApiPromise<DeliveryTask> {
      return api.call({ name: 'getTask' }, options, (fetch) => api.raw.GET('/api/v1/delivery/tasks/{id}', { ...byId(id), fetch }));
    },

    /** Replaces the task's data (PUT: safe to retry). */
    updateTask(id: string, body: UpdateTaskRequest, options?: RequestOptions): ApiPromise<void> {
      return api.call({ name: 'updateTask', emptyBodyAllowed: true }, options, (fetch) => api.raw.PUT('/api/v1/delivery/tasks/{id}', { ...byId(id), body, fetch }), () => undefined);
    },

    /** Cancels the task; no more work is done on it. Never retried: a repeat after an unclear failure could act twice. */
    cancelTask(id: string, body: CancelTaskRequest, options?: RequestOptions): ApiPromise<void> {
      return api.call({ name: 'cancelTask', emptyBodyAllowed: true }, options, (fetch) => api.raw.POST('/api/v1/delivery/tasks/{id}/cancel', { ...byId(id), body, fetch }), () => undefined);
    },

    /** The time windows in which a meeting can take place at an address. Only reads, so it is retried like a GET. */
    getIntervals(body: GetIntervalsRequest, options?: RequestOptions): ApiPromise<GetIntervalsResult> {
      return api.call({ name: 'getIntervals', readOnly: true }, options, (fetch) =>
        api.raw.POST('/api/v1/delivery/meetings/intervals', { body, fetch }),
      );
    },

    /** Books a meeting in one of the intervals from {@link getIntervals}. Never retried (it would book twice). */
    createMeeting(body: CreateMeetingRequest, options?: RequestOptions): ApiPromise<CreateMeetingResult> {
      return api.call({ name: 'createMeeting' }, options, (fetch) => api.raw.POST('/api/v1/delivery/meetings', { body, fetch }));
    },

    /** Uploads a file (multipart) and links it to the task. Never retried: the API takes no idempotency key here. */
    uploadDocument(input: UploadDocumentInput, options?: RequestOptions): ApiPromise<UploadDocumentResult> {
      const filename = input.filename ?? 'document';
      // The content is read inside the call, so content that is not a file, or a stream that fails, is a UsageError.
      return api.call({ name: 'uploadDocument' }, options, async (fetch) => {
        const body: UploadDocumentRequest = {
          taskId: input.taskId,
          type: input.type,
          content: await toBlob(input.content, filename),
          prevDocId: input.prevDocId,
          description: input.description,
          meta: input.meta === undefined ? undefined : JSON.stringify(input.meta),
        };
        return api.raw.POST('/api/v1/delivery/documents', { body, bodySerializer: (parts) => multipart(parts, filename), fetch });
      });
    },

    /** Downloads a document: its bytes, with the content type and file name the server sends. */
    downloadDocument(id: string, options?: RequestOptions): ApiPromise<DownloadedFile> {
      return download(api, { name: 'downloadDocument' }, options, (fetch) =>
        api.raw.GET('/api/v1/delivery/documents/{id}', { ...byId(id), parseAs: 'arrayBuffer', fetch }),
      );
    },
  };
}

export type TbankDeliveryClient = ReturnType<typeof createTbankDeliveryClient>;

/** The parts in the order the reference lists them; fetch sets the boundary. */
function multipart(parts: UploadDocumentRequest, filename: string): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(parts)) {
    if (value instanceof Blob) form.append(name, value, filename);
    else if (value !== undefined) form.append(name, String(value));
  }
  return form;
}
