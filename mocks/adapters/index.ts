// Per-API adapters: what an API needs beyond plain JSON-over-HTTP for Prism to validate and answer it for real.
// An API without an entry here is served by Prism as it is. Each adapter lives in its own file, named after the API.
import type { IHttpOperation } from '@stoplight/types';
import type { IHttpRequest, IHttpResponse } from '@stoplight/prism-http';

/** A request the adapter refuses before Prism sees it (malformed XML, a packet that is not JSON). */
export class MockInputError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export interface MockAdapter {
  /** Adjusts the operations once, at start-up (for example, so Prism validates a form field's JSON content). */
  prepareOperations?(operations: IHttpOperation[]): IHttpOperation[];
  /** Turns the raw request body into what Prism validates. Throw MockInputError to answer 400 (or its status). */
  parseBody?(raw: Buffer, contentType: string | undefined): unknown;
  /** Adjusts the request before routing (for example, maps a version header to the named example it selects). */
  beforeRequest?(input: IHttpRequest): IHttpRequest;
  /** Replaces Prism's answer on the wire (real bytes for a download, XML), after Prism validated it. */
  serializeResponse?(output: IHttpResponse, input: IHttpRequest): Buffer | string | undefined;
}

export const adapters: Readonly<Record<string, MockAdapter>> = {};
