// Yandex Fleet is plain JSON; the one thing to adapt is the answer to an invalid request: the API's own
// `{code, message}` naming what was wrong, instead of the spec's canned 400 example.
import type { MockAdapter } from './types.ts';

export const yandexFleet: MockAdapter = {
  invalidRequest: (violations, output) => ({
    statusCode: 400,
    headers: { ...output.headers, 'content-type': 'application/json' },
    body: {
      code: 'invalid_request',
      message: violations.map((violation) => violation.message).join('; '),
    },
  }),
};
