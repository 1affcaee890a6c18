// Attack: the exported file-name helpers now that content-disposition is bundled in (filenameFromContentDisposition is
// async, downloadedFile reads it): hostile headers (traversal, CRLF, NUL, bidi overrides, reserved names, huge values,
// thousands of parameters, broken percent-encoding, other charsets) and values a JavaScript caller may pass.
import { describe, expect, it } from 'vitest';
import { downloadedFile, filenameFromContentDisposition, safeFilename, SdkError, UsageError } from '../../src/core/index.ts';

const bytesOf = (name: string | undefined) => (name === undefined ? 0 : new TextEncoder().encode(name).length);

describe('hostile Content-Disposition headers', () => {
  const hostile: Array<[string, string]> = [
    ['encoded traversal', "attachment; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd"],
    ['backslash traversal', 'attachment; filename="..\\\\..\\\\win.ini"'],
    ['CRLF', 'attachment; filename="a\r\nSet-Cookie: x.pdf"'],
    ['encoded CRLF', "attachment; filename*=UTF-8''a%0D%0ASet-Cookie%3A%20x.pdf"],
    ['NUL', "attachment; filename*=UTF-8''a%00.pdf.exe"],
    ['bidi override', "attachment; filename*=UTF-8''%E2%80%AEfdp.exe"],
    ['reserved device name', 'attachment; filename="CON.pdf"'],
    ['only dots', 'attachment; filename="..."'],
    ['100 000 characters', `attachment; filename="${'я'.repeat(100_000)}.pdf"`],
    ['broken percent-encoding', "attachment; filename*=UTF-8''%E0%A4%A"],
    ['koi8-r', "attachment; filename*=KOI8-R''%C1%CB%D4.pdf"],
    ['duplicate filename parameters', 'attachment; filename="a.pdf"; filename="b.pdf"'],
    ['20 000 parameters', `attachment; ${'a=b; '.repeat(20_000)}filename="x.pdf"`],
    ['quote never closed', 'attachment; filename="abc'],
    ['lone surrogate', "attachment; filename*=UTF-8''%ED%A0%80.pdf"],
  ];
  for (const [label, header] of hostile) {
    it(`holds: ${label} -> a safe name or none, quickly`, async () => {
      const started = performance.now();
      const name = await filenameFromContentDisposition(header);
      expect(performance.now() - started).toBeLessThan(1000);
      if (name !== undefined) {
        expect(name).not.toMatch(/[/\\\0\r\n\u202e]/);
        expect(name).not.toMatch(/^\.+$/);
        expect(name).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i);
        expect(bytesOf(name)).toBeLessThanOrEqual(255);
        expect((name as string & { isWellFormed(): boolean }).isWellFormed()).toBe(true);
      }
    });
  }
});

describe('what a JavaScript caller may pass', () => {
  async function outcome(fn: () => unknown) {
    try {
      return { value: await fn() };
    } catch (error) {
      return { error };
    }
  }
  it('holds: filenameFromContentDisposition(null / undefined) is undefined; a number, object or symbol is a UsageError', async () => {
    for (const v of [null, undefined]) expect(await outcome(() => filenameFromContentDisposition(v as never))).toEqual({ value: undefined });
    for (const v of [5, {}, [], Symbol('x')]) {
      const got = await outcome(() => filenameFromContentDisposition(v as never));
      expect('error' in got && got.error instanceof UsageError).toBe(true);
    }
  });
  it('BUG: safeFilename(null / a number) throws a bare TypeError ("name.split is not a function")', async () => {
    for (const v of [null, 5, {}]) {
      const got = await outcome(() => safeFilename(v as never));
      if ('error' in got) expect(got.error).toBeInstanceOf(SdkError);
    }
  });
  it('BUG: downloadedFile(bytes, null or a plain object of headers) throws a bare TypeError', async () => {
    for (const h of [null, {}, { 'content-disposition': 'attachment; filename="x.pdf"' }]) {
      const got = await outcome(() => downloadedFile(new ArrayBuffer(1), h as never));
      if ('error' in got) expect(got.error).toBeInstanceOf(SdkError);
    }
  });
  it('BUG: downloadedFile(null, headers) silently succeeds with an empty file (no error for a missing body)', async () => {
    const got = await outcome(() => downloadedFile(null as never, new Headers({ 'content-disposition': 'attachment; filename="x.pdf"' })));
    expect('error' in got && got.error instanceof SdkError).toBe(true);
  });
});
