// Errors made in another JavaScript realm (Jest's test sandbox, a vm context, an iframe) are not `instanceof` this
// realm's Error: red team 8 saw a refused connection under Jest lose its cause and its ECONNREFUSED. Every place the
// core reads an error reads it by what it is, whatever realm made it.
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createRedactor, NetworkError, UsageError } from '../../src/core/index.ts';
import { isError } from '../../src/core/objects.ts';
import { createYandexFleetClient } from '../../src/yandex-fleet/index.ts';

/** A TypeError like undici's "fetch failed", with its socket error as the cause, made in a fresh realm. */
const foreignFetchFailure = (secret = '') =>
  runInNewContext(`new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9 ${secret}'), { code: 'ECONNREFUSED' }) })`) as Error;

describe('errors from another realm', () => {
  it('are errors to the core, not to instanceof', () => {
    const foreign = foreignFetchFailure();
    expect(foreign instanceof Error).toBe(false);
    expect(isError(foreign)).toBe(true);
    for (const value of [{}, { message: 'x', name: 'Error' }, 'Error', null, undefined, 1]) expect(isError(value)).toBe(false);
  });

  it('a fetch that fails with one: a NetworkError that says why and keeps the cause (masked)', async () => {
    const apiKey = 'yandex-key-from-another-realm-1234';
    const fleet = createYandexFleetClient({ apiKey, clientId: 'taxi/park/p1', retry: { maxRetries: 0 }, fetch: async () => Promise.reject(foreignFetchFailure(apiKey)) });
    const error = await fleet.listTransactionCategories({ query: { park: { id: 'p1' } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).message).toContain('ECONNREFUSED');
    const cause = (error as NetworkError).cause as Error;
    expect(isError(cause)).toBe(true);
    expect(String(cause.message)).toBe('fetch failed');
    expect(JSON.stringify([(error as Error).message, cause.message, String((cause.cause as Error | undefined)?.message)])).not.toContain(apiKey);
  });

  it('the redactor masks the cause chain of one', () => {
    const secret = 'secret-in-a-foreign-cause-99';
    const redactor = createRedactor([secret]);
    const masked = redactor.error(new UsageError({ api: 'x', operation: 'y', attempts: 0 }, 'outer', foreignFetchFailure(secret)));
    expect(isError(masked.cause)).toBe(true);
    expect(String((masked.cause as Error).cause && ((masked.cause as Error).cause as Error).message)).not.toContain(secret);
    expect(String(((masked.cause as Error).cause as Error).message)).toContain('ECONNREFUSED');
  });
});
