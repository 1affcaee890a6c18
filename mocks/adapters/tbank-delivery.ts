// T-Bank delivery: real PDF bytes for a document download (Prism can only send example text), and the API's own
// error body, naming each invalid field, for a request Prism refuses.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { MockAdapter } from './types.ts';

/** The one-page PDF the mock serves for a document (`акт.pdf`). */
export const DOCUMENT = readFileSync(new URL('../fixtures/act.pdf', import.meta.url));
const DOWNLOAD_PATH = /^\/api\/v1\/delivery\/documents\/[^/]+$/;

export const tbankDelivery: MockAdapter = {
  invalidRequest: (violations, output) => ({
    statusCode: 400,
    headers: { ...output.headers, 'content-type': 'application/json' },
    body: {
      errorId: randomUUID(),
      errorCode: 'VALIDATION_ERROR',
      errorMessage: violations.map((violation) => violation.message).join('; '),
      errorDetails: Object.fromEntries(violations.map((violation) => [violation.location.slice(1).join('.') || violation.location.join('.'), violation.message])),
    },
  }),

  serializeResponse: (output, input) => {
    if (input.method !== 'get' || output.statusCode !== 200 || !DOWNLOAD_PATH.test(input.url.path)) return undefined;
    return {
      body: DOCUMENT,
      headers: { 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename="act.pdf"; filename*=UTF-8\'\'%D0%B0%D0%BA%D1%82.pdf' },
    };
  },
};
