// One table or property test per kind of bug the first red team found (test/redteam/ holds its examples).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeControls, SHOWN_LENGTH } from '../../src/core/client.ts';
import { ApiError, createRedactor, REDACTED, safeFilename, UsageError } from '../../src/core/index.ts';
import { isUsableSegment, safePathSerializer } from '../../src/core/paths.ts';
import { parseRetryAfter } from '../../src/core/retry.ts';
import { createTbankDeliveryClient } from '../../src/tbank-delivery/index.ts';

const BASE = 'http://127.0.0.1:9';
/** A T-Bank client on a fetch double that answers `answer` and records every request it is given. */
function tbank(options: Record<string, unknown> = {}, answer = () => new Response('{"id":"1"}', { status: 200, headers: { 'content-type': 'application/json' } })) {
  const sent: Request[] = [];
  const client = createTbankDeliveryClient({ token: 'tok-secret-123456', baseUrl: BASE, retry: { maxRetries: 0 }, fetch: async (input: Request | URL | string) => { sent.push(input as Request); return answer(); }, ...options });
  return { client, sent };
}

describe('path parameters never leave their segment', () => {
  it.each(['', '.', '..', '%2e', '%2E%2e', '.%2e', ' ', undefined])('refuses %j with a UsageError, sending nothing', async (id) => {
    expect(isUsableSegment(id)).toBe(false);
    const { client, sent } = tbank();
    await expect(client.getTask(id as string)).rejects.toBeInstanceOf(UsageError);
    expect(sent).toEqual([]);
  });

  it('any other id becomes exactly one segment under the operation path', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }).filter((id) => isUsableSegment(id)), (id) => {
      const path = safePathSerializer('/api/v1/delivery/tasks/{taskId}', { taskId: id });
      const url = new URL(BASE + path);
      expect(url.pathname.startsWith('/api/v1/delivery/tasks/')).toBe(true);
      expect(url.pathname.slice('/api/v1/delivery/tasks/'.length)).not.toContain('/');
      expect(decodeURIComponent(url.pathname.split('/').pop() ?? '')).toBe(id);
      expect(url.search + url.hash).toBe('');
    }));
  });
});

describe('credentials in a URL', () => {
  it.each(['http://u:PASSWORD123@h/x', 'https://PASSWORD123@h', 'see ftp://a:PASSWORD123@h:21/ now', '"http://u:PASSWORD123@127.0.0.1:1/a"'])('masks the userinfo of %s', (text) => {
    const masked = createRedactor().text(text);
    expect(masked).not.toContain('PASSWORD123');
    expect(masked).toContain(`${REDACTED}@`);
  });

  it('refuses a baseUrl with userinfo at creation, without quoting it', () => {
    let error: unknown;
    try {
      createTbankDeliveryClient({ token: 'tok-secret-123456', baseUrl: 'http://user:PASSWORD123@h' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect(String(error) + JSON.stringify(error)).not.toContain('PASSWORD123');
  });
});

describe('secrets in hex and base64', () => {
  it('are masked at any byte offset inside a longer encoded text', () => {
    fc.assert(fc.property(fc.string({ minLength: 8, maxLength: 40 }).filter((s) => s.trim() !== ''), fc.uint8Array({ maxLength: 5 }), fc.uint8Array({ maxLength: 5 }), (secret, before, after) => {
      const bytes = Buffer.concat([before, Buffer.from(secret), after]);
      const redactor = createRedactor([secret]);
      const from = Math.ceil((before.length * 8) / 6);
      const to = Math.floor(((before.length + Buffer.byteLength(secret)) * 8) / 6);
      for (const encoding of ['base64', 'base64url'] as const) {
        const encoded = bytes.toString(encoding);
        expect(redactor.text(`x ${encoded} y`)).not.toContain(encoded.slice(from, to));
      }
      for (const hex of [Buffer.from(secret).toString('hex'), Buffer.from(secret).toString('hex').toUpperCase()]) {
        expect(redactor.text(`x ${hex} y`)).toBe(`x ${REDACTED} y`);
      }
    }), { numRuns: 60 });
  });

  it('a secret cut in two pieces of 10+ characters loses both', () => {
    const secret = 'yfAPIKEYsecret1234567890';
    const masked = createRedactor([secret]).text(`key ${secret.slice(0, 12)}…${secret.slice(12)}`);
    for (let i = 0; i + 10 <= secret.length; i++) expect(masked).not.toContain(secret.slice(i, i + 10));
  });
});

describe('retry and timeout options', () => {
  const bad: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
    ['client maxRetries NaN', { retry: { maxRetries: NaN } }, {}],
    ['client maxRetries -1', { retry: { maxRetries: -1 } }, {}],
    ['client maxRetries 2.5', { retry: { maxRetries: 2.5 } }, {}],
    ['client maxRetries Infinity', { retry: { maxRetries: Infinity } }, {}],
    ['per-call maxRetries NaN', {}, { maxRetries: NaN }],
    ['client timeoutMs NaN', { timeoutMs: NaN }, {}],
    ['per-call timeoutMs 0', {}, { timeoutMs: 0 }],
    ['per-call timeoutMs -1', {}, { timeoutMs: -1 }],
    ['per-call timeoutMs 2^31', {}, { timeoutMs: 2 ** 31 }],
    ['baseDelayMs NaN', { retry: { baseDelayMs: NaN } }, {}],
    ['maxDelayMs -5', { retry: { maxDelayMs: -5 } }, {}],
    ['maxRetryAfterMs Infinity', { retry: { maxRetryAfterMs: Infinity } }, {}],
    ['maxResponseBytes 0', { maxResponseBytes: 0 }, {}],
    ['maxResponseBytes NaN', { maxResponseBytes: NaN }, {}],
    ['maxResponseBytes 1.5', { maxResponseBytes: 1.5 }, {}],
  ];
  it.each(bad)('%s is a UsageError and nothing is sent', async (_label, clientOptions, callOptions) => {
    const { client, sent } = tbank(clientOptions);
    await expect(client.getTask('t1', callOptions)).rejects.toBeInstanceOf(UsageError);
    expect(sent).toEqual([]);
  });
});

describe('a logger that throws', () => {
  it.each([new Error('boom'), 'a string', undefined])('changes nothing for the call (%s)', async (thrown) => {
    const { client } = tbank({ logLevel: 'debug', logger: () => { throw thrown; } });
    await expect(client.getTask('t1')).resolves.toEqual({ id: '1' });
  });
});

describe('Retry-After', () => {
  it('is always a finite number of milliseconds ≥ 0, however many digits', () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{1,6000}(\.\d{1,50})?$/), (value) => {
      const ms = parseRetryAfter(value);
      expect(Number.isFinite(ms)).toBe(true);
      expect(ms).toBeGreaterThanOrEqual(0);
    }), { numRuns: 200 });
  });
});

describe('file names', () => {
  const DEVICE = /^(con|prn|aux|nul|clock\$|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])( *\.| *$)/i;
  it.each(['CON', 'con.pdf', 'CONIN$', 'CONOUT$.txt', 'COM¹.pdf', 'LPT²', 'NUL .pdf', 'aux.', 'PRN  ', 'lpt9.tar.gz', 'clock$'])('%s gets a leading _', (name) => {
    const safe = safeFilename(name);
    expect(safe?.startsWith('_')).toBe(true);
    expect(safe).not.toMatch(DEVICE);
  });

  it('fits in 255 UTF-8 bytes, keeps a short extension, and never names a device', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.constantFrom('', '.pdf', '.tar.gz', '.xlsx'), (stem, extension) => {
      const safe = safeFilename(stem + extension);
      if (safe === undefined) return;
      expect(Buffer.byteLength(safe)).toBeLessThanOrEqual(255);
      expect(safe).not.toMatch(DEVICE);
      expect(safe).not.toMatch(/[. ]$/);
      if (extension && Buffer.byteLength(stem + extension) > 255 && /\S/.test(stem)) expect(safe.endsWith(extension.slice(extension.lastIndexOf('.')))).toBe(true);
    }), { numRuns: 300 });
  });
});

describe('server text in ApiError', () => {
  it('has no control characters or lone surrogates, and is bounded, whatever the server sends', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 3000 }), fc.string({ unit: 'binary', maxLength: 1500 }), async (message, code) => {
      const { client } = tbank({}, () => new Response(JSON.stringify({ errorCode: code, errorMessage: message }), { status: 400, headers: { 'content-type': 'application/json' } }));
      const error = await client.getTask('t1').then(() => undefined, (caught: unknown) => caught);
      expect(error).toBeInstanceOf(ApiError);
      const { message: text, apiMessage, code: shownCode, body } = error as ApiError;
      for (const value of [text, apiMessage ?? '', shownCode ?? '']) {
        expect(value).not.toMatch(/[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      }
      expect((apiMessage ?? '').length).toBeLessThanOrEqual(SHOWN_LENGTH * 6 + 1);
      expect((body as { errorMessage: string }).errorMessage).toBe(message);
    }), { numRuns: 50 });
  });

  it('escapes CR, LF, ESC, BEL, NUL and lone surrogates as visible text', () => {
    expect(escapeControls('a\r\nb\u001b[31m\u0007\u0000\ud800')).toBe('a\\r\\nb\\u001b[31m\\u0007\\u0000\\ud800');
  });
});

// Red team 6: a credential passed for one call (`headers`) was masked nowhere; the server echoed it into the error.
describe('per-call credential headers are masked like the client\'s own', () => {
  const value = 'per-call-secret-9f8e7d6c';
  it.each(['Authorization', 'X-API-Key', 'X-Client-ID', 'Cookie', 'X-Auth-Token', 'X-Session-Id', 'X-Password'])('%s', async (name) => {
    const { client } = tbank({}, () => new Response(JSON.stringify({ errorCode: 'E', errorMessage: `bad ${value}`, echo: value }), { status: 400, headers: { 'content-type': 'application/json', 'x-echo': value } }));
    const error = (await client.getTask('t1', { headers: { [name]: value } }).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    const shown = `${error.message}${String(error)}${JSON.stringify(error)}${JSON.stringify(error.body)}${JSON.stringify(error.headers)}${error.apiMessage}`;
    expect(shown).not.toContain(value);
    expect(shown).toContain(REDACTED);
  });
  it('an idempotency key given per call stays visible (it is no credential)', async () => {
    const key = 'my-own-idempotency-key-123';
    const { client } = tbank({}, () => new Response(JSON.stringify({ errorCode: 'E', errorMessage: `key ${key}` }), { status: 400, headers: { 'content-type': 'application/json' } }));
    const error = (await client.getTask('t1', { headers: { 'Idempotency-Key': key } }).catch((e: unknown) => e)) as ApiError;
    expect(error.apiMessage).toContain(key);
  });
});

// Red team 6's dual-package hazard (an error of the CommonJS build no instance of the ESM classes): test/core/error-copies.test.ts
// and test/redteam/rt6-package.test.ts, with real copies of the package.
