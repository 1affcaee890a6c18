// What a per-API mock adapter may change between the wire and Prism's engine (see index.ts for the registry).
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

/** One thing Prism found wrong with a request, e.g. `{ location: ['body', 'amount'], message: 'must match pattern …' }`. */
export interface Violation {
  location: string[];
  message: string;
}

export interface MockAdapter {
  /** Adjusts the operations once, at start-up (for example, so Prism validates a form field's JSON content). */
  prepareOperations?(operations: IHttpOperation[]): IHttpOperation[];
  /** Turns the raw request body into what Prism validates. Throw MockInputError to answer 400 (or its status). */
  parseBody?(raw: Buffer, contentType: string | undefined, path: string): unknown;
  /** Adjusts the request before routing (for example, maps a version header to the named example it selects). */
  beforeRequest?(input: IHttpRequest): IHttpRequest;
  /**
   * Builds the API's own error answer to a request Prism found invalid. Prism alone would serve the spec's canned
   * 400 example, which does not say what was wrong; the real APIs name the field.
   */
  invalidRequest?(violations: Violation[], output: IHttpResponse): IHttpResponse;
  /** Replaces Prism's answer on the wire (real bytes for a download, XML), after Prism validated it. */
  serializeResponse?(output: IHttpResponse, input: IHttpRequest): { body: Buffer | string; headers?: Record<string, string> } | undefined;
}
