// Fastriver: the X-API-VERSION header picks the v1 or v2 interval shape (Prism alone always serves the first example),
// a meeting photo answers with real JPEG bytes, and an invalid request gets the API's own 422 with validation_errors.
import { readFileSync } from 'node:fs';
import type { MockAdapter } from './types.ts';

const PHOTO = readFileSync(new URL('../fixtures/photo.jpg', import.meta.url));
const INTERVALS_PATH = /^\/delivery_requests\/(?:[^/]+\/)?time_intervals$/;
const PHOTO_PATH = /^\/delivery_requests\/[^/]+\/delivery_photos\/[^/]+$/;

export const fastriver: MockAdapter = {
  beforeRequest: (input) => {
    const version = input.headers?.['x-api-version'];
    if (!INTERVALS_PATH.test(input.url.path) || input.headers?.prefer || (version !== 'v1' && version !== 'v2')) return input;
    return { ...input, headers: { ...input.headers, prefer: `example=${version}` } };
  },

  invalidRequest: (violations, output) => ({
    statusCode: 422,
    headers: { ...output.headers, 'content-type': 'application/json' },
    body: {
      error: 'Ошибка валидации',
      validation_errors: violations.reduce<Record<string, string[]>>((fields, violation) => {
        // body.data.attributes.mobile_phone → mobile_phone; query/header/path parameters keep their location.
        const at = violation.location.indexOf('attributes');
        const field = (at >= 0 ? violation.location.slice(at + 1) : violation.location).join('.') || 'body';
        fields[field] = [...(fields[field] ?? []), violation.message];
        return fields;
      }, {}),
    },
  }),

  serializeResponse: (output, input) => {
    if (input.method !== 'get' || output.statusCode !== 200 || !PHOTO_PATH.test(input.url.path)) return undefined;
    return { body: PHOTO, headers: { 'content-type': 'image/jpeg', 'content-disposition': 'inline; filename="photo.jpg"' } };
  },
};
