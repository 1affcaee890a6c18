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
