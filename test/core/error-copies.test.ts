// Two copies of the error classes in one bundle (an application that bundles two entries of the package, or the ESM
// and CommonJS builds): the bundler renames the second copy's classes (`ApiError2`), and an error of either copy must
// still be an instance of the other's classes and keep its own name.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

type Errors = typeof import('../../src/core/errors.ts');
const dir = mkdtempSync(join(tmpdir(), 'error-copies-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function twoCopies(): Promise<{ a: Errors; b: Errors; bundle: string }> {
  // A second copy of errors.ts and what it imports, in another folder.
  for (const file of ['errors.ts', 'objects.ts']) cpSync(resolve('src/core', file), join(dir, file));
  writeFileSync(join(dir, 'entry.ts'), `export * as a from ${JSON.stringify(resolve('src/core/errors.ts'))};\nexport * as b from './errors.ts';\n`);
  const out = join(dir, 'bundle.mjs');
  await build({ entryPoints: [join(dir, 'entry.ts')], bundle: true, format: 'esm', platform: 'neutral', outfile: out, logLevel: 'silent' });
  const { readFileSync } = await import('node:fs');
  return { ...((await import(pathToFileURL(out).href)) as { a: Errors; b: Errors }), bundle: readFileSync(out, 'utf8') };
}

describe('error classes from two copies in one bundle', () => {
  it('are one another\'s instances and keep their names, though the bundler renamed the classes', async () => {
    const { a, b, bundle } = await twoCopies();
    expect(bundle).toMatch(/\bApiError2\b/); // the premise: the second copy's classes were renamed
    const context = { api: 'x', operation: 'op', attempts: 1 };
    const classes = ['SdkError', 'ApiError', 'InvalidResponseError', 'TimeoutError', 'NetworkError', 'DecodeError', 'EncodeError', 'RedirectError', 'UsageError', 'CoordinationError'] as const;
    const make = (errors: Errors, name: (typeof classes)[number]): Error => {
      switch (name) {
        case 'SdkError': return new errors.SdkError('m', context);
        case 'ApiError': return new errors.ApiError(context, { status: 400, body: null });
        case 'InvalidResponseError': return new errors.InvalidResponseError(context, { status: 200, reason: 'r', bodySnippet: '' });
        case 'TimeoutError': return new errors.TimeoutError(context, 10);
        case 'NetworkError': return new errors.NetworkError(context, 'r');
        case 'DecodeError': return new errors.DecodeError(context, 'p', 'r');
        case 'EncodeError': return new errors.EncodeError(context, 'p', 'r');
        case 'RedirectError': return new errors.RedirectError(context, { status: 302, reason: 'r' });
        case 'UsageError': return new errors.UsageError(context, 'r');
        case 'CoordinationError': return new errors.CoordinationError(context, 'r');
      }
    };
    for (const [from, to] of [[a, b], [b, a]] as const) {
      for (const name of classes) {
        const error = make(from, name);
        expect(error.name).toBe(name);
        expect(error, name).toBeInstanceOf(to[name]);
        expect(error).toBeInstanceOf(to.SdkError);
        for (const other of classes) if (other !== name && other !== 'SdkError') expect(error instanceof to[other], `${name} is not a ${other}`).toBe(false);
        expect(JSON.parse(JSON.stringify(error))).toMatchObject({ name });
      }
    }
  });

  it('a class without its own errorName is compared by prototype only, and named by its class or its parent', async () => {
    const { a, b } = await twoCopies();
    const context = { api: 'x', operation: 'op', attempts: 1 };
    const details = { status: 400, body: null };
    // Two classes of an application that happen to share a name are two classes.
    const HttpErrorOne = (() => class HttpError extends a.ApiError {})();
    const HttpErrorTwo = (() => class HttpError extends a.ApiError {})();
    expect(new HttpErrorOne(context, details)).not.toBeInstanceOf(HttpErrorTwo);
    expect(new HttpErrorOne(context, details)).toBeInstanceOf(b.ApiError); // still an ApiError of either copy
    // An application's own TimeoutError is not the package's.
    class TimeoutError extends a.SdkError {}
    const own = new TimeoutError('late', context);
    expect(own).not.toBeInstanceOf(a.TimeoutError);
    expect(own).not.toBeInstanceOf(b.TimeoutError);
    expect(own).toBeInstanceOf(b.SdkError);
    expect(own.name).toBe('TimeoutError');
    // An anonymous subclass is named by its parent, not "".
    const Anonymous = (() => class extends a.DecodeError {})();
    expect(new Anonymous(context, 'p', 'r').name).toBe('DecodeError');
    expect(String(new Anonymous(context, 'p', 'r'))).toMatch(/^DecodeError: /);
  });

  it('only an error a constructor made counts: nothing else can pass for one (red team 10)', async () => {
    const { a, b } = await twoCopies();
    const context = { api: 'x', operation: 'op', attempts: 1 };
    const oldBrand = Symbol.for('delivery-api-clients.error-classes');
    const forged: Array<[string, unknown]> = [
      ['an object carrying the old mark', { [oldBrand]: ['ApiError', 'SdkError'] }],
      ['an object tagged Error with the mark', Object.defineProperty({ [Symbol.toStringTag]: 'Error' }, oldBrand, { value: ['ApiError', 'SdkError'] })],
      ['an Error given the mark afterwards', Object.defineProperty(new Error('x'), oldBrand, { value: ['ApiError', 'SdkError'] })],
      ['a Proxy that makes up any property', new Proxy(new Error('x'), { getOwnPropertyDescriptor: () => ({ value: ['ApiError', 'SdkError'], configurable: true, enumerable: false }) })],
      ['a plain Error', new Error('x')],
    ];
    for (const [what, value] of forged) {
      for (const errors of [a, b]) {
        expect(value instanceof errors.ApiError, what).toBe(false);
        expect(value instanceof errors.SdkError, what).toBe(false);
      }
    }
    // Within one copy, a name is no identity: a NetworkError subclass that calls itself ApiError is not an ApiError.
    class Pretender extends a.NetworkError {
      static override readonly errorName: string = 'ApiError';
    }
    expect(new Pretender(context, 'r')).not.toBeInstanceOf(a.ApiError);
    expect(new Pretender(context, 'r')).toBeInstanceOf(a.NetworkError);
  });

  it('reads a missing context as empty, and writes JSON for fields that hold itself, other errors or bigints', async () => {
    const { a } = await twoCopies();
    const bare = new (a.SdkError as unknown as new (message: string) => InstanceType<typeof a.SdkError>)('plain JavaScript left the context out');
    expect([bare.api, bare.operation, bare.attempts]).toEqual(['', '', 0]);
    const error = new a.ApiError({ api: 'x', operation: 'op', attempts: 1 }, { status: 400, body: { count: 10n } });
    Object.assign(error, { self: error, nested: { back: error, list: [error] }, other: new TypeError('t') });
    const json = JSON.parse(JSON.stringify(error)) as Record<string, unknown>;
    expect(json).toMatchObject({ name: 'ApiError', status: 400, body: { count: '10' }, self: '[Circular]', nested: { back: '[Circular]', list: ['[Circular]'] }, other: { name: 'TypeError', message: 't' } });
  });
});

