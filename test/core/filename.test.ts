// File names from Content-Disposition: parsed by the content-disposition package, reduced to a base name that cannot
// leave the folder it is joined to (RFC 6266 §4.3), whatever the header says.
import { basename, join, posix, win32 } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { downloadedFile, filenameFromContentDisposition, safeFilename, UsageError } from '../../src/core/index.ts';

const header = (value: string) => filenameFromContentDisposition(value);

describe('filenameFromContentDisposition', () => {
  it('reads the parameter named filename, not one that merely ends so (the issue example)', async () => {
    await expect(header('attachment; xfilename="a.txt"; filename="b.txt"')).resolves.toBe('b.txt');
  });

  it('never gives back a directory part (the issue example)', async () => {
    await expect(header("attachment; filename*=UTF-8''..%2F..%2Fevil.bat")).resolves.toBe('evil.bat');
    await expect(header('attachment; filename="..\\\\..\\\\evil.bat"')).resolves.toBe('evil.bat');
    await expect(header('attachment; filename="/etc/passwd"')).resolves.toBe('passwd');
    await expect(header("attachment; filename*=UTF-8''..")).resolves.toBeUndefined();
    await expect(header('attachment; filename="."')).resolves.toBeUndefined();
    await expect(header('attachment; filename="dir/"')).resolves.toBeUndefined();
  });

  it('prefers filename* (UTF-8) and keeps the plain one when filename* does not decode', async () => {
    await expect(header("attachment; filename=\"scan.jpg\"; filename*=UTF-8''%D1%81%D0%BA%D0%B0%D0%BD.jpg")).resolves.toBe('скан.jpg');
    await expect(header("attachment; filename=\"a.pdf\"; filename*=UTF-8''%ZZ")).resolves.toBe('a.pdf');
    await expect(header('attachment; filename=act.pdf')).resolves.toBe('act.pdf');
    await expect(header('attachment; filename="a \\"quoted\\" name.pdf"')).resolves.toBe('a _quoted_ name.pdf');
  });

  it('has no name for a header without one, or with nothing usable', async () => {
    for (const value of ['inline', 'attachment', '', ';;;', 'attachment; filename=""', 'attachment; filename="   "']) await expect(header(value), value).resolves.toBeUndefined();
    await expect(filenameFromContentDisposition(null)).resolves.toBeUndefined();
  });

  it('replaces control characters, bidi overrides and what Windows refuses; guards device names', () => {
    expect(safeFilename('a\u0000b\nc\u007f.txt')).toBe('a_b_c_.txt');
    expect(safeFilename('invoice\u202Efdp.exe')).toBe('invoice_fdp.exe');
    expect(safeFilename('C:evil.bat')).toBe('C_evil.bat');
    expect(safeFilename('  report.pdf . ')).toBe('report.pdf');
    expect(safeFilename('NUL.txt')).toBe('_NUL.txt');
    expect(safeFilename('.bashrc')).toBe('.bashrc');
  });

  it('any header: a name, if any, is one plain path segment in both separators', async () => {
    const piece = fc.oneof(fc.string({ unit: fc.constantFrom('.', '/', '\\', '%2F', '%5C', '%2E', '..', 'a', 'é', '\u0000', '\n', ':', '"', ' ', '\u202e', '\u200b', '\u2028', '\ufeff', '%E2%80%8B') }), fc.string({ unit: 'binary' }));
    const headers = fc.oneof(
      piece.map((name) => `attachment; filename*=UTF-8''${name}`),
      piece.map((name) => `attachment; filename="${name.replace(/["\\]/g, '\\$&')}"`),
      piece.map((name) => `attachment; filename=${name}`),
      fc.string(),
    );
    await fc.assert(
      fc.asyncProperty(headers, async (value) => {
        const name = await header(value);
        if (name === undefined) return;
        expect(name).not.toMatch(/[/\\\u0000-\u001f\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}]/u); // nothing invisible (red team 5: U+200B, U+2028)
        expect(['', '.', '..']).not.toContain(name);
        for (const path of [posix, win32]) expect(path.dirname(path.join('/downloads', name))).toBe(path.join('/downloads'));
        expect(basename(join('/downloads', name))).toBe(name);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the file helpers, called with what they do not take (red team 10)', () => {
  it.each([null, undefined, 5, {}, ['a.pdf'], Symbol('s')])('safeFilename(%s): a UsageError', (value) => {
    expect(() => safeFilename(value as never)).toThrow(UsageError);
  });

  it.each([5, {}, ['attachment'], true])('filenameFromContentDisposition(%s): a UsageError', async (value) => {
    await expect(filenameFromContentDisposition(value as never)).rejects.toBeInstanceOf(UsageError);
  });

  it.each([
    ['no body', null, new Headers()],
    ['a string body', 'bytes', new Headers()],
    ['bytes as a Uint8Array', new Uint8Array(2), new Headers()],
    ['no headers', new ArrayBuffer(2), null],
    ['a plain object for headers', new ArrayBuffer(2), { 'content-disposition': 'attachment; filename=a.pdf' }],
  ])('downloadedFile with %s: a UsageError, never an empty file', async (_, body, headers) => {
    await expect(downloadedFile(body as never, headers as never)).rejects.toBeInstanceOf(UsageError);
  });
});
