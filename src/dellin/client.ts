// Dellin: add door delivery to an order on its way to a terminal. Every method exists as .json and .xml; credentials
// (appkey, sessionID) travel in the body; the outcome is echoed in metadata.status, also inside an HTTP 200.
import { ApiError, apiPromise, createApiClient, createLocalCredentialStore, DecodeError, InvalidResponseError, UsageError, type ApiErrorDetails, type CredentialStore, type ApiPromise, type WithResponse, type ClientOptions, type ErrorContext, type FetchLike, type RequestOptions } from '../core/index.ts';
import { readOptions } from '../core/client.ts';
import { isPlainObject, textOf } from '../core/objects.ts';
import { bufferedResponse } from '../core/transport.ts';
import type { components, paths } from '../../generated/dellin.ts';
import { decodeXml, encodeXml, readXmlText, type XmlShape } from './xml.ts';

type Schemas = components['schemas'];
type WithoutCredentials<T> = Omit<T, 'appkey' | 'sessionID'>;

export type RequestDeliveryRequest = Schemas['RequestDeliveryRequest'];

/** Whether the client calls with a session (`sessionID`, or login and password) or anonymously; set by its options. */
export type SessionMode = 'authorized' | 'anonymous';

type PaymentCitySearch = Schemas['PaymentCitySearch'];
/**
 * The spec's `ThirdPartyPayerRule` (an if/then, which openapi-typescript cannot type): with `payer: 'third'`,
 * `members.third` and exactly one of `paymentCity` | `paymentCitySearch`; with another payer both are ignored.
 */
type ThirdPartyPayerRule =
  | {
      delivery: { arrival: { payer: 'third' } };
      members: { third: object };
      payment: { paymentCity: string; paymentCitySearch?: never } | { paymentCitySearch: PaymentCitySearch; paymentCity?: never };
    }
  | { delivery: { arrival: { payer: 'sender' | 'receiver' } } };

/**
 * The body of `requestDelivery` without the credentials the client adds, for a client with (`'authorized'`) or
 * without (`'anonymous'`) a session: the seed's rules differ between the two (see the spec's
 * `AuthorizedRequestDeliveryRequest` / `AnonymousRequestDeliveryRequest`), and a body the mock would refuse for the
 * client's mode does not compile. Beyond the types, the mock also checks list lengths (at most 1 contact person and
 * 1 phone number anonymously) and the field formats.
 */
export type RequestDeliveryInput<Mode extends SessionMode = SessionMode> = (Mode extends 'authorized'
  ? WithoutCredentials<Schemas['AuthorizedRequestDeliveryRequest']>
  : WithoutCredentials<Schemas['AnonymousRequestDeliveryRequest']>) &
  ThirdPartyPayerRule;
export type RequestDeliveryResponse = Schemas['RequestDeliveryResponse'];
export type DeliveryDatesInput = WithoutCredentials<Schemas['DeliveryDatesRequest']>;
export type DeliveryDatesResponse = Schemas['DeliveryDatesResponse'];
export type LoginResponse = Schemas['LoginResponse'];
export type LogoutResponse = Schemas['LogoutResponse'];
export type SessionInfoResponse = Schemas['SessionInfoResponse'];
export type DellinErrorItem = Schemas['ErrorItem'];

export const DELLIN_BASE_URL = 'https://api.dellin.ru';

/** A failure Dellin reports, by HTTP status or inside an HTTP 200 (`metadata.status`), with every error it lists. */
export class DellinApiError extends ApiError {
  static override readonly errorName: string = 'DellinApiError';
  /** Each error: code, title, detail, link, the request fields at fault, and the valid or rejected values. */
  readonly errors: DellinErrorItem[];

  constructor(context: ErrorContext, details: ApiErrorDetails) {
    super(context, details);
    this.errors = errorItems(details.body);
  }
}

/** The error list in any of the forms clients meet: an array of items, one string, or an object keyed by field. */
function errorItems(body: unknown): DellinErrorItem[] {
  const errors = isPlainObject(body) ? body.errors : undefined;
  if (Array.isArray(errors)) return errors.map((item) => (isPlainObject(item) ? normalizeItem(item) : { code: 0, title: textOf(item) ?? '' }));
  if (typeof errors === 'string') return [{ code: 0, title: errors }];
  if (isPlainObject(errors)) return Object.entries(errors).map(([field, detail]) => ({ code: 0, detail: textOf(detail) ?? '', fields: [field] }));
  const legacy = isPlainObject(body) && isPlainObject(body.error) ? textOf(body.error.description) : undefined;
  return legacy ? [{ code: 0, title: legacy }] : [];
}

/**
 * One error item with its lists as lists and its texts as text, whatever arrived (a lone XML element reads as a single
 * value; an object where a text belongs is written as its JSON); a code that is not a whole number is 0.
 */
function normalizeItem(item: Record<string, unknown>): DellinErrorItem {
  const normalized: Record<string, unknown> = { ...item, code: dellinCode(item.code) };
  for (const key of ['fields', 'validValues', 'badValues']) {
    if (item[key] !== undefined) normalized[key] = [item[key]].flat();
  }
  if (normalized.fields) normalized.fields = (normalized.fields as unknown[]).map((field) => textOf(field) ?? '');
  for (const key of ['title', 'detail', 'link']) {
    if (item[key] !== undefined && typeof item[key] !== 'string') normalized[key] = textOf(item[key]);
  }
  return normalized as DellinErrorItem;
}

const dellinCode = (code: unknown): number => {
  const value = typeof code === 'string' && /^\d{1,15}$/.test(code) ? Number(code) : code;
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : 0;
};

/** Options of a client with a session: an open `sessionID`, or `login` and `password` (it logs in on first use). */
export type AuthorizedDellinClientOptions = DellinClientOptions & ({ sessionID: string } | { login: string; password: string });
/** Options of a client without a session: every `requestDelivery` is anonymous. */
export type AnonymousDellinClientOptions = DellinClientOptions & { sessionID?: undefined; login?: undefined; password?: undefined };

export interface DellinClientOptions extends ClientOptions {
  /** The application key. Put into every body by the client; never in errors or logs. */
  appkey: string;
  /** Personal-account credentials: with them (and no sessionID) the client logs in on first use. */
  login?: string;
  password?: string;
  /** An open session to use as it is. */
  sessionID?: string;
  /** The wire format; both give the same typed results. Default `json`. */
  format?: 'json' | 'xml';
  /**
   * Where the session logged into lives. Default: this client alone. Pass `createRedisCredentialStore` from
   * `delivery-api-clients/redis/node` so every process of the account uses one session: one login, one re-login.
   */
  sessionStore?: CredentialStore;
}

/**
 * Whether each method's success answer must carry `data` (the spec's `required` of LoginResponse, LogoutResponse,
 * SessionInfoResponse, RequestDeliveryResponse, DeliveryDatesResponse; test/dellin/envelope.test.ts checks it against
 * the spec). `metadata` every answer carries.
 */
const DATA_REQUIRED: Readonly<Record<'requestDelivery' | 'deliveryDates' | 'login' | 'logout' | 'sessionInfo', boolean>> = {
  requestDelivery: true,
  deliveryDates: true,
  login: true,
  logout: false,
  sessionInfo: true,
};

/**
 * Checks the envelope of a successful answer (HTTP 2xx, and `metadata.status` not a number other than 200, which is a
 * DellinApiError before this runs): `metadata` an object whose `status` is the integer 200, and `data` an object where
 * the spec requires it (and, where it is optional, absent or an object). Every Dellin answer carries `metadata` with an
 * integer `status` (seed 002 "Структура ответа"; reference dellin.md §0 and §1, the spec's `Metadata`), login's and
 * logout's too. A body that breaks this is a DecodeError naming the member: the same class an XML answer gets when it
 * breaks the shape (`<status>abc</status>`), so a JSON call and its XML twin fail alike; an InvalidResponseError is
 * for bodies that cannot be read at all.
 */
function checkEnvelope(method: Method, body: unknown, context: ErrorContext): void {
  const wrong = (path: string, expected: string, got: unknown) => new DecodeError(context, path, `expected ${expected}, got ${got === undefined ? 'nothing' : Array.isArray(got) ? 'an array' : got === null ? 'null' : typeof got === 'string' ? 'a string' : typeof got === 'object' ? 'an object' : String(got)}`);
  if (!isPlainObject(body)) throw wrong('', 'an object with metadata', body);
  if (!isPlainObject(body.metadata)) throw wrong('metadata', 'an object with status', body.metadata);
  if (body.metadata.status !== 200) throw wrong('metadata.status', 'the integer 200 in a successful answer', body.metadata.status);
  if ((DATA_REQUIRED[method] || body.data !== undefined) && !isPlainObject(body.data)) throw wrong('data', 'an object', body.data);
}

type Path = keyof paths;
/** The JSON path of each method and its XML twin's operation id. */
const METHODS = {
  requestDelivery: '/v2/request_delivery',
  deliveryDates: '/v2/request_delivery/address/dates',
  login: '/v3/auth/login',
  logout: '/v3/auth/logout',
  sessionInfo: '/v3/auth/session_info',
} as const;
type Method = keyof typeof METHODS;

/** The client; `requestDelivery` takes the body shape of its session mode (from how it was created). */
export type DellinClient<Mode extends SessionMode = SessionMode> = Omit<ReturnType<typeof buildClient>, 'requestDelivery'> & {
  /** Adds door delivery to an order. Not retried: Dellin takes no idempotency key. */
  requestDelivery(body: RequestDeliveryInput<Mode>, requestOptions?: RequestOptions): ApiPromise<RequestDeliveryResponse>;
};

export function createDellinClient(options: AuthorizedDellinClientOptions): DellinClient<'authorized'>;
export function createDellinClient(options: AnonymousDellinClientOptions): DellinClient<'anonymous'>;
export function createDellinClient(options: DellinClientOptions): DellinClient;
export function createDellinClient(options: DellinClientOptions): DellinClient {
  options = readOptions('dellin', 'createClient', options);
  return buildClient(options);
}

function buildClient(options: DellinClientOptions) {
  const { appkey, login, password, format = 'json' } = options;
  let sessionID = options.sessionID;
  let loggingIn: Promise<string> | undefined;

  const api = createApiClient<paths>(
    {
      name: 'dellin',
      defaultBaseUrl: DELLIN_BASE_URL,
      secrets: [appkey, login, password, sessionID],
      // An integer status other than 200 is Dellin's own error; anything else that is not 200 breaks the envelope
      // (checkEnvelope: a DecodeError).
      failedInside: (body) => isPlainObject(body) && isPlainObject(body.metadata) && Number.isSafeInteger(body.metadata.status) && body.metadata.status !== 200,
      describeError: (body) => {
        const items = errorItems(body);
        const status = isPlainObject(body) && isPlainObject(body.metadata) && typeof body.metadata.status === 'number' ? body.metadata.status : undefined;
        const message = items.map((item) => [item.title, item.detail, item.fields?.length ? `(fields: ${item.fields.join(', ')})` : ''].filter(Boolean).join(': ')).join('; ');
        return { code: items[0]?.code ? String(items[0].code) : undefined, message: message || undefined, status };
      },
      errorClass: DellinApiError,
    },
    options,
  );

  /**
   * XML mode: the body goes out as XML under <request>, and an XML answer is decoded (by the spec's shapes) into the
   * object its JSON twin would have sent, so everything after this point is the same for both formats.
   */
  const viaXml =
    (method: Method, shape: XmlShape, fetch: FetchLike): FetchLike =>
    async (request, init) => {
      const response = await fetch(request, init);
      if (!/[/+]xml\b/.test(response.headers.get('content-type') ?? '')) return response;
      const bytes = await response.arrayBuffer();
      const context = { api: 'dellin', operation: method, attempts: 1 };
      const decoded = decodeXml(readXmlText(new Uint8Array(bytes), response.headers.get('content-type'), context), shape, context);
      // The headers stay the server's (withResponse and ApiError show what was sent); openapi-fetch reads the decoded value.
      return bufferedResponse(bytes, response, { value: decoded });
    };

  function post<R>(method: Method, body: Record<string, unknown>, requestOptions?: RequestOptions, readOnly = false): ApiPromise<R> {
    const envelope = (data: unknown, _response: Response, context: ErrorContext): R => (checkEnvelope(method, data, context), data as R);
    const call = api.call<unknown, R>({ name: method, readOnly }, requestOptions, async (fetch) => {
      if (format === 'json') return api.raw.POST(`${METHODS[method]}.json` as Path, { body: body as never, fetch });
      const shapes = await import('./xml-shapes.ts');
      return api.raw.POST(`${METHODS[method]}.xml` as Path, {
        body: body as never,
        bodySerializer: (value: unknown) => encodeXml(value, shapes.requestRoot(method)),
        headers: { 'Content-Type': 'application/xml', Accept: 'application/xml' },
        fetch: viaXml(method, shapes.answerShape(method), fetch),
      });
    }, envelope);
    return apiPromise(call.withResponse() as Promise<WithResponse<R>>);
  }

  const store = options.sessionStore ?? createLocalCredentialStore();
  const adopt = (session: string) => {
    api.redactor.add(session);
    sessionID = session;
    return session;
  };

  /**
   * Logs in, replacing the session `stale` (undefined: there was none) unless another client sharing the store has
   * already replaced it; the session is then used by every call. Needs `login` and `password`.
   */
  async function logIn(requestOptions: RequestOptions | undefined, stale: string | undefined): Promise<string> {
    if (login === undefined || password === undefined) throw usage('login', 'login() needs the login and password options');
    loggingIn ??= store
      .renew(stale, async () => {
        const answer = await post<LoginResponse>('login', { appkey, login, password }, requestOptions);
        const session: unknown = isPlainObject(answer) && isPlainObject(answer.data) ? answer.data.sessionID : undefined;
        if (typeof session !== 'string' || !session.trim()) {
          throw new InvalidResponseError({ api: 'dellin', operation: 'login', attempts: 1 }, { status: 200, reason: 'the login answer has no data.sessionID', bodySnippet: '' });
        }
        return { value: adopt(session) };
      })
      .then((stored) => adopt(stored.value))
      .finally(() => {
        loggingIn = undefined;
      });
    return loggingIn;
  }

  const usage = (operation: string, reason: string) => new UsageError({ api: 'dellin', operation, attempts: 0 }, reason);
  const hasCredentials = login !== undefined && password !== undefined;
  // A client made with a session sends authorized bodies: it never sends one without a session (after logout, say).
  const authorized = hasCredentials || options.sessionID !== undefined;
  const isSessionRefused = (error: unknown) => error instanceof DellinApiError && error.status === 401;

  /** Runs a call with the session in its body: logs in first when needed, and once more if the session was refused. */
  function withSession<R>(run: (session: string | undefined) => ApiPromise<R>, required: boolean): ApiPromise<R> {
    return apiPromise(
      (async () => {
        if (loggingIn) await loggingIn;
        if (sessionID === undefined && hasCredentials) {
          const shared = await store.get();
          if (shared) adopt(shared.value);
          else await logIn(undefined, undefined);
        }
        if (sessionID === undefined && required) throw usage('session', 'this method needs a session: pass sessionID, or login and password');
        const used = sessionID;
        try {
          return await run(used).withResponse();
        } catch (error) {
          if (!hasCredentials || !isSessionRefused(error)) throw error;
          if (sessionID === used) await logIn(undefined, used); // unless another call has already replaced it
          return run(sessionID).withResponse();
        }
      })(),
    );
  }

  const withCredentials = (body: object, session: string | undefined) => ({ appkey, ...(session ? { sessionID: session } : {}), ...body });

  return {
    /** The typed openapi-fetch client (JSON paths), for anything the methods below do not cover. */
    raw: api.raw,
    format,

    /** Adds door delivery to an order. Not retried: Dellin takes no idempotency key. */
    requestDelivery: (body: RequestDeliveryInput, requestOptions?: RequestOptions) =>
      withSession((session) => post<RequestDeliveryResponse>('requestDelivery', withCredentials(body, session), requestOptions), authorized),

    /** The dates on which delivery to the address is possible. A read: retried like a GET. */
    deliveryDates: (body: DeliveryDatesInput, requestOptions?: RequestOptions) =>
      withSession((session) => post<DeliveryDatesResponse>('deliveryDates', withCredentials(body, session), requestOptions, true), true),

    /** Logs in now (otherwise the first call does), unless another client sharing the session store already has. */
    login: (requestOptions?: RequestOptions) => logIn(requestOptions, sessionID),

    /** Closes the session; a later call logs in again (with credentials). */
    async logout(requestOptions?: RequestOptions): Promise<LogoutResponse | undefined> {
      if (sessionID === undefined) return undefined;
      const closed = sessionID;
      const answer = await post<LogoutResponse>('logout', withCredentials({}, closed), requestOptions);
      sessionID = undefined;
      if (hasCredentials) await store.clear(closed);
      return answer;
    },

    /** Whether the session is still open, and until when. */
    sessionInfo: (requestOptions?: RequestOptions) =>
      withSession((session) => post<SessionInfoResponse>('sessionInfo', withCredentials({}, session), requestOptions, true), true),
  };
}

