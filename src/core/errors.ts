// The typed errors every wrapper method rejects with. They carry no request headers and no credentials: whatever text
// or body they hold has already passed the client's redactor.
import { isError } from './objects.ts';

/**
 * Every error a constructor of any copy of the package made, with that copy and the `errorName`s of its classes: one
 * registry shared by every copy (the ESM and the CommonJS build, entries bundled into one application), kept on
 * globalThis under a `Symbol.for` key and made with the first error. Only the constructors add to it: a plain object,
 * a copied or cloned error, another library's error never passes (code that deliberately writes into the registry
 * can, as it could redefine `instanceof` itself). The key carries the registry's version, so another version's
 * registry is never read as this one; a globalThis that takes no new property (frozen, hardened) or a key already
 * taken leaves this copy with a registry of its own, where `instanceof` holds within the copy only.
 */
interface Mark {
  copy: object;
  classes: readonly string[];
}
const REGISTRY = Symbol.for('delivery-api-clients.errors.v1');
/** This copy of the module. */
const COPY = Object.freeze({});
let marks: WeakMap<object, Mark> | undefined;

function registry(): WeakMap<object, Mark> {
  if (marks) return marks;
  try {
    const holder = globalThis as { [REGISTRY]?: unknown };
    if (!(holder[REGISTRY] instanceof WeakMap)) Object.defineProperty(holder, REGISTRY, { value: new WeakMap<object, Mark>() });
    marks = holder[REGISTRY] as WeakMap<object, Mark>;
  } catch {
    marks = new WeakMap<object, Mark>();
  }
  return marks;
}

/** The `errorName`s a copy recorded for a value, if it is an error a constructor made; read defensively. */
function classesOf(value: object): readonly string[] | undefined {
  try {
    const mark = registry().get(value);
    return mark && mark.copy !== COPY && Array.isArray(mark.classes) ? mark.classes : undefined;
  } catch {
    return undefined;
  }
}

/** Base class of every error this toolkit throws for a failed call. */
export class SdkError extends Error {
  /**
   * The class's name, written out: `name` of every error and what `instanceof` compares across copies. A bundler that
   * puts two copies of the package in one bundle renames the second copy's classes (`ApiError2`), so the language's
   * own class name cannot be relied on. Every class of the package declares one; a subclass of yours that does not is
   * named by its class name (or its parent's, when it has none) and is compared by prototype only.
   */
  static readonly errorName: string = 'SdkError';

  /**
   * `instanceof` also holds across copies of the package: an error made by another copy (the CommonJS build loaded
   * beside the ESM build, the dual-package hazard, or another entry bundled into the same application) is an instance
   * of this copy's class of the same `errorName`, and back. Within one copy it is the language's prototype check. Only
   * errors the constructors made count; a class without its own `errorName` is compared by prototype only.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    if (!Object.hasOwn(this, 'errorName') || typeof value !== 'object' || value === null) return false;
    return classesOf(value)?.includes(this.errorName) === true;
  }

  /** The API (`yandex-fleet`, …) and the operation (`createTransaction`, or `METHOD /path` for raw calls). */
  readonly api: string;
  readonly operation: string;
  /** How many HTTP attempts were made before giving up (1 when nothing was retried). */
  readonly attempts: number;

  constructor(message: string, context: ErrorContext, options?: { cause?: unknown }) {
    super(message, options);
    this.name = errorNameOf(new.target);
    const classes: string[] = [];
    for (let type: Function | null = new.target; type && type !== Error; type = Object.getPrototypeOf(type) as Function | null) {
      if (Object.hasOwn(type, 'errorName')) classes.push(String((type as typeof SdkError).errorName));
    }
    try {
      registry().set(this, { copy: COPY, classes: Object.freeze(classes) });
    } catch {
      // a registry another party put under the key and that refuses entries: this error is then known by prototype only
    }
    // Read as they come: plain JavaScript may leave the context out.
    this.api = String(context?.api ?? '');
    this.operation = String(context?.operation ?? '');
    this.attempts = Number(context?.attempts ?? 0);
  }

  /**
   * Name, message and every field of the error (a subclass's too), as JSON-ready data: an error among the fields is
   * its name and message, a value met again inside itself `[Circular]`, a bigint its digits. Never the cause, which may
   * hold raw data.
   */
  toJSON(): Record<string, unknown> {
    const seen = new Set<object>([this]);
    const fields = Object.fromEntries(Object.entries(this).map(([key, value]) => [key, jsonData(value, seen)]));
    return { name: this.name, message: this.message, ...fields };
  }
}

function jsonData(value: unknown, seen: Set<object>): unknown {
  if (typeof value === 'bigint') return String(value);
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return '[Circular]';
  if (isError(value)) return { name: value.name, message: value.message };
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return value; // a Date, a URL: as JSON.stringify writes it
  seen.add(value);
  try {
    return Array.isArray(value) ? value.map((item) => jsonData(item, seen)) : Object.fromEntries(Object.entries(value).map(([key, item]) => [key, jsonData(item, seen)]));
  } finally {
    seen.delete(value);
  }
}

/** A class's own `errorName`, else its class name, else (an anonymous class) its parent's. */
function errorNameOf(type: Function): string {
  if (Object.hasOwn(type, 'errorName')) return String((type as typeof SdkError).errorName);
  return type.name || errorNameOf(Object.getPrototypeOf(type) as Function);
}

export interface ErrorContext {
  api: string;
  operation: string;
  attempts: number;
}

export interface ApiErrorDetails {
  status: number;
  /** The API's own machine-readable error code, when its error body has one. */
  code?: string;
  /** The API's own human-readable error message, when its error body has one. */
  apiMessage?: string;
  /** The request id the API sent back (a response header or a body field), to quote to its support. */
  requestId?: string;
  /** The parsed error body (or its text when it was not JSON), with secrets masked. */
  body: unknown;
  /** How long the server asked us to wait (from Retry-After), in milliseconds. */
  retryAfterMs?: number;
  /** The response headers (lower-case names), secrets and credential headers (Set-Cookie, …) masked. */
  headers?: Record<string, string>;
}

/** The API answered with an error status (4xx/5xx), or reported an error inside a successful HTTP answer. */
export class ApiError extends SdkError {
  static override readonly errorName: string = 'ApiError';
  readonly status: number;
  readonly code: string | undefined;
  readonly apiMessage: string | undefined;
  readonly requestId: string | undefined;
  readonly body: unknown;
  readonly retryAfterMs: number | undefined;
  /** The response headers (lower-case names), secrets and credential headers (Set-Cookie, …) masked. */
  readonly headers: Record<string, string>;

  constructor(context: ErrorContext, details: ApiErrorDetails) {
    const parts = [`HTTP ${details.status}`];
    if (details.code) parts.push(details.code);
    let message = `${context.api} ${context.operation} failed: ${parts.join(' ')}`;
    if (details.apiMessage) message += `: ${details.apiMessage}`;
    if (details.requestId) message += ` (request id ${details.requestId})`;
    super(message, context);
    this.status = details.status;
    this.code = details.code;
    this.apiMessage = details.apiMessage;
    this.requestId = details.requestId;
    this.body = details.body;
    this.retryAfterMs = details.retryAfterMs;
    this.headers = details.headers ?? {};
  }
}

/** The API answered with a success status, but the body is not what the contract promises (not JSON, empty, cut short). */
export class InvalidResponseError extends SdkError {
  static override readonly errorName: string = 'InvalidResponseError';
  readonly status: number;
  readonly contentType: string | undefined;
  readonly requestId: string | undefined;
  /** The start of the body as text, with secrets masked. */
  readonly bodySnippet: string;

  constructor(context: ErrorContext, details: { status: number; reason: string; contentType?: string; requestId?: string; bodySnippet: string; cause?: unknown }) {
    const type = details.contentType ? `, content-type ${details.contentType}` : '';
    super(`${context.api} ${context.operation}: invalid response (HTTP ${details.status}${type}): ${details.reason}`, context, { cause: details.cause });
    this.status = details.status;
    this.contentType = details.contentType;
    this.requestId = details.requestId;
    this.bodySnippet = details.bodySnippet;
  }
}

/** An attempt took longer than the configured timeout (the last one, when retries were allowed). */
export class TimeoutError extends SdkError {
  static override readonly errorName: string = 'TimeoutError';
  readonly timeoutMs: number;

  constructor(context: ErrorContext, timeoutMs: number) {
    super(`${context.api} ${context.operation}: no complete response within ${timeoutMs} ms (attempt ${context.attempts})`, context);
    this.timeoutMs = timeoutMs;
  }
}

/** The request never got a complete answer: DNS, refused or reset connection, TLS failure, a body cut off mid-way. */
export class NetworkError extends SdkError {
  static override readonly errorName: string = 'NetworkError';
  constructor(context: ErrorContext, reason: string, cause?: unknown) {
    super(`${context.api} ${context.operation}: network error: ${reason} (attempt ${context.attempts})`, context, { cause });
  }
}

/** Something handed to us to decode (a callback, a webhook, an XML or packet answer) is not what the contract says. */
export class DecodeError extends SdkError {
  static override readonly errorName: string = 'DecodeError';
  /** Where in the payload, e.g. `data.attributes.event` (empty for the payload as a whole). */
  readonly path: string;

  constructor(context: ErrorContext, path: string, reason: string) {
    super(`${context.api} ${context.operation}: ${path ? `${path}: ` : ''}${reason}`, context);
    this.path = path;
  }
}

/** Something handed to us to send cannot be written in the wire format (an XML element name, a character, a cycle). */
export class EncodeError extends SdkError {
  static override readonly errorName: string = 'EncodeError';
  /** Where in the value, e.g. `request.members.phones[2]`. */
  readonly path: string;

  constructor(context: ErrorContext, path: string, reason: string) {
    super(`${context.api} ${context.operation}: ${path ? `${path}: ` : ''}${reason}`, context);
    this.path = path;
  }
}

/**
 * The server answered with a redirect the client does not follow. Credentials never leave the origin they were given
 * for, so a redirect to another origin (another scheme, host or port) is refused before anything is sent there; a
 * same-origin redirect is refused when following it would repeat a request unsafe to repeat, past 5 hops, and when a
 * browser hides the redirect (an opaque redirect, status 0).
 */
export class RedirectError extends SdkError {
  static override readonly errorName: string = 'RedirectError';
  /** The redirect status (301, 302, 303, 307, 308), or 0 when a browser hid it. */
  readonly status: number;
  /** The origin the server pointed to (`https://other.example:8443`); undefined when the target is unknown. */
  readonly targetOrigin: string | undefined;

  constructor(context: ErrorContext, details: { status: number; targetOrigin?: string; reason: string }) {
    const target = details.targetOrigin ? ` to ${details.targetOrigin}` : '';
    super(`${context.api} ${context.operation}: HTTP ${details.status} redirect${target} not followed: ${details.reason}`, context);
    this.status = details.status;
    this.targetOrigin = details.targetOrigin;
  }
}

/**
 * The call could not be made as asked, before anything was sent: an option it needs is missing (a login without a
 * password), an argument is not what the method takes (upload content that is not bytes, a stream that fails), or the
 * request cannot be built (a header value fetch refuses). `cause` holds the original error.
 */
export class UsageError extends SdkError {
  static override readonly errorName: string = 'UsageError';
  constructor(context: ErrorContext, reason: string, cause?: unknown) {
    super(`${context.api} ${context.operation}: ${reason}`, context, { cause });
  }
}

/**
 * The shared lock or credential store (Redis, with `delivery-api-clients/redis/node`) could not be reached, or the lock's
 * lease was lost while the request was in flight (the request was then stopped). Nothing was sent when it came while
 * waiting for the lock. The reason is the store's error message with secrets masked; the store's own error (which may
 * quote a command and its arguments) is not kept.
 */
export class CoordinationError extends SdkError {
  static override readonly errorName: string = 'CoordinationError';
  constructor(context: ErrorContext, reason: string) {
    super(`${context.api} ${context.operation}: shared lock or credential store failed: ${reason} (attempt ${context.attempts})`, context);
  }
}
