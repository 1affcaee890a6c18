// Multipart bodies as the mock reads them (mocks/multipart.ts): every part's Content-Disposition either read exactly
// (browser/undici encoding, RFC 5987 filename*) or refused with a 400 naming the part; never a crash. Red team 7's
// attacks through the host are in test/redteam/rt7-mock-multipart.test.ts.
import { parse as parseDisposition } from 'content-disposition';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MockInputError } from '../../mocks/adapters/types.ts';
import { readForm } from '../../mocks/multipart.ts';

const TYPE = 'multipart/form-data; boundary=XX';
const body = (disposition: string) =>
  Buffer.from(`--XX\r\nContent-Disposition: form-data; name="taskId"\r\n\r\nT1\r\n--XX\r\nContent-Disposition: ${disposition}\r\nContent-Type: application/pdf\r\n\r\nhello\r\n--XX--\r\n`);
const fileName = (disposition: string) => readForm(body(disposition), TYPE).parts.find((part) => part.name === 'content')?.filename;
const refusal = (disposition: string) => {
  try {
    readForm(body(disposition), TYPE);
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('file names read from Content-Disposition', () => {
  it.each([
    ['form-data; name="content"; filename="act.pdf"', 'act.pdf'],
    ['form-data; name="content"; filename="акт.pdf"', 'акт.pdf'],
    ['form-data; name=content; filename=act.pdf', 'act.pdf'],
    ['form-data; name="content"; filename="a%22b.pdf"', 'a"b.pdf'],
    ['form-data; name="content"; filename="a%0D%0Ab.pdf"', 'a\r\nb.pdf'],
    ['form-data; name="content"; filename="a.pdf\\"', 'a.pdf\\'],
    ['form-data; name="content"; filename="C:\\dir\\a.pdf"', 'C:\\dir\\a.pdf'],
    ["form-data; name=\"content\"; filename*=UTF-8''%D0%B0%D0%BA%D1%82.pdf", 'акт.pdf'],
    ["form-data; name=\"content\"; filename=\"act.pdf\"; filename*=UTF-8''%D0%B0%D0%BA%D1%82.pdf", 'акт.pdf'],
    ["form-data; name=\"content\"; filename*=ISO-8859-1''caf%E9.pdf", 'café.pdf'],
    ['FORM-DATA ; name = "content" ; filename = "a; b=c.pdf" ;', 'a; b=c.pdf'],
  ])('%s → %j', (disposition, name) => {
    expect(fileName(disposition)).toBe(name);
  });
});

describe('a malformed part is a 400 naming it', () => {
  it.each([
    ['an escaped quote (not how multipart quotes)', 'form-data; name="content"; filename="a\\"; x=1.pdf"'],
    ['an unterminated quote', 'form-data; name="content"; filename="a.pdf'],
    ['CR LF inside the quotes (the header ends there)', 'form-data; name="content"; filename="акт\r\nSet-Cookie: a=b.pdf"'],
    ['a bad escape in filename*', "form-data; name=\"content\"; filename*=UTF-8''%ZZ.pdf"],
    ['an unknown charset in filename*', "form-data; name=\"content\"; filename*=KOI8-R''%C1.pdf"],
    ['filename* without its charset', 'form-data; name="content"; filename*=a.pdf'],
    ['no name', 'form-data; filename="a.pdf"'],
    ['not form-data', 'attachment; name="content"; filename="a.pdf"'],
    ['an empty disposition', ''],
  ])('%s', (_, disposition) => {
    const error = refusal(disposition);
    expect(error).toBeInstanceOf(MockInputError);
    expect((error as MockInputError).status).toBe(400);
    expect((error as Error).message).toMatch(/multipart part 2/);
  });

  it('a body that is not multipart at all, or has no boundary, is a 400', () => {
    expect(() => readForm(Buffer.from('--XX\r\nbroken'), TYPE)).toThrow(MockInputError);
    expect(() => readForm(Buffer.from('x'), 'multipart/form-data')).toThrow(/boundary/);
  });
});

describe('any file name a client sends comes back exactly (property)', () => {
  it('FormData as undici encodes it → readForm → the same name and bytes', async () => {
    await fc.assert(
      // Names with C0 control characters other than CR LF are not checked here: the header reader may refuse them (a
      // 400 naming the part, see the next test), which is not a round trip.
      fc.asyncProperty(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((name) => !/[\x00-\x09\x0b\x0c\x0e-\x1f\x7f]/.test(name)), fc.uint8Array({ maxLength: 64 }), async (name, bytes) => {
        const form = new FormData();
        form.set('taskId', 'T1');
        form.set('content', new Blob([bytes], { type: 'application/pdf' }), name);
        const request = new Request('http://x/', { method: 'POST', body: form });
        const { parts } = readForm(Buffer.from(await request.arrayBuffer()), request.headers.get('content-type') ?? '');
        const content = parts.find((part) => part.name === 'content');
        // undici (as the HTML standard) sends CR, LF and CR LF all as CR LF
        expect(content?.filename).toBe(name.replace(/\r\n|\r|\n/g, '\r\n'));
        expect(content?.data.equals(Buffer.from(bytes))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('any name at all (control characters too): the part is read, or a 400 names it, never another error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 20 }), async (name) => {
        const form = new FormData();
        form.set('content', new Blob(['x']), name);
        const request = new Request('http://x/', { method: 'POST', body: form });
        let outcome: unknown;
        try {
          outcome = readForm(Buffer.from(await request.arrayBuffer()), request.headers.get('content-type') ?? '').parts[0]?.data.toString();
        } catch (error) {
          outcome = error;
        }
        if (outcome instanceof Error) {
          expect(outcome).toBeInstanceOf(MockInputError);
          expect(outcome.message).toMatch(/multipart part 1/);
        } else {
          expect(outcome).toBe('x');
        }
      }),
      { numRuns: 200 },
    );
  });

  it('the download header names the same file and cannot carry another header', async () => {
    const { create } = await import('content-disposition');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (name) => {
        const header = create(name);
        expect(header).not.toMatch(/[\r\n]/);
        expect(parseDisposition(header).parameters.filename).toBe(name);
      }),
    );
  });
});
