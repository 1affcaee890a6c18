// What each API folder builds its client from: the typed openapi-fetch client on top of the shared transport, and
// `call`, which turns openapi-fetch's {data, error, response} into the typed body or one of the typed errors.
import { randomUUID } from 'node:crypto';
import createClient, { type Client } from 'openapi-fetch';
import { ApiError, InvalidResponseError, SdkError, type ErrorContext } from './errors.ts';
import { createRedactor, type Redactor } from './redact.ts';
import { defaultRetryPolicy, parseRetryAfter, type RetryPolicy } from './retry.ts';
import { createCallFetch, type Authenticate, type CallPolicy, type CallState, type FetchLike, type Logger, type TransportConfig } from './transport.ts';

/** Options every client accepts. */
export interface ClientOptions {
  /** Overrides the API's production server (a sandbox, a mock on localhost, a proxy). */
  baseUrl?: string;
  /** A fetch of your own: an undici fetch with a client-certificate dispatcher, a test double, an instrumented fetch. */
  fetch?: FetchLike;
  /** Per-attempt timeout, covering headers and body. Default 30 000 ms. */
  timeoutMs?: number;
  /** Retry policy; default 2 retries, 500 ms doubling backoff with jitter, capped at 8 s; Retry-After up to 60 s is honoured. */
  retry?: Partial<RetryPolicy>;
  /** Receives one redacted event per HTTP attempt. */
  logger?: Logger;
  /** Makes idempotency keys; default crypto.randomUUID. */
  idempotencyKey?: () => string;
}

/** Options every wrapper method accepts as its last argument. */
export interface RequestOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  maxRetries?: number;
  /** For operations with an idempotency key: reuse your own key (for example one you stored before a crash). */
  idempotencyKey?: string;
}

/** What an API folder tells the core about its API. */
export interface ApiDefinition {
  /** The key in redocly.yaml (`yandex-fleet`); starts every error message. */
  name: string;
  defaultBaseUrl: string;
  authenticate: Authenticate;
  /** Credential values to mask in every error and log line. */
  secrets: Array<string | undefined>;
  idempotencyHeader?: string;
  /** Reads the API's own error code, message and request id out of a parsed error body. */
  describeError?: (body: unknown) => { code?: string; message?: string; requestId?: string };
}

export interface Operation {
  /** The spec's operationId. */
  name: string;
  /** A POST that only reads: safe to retry. */
  readOnly?: boolean;
  /** The operation answers with no body on success (204 and the like). */
  noContent?: boolean;
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
  /** Runs one wrapped operation; `send` makes the openapi-fetch call with the given `fetch`. */
  call<T>(operation: Operation, options: RequestOptions | undefined, send: (fetch: FetchLike) => Promise<FetchResult<T>>): Promise<T>;
  /** The caller's idempotency key, or a fresh one: take it once per logical call, before the first attempt. */
  idempotencyKey(options?: RequestOptions): string;
  redactor: Redactor;
}

const REQUEST_ID_HEADERS = ['x-request-id', 'x-yarequestid', 'x-req-id', 'request-id', 'x-correlation-id'];
const SNIPPET_LENGTH = 500;

export function createApiClient<Paths extends {}>(api: ApiDefinition, options: ClientOptions = {}): ApiClient<Paths> {
  const redactor = createRedactor(api.secrets);
  const transport: TransportConfig = {
    api: api.name,
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    authenticate: api.authenticate,
    idempotencyHeader: api.idempotencyHeader,
    timeoutMs: options.timeoutMs ?? 30_000,
    retry: { ...defaultRetryPolicy, ...options.retry },
    redactor,
    logger: options.logger,
  };
  const newKey = options.idempotencyKey ?? randomUUID;
  const baseUrl = options.baseUrl ?? api.defaultBaseUrl;
  // Raw calls get their own per-call transport too, so each has its own attempt count and retry budget.
  const raw = createClient<Paths>({ baseUrl, fetch: (request: Request, init?: RequestInit) => createCallFetch(transport).fetch(request, init) });

  async function call<T>(operation: Operation, requestOptions: RequestOptions | undefined, send: (fetch: FetchLike) => Promise<FetchResult<T>>): Promise<T> {
    const policy: CallPolicy = { operation: operation.name, readOnly: operation.readOnly, ...requestOptions };
    const { fetch, state } = createCallFetch(transport, policy);
    const context = (): ErrorContext => ({ api: api.name, operation: state.operation, attempts: state.attempts });
    let result: FetchResult<T>;
    try {
      result = await send(fetch);
    } catch (error) {
      if (error instanceof SdkError || requestOptions?.signal?.aborted) throw error;
      // openapi-fetch throws SyntaxError when a success body is not JSON.
      if (error instanceof SyntaxError && state.last) throw invalidResponse(context(), state, 'body is not valid JSON');
      throw error;
    }
    const { data, error, response } = result;
    if (!response.ok) throw apiError(context(), response, error === '' ? undefined : error);
    if (data === undefined && !operation.noContent) throw invalidResponse(context(), state, 'empty body');
    return data as T;
  }

  function apiError(context: ErrorContext, response: Response, body: unknown): ApiError {
    const described = body === undefined || typeof body === 'string' ? {} : (api.describeError?.(body) ?? {});
    const clean = (text: string | undefined) => (text === undefined ? undefined : redactor.text(text));
    return new ApiError(context, {
      status: response.status,
      code: clean(described.code),
      apiMessage: clean(described.message),
      requestId: clean(requestIdOf(response.headers) ?? described.requestId),
      body: typeof body === 'string' ? redactor.text(body.slice(0, SNIPPET_LENGTH)) : redactor.value(body),
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
    });
  }

  function invalidResponse(context: ErrorContext, state: CallState, reason: string): InvalidResponseError {
    const last = state.last;
    const text = last ? new TextDecoder().decode(last.body.slice(0, SNIPPET_LENGTH * 4)).slice(0, SNIPPET_LENGTH) : '';
    return new InvalidResponseError(context, {
      status: last?.status ?? 0,
      reason,
      contentType: last?.headers.get('content-type') ?? undefined,
      requestId: last ? requestIdOf(last.headers) : undefined,
      bodySnippet: redactor.text(text),
    });
  }

  return {
    raw,
    call,
    idempotencyKey: (requestOptions) => requestOptions?.idempotencyKey ?? newKey(),
    redactor,
  };
}

function requestIdOf(headers: Headers): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name);
    if (value) return value;
  }
  return undefined;
}
