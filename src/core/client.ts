// What each API folder builds its client from: the typed openapi-fetch client on top of the shared transport, and
// `call`, which turns openapi-fetch's {data, error, response} into the typed body or one of the typed errors.
import openapiFetch, { type Client } from 'openapi-fetch';
import type { AccountLock } from './coordination.ts';
import { clearDeadline, startDeadline, type Deadline } from './deadlines.ts';
import { ApiError, InvalidResponseError, NetworkError, SdkError, TimeoutError, UsageError, type ApiErrorDetails, type ErrorContext } from './errors.ts';
import { levelledLogger, type LogLevel } from './log.ts';
import { isError, isPlainObject, scalarText, textOf } from './objects.ts';
import { PathParameterError, safePathSerializer } from './paths.ts';
import { createRedactor, REDACTED, type Redactor } from './redact.ts';
import { defaultRetryPolicy, parseRetryAfter, type RetryPolicy } from './retry.ts';
import { createCallFetch, replayableRequestClass, type Authenticate, type Reauthenticate, type CallPolicy, type CallState, type FetchLike, type Logger, type TransportConfig } from './transport.ts';

/**
 * openapi-fetch's `createClient`, its default export. The package's CommonJS build (dist/*.cjs) loads openapi-fetch's
 * CommonJS build, whose `exports.default` it is; the bundler reads a default import there as Node does (the whole
 * `exports`), so it is one level down in that build.
 */
const createClient = (openapiFetch as unknown as { default?: typeof openapiFetch }).default ?? openapiFetch;

/** Options every client accepts. */
export interface ClientOptions {
  /** Overrides the API's production server (a sandbox, a mock on localhost, a proxy). */
  baseUrl?: string;
  /**
   * A fetch of your own: an undici fetch with a client-certificate dispatcher, a test double, an instrumented fetch.
   * It must pass on `init` (its `redirect: 'manual'` above all: the client decides on redirects, see RedirectError).
   */
  fetch?: FetchLike;
  /**
   * Per-attempt timeout, covering headers and body (and, before the first attempt, reading an upload's content from a
   * stream). Default 30 000 ms.
   */
  timeoutMs?: number;
  /** Retry policy; default 2 retries, 500 ms doubling backoff with jitter, capped at 8 s; Retry-After up to 60 s is honoured. */
  retry?: Partial<RetryPolicy>;
  /** Receives one redacted event per HTTP attempt (filtered by `logLevel`); default: the console, when a level is set. */
  logger?: Logger;
  /**
   * Which attempt lines are logged: `error` (the attempt that fails the call), `warn` (+ retries), `info` (+ every
   * answered attempt), `debug` (the same, with each event's fields); `off`. Default: the DELIVERY_API_LOG environment
   * variable where there is a `process.env`, else everything for your own `logger` and `off` for the console.
   */
  logLevel?: LogLevel;
  /** Makes idempotency keys; default crypto.randomUUID. */
  idempotencyKey?: () => string;
  /**
   * The largest answer body read, in bytes after decompression (default 52 428 800: 50 MiB, above any document or
   * photo these APIs send). A larger body is not read further: the call fails with an InvalidResponseError.
   */
  maxResponseBytes?: number;
}

/** Options every wrapper method accepts as its last argument. */
export interface RequestOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  maxRetries?: number;
  /** For operations with an idempotency key: reuse your own key (for example one you stored before a crash). */
  idempotencyKey?: string;
  /**
   * Headers for this call only (a trace id, a language): each replaces a header of the same name the client would send,
   * except the credentials an API adds per request (a login token).
   */
  headers?: Record<string, string>;
  /**
   * Fetch options for this call only (`cache`, `keepalive`, `priority`, undici's `dispatcher`, …). Body, method,
   * headers, signal and redirect are the client's to set: use `headers` and `signal` above.
   */
  fetchOptions?: FetchOptions;
}

/** RequestInit without what the client sets itself. */
export type FetchOptions = Omit<RequestInit, 'body' | 'method' | 'headers' | 'signal' | 'redirect' | 'window'> & Record<string, unknown>;

/** A wrapped call's typed body together with the HTTP answer it came in. */
export interface WithResponse<T> {
  data: T;
  /** The final answer (after retries): status, headers; its body has already been read into `data`. */
  response: Response;
  /** The request id the API sent back in a response header, to quote to its support. */
  requestId: string | undefined;
}

/**
 * What every wrapped method returns: a Promise of the typed body, which can also give the body with its response
 * (`await client.getTask(id).withResponse()` → `{ data, response, requestId }`), as openai-node's APIPromise does.
 * Either way the call is made once.
 */
export interface ApiPromise<T> extends Promise<T> {
  withResponse(): Promise<WithResponse<T>>;
}

/** An ApiPromise over a call's full result; the body alone is taken from it only when asked for. */
export function apiPromise<T>(result: Promise<WithResponse<T>>): ApiPromise<T> {
  let data: Promise<T> | undefined;
  // Taken lazily, so a caller who only asks withResponse() gets no second, unhandled rejection.
  const body = () => (data ??= result.then((full) => full.data));
  return {
    then: (onFulfilled, onRejected) => body().then(onFulfilled, onRejected),
    catch: (onRejected) => body().catch(onRejected),
    finally: (onFinally) => body().finally(onFinally),
    withResponse: () => result,
    [Symbol.toStringTag]: 'ApiPromise',
  };
}

/** Makes a successful body into what a method returns; throws a DecodeError (naming the member) for a body it cannot read. */
export type Decode<T, U> = (data: T, response: Response, context: ErrorContext) => U | Promise<U>;

/** What an API folder tells the core about its API. */
export interface ApiDefinition {
  /** The key in redocly.yaml (`yandex-fleet`); starts every error message. */
  name: string;
  defaultBaseUrl: string;
  /** Adds credentials that change (a login token) to each request; fixed ones go in `headers`. */
  authenticate?: Authenticate;
  /** For an API with a login: renews the credentials after a 401 so the call can go once more. */
  reauthenticate?: Reauthenticate;
  /** Credential values to mask in every error and log line. */
  secrets: Array<string | undefined>;
  idempotencyHeader?: string;
  /** Headers sent on every request (a fixed credential, a language, a version). */
  headers?: Record<string, string>;
  /**
   * Reads the API's own error code, message and request id out of a parsed error body; `status`, for an error reported
   * inside an HTTP 200, is the status the API itself gives it (Dellin's `metadata.status`).
   */
  describeError?: (body: unknown) => { code?: string; message?: string; requestId?: string; status?: number };
  /** Whether a successful HTTP answer actually reports a failure (Dellin's `metadata.status`, Dilovod's `error`). */
  failedInside?: (body: unknown) => boolean;
  /** The API's own ApiError subclass (DellinApiError, DilovodApiError), so callers can tell them apart. */
  errorClass?: new (context: ErrorContext, details: ApiErrorDetails) => ApiError;
  /** One request in flight per account (Dilovod): every attempt, raw calls too, holds it until the server is done. */
  lock?: AccountLock;
  /** How long a request its caller gave up on keeps the lock while the server may still work on it (coordination.ts). */
  holdAbandonedMs?: number;
}

export interface Operation {
  /** The spec's operationId. */
  name: string;
  /** A POST that only reads: safe to retry. */
  readOnly?: boolean;
  /** A success may come with no body (204, or an API that sends nothing where it documents `{}`). */
  emptyBodyAllowed?: boolean;
}

/** The part of openapi-fetch's result `call` needs. */
export interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

export interface ApiClient<Paths extends {}> {
  /** The typed openapi-fetch client, with the same auth, retries, timeouts and logging, for anything not wrapped. */
  raw: Client<Paths>;
  /**
   * Runs one wrapped operation; `send` makes the openapi-fetch call with the given `fetch` (the call's own transport).
   * `decode` makes the successful body into what the method returns (flattened, unwrapped, dropped) inside the call, so
   * what it throws leaves as every failure does: one of the SdkError classes, masked (a DecodeError as it is; anything
   * else as an InvalidResponseError).
   */
  call<T, U = T>(operation: Operation, options: RequestOptions | undefined, send: (fetch: FetchLike) => Promise<FetchResult<T>>, decode?: Decode<T, U>): ApiPromise<U>;
  /** The caller's idempotency key, or a fresh one: take it once per logical call, before the first attempt. */
  idempotencyKey(options?: RequestOptions): string;
  redactor: Redactor;
}

const DEFAULT_MAX_RESPONSE_BYTES = 50 * 1024 * 1024;
const REQUEST_ID_HEADERS = ['x-request-id', 'x-yarequestid', 'x-req-id', 'request-id', 'x-correlation-id'];
const SNIPPET_LENGTH = 500;
/** The longest code, message or request id an ApiError shows (the body keeps the whole answer). */
export const SHOWN_LENGTH = 1000;

/**
 * Control characters (CR, LF, ESC, BEL, NUL, C1, U+2028/9) and lone surrogates as `\\uXXXX` text (`\\r`, `\\n`, `\\t` for
 * those), so a server's text cannot forge a log line or drive a terminal.
 */
export function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (char) =>
    char === '\r' ? '\\r' : char === '\n' ? '\\n' : char === '\t' ? '\\t' : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * The caller's options, read once: a plain object (and its plain `retry`, `headers`, `fetchOptions`) into a copy, so
 * what it throws while read (a getter, a Proxy) is a UsageError and a getter that answers differently on each read
 * changes nothing. Anything else (an instance of a class of the caller's, Headers) is passed on as it is.
 */
export function readOptions<T extends object>(apiName: string, operation: string, options: T | undefined): T {
  const plain = (value: unknown): value is object => isPlainObject(value) && [Object.prototype, null].includes(Object.getPrototypeOf(value));
  try {
    if (!plain(options)) return (options ?? {}) as T;
    const copy: Record<string, unknown> = { ...(options as object) };
    for (const key of ['retry', 'headers', 'fetchOptions']) if (plain(copy[key])) copy[key] = { ...(copy[key] as object) };
    return copy as T;
  } catch (error) {
    throw new UsageError({ api: apiName, operation, attempts: 0 }, `the options could not be read (${isError(error) ? error.message : 'not an object'})`, error);
  }
}

export function createApiClient<Paths extends {}>(api: ApiDefinition, given: ClientOptions = {}): ApiClient<Paths> {
  const options = readOptions(api.name, 'createClient', given);
  const redactor = createRedactor(api.secrets);
  const transport: TransportConfig = {
    api: api.name,
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    authenticate: api.authenticate,
    reauthenticate: api.reauthenticate,
    idempotencyHeader: api.idempotencyHeader,
    timeoutMs: options.timeoutMs ?? 30_000,
    retry: { ...defaultRetryPolicy, ...options.retry },
    redactor,
    logger: levelledLogger(api.name, options.logger, options.logLevel),
    lock: api.lock,
    holdAbandonedMs: api.holdAbandonedMs,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
  };
  const newKey = options.idempotencyKey ?? (() => crypto.randomUUID());
  const missing = missingGlobals(api, options);
  if (missing.length > 0) throw new UsageError({ api: api.name, operation: 'createClient', attempts: 0 }, `this runtime lacks ${missing.join(', ')}, which the client needs (README: Runtimes); pass the options that replace them or add a polyfill`);
  const baseUrl = options.baseUrl ?? api.defaultBaseUrl;
  // fetch refuses a URL with credentials anyway, and quotes it whole in its TypeError: refused here, never quoted.
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(baseUrl)) throw new UsageError({ api: api.name, operation: 'createClient', attempts: 0 }, 'baseUrl must not carry credentials (user:password@): pass them as the API\'s own options');
  // Raw calls get their own per-call transport too, so each has its own attempt count and retry budget.
  const raw = createClient<Paths>({
    baseUrl,
    headers: api.headers,
    Request: replayableRequestClass(),
    pathSerializer: safePathSerializer,
    fetch: (request: Request, init?: RequestInit) => createCallFetch(transport).fetch(request, init),
  });

  function call<T, U = T>(operation: Operation, requestOptions: RequestOptions | undefined, send: (fetch: FetchLike) => Promise<FetchResult<T>>, decode?: Decode<T, U>): ApiPromise<U> {
    return apiPromise(respond(operation, requestOptions, send, decode));
  }

  async function respond<T, U>(operation: Operation, requestOptions: RequestOptions | undefined, send: (fetch: FetchLike) => Promise<FetchResult<T>>, decode?: Decode<T, U>): Promise<WithResponse<U>> {
    const policy: CallPolicy = { operation: operation.name, readOnly: operation.readOnly, ...readOptions(api.name, operation.name, requestOptions) };
    const { fetch, state } = createCallFetch(transport, policy);
    const context = (): ErrorContext => ({ api: api.name, operation: state.operation, attempts: state.attempts });
    try {
      const { data, error, response } = await sendWithin(send, fetch, policy, context);
      if (!response.ok) throw apiError(context(), response, error === '' ? undefined : error);
      if (data === undefined && !operation.emptyBodyAllowed) throw invalidResponse(context(), state, 'empty body');
      if (api.failedInside?.(data)) throw apiError(context(), response, data);
      return { data: decode ? await decode(data as T, response, context()) : (data as U), response, requestId: requestIdOf(response.headers) };
    } catch (error) {
      if (policy.signal?.aborted) throw error;
      // The one exit for every failure: one of ours, with every string it carries masked.
      throw redactor.error(typed(error, context(), state));
    }
  }

  /**
   * Runs `send`. Until it calls fetch it reads what the caller gave (an upload's stream), which may never end: that
   * wait is bounded by the attempt's timeout (a TimeoutError), and the caller's abort ends the call whenever it comes.
   */
  function sendWithin<T>(send: (fetch: FetchLike) => Promise<T>, fetch: FetchLike, policy: CallPolicy, context: () => ErrorContext): Promise<T> {
    const signal = policy.signal;
    const timeoutMs = policy.timeoutMs ?? transport.timeoutMs;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(signal?.reason);
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      let deadline: Deadline | undefined = startDeadline(timeoutMs, () => reject(new TimeoutError(context(), timeoutMs)));
      const started = () => {
        if (deadline) clearDeadline(deadline);
        deadline = undefined;
      };
      send((input, init) => {
        started();
        return fetch(input, init);
      })
        .then(resolve, reject)
        .finally(() => {
          started();
          signal?.removeEventListener('abort', onAbort);
        });
    });
  }

  /** Whatever was thrown on the way, as one of ours: anything else is a bug somewhere, but still a typed failure. */
  function typed(error: unknown, context: ErrorContext, state: CallState): SdkError {
    if (error instanceof SdkError) return error;
    if (error instanceof PathParameterError) return new UsageError(context, error.message);
    // openapi-fetch throws SyntaxError when a success body is not JSON.
    if (error instanceof SyntaxError && state.last) return invalidResponse(context, state, 'body is not valid JSON', error);
    const what = isError(error) ? `${error.name}: ${error.message}` : `${typeof error} thrown`;
    if (state.attempts === 0) return new UsageError(context, `the request could not be made: ${what}`, error);
    if (state.last) return invalidResponse(context, state, `the answer could not be read: ${what}`, error);
    return new NetworkError(context, what, error);
  }

  function apiError(context: ErrorContext, response: Response, body: unknown): ApiError {
    let own: ReturnType<NonNullable<ApiDefinition['describeError']>> = {};
    try {
      own = api.describeError?.(body) || {}; // each reader guards its own shapes (Dilovod reads a bare error text)
    } catch {
      // An error reader that chokes on a shape it never expected still leaves an ApiError with the status and body.
    }
    const problem = body !== null && typeof body === 'object' ? describeProblem(body) : {};
    return new (api.errorClass ?? ApiError)(context, {
      status: (response.ok ? httpStatus(own.status) : undefined) ?? response.status,
      code: shown(scalarText(own.code) ?? problem.code),
      apiMessage: shown(textOf(own.message) ?? problem.message),
      requestId: shown(requestIdOf(response.headers) ?? scalarText(own.requestId)),
      body: typeof body === 'string' ? redactor.snippet(body, SNIPPET_LENGTH) : body,
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
      headers: maskedHeaders(response.headers, redactor),
    });
  }

  /** A server's text as an error shows it: masked, then cut to SHOWN_LENGTH with `…`, control characters escaped. */
  function shown(value: string | undefined): string | undefined {
    if (value === undefined) return undefined;
    const cut = redactor.snippet(value, SHOWN_LENGTH);
    return escapeControls(value.length > SHOWN_LENGTH ? `${cut}…` : cut);
  }

  function invalidResponse(context: ErrorContext, state: CallState, reason: string, cause?: unknown): InvalidResponseError {
    const last = state.last;
    return new InvalidResponseError(context, {
      status: last?.status ?? 0,
      reason,
      contentType: last?.headers.get('content-type') ?? undefined,
      requestId: last ? requestIdOf(last.headers) : undefined,
      bodySnippet: last ? redactor.snippet(new TextDecoder().decode(last.body), SNIPPET_LENGTH) : '',
      cause,
    });
  }

  return {
    raw,
    call,
    idempotencyKey: (requestOptions) => requestOptions?.idempotencyKey ?? newKey(),
    redactor,
  };
}

/** The web-standard globals every call uses (README: Runtimes). */
const REQUIRED_GLOBALS = ['Request', 'Response', 'Headers', 'AbortController', 'TextEncoder', 'TextDecoder', 'performance', 'setTimeout', 'clearTimeout'] as const;

/**
 * The globals this runtime lacks that the client would need: a runtime without one (an old test sandbox without
 * `performance`, a page without `crypto.randomUUID`, which browsers give secure contexts only) is told so when the
 * client is made, not by a NetworkError on every call. `fetch` and the idempotency key's UUIDs only when no option
 * replaces them, and the UUIDs only for an API that sends idempotency keys.
 */
function missingGlobals(api: ApiDefinition, options: ClientOptions): string[] {
  const scope = globalThis as unknown as Record<string, unknown>;
  const missing: string[] = REQUIRED_GLOBALS.filter((name) => scope[name] === undefined);
  if (!options.fetch && typeof scope.fetch !== 'function') missing.push('fetch');
  const uuids = (scope.crypto as { randomUUID?: unknown } | undefined)?.randomUUID;
  if (api.idempotencyHeader && !options.idempotencyKey && typeof uuids !== 'function') missing.push('crypto.randomUUID');
  return missing;
}

/**
 * RFC 7807 problem details, which proxies and the Prism mocks answer with (Prism lists each validation failure):
 * read so the error says what was wrong even when the body is not in the API's own error shape.
 */
function describeProblem(body: unknown): { code?: string; message?: string } {
  if (!isPlainObject(body) || typeof body.title !== 'string') return {};
  const failures = Array.isArray(body.validation)
    ? body.validation.map((v) => (isPlainObject(v) ? [Array.isArray(v.location) ? v.location.map((part) => textOf(part)).join('.') : textOf(v.location), textOf(v.message)].filter(Boolean).join(' ') : textOf(v)))
    : [];
  const detail = typeof body.detail === 'string' && body.detail ? body.detail : body.title;
  return {
    code: typeof body.type === 'string' ? body.type : undefined,
    message: failures.length > 0 ? `${detail}: ${failures.join('; ')}` : detail,
  };
}

/** An API's own status for an error reported inside an HTTP 200, when it is a real HTTP status. */
function httpStatus(value: unknown): number | undefined {
  return Number.isInteger(value) && (value as number) >= 100 && (value as number) <= 599 ? (value as number) : undefined;
}

/** Response headers that carry credentials themselves: kept by name, their values masked whole. */
const CREDENTIAL_HEADERS = new Set(['set-cookie', 'authorization', 'proxy-authorization', 'cookie', 'x-api-key']);

/** A response's headers as a plain record (lower-case names), with every registered secret and credential header masked. */
function maskedHeaders(headers: Headers, redactor: Redactor): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = CREDENTIAL_HEADERS.has(name) ? REDACTED : redactor.text(value);
  });
  return out;
}

function requestIdOf(headers: Headers): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name);
    if (value) return value;
  }
  return undefined;
}
