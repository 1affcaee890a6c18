// The shape of a samples file (docs/samples/<api>.ts): one TypeScript sample per operation of the API's spec. The docs
// build (scripts/code-samples.ts) renders each one, with the client it uses, as an `x-codeSamples` entry of the portal.

/**
 * A sample: the body is what the reader sees. It gets the client built by `client` (rendered above the body only when
 * the sample uses it) and the mock's base URL (rendered as the mock's address; a sample that builds its own client
 * passes it as `baseUrl`).
 */
export type Sample<Client> = (client: Client, baseUrl: string) => Promise<void>;

/**
 * An admin call of the stateful mock (mocks/admin.ts) that a sample needs before it runs: a resource put in as if the
 * API had created it (`POST /__mock/seed`), or moved as the provider would (`POST /__mock/move`). The kinds and moves
 * are each lifecycle's (mocks/adapters/<api>.lifecycle.ts).
 */
export type MockStep = { seed: { kind: string; resource?: Record<string, unknown> } } | { move: { kind: string; id: string; to: string; [field: string]: unknown } };

export interface SampleSet<Client, OperationId extends string> {
  /** Builds the client the samples use, with `baseUrl` as a shorthand property: `(baseUrl) => createXClient({ …, baseUrl })`. */
  client: (baseUrl: string) => Client;
  /** Every operationId of the spec, each with its sample: leaving one out is a type error. */
  operations: Record<OperationId, Sample<Client>>;
  /**
   * What an operation's samples need on the local mock, which keeps state (`npm start`): the resources its example
   * values name (ids, sessions, tokens), put in first. The curl sample runs these steps before its call.
   */
  needs?: Partial<Record<OperationId, MockStep[]>>;
}

/** `defineSamples<keyof operations>()({ client, operations })`: checks that every operation of the spec has a sample. */
export const defineSamples =
  <OperationId extends string>() =>
  <Client>(set: SampleSet<Client, OperationId>): SampleSet<Client, OperationId> =>
    set;
