// What an API's lifecycle is: state kept per session, and the operations it answers from that state. The host asks a
// lifecycle before Prism's examples; its answers are validated against the spec like any other (mocks/host.ts).
// Each API's lifecycle lives beside its adapter: mocks/adapters/<api>.lifecycle.ts.
import type { Outbound } from './callbacks.ts';
import type { FormPart } from './multipart.ts';

/** An answer built from state. `body` is what the spec describes and Prism validates. */
export interface Answer {
  status: number;
  body?: unknown;
  /** Defaults to `content-type: application/json`. */
  headers?: Record<string, string>;
  /** Bytes sent on the wire instead of `body` (a stored document); `body` is still what is validated. */
  bytes?: { body: Buffer; headers: Record<string, string> };
}

export interface Call<S> {
  state: S;
  /** The matched operation's operationId (`createTask`). */
  operation: string;
  /** Path parameters by name (`{ id: 'task-1' }`). */
  params: Record<string, string>;
  query: Record<string, string | string[]>;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** The body as Prism validated it (JSON parsed; Dilovod's form and Dellin's XML decoded). */
  body: unknown;
  /** The parts of a `multipart/form-data` body (file names decoded, bytes as received; mocks/multipart.ts), else empty. */
  form: FormPart[];
  /** A copy of the body Prism's examples would answer (the example the adapter or the spec picks), to fill in. */
  example(): unknown;
  /** Sends a callback or a webhook (after the answer; retried as the API does). */
  send(outbound: Outbound): void;
}

/** A resource a test puts into a session (`POST /__mock/seed`), or moves as the provider would (`POST /__mock/move`). */
export interface AdminCall<S> {
  state: S;
  /** The request body (`{ kind, resource }` or `{ kind, id, to, … }`). */
  body: Record<string, unknown>;
  /** Where this session's webhooks go (`PUT /__mock/webhook`), if set. */
  webhookUrl?: string;
  send(outbound: Outbound): void;
}

/** A refusal of an admin call the lifecycle cannot do (unknown kind, unknown id, a move the API never makes). */
export class AdminError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export interface Lifecycle<S> {
  /** A fresh session's state. */
  initial(): S;
  /** Answers by operationId; `undefined` from a handler leaves the answer to Prism's examples. */
  operations: Readonly<Record<string, (call: Call<S>) => Answer | undefined>>;
  /** Puts a resource into the state; returns it as stored. */
  seed?(call: AdminCall<S>): unknown;
  /** Changes a resource as the provider would (and sends what the provider sends); returns it as it now is. */
  move?(call: AdminCall<S>): unknown;
}

/**
 * A lifecycle with its state type hidden, as the host holds it: the host only ever hands a lifecycle back the state
 * its own `initial()` made, so the erasure is safe.
 */
export const defineLifecycle = <S>(lifecycle: Lifecycle<S>): Lifecycle<unknown> => lifecycle as unknown as Lifecycle<unknown>;

/** A JSON answer. */
export const json = (status: number, body: unknown, headers: Record<string, string> = {}): Answer => ({
  status,
  body,
  headers: { 'content-type': 'application/json', ...headers },
});
