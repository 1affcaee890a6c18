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
  cpSync(resolve('src/core/errors.ts'), join(dir, 'copy.ts'));
  writeFileSync(join(dir, 'entry.ts'), `export * as a from ${JSON.stringify(resolve('src/core/errors.ts'))};\nexport * as b from './copy.ts';\n`);
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
});
