// The one request path every call takes: credentials, per-attempt timeout, retries with backoff, logging.
// openapi-fetch builds the Request; this function is its `fetch`.
import { holdUntilSettled, type AccountLock, type LockHold } from './coordination.ts';
import { clearDeadline, startDeadline } from './deadlines.ts';
import { CoordinationError, InvalidResponseError, NetworkError, RedirectError, SdkError, TimeoutError, UsageError, type ErrorContext } from './errors.ts';
import { readStreamLimited } from './read-limited.ts';
import type { Redactor } from './redact.ts';
import { backoffDelay, isRetryableStatus, isSafeToRepeat, optionProblem, parseRetryAfter, sleep, type RetryPolicy } from './retry.ts';
import { isError } from './objects.ts';

export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

/** Adds the API's credentials to a request just before it is sent (once per logical call; retries reuse the result). */
export type Authenticate = (request: Request) => void | Promise<void>;

/**
 * Called when a request was answered 401: renews the credentials (an API with a login) and says whether the request
 * should go again with them. The request is then authenticated anew and sent once more.
 */
export type Reauthenticate = (request: Request) => Promise<boolean>;

export interface LogEvent {
  /** `info`: an attempt answered; `warn`: it will be retried (or sent again with renewed credentials); `error`: the call fails with it. */
  level: 'error' | 'warn' | 'info';
  message: string;
  api: string;
  operation: string;
  method: string;
  /** The request URL with secrets masked. */
  url: string;
  attempt: number;
  status?: number;
  durationMs: number;
  retryInMs?: number;
}

/** Receives one event per attempt; messages and URLs are already redacted. */
export type Logger = (event: LogEvent) => void;

export interface TransportConfig {
  api: string;
  fetch: FetchLike;
  authenticate: Authenticate | undefined;
  reauthenticate: Reauthenticate | undefined;
  /** The header that makes a request safe to repeat (`Idempotency-Key`, `X-Idempotency-Token`), when the API has one. */
  idempotencyHeader: string | undefined;
  timeoutMs: number;
  retry: RetryPolicy;
  redactor: Redactor;
  logger: Logger | undefined;
  /** One request in flight per account (Dilovod): each attempt holds the lock until the server is done with it. */
  lock?: AccountLock;
  /** How long an attempt its caller gave up on (timeout, abort) may keep the lock while the server still works on it. */
  holdAbandonedMs?: number;
  /** The largest answer body read, in bytes after decompression; a larger one is an InvalidResponseError. */
  maxResponseBytes: number;
}

/** What one logical call asks of the transport, beyond the client's defaults. */
export interface CallPolicy {
  /** Shown in errors and logs; `METHOD /path` when not named. */
  operation?: string;
  /** A POST that only reads (a search, a list): safe to repeat although its method is not. */
  readOnly?: boolean;
  signal?: AbortSignal;
  timeoutMs?: number;
  maxRetries?: number;
  /** Headers for this call, set on the request before the credentials an API adds per request. */
  headers?: Record<string, string>;
  /** RequestInit fields for this call's fetch (what the transport sets itself is never taken from here). */
  fetchOptions?: RequestInit;
}

/** Filled in while the call runs, so the caller can describe what happened. */
export interface CallState {
  operation: string;
  attempts: number;
  /** The answer that was handed back, kept so a body that fails to parse can be described. */
  last?: { status: number; headers: Headers; body: ArrayBuffer };
}

// The two classes below extend fetch's own, so they are made on first use, never at import: in Node, naming `Request` or
// `Response` loads its whole fetch implementation (undici), which made importing an entry cost 9× importing
// openapi-fetch alone (issue 14).

/** A Request that keeps the body it was made with (what openapi-fetch's `Request` option builds). */
export interface ReplayableRequest extends Request {
  readonly replayBody: RequestInit['body'];
}
type RequestClass = new (input: Request | string | URL, init?: RequestInit) => ReplayableRequest;
let replayableRequest: RequestClass | undefined;

/**
 * The class for createClient's `Request` option: it keeps the body it was made with, so a retry rebuilds the request
 * from it instead of every attempt that might be repeated paying for a `clone()` of the body.
 */
export function replayableRequestClass(): RequestClass {
  replayableRequest ??= class ReplayableRequest extends Request {
    readonly replayBody: RequestInit['body'];

    constructor(input: Request | string | URL, init?: RequestInit) {
      super(input, init);
      this.replayBody = init?.body;
    }
  };
  return replayableRequest;
}

type ResponseClass = new (bytes: ArrayBuffer, init: ResponseInit, decoded?: { value: unknown }) => Response;
let bufferedResponseClass: ResponseClass | undefined;

/**
 * An answer whose body was read to the end inside its attempt (so the timeout covers it and a reset mid-body can be
 * retried). openapi-fetch then reads it from memory: no second stream, which would cost more than the parse itself.
 * `decoded`: the body already read into what its JSON would be (Dellin's XML): json() gives it, text() its JSON.
 */
export function bufferedResponse(bytes: ArrayBuffer, init: ResponseInit, decoded?: { value: unknown }): Response {
  bufferedResponseClass ??= defineBufferedResponse();
  return new bufferedResponseClass(bytes, init, decoded);
}

function defineBufferedResponse(): ResponseClass {
  const utf8 = new TextDecoder();
  interface BufferedResponse extends Response {}
  // Node's typings declare Response's methods as properties, which a subclass may not redefine as methods.
  class BufferedResponse extends (Response as new (body: null, init: ResponseInit) => object) {
    readonly #bytes: ArrayBuffer;
    readonly #decoded: { value: unknown } | undefined;

    constructor(bytes: ArrayBuffer, init: ResponseInit, decoded?: { value: unknown }) {
      super(null, init);
      this.#bytes = bytes;
      this.#decoded = decoded;
    }

    get body(): Response['body'] {
      return this.#bytes.byteLength > 0 ? new Response(this.#bytes).body : null;
    }

    async arrayBuffer(): Promise<ArrayBuffer> {
      return this.#bytes;
    }

    async text(): Promise<string> {
      return this.#decoded ? JSON.stringify(this.#decoded.value) : utf8.decode(this.#bytes);
    }

    async json(): Promise<unknown> {
      return this.#decoded ? this.#decoded.value : JSON.parse(utf8.decode(this.#bytes));
    }

    async blob(): Promise<Blob> {
      return new Blob([this.#bytes], { type: this.headers.get('content-type') ?? '' });
    }

    formData(): Promise<FormData> {
      return new Response(this.#bytes, this).formData();
    }

    clone(): BufferedResponse {
      return new BufferedResponse(this.#bytes, this, this.#decoded);
    }
  }
  return BufferedResponse;
}

export function createCallFetch(config: TransportConfig, policy: CallPolicy = {}): { fetch: FetchLike; state: CallState } {
  const state: CallState = { operation: policy.operation ?? '', attempts: 0 };

  async function send(request: Request, init?: RequestInit): Promise<Response> {
    for (const [name, value] of Object.entries(policy.headers ?? {})) {
      // A credential given for one call (another key, a token) is masked like the client's own, wherever it is echoed.
      if (CREDENTIAL_HEADER.test(name) && !/idempotency/i.test(name)) config.redactor.add(value);
      request.headers.set(name, value);
    }
    if (policy.fetchOptions) init = { ...callFetchOptions(policy.fetchOptions), ...init };
    const method = request.method;
    state.operation ||= `${method} ${new URL(request.url).pathname}`;
    // Checked per call (client options too), before any login: a bad option is a typed rejection, never endless retries.
    const problem = optionProblem({ timeoutMs: policy.timeoutMs ?? config.timeoutMs, retry: config.retry, maxRetries: policy.maxRetries, maxResponseBytes: config.maxResponseBytes });
    if (problem) throw new UsageError({ api: config.api, operation: state.operation, attempts: state.attempts }, problem);
    const authenticating = config.authenticate?.(request);
    if (authenticating) await authenticating;
    // A wrapper passes the caller's signal in the policy; a raw openapi-fetch call carries it on the request.
    const callerSignal: AbortSignal | undefined = policy.operation === undefined ? request.signal : policy.signal;
    const hasKey = config.idempotencyHeader !== undefined && request.headers.has(config.idempotencyHeader);
    const safe = isSafeToRepeat(method, hasKey, policy.readOnly);
    const maxRetries = safe ? (policy.maxRetries ?? config.retry.maxRetries) : 0;
    const timeoutMs = policy.timeoutMs ?? config.timeoutMs;
    const context = (): ErrorContext => ({ api: config.api, operation: state.operation, attempts: state.attempts });
    // The URL is redacted only when there is a logger to tell: most calls never pay for it.
    const url = () => config.redactor.text(request.url);
    const log = (event: Omit<LogEvent, 'api' | 'operation' | 'method' | 'url' | 'attempt'>) =>
      config.logger?.({ ...event, message: config.redactor.text(event.message), api: config.api, operation: state.operation, method, url: url(), attempt: state.attempts });
    const replayBody = replayableRequest && request instanceof replayableRequest && isReplayable(request.replayBody) ? request.replayBody : undefined;
    /** The request itself, or a fresh copy when its body has been (or may yet need to be) sent already. */
    const outgoing = (mayRepeat: boolean): Request => {
      if (request.body === null) return request;
      if (replayBody !== undefined) return state.attempts > 1 ? new Request(request, { body: replayBody }) : request;
      return mayRepeat ? request.clone() : request;
    };

    let renewed = false; // credentials are renewed at most once per call
    for (let retry = 0; ; retry++) {
      callerSignal?.throwIfAborted();
      state.attempts += 1;
      const isLast = retry >= maxRetries;
      // One controller per attempt, aborted at its deadline or by the caller (cheaper than AbortSignal.timeout + any).
      // Its signal goes in fetch's init, not into the Request openapi-fetch builds: every Request made with a signal
      // subscribes to it (measured ≈ 8 µs), and fetch copies the request with whichever signal it is given anyway.
      const hold = config.lock ? await acquire(config.lock, callerSignal, context, config.redactor) : undefined;
      const attempt = new AbortController();
      // Under an account lock, giving up (a timeout, the caller's abort) fails the attempt at once but does not close the
      // request: the server may still be working on it, so it keeps the slot until answered or closed (coordination.ts).
      const giveUp = hold ? new AbortController() : attempt;
      // A request safe to repeat keeps its body for a retry or a same-origin redirect; another, only for a renewed login.
      let sending = outgoing(safe || (!renewed && config.reauthenticate !== undefined));
      let timedOut = false;
      const deadline = startDeadline(timeoutMs, () => {
        timedOut = true;
        giveUp.abort();
      });
      const onCallerAbort = () => giveUp.abort(callerSignal?.reason);
      callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
      const started = performance.now();
      let response: Response;
      let bytes: ArrayBuffer;
      try {
        const sendInit: RequestInit = { ...init, signal: attempt.signal, redirect: 'manual' };
        /** One exchange: the request, the same-origin redirects it may follow, and the whole answer. */
        const exchange = async () => {
          let answer = await config.fetch(sending, sendInit);
          for (let hops = 0; isRedirect(answer); hops++) {
            sending = redirected(answer, sending, { hops, safe, replay: () => replayBody ?? request.clone().body, context });
            answer = await config.fetch(sending, sendInit);
          }
          // Read the whole body inside the attempt: the timeout covers a slow body and a reset mid-body can be retried.
          return { answer, bytes: await readCapped(answer, config.maxResponseBytes, context) };
        };
        let sent: Response;
        ({ answer: sent, bytes } = await (hold ? holdUntilSettled(exchange(), hold, attempt, giveUp.signal, config.holdAbandonedMs) : exchange()));
        response = bufferedResponse(bytes, sent);
      } catch (error) {
        if (callerSignal?.aborted) throw callerSignal.reason;
        if (error instanceof SdkError) throw error;
        const durationMs = Math.round(performance.now() - started);
        const failure = timedOut
          ? new TimeoutError(context(), timeoutMs)
          : hold?.lost?.aborted
            ? new CoordinationError(context(), 'the lock was lost while the request was in flight; the request was stopped')
            : new NetworkError(context(), describeNetworkFailure(error), error);
        if (isLast) {
          log({ level: 'error', message: failure.message, durationMs });
          throw failure;
        }
        const retryInMs = backoffDelay(retry, config.retry);
        log({ level: 'warn', message: `${failure.message}; retrying in ${retryInMs} ms`, durationMs, retryInMs });
        await sleep(retryInMs, callerSignal);
        continue;
      } finally {
        clearDeadline(deadline);
        callerSignal?.removeEventListener('abort', onCallerAbort);
      }

      const durationMs = Math.round(performance.now() - started);
      const status = response.status;
      const summary = config.logger ? `${config.api} ${state.operation} ${method} ${url()} -> ${status} in ${durationMs} ms` : '';
      // A 401 was not acted on: after the API renews the credentials, the same request goes once more, unsafe or not.
      if (status === 401 && !renewed && config.reauthenticate && (await config.reauthenticate(request))) {
        renewed = true;
        await config.authenticate?.(request);
        log({ level: 'warn', message: `${summary}; credentials renewed, sending again`, status, durationMs });
        retry -= 1;
        continue;
      }
      if (!isLast && isRetryableStatus(status)) {
        const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
        if (retryAfter === undefined || retryAfter <= config.retry.maxRetryAfterMs) {
          const retryInMs = retryAfter ?? backoffDelay(retry, config.retry);
          log({ level: 'warn', message: `${summary}; retrying in ${retryInMs} ms`, status, durationMs, retryInMs });
          await sleep(retryInMs, callerSignal);
          continue;
        }
      }
      log({ level: response.ok ? 'info' : 'error', message: summary, status, durationMs });
      state.last = { status, headers: response.headers, body: bytes };
      return response;
    }
  }

  // Raw calls get the transport's errors straight from here: they leave masked, as everything a wrapper throws does.
  const fetch: FetchLike = (request, init) => send(request, init).catch((error: unknown) => Promise.reject(error instanceof SdkError ? config.redactor.error(error) : error));
  return { fetch, state };
}

/**
 * An answer's body, read to the end unless it grows past `maxBytes` (counted after fetch has decompressed it, so a
 * gzip bomb stops there): then reading stops, the connection is let go, and the call fails with an InvalidResponseError.
 */
async function readCapped(answer: Response, maxBytes: number, context: () => ErrorContext): Promise<ArrayBuffer> {
  if (!answer.body) return new ArrayBuffer(0);
  // An encoded body's Content-Length is its compressed size: only a plain body can be refused before it is read.
  const declared = answer.headers.has('content-encoding') ? Number.NaN : Number(answer.headers.get('content-length'));
  const body = declared > maxBytes ? undefined : await readStreamLimited(answer.body, maxBytes);
  if (body) return body.buffer as ArrayBuffer;
  void answer.body.cancel().catch(() => undefined); // already cancelled (and locked) when reading went past the limit
  const contentType = answer.headers.get('content-type') ?? undefined;
  throw new InvalidResponseError(context(), { status: answer.status, reason: `the body is larger than maxResponseBytes (${maxBytes} bytes)`, contentType, bodySnippet: '' });
}

/** Header names that carry a credential: Authorization, Cookie, X-API-Key, X-Client-ID, any *token*, *secret*, *session*… */
const CREDENTIAL_HEADER = /authorization|cookie|api-?key|client-?id|token|secret|password|session|credential/i;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;
/** Headers that describe a body, dropped with it when a redirect turns the request into a GET (Fetch standard). */
const BODY_HEADERS = ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location'];

/** A redirect the transport must decide on (fetch is called with `redirect: 'manual'`), or a browser's opaque one. */
function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || (REDIRECT_STATUSES.has(response.status) && response.headers.has('location'));
}

/**
 * The redirect policy, the one place it lives: the next request of a same-origin redirect, or a RedirectError.
 * Every hop is held to the origin of the call's first request, so credentials (headers, and the Dellin, Dilovod and
 * Fastriver secrets inside bodies) never reach another origin. 303, and 301/302 after a POST, become a GET without the
 * body, as fetch does; 307/308 (and 301/302 for other methods) re-send method and body, so they are followed only for
 * a request safe to repeat.
 */
function redirected(
  response: Response,
  current: Request,
  options: { hops: number; safe: boolean; replay: () => RequestInit['body']; context: () => ErrorContext },
): Request {
  void response.body?.cancel().catch(() => undefined);
  const refuse = (reason: string, targetOrigin?: string) => new RedirectError(options.context(), { status: response.status, targetOrigin, reason });
  if (response.type === 'opaqueredirect') throw refuse('the browser hides where it leads (point baseUrl at the final address)');
  const origin = new URL(current.url).origin;
  let target: URL;
  try {
    target = new URL(response.headers.get('location') ?? '', current.url);
  } catch {
    throw refuse('its Location is not a URL');
  }
  if (target.origin !== origin) throw refuse(`another origin (credentials are sent to ${origin} only)`, target.origin);
  if (options.hops >= MAX_REDIRECTS) throw refuse(`more than ${MAX_REDIRECTS} redirects`, target.origin);
  const method = current.method;
  const toGet = (response.status === 303 && method !== 'GET' && method !== 'HEAD') || ((response.status === 301 || response.status === 302) && method === 'POST');
  if (!toGet && !options.safe) throw refuse(`${method} would be sent again, and this request is not safe to repeat`, target.origin);
  const headers = new Headers(current.headers);
  if (toGet) for (const name of BODY_HEADERS) headers.delete(name);
  const body = toGet || current.body === null ? null : options.replay();
  return new Request(target, { method: toGet ? 'GET' : method, headers, body, redirect: 'manual', duplex: 'half' } as RequestInit);
}

/** Waits for the account's slot; a store that cannot be reached is a CoordinationError, its message masked. */
async function acquire(lock: AccountLock, signal: AbortSignal | undefined, context: () => ErrorContext, redactor: Redactor): Promise<LockHold> {
  try {
    return await lock.acquire(signal);
  } catch (error) {
    if (signal?.aborted || error instanceof SdkError) throw error;
    throw new CoordinationError(context(), redactor.text(isError(error) ? error.message : String(error)));
  }
}

/** A caller's fetch options without what a Request already carries or the transport sets (body, method, headers, signal, redirect). */
function callFetchOptions(options: RequestInit): RequestInit {
  const { body: _body, method: _method, headers: _headers, signal: _signal, redirect: _redirect, window: _window, ...rest } = options;
  return rest;
}

/**
 * Bodies that read the same each time and keep their Content-Type: sent again as they were built. A stream reads once,
 * and form data gets a new multipart boundary each time it is read, so those go out as clones while a repeat may follow.
 */
function isReplayable(body: RequestInit['body']): body is Exclude<RequestInit['body'], FormData | ReadableStream | null | undefined> {
  return typeof body === 'string' || body instanceof Blob || body instanceof URLSearchParams || body instanceof ArrayBuffer || ArrayBuffer.isView(body);
}

function describeNetworkFailure(error: unknown): string {
  if (!isError(error)) return String(error);
  const cause = error.cause;
  if (isError(cause)) {
    const code = (cause as { code?: unknown }).code;
    return `${error.message}: ${code ? `${code} ` : ''}${cause.message}`.trim();
  }
  return error.message;
}
