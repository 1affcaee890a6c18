// Any JSON value in any position of a success answer gives a typed result or one of our errors, never a bare one
// (issue 13, item 3, for what each method makes of a 2xx body: flattening, unwrapping, rows, files). Every wrapped
// method of every client is called over a fetch answering 200 with its success body, one member of it (at any depth)
// replaced by arbitrary JSON, or the whole body replaced.
import { inspect } from 'node:util';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { SdkError } from '../../src/core/index.ts';
import { clients } from '../support/every-method.ts';
import { flush, record } from './figures.ts';
import { jsonValue, write } from './json-values.ts';

afterAll(() => flush(import.meta.filename));

const RUNS = 60;
const table = clients(async () => new Response());
const cases = Object.entries(table).flatMap(([api, entry]) => Object.keys(entry.methods).map((method) => [api, method] as const));

/** Every path into a JSON value (the empty path is the whole body). */
function paths(value: unknown, at: string[] = []): string[][] {
  const inner = value !== null && typeof value === 'object' ? Object.entries(value).flatMap(([key, item]) => paths(item, [...at, key])) : [];
  return [at, ...inner];
}

/** `body` with the value at `path` replaced. */
function replaced(body: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head = '', ...rest] = path;
  const copy = (Array.isArray(body) ? [...body] : { ...(body as object) }) as Record<string, unknown>;
  copy[head] = replaced(copy[head], rest, value);
  return copy;
}

describe('any JSON in any position of a success answer', () => {
  it.each(cases)('%s %s: a result, or one of our errors that prints', async (api, method) => {
    const success = table[api]?.body(method);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths(success)), jsonValue, async (path, value) => {
        const text = write(replaced(success, path, value));
        const call = clients(async () => new Response(text, { status: 200, headers: { 'content-type': 'application/json' } }))[api]?.methods[method];
        const outcome = await call?.({ maxRetries: 0 }).then(
          (result) => ({ result }),
          (error: unknown) => ({ error }),
        );
        if (outcome && 'error' in outcome) {
          if (!(outcome.error instanceof SdkError)) throw outcome.error;
          expect(typeof `${outcome.error.message}${String(outcome.error)}${JSON.stringify(outcome.error)}${inspect(outcome.error, { depth: 20 })}`).toBe('string');
          record('success-body typed errors');
        } else {
          expect(() => inspect(outcome?.result, { depth: 20 })).not.toThrow();
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        record('success-body inputs');
      }),
      { numRuns: RUNS, seed: 1314 },
    );
  });

  it('the red team\'s examples: a single Fastriver get answered with data null, no data, or a list is a DecodeError naming data', async () => {
    for (const body of [{ data: null }, { meta: {} }, { data: [{ id: 'r1', type: 'delivery_request', attributes: {} }] }]) {
      const call = clients(async () => Response.json(body))['fastriver']?.methods['deliveryRequests.get'];
      await expect(call?.({ maxRetries: 0 })).rejects.toMatchObject({ name: 'DecodeError', message: expect.stringContaining('data') });
    }
  });
});
