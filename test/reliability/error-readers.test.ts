// Any JSON value in any position an error reader looks at gives a typed error, never a bare one (issue 13, item 3).
// For each API, every place its error reader (and the core's problem-details reader) reads, filled with arbitrary
// JSON: objects with members named toJSON, toString, valueOf, constructor, __proto__ and then, arrays, huge numbers,
// deep nesting. Each answer goes through a real client method (with a fetch that answers it); the rejection must be
// one of ours, and printing it (message, String, JSON, inspect) must work.
import { inspect } from 'node:util';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiError, SdkError } from '../../src/core/index.ts';
import { flush, record } from './figures.ts';
import { jsonValue as value, write } from './json-values.ts';
import { profiles, type Profile } from './profiles.ts';

afterAll(() => flush(import.meta.filename));

const RUNS = 300;
/** Each position a reader looks at, as a body with holes; `status` is the HTTP status it comes with. */
type Template = { position: string; status: number; type?: string; make: (hole: () => unknown) => unknown };
const problem: Template[] = [
  { position: 'problem: type, title, detail, validation', status: 422, type: 'application/problem+json', make: (v) => ({ type: v(), title: 'Invalid', detail: v(), validation: v() }) },
  { position: 'problem: validation items', status: 422, type: 'application/problem+json', make: (v) => ({ title: 'Invalid', validation: [{ location: v(), message: v() }, v()] }) },
  { position: 'the whole body', status: 400, make: (v) => v() },
];
const TEMPLATES: Record<string, Template[]> = {
  'yandex-fleet': [{ position: 'code, message', status: 400, make: (v) => ({ code: v(), message: v() }) }],
  'tbank-delivery': [{ position: 'errorId, errorCode, errorMessage, errorDetails', status: 400, make: (v) => ({ errorId: v(), errorCode: v(), errorMessage: v(), errorDetails: v() }) }],
  fastriver: [
    { position: 'error, validation_errors', status: 422, make: (v) => ({ error: v(), validation_errors: v() }) },
    { position: 'validation_errors members', status: 422, make: (v) => ({ error: 'Invalid', validation_errors: { field: v(), toString: v(), __proto__: v() } }) },
  ],
  dellin: [
    { position: 'metadata.status, errors (in a 200)', status: 200, make: (v) => ({ metadata: { status: v() }, errors: v() }) },
    { position: 'errors[] items', status: 400, make: (v) => ({ metadata: { status: 400 }, errors: [v(), { code: v(), title: v(), detail: v(), link: v(), fields: v(), validValues: v(), badValues: v() }] }) },
    { position: 'error.description', status: 401, make: (v) => ({ error: { description: v() } }) },
  ],
  dilovod: [
    { position: 'error (in a 200)', status: 200, make: (v) => ({ error: v() }) },
    { position: 'status: error, errorMessage', status: 200, make: (v) => ({ status: 'error', errorMessage: v() }) },
    { position: 'error (in a 500)', status: 500, make: (v) => ({ error: v(), status: v() }) },
  ],
};

const templatesOf = (profile: Profile) => [...(TEMPLATES[profile.name.replace(/ \(.*\)$/, '')] ?? []), ...problem];

describe.each(profiles.map((profile) => [profile.name, profile] as const))('%s', (_, profile) => {
  it.each(templatesOf(profile).map((template) => [template.position, template] as const))('any JSON in %s: a typed error that prints', async (__, template) => {
    await fc.assert(
      fc.asyncProperty(fc.array(value, { minLength: 8, maxLength: 8 }), async (holes) => {
        let next = 0;
        const text = write(template.make(() => holes[next++ % holes.length]));
        const calls = profile.make('http://api.test', { retry: { maxRetries: 0 }, fetch: async () => new Response(text, { status: template.status, headers: { 'content-type': template.type ?? 'application/json' } }) });
        const outcome = await calls.safe().then(
          (result) => ({ result }),
          (error: unknown) => ({ error }),
        );
        if ('error' in outcome) {
          const error = outcome.error;
          if (!(error instanceof SdkError)) throw error;
          // The whole error prints, whatever it holds.
          expect(typeof `${error.message}${String(error)}${JSON.stringify(error)}${inspect(error, { depth: 20 })}`).toBe('string');
          if (template.status >= 400) expect(error).toBeInstanceOf(ApiError);
          record('error reader typed errors');
        } else {
          // Only a 200 may succeed, and only where the body reports no failure.
          expect(template.status).toBe(200);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        record('error reader inputs');
      }),
      { numRuns: RUNS, seed: 1313 },
    );
    record('error reader positions');
  });
});

it('the issue example: a Fastriver 422 listing {"toString":1,"valueOf":1} is an ApiError naming the field', async () => {
  const body = JSON.stringify({ error: 'Invalid', validation_errors: { first_name: [{ toString: 1, valueOf: 1 }] } });
  const calls = profiles.find((p) => p.name === 'fastriver')!.make('http://api.test', { retry: { maxRetries: 0 }, fetch: async () => new Response(body, { status: 422, headers: { 'content-type': 'application/json' } }) });
  const error = await calls.safe().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).apiMessage).toBe('Invalid (first_name: {"toString":1,"valueOf":1})');
});
