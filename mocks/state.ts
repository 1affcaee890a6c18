// The state store: what calls create and change, kept per session so parallel test runs never see each other.
// A request names its session with `X-Mock-Session: <id>`; requests without it share the session "default".

/** The request header that names a session. */
export const SESSION_HEADER = 'x-mock-session';
export const DEFAULT_SESSION = 'default';
/** Sessions kept at most; the least recently used one is dropped past this (a test suite leaving sessions behind). */
const MAX_SESSIONS = 1000;

/** One session of one mock: the API's own state, and where the mock sends this session's webhooks. */
export interface Session<S> {
  id: string;
  state: S;
  /** Where webhooks without a URL of their own go (Dilovod's objectChanged), set with `PUT /__mock/webhook`. */
  webhookUrl?: string;
}

/** The session a request belongs to: its `X-Mock-Session` header (trimmed, at most 200 characters), or "default". */
export function sessionOf(headers: Readonly<Record<string, string | string[] | undefined>> | undefined): string {
  const value = headers?.[SESSION_HEADER];
  const id = (Array.isArray(value) ? value[0] : value)?.trim().slice(0, 200);
  return id || DEFAULT_SESSION;
}

export class SessionStore<S> {
  readonly #sessions = new Map<string, Session<S>>();

  constructor(private readonly initial: () => S) {}

  /** The session's record, created on first use (with the lifecycle's initial state). */
  get(id: string): Session<S> {
    let session = this.#sessions.get(id);
    if (session) {
      this.#sessions.delete(id); // re-inserted below: Map order is the eviction order
    } else {
      session = { id, state: this.initial() };
      if (this.#sessions.size >= MAX_SESSIONS) this.#sessions.delete(this.#sessions.keys().next().value as string);
    }
    this.#sessions.set(id, session);
    return session;
  }

  /** Forgets one session (its state, webhook URL), or every session. */
  reset(id?: string): void {
    if (id === undefined) this.#sessions.clear();
    else this.#sessions.delete(id);
  }
}

/**
 * A record keyed by strings from requests (resource ids, idempotency keys, tokens): it has no prototype, so
 * `__proto__`, `constructor` or `toString` are keys like any other (unknown until stored) and storing under them never
 * reaches Object.prototype. Serializes as a plain JSON object (`GET /__mock/state`).
 */
export const dict = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

/** Property names an assignment must never write from request data: they reach a prototype instead of a field. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * `Object.assign` for request data: copies the own enumerable fields of each source onto `target`, skipping
 * `__proto__`, `constructor` and `prototype` (which would set or reach a prototype rather than a field).
 */
export function assignFields<T extends object>(target: T, ...sources: unknown[]): T {
  for (const source of sources) {
    if (typeof source !== 'object' || source === null) continue;
    for (const [key, value] of Object.entries(source)) if (!PROTOTYPE_KEYS.has(key)) (target as Record<string, unknown>)[key] = value;
  }
  return target;
}

/** `record[key]` when `key` is the record's own field (never an inherited `constructor`, `toString`, …). */
export const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(record, key) ? record[key] : undefined);

/**
 * A JSON value as canonical text: object keys sorted (by code unit), no spacing, so two request bodies that are the same
 * JSON value (keys in another order, other whitespace) give the same text. Used to compare bodies sent again under an
 * idempotency key and to key resources by what they are about.
 */
export const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, field: unknown) =>
    typeof field === 'object' && field !== null && !Array.isArray(field) ? Object.fromEntries(Object.entries(field).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : field,
  );
