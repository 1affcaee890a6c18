// Fastriver: delivery requests, their time intervals, documents, meeting photos and dictionaries, as JSON:API behind a
// login token. Callers pass plain attributes and get flat objects back (jsonapi.ts); the token lifecycle is auth.ts.
import {
  createApiClient,
  UsageError,
  download,
  DecodeError,
  toBlob,
  type ApiPromise,
  type BinaryContent,
  type ClientOptions,
  type CredentialStore,
  type ErrorContext,
  type DownloadedFile,
  type FetchLike,
  type FetchResult,
  type Operation,
  type RequestOptions,
} from '../core/index.ts';
import { readOptions } from '../core/client.ts';
import { describeValue, fieldMessages, isPlainObject } from '../core/objects.ts';
import type { components, operations, paths } from '../../generated/fastriver.ts';
import { createTokenKeeper, type AuthToken, type FastriverCredentials } from './auth.ts';
import { flatten, type Flat, type Flattened, type ResourceIdentifier } from './jsonapi.ts';
import { FASTRIVER_TYPE_ALIASES } from './type-aliases.ts';

type Schemas = components['schemas'];
type Related<T> = T | ResourceIdentifier;

export type FlatTimeInterval = Flat<Schemas['TimeInterval']>;
export type FlatDelivery = Flat<Schemas['Delivery'], { time_interval?: Related<FlatTimeInterval> | null }>;
export type FlatDeliveryRequest = Flat<
  Schemas['DeliveryRequest'],
  { active_delivery?: Related<FlatDelivery> | null; deliveries?: Array<Related<FlatDelivery>>; time_interval?: Related<FlatTimeInterval> | null }
>;
export type FlatTimeIntervalV1 = Flat<Schemas['TimeIntervalV1']>;
export type FlatTimeIntervalV2 = Flat<Schemas['TimeIntervalV2']>;
export type FlatDeliveryDateV1 = Flat<Schemas['DeliveryDateV1']>;
export type FlatDeliveryDateV2 = Flat<Schemas['DeliveryDateV2']>;
export type FlatPackageDocument = Flat<Schemas['PackageDocument']>;
export type FlatCallbackEvent = Flat<
  Schemas['ExternalCallback'],
  { time_interval?: Related<FlatTimeInterval> | null; delivery_request?: Related<FlatDeliveryRequest> | null }
>;

export type DeliveryRequestInput = Schemas['DeliveryRequestInput'];
export type DeliveryRequestFilter = Schemas['DeliveryRequestFilter'];
export type CancelAttributes = Schemas['CancelDeliveryRequestDocument']['data']['attributes'];
export type RejectAttributes = Schemas['RejectDeliveryRequestDocument']['data']['attributes'];
export type TransferDeliveryRequest = Schemas['TransferDeliveryRequest'];
export type CompleteDeliveryRequest = Schemas['CompleteDeliveryRequest'];
export type RequestTimeIntervalsQuery = NonNullable<operations['getDeliveryRequestTimeIntervals']['parameters']['query']>;
/** Where and when to check: `lat` + `lon`, or `address` (the types and the mock refuse neither). */
export type TimeIntervalsQuery = Schemas['TimeIntervalsCheck'];
export type FastriverErrorBody = Schemas['ValidationError'];
export type { AuthToken, FastriverCredentials };

/** A page of a list: the flattened items, `total` (items over all pages) and the document's whole `meta`. */
export interface Page<T> {
  items: T[];
  total: number;
  meta: Record<string, unknown>;
}

export const FASTRIVER_BASE_URL = 'https://api.fastriver.ru/api/partner';
/** The API's other documented host. */
export const ROCKET_DELIVERY_BASE_URL = 'https://api.rocket-delivery.ru/api/partner';
/** Requests per page of `delivery_requests`. */
export const PAGE_SIZE = 20;

export interface FastriverClientOptions extends ClientOptions {
  /** Renew the token this long before it expires. Default 60 000 ms. */
  refreshBeforeMs?: number;
  /** The clock the token expiry is compared with (tests move it). */
  now?: () => number;
  /**
   * Where the login token lives. Default: this client alone. Pass `createRedisCredentialStore` from
   * `delivery-api-clients/redis/node` so every process of the account shares one token: one login, one re-login after a 401.
   */
  tokenStore?: CredentialStore;
}

type Version = 1 | 2;

export function createFastriverClient(credentials: FastriverCredentials, options: FastriverClientOptions = {}) {
  credentials = readOptions('fastriver', 'createClient', credentials);
  options = readOptions('fastriver', 'createClient', options);
  const secrets = 'token' in credentials ? [credentials.token] : [credentials.password];
  /** `{error, validation_errors: {field: [messages]}}`, whatever each of them holds. */
  const describeError = (body: unknown) => {
    if (!isPlainObject(body) || typeof body.error !== 'string') return {};
    const problems = fieldMessages(body.validation_errors);
    return problems.length > 0 ? { code: 'validation_errors', message: `${body.error} (${problems.join('; ')})` } : { message: body.error };
  };
  // The seed lists X-API-VERSION among the headers of every request: v1 on each call, v2 where a method sets it.
  const definition = { name: 'fastriver', defaultBaseUrl: FASTRIVER_BASE_URL, secrets, describeError, headers: { 'X-API-VERSION': 'v1' } };

  // Login and refresh go through a client of their own: they must not wait for the token they are fetching.
  const session = createApiClient<paths>(definition, options);
  const keeper = createTokenKeeper({
    credentials,
    refreshBeforeMs: options.refreshBeforeMs ?? 60_000,
    now: options.now ?? Date.now,
    store: options.tokenStore,
    onToken: (token) => {
      session.redactor.add(token);
      api.redactor.add(token);
    },
    source: {
      login: (body) => session.call({ name: 'login' }, undefined, (fetch) => session.raw.POST('/authentications', { body, fetch })),
      refresh: (token) =>
        session.call({ name: 'refreshToken', readOnly: true }, undefined, (fetch) => session.raw.GET('/authentications', { headers: { Authorization: `Bearer ${token}` }, fetch })),
    },
  });
  const api = createApiClient<paths>({ ...definition, authenticate: keeper.authenticate, reauthenticate: keeper.reauthenticate }, options);

  type Send = (fetch: FetchLike) => Promise<FetchResult<unknown>>;
  /**
   * Flattens a JSON:API answer and checks its primary data is what the operation returns: one resource, or a list
   * (`data: null`, no `data`, or the other shape is a DecodeError naming `data`, never a silent null).
   */
  const primary =
    <T>(shape: 'resource' | 'list') =>
    (body: unknown, _: Response, context: ErrorContext): Flattened<T> => {
      const flat = flatten<unknown>(body as Parameters<typeof flatten>[0], FASTRIVER_TYPE_ALIASES, context);
      const list = Array.isArray(flat.data);
      if (shape === 'list' ? !list : list || flat.data === null) {
        const raw = isPlainObject(body) ? body.data : undefined;
        throw new DecodeError(context, 'data', `expected ${shape === 'list' ? 'a list of resources' : 'one resource'}, got ${describeValue(raw)}`);
      }
      return flat as Flattened<T>;
    };
  /** An operation answering one resource. */
  const one = <T>(operation: Operation, requestOptions: RequestOptions | undefined, send: Send): ApiPromise<T> =>
    api.call(operation, requestOptions, send, (body, response, context) => primary<T>('resource')(body, response, context).data);
  /** An operation answering a list that is not paged (dictionaries, intervals). */
  const all = <T>(operation: Operation, requestOptions: RequestOptions | undefined, send: Send): ApiPromise<T[]> =>
    api.call(operation, requestOptions, send, (body, response, context) => primary<T[]>('list')(body, response, context).data);
  /** An operation answering one page of a list, with `meta.total`. */
  const many = <T>(operation: Operation, requestOptions: RequestOptions | undefined, send: Send): ApiPromise<Page<T>> =>
    api.call(operation, requestOptions, send, (body, response, context) => {
      const { data, meta } = primary<T[]>('list')(body, response, context);
      const total = meta?.total ?? data.length;
      if (!Number.isSafeInteger(total) || (total as number) < 0) throw new DecodeError(context, 'meta.total', `expected a whole number of requests, got ${describeValue(total)}`);
      return { items: data, total: total as number, meta: meta ?? {} };
    });
  /** Runs an operation answering nothing worth keeping (204). */
  const noContent = (operation: Operation, requestOptions: RequestOptions | undefined, send: Send): ApiPromise<void> => api.call(operation, requestOptions, send, () => undefined);
  const byUuid = (uuid: string) => ({ params: { path: { uuid } } });
  const withAttributes = <A>(attributes: A) => ({ data: { type: 'delivery_request' as const, attributes } });
  const apiVersion = (version: Version): 'v1' | 'v2' => (version === 2 ? 'v2' : 'v1');

  const deliveryRequests = {
    /** One page (20 requests) matching the filters, with the total over all pages. */
    list(filter: DeliveryRequestFilter = {}, page: { page?: number } & RequestOptions = {}): ApiPromise<Page<FlatDeliveryRequest>> {
      const { page: number = 1, ...requestOptions } = page;
      return many({ name: 'listDeliveryRequests' }, requestOptions, (fetch) => api.raw.GET('/delivery_requests', { params: { query: { filter, page: number } }, fetch }));
    },

    /**
     * Every request matching the filters, page by page (20 per page), until `meta.total` is reached. A page repeating a
     * request of an earlier page (a server that ignores `page`) ends the walk with a DecodeError.
     */
    async *listAll(filter: DeliveryRequestFilter = {}, options?: RequestOptions): AsyncGenerator<FlatDeliveryRequest> {
      const seen = new Set<string>();
      for (let page = 1; ; page++) {
        const { items, total } = await deliveryRequests.list(filter, { ...options, page });
        for (const item of items) {
          // A server that ignores `page` answers page 1 again: stop with an error rather than yield it forever.
          const id = String(item.id);
          if (seen.has(id)) throw new DecodeError({ api: 'fastriver', operation: 'listDeliveryRequests', attempts: page }, 'data', `page ${page} repeats request ${describeValue(id)} of an earlier page: the server does not page`);
          seen.add(id);
        }
        yield* items;
        if (items.length === 0 || seen.size >= total) return;
      }
    },

    /** The request with its deliveries and time interval resolved. */
    get(uuid: string, options?: RequestOptions): ApiPromise<FlatDeliveryRequest> {
      return one({ name: 'getDeliveryRequest' }, options, (fetch) => api.raw.GET('/delivery_requests/{uuid}', { ...byUuid(uuid), fetch }));
    },

    /** Creates a request from plain attributes. Not retried: the API takes no idempotency key. */
    create(attributes: DeliveryRequestInput, options?: RequestOptions): ApiPromise<FlatDeliveryRequest> {
      return one({ name: 'createDeliveryRequest' }, options, (fetch) => api.raw.POST('/delivery_requests', { body: withAttributes(attributes), fetch }));
    },

    /** Changes only the attributes given (PATCH). */
    update(uuid: string, attributes: Partial<DeliveryRequestInput>, options?: RequestOptions): ApiPromise<FlatDeliveryRequest> {
      return one({ name: 'updateDeliveryRequest' }, options, (fetch) =>
        api.raw.PATCH('/delivery_requests/{uuid}', { ...byUuid(uuid), body: withAttributes(attributes as DeliveryRequestInput), fetch }),
      );
    },

    /** Cancels the request (DELETE with a reason), possible until it is executed. */
    cancel(uuid: string, attributes: CancelAttributes, options?: RequestOptions): ApiPromise<FlatDeliveryRequest> {
      return one({ name: 'cancelDeliveryRequest' }, options, (fetch) => api.raw.DELETE('/delivery_requests/{uuid}', { ...byUuid(uuid), body: withAttributes(attributes), fetch }));
    },

    /** Confirms an executed request: the partner has checked the photos and documents. */
    confirm(uuid: string, options?: RequestOptions): ApiPromise<FlatDeliveryRequest> {
      return one({ name: 'confirmDeliveryRequest' }, options, (fetch) => api.raw.PATCH('/delivery_requests/{uuid}/confirm', { ...byUuid(uuid), fetch }));
    },

    /** Rejects an executed request, with the reason. */
    reject(uuid: string, attributes: RejectAttributes, options?: RequestOptions): ApiPromise<FlatDeliveryRequest> {
      return one({ name: 'rejectDeliveryRequest' }, options, (fetch) =>
        api.raw.PATCH('/delivery_requests/{uuid}/reject', { ...byUuid(uuid), body: withAttributes(attributes), fetch }),
      );
    },

    /** Tells Fastriver the client asks to be called. 405 when the request's state forbids it. Not retried. */
    callPlease(uuid: string, options?: RequestOptions): ApiPromise<void> {
      return noContent({ name: 'callPlease', emptyBodyAllowed: true }, options, (fetch) => api.raw.POST('/delivery_requests/{uuid}/call_please', { ...byUuid(uuid), fetch }));
    },

    /** Moves the meeting (partners delivering in their own app; API v2). Not retried. */
    transferDelivery(uuid: string, body: TransferDeliveryRequest, options?: RequestOptions): ApiPromise<FlatDeliveryRequest> {
      return one({ name: 'transferDelivery' }, options, (fetch) =>
        api.raw.POST('/delivery_requests/{uuid}/transfer_delivery', { params: { path: { uuid }, header: { 'X-API-VERSION': 'v2' } }, body, fetch }),
      );
    },

    /** Completes the meeting (partners delivering in their own app; API v2). Not retried. */
    completeDelivery(uuid: string, body: CompleteDeliveryRequest = {}, options?: RequestOptions): ApiPromise<FlatDeliveryRequest> {
      return one({ name: 'completeDelivery' }, options, (fetch) =>
        api.raw.POST('/delivery_requests/{uuid}/complete_delivery', { params: { path: { uuid }, header: { 'X-API-VERSION': 'v2' } }, body, fetch }),
      );
    },

    /** The request's time intervals: v1 (default) the free ones only, v2 every one with `available`. */
    timeIntervals: timeIntervals as {
      (uuid: string, query?: RequestTimeIntervalsQuery, options?: RequestOptions & { version?: 1 }): ApiPromise<FlatTimeIntervalV1[]>;
      (uuid: string, query: RequestTimeIntervalsQuery | undefined, options: RequestOptions & { version: 2 }): ApiPromise<FlatTimeIntervalV2[]>;
    },

    /** Can a delivery be made there and then, without a request? Dates with their intervals, v1 free only, v2 all. */
    checkTimeIntervals: checkTimeIntervals as {
      (query: TimeIntervalsQuery, options?: RequestOptions & { version?: 1 }): ApiPromise<FlatDeliveryDateV1[]>;
      (query: TimeIntervalsQuery, options: RequestOptions & { version: 2 }): ApiPromise<FlatDeliveryDateV2[]>;
    },
  };

  function timeIntervals(uuid: string, query: RequestTimeIntervalsQuery = {}, { version = 1, ...options }: RequestOptions & { version?: Version } = {}) {
    return all({ name: 'getDeliveryRequestTimeIntervals' }, options, (fetch) =>
      api.raw.GET('/delivery_requests/{uuid}/time_intervals', { params: { path: { uuid }, query, header: { 'X-API-VERSION': apiVersion(version) } }, fetch }),
    );
  }

  function checkTimeIntervals(query: TimeIntervalsQuery, { version = 1, ...options }: RequestOptions & { version?: Version } = {}) {
    return all({ name: 'getTimeIntervals' }, options, (fetch) =>
      api.raw.GET('/delivery_requests/time_intervals', {
        params: { query: { check: query }, header: { 'X-API-VERSION': apiVersion(version) } },
        // The spec's one `check` object goes out as plain parameters (form style, exploded): ?lat=…&lon=…
        querySerializer: { object: { style: 'form', explode: true } },
        fetch,
      }),
    );
  }

  const documents = {
    /** Uploads a printed form (pdf, docx) for the request's delivery. Not retried. */
    upload(uuid: string, input: { file: BinaryContent; filename?: string; external_id?: string }, options?: RequestOptions): ApiPromise<FlatPackageDocument> {
      const filename = input.filename ?? 'document.pdf';
      // The content is read inside the call, so content that is not a file, or a stream that fails, is a UsageError.
      return one({ name: 'uploadDeliveryRequestDocument' }, options, async (fetch) =>
        api.raw.POST('/delivery_requests/{uuid}/document', {
          ...byUuid(uuid),
          body: { file: await toBlob(input.file, filename), external_id: input.external_id },
          bodySerializer: (parts) => {
            const form = new FormData();
            form.append('file', parts.file, filename);
            if (parts.external_id !== undefined) form.append('external_id', parts.external_id);
            return form;
          },
          fetch,
        }),
      );
    },
    /** The forms uploaded for a request. */
    list(deliveryRequestUuid: string, options?: RequestOptions): ApiPromise<Page<FlatPackageDocument>> {
      return many({ name: 'listPackageDocuments' }, options, (fetch) =>
        api.raw.GET('/package_documents', { params: { query: { filter: { delivery_request_uuid: deliveryRequestUuid } } }, fetch }),
      );
    },
    get(id: number, options?: RequestOptions): ApiPromise<FlatPackageDocument> {
      return one({ name: 'getPackageDocument' }, options, (fetch) => api.raw.GET('/package_documents/{id}', { params: { path: { id } }, fetch }));
    },
    delete(id: number, options?: RequestOptions): ApiPromise<void> {
      return noContent({ name: 'deletePackageDocument', emptyBodyAllowed: true }, options, (fetch) => api.raw.DELETE('/package_documents/{id}', { params: { path: { id } }, fetch }));
    },
  };

  const photos = {
    /** A photo of the meeting: the image bytes, full size, `medium` or `thumb`. */
    download(uuid: string, id: string, { versionKind, ...options }: RequestOptions & { versionKind?: 'medium' | 'thumb' } = {}): ApiPromise<DownloadedFile> {
      return download(api, { name: 'getDeliveryPhoto' }, options, (fetch) =>
        api.raw.GET('/delivery_requests/{uuid}/delivery_photos/{id}', {
          params: { path: { uuid, id }, query: versionKind ? { version_kind: versionKind } : undefined },
          parseAs: 'arrayBuffer',
          fetch,
        }),
      );
    },
  };

  const list = <T>(name: string, path: '/products' | '/photo_types' | '/cancel_reasons' | '/reject_reasons' | '/failure_reasons' | '/delivery_request_statuses' | '/delivery_statuses') =>
    (options?: RequestOptions): ApiPromise<T[]> =>
      all<T>({ name }, options, (fetch) => api.raw.GET(path, { fetch }));
  const dictionaries = {
    products: list<Flat<Schemas['Product']>>('listProducts', '/products'),
    photoTypes: list<Flat<Schemas['PhotoType']>>('listPhotoTypes', '/photo_types'),
    cancelReasons: list<Flat<Schemas['CancelReason']>>('listCancelReasons', '/cancel_reasons'),
    rejectReasons: list<Flat<Schemas['RejectReason']>>('listRejectReasons', '/reject_reasons'),
    failureReasons: list<Flat<Schemas['FailureReason']>>('listFailureReasons', '/failure_reasons'),
    deliveryRequestStatuses: list<Flat<Schemas['DeliveryRequestStatusEntry']>>('listDeliveryRequestStatuses', '/delivery_request_statuses'),
    deliveryStatuses: list<Flat<Schemas['DeliveryStatusEntry']>>('listDeliveryStatuses', '/delivery_statuses'),
    /** The delivery cities; with coordinates, the city that serves that point. */
    cities(near?: { lat: number; lon: number }, options?: RequestOptions): ApiPromise<Array<Flat<Schemas['City']>>> {
      return all({ name: 'listCities' }, options, (fetch) => api.raw.GET('/cities', { params: { query: near ? { filter: near } : undefined }, fetch }));
    },
  };

  /** Only a client made with login and password can log in; one made with a token is told so with a UsageError. */
  const withLogin = (operation: string, renew: () => Promise<AuthToken>): Promise<AuthToken> =>
    'login' in credentials ? renew() : Promise.reject(new UsageError({ api: 'fastriver', operation, attempts: 0 }, 'a client made with a fixed token cannot log in: pass { login, password }'));
  const auth = {
    /** Logs in now (otherwise the first call does). Needs `{ login, password }`. */
    login: (): Promise<AuthToken> => withLogin('login', () => keeper.renew()),
    /** Trades the current token for a fresh one now (otherwise done before it expires). */
    refresh: (): Promise<AuthToken> => withLogin('refreshToken', () => keeper.renew(true)),
    /** Ends the session; a later call logs in again (with credentials). */
    async logout(options?: RequestOptions): Promise<void> {
      if (keeper.current() === undefined) return;
      await api.call({ name: 'logout', emptyBodyAllowed: true }, options, (fetch) => api.raw.DELETE('/authentications', { fetch }));
      await keeper.forget();
    },
  };

  return { raw: api.raw, auth, deliveryRequests, documents, photos, dictionaries };
}

export type FastriverClient = ReturnType<typeof createFastriverClient>;
