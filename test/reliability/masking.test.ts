// Secrets in every field, in every encoding, never cut in half (issue 13, item 6). The redactor is property-tested
// with secrets full of the characters encodings change (+ / = % " \ & space, Cyrillic, an emoji), written into texts in
// every form a server echoes them in, anywhere, including straddling the snippet cut; then each error class is checked
// end to end through a client, field by field.
import { inspect } from 'node:util';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedactor, DecodeError, REDACTED, SdkError, type LogEvent } from '../../src/core/index.ts';
import { SHORT_SECRET_LENGTH } from '../../src/core/redact.ts';
import { createDilovodClient } from '../../src/dilovod/index.ts';
import { createDellinClient } from '../../src/dellin/index.ts';
import { createTestClient } from '../support/test-api.ts';
import { flush, record } from './figures.ts';

afterAll(() => flush(import.meta.filename));

/** Every form a server may echo a secret in: as it is, and through each encoding this project's APIs use. */
const ENCODINGS: Record<string, (secret: string) => string> = {
  raw: (s) => s,
  percent: (s) => encodeURIComponent(s),
  'percent, lower-case hex': (s) => encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()),
  form: (s) => new URLSearchParams({ v: s }).toString().slice(2),
  'percent, every byte': (s) => [...new TextEncoder().encode(s)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''),
  json: (s) => JSON.stringify(s).slice(1, -1),
  'json, ASCII only': (s) => JSON.stringify(s).slice(1, -1).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  'json with escaped slashes': (s) => JSON.stringify(s).slice(1, -1).replaceAll('/', '\\/'),
  'json inside a form (a Dilovod packet)': (s) => new URLSearchParams({ packet: JSON.stringify({ key: s }) }).toString(),
  'json inside json': (s) => JSON.stringify(JSON.stringify({ key: s })),
  xml: (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'),
  'xml, numeric': (s) => [...s].map((c) => (/[a-z0-9]/i.test(c) ? c : `&#${c.codePointAt(0)};`)).join(''),
};

const secretChars = fc.constantFrom(...'abcXYZ0189+/=%"\\& -_.~й€😀'.match(/./gu)!);
const longSecret = fc.array(secretChars, { minLength: SHORT_SECRET_LENGTH, maxLength: 24 }).map((chars) => chars.join('')).filter((s) => s.length >= SHORT_SECRET_LENGTH && s.trim() !== '');
/** Filler drawn from characters no secret above uses, so anything left of a secret after masking is visible. */
const filler = fc.string({ unit: fc.constantFrom('!', '*', '^', '(', ')', '\n', 'q', 'Q', ':', ',') , maxLength: 600 });
const FILLER_ONLY = /^[!*^()\nqQ:,]*$/;

describe('the redactor', () => {
  it('masks a secret in every encoding, anywhere, leaving nothing of it and changing nothing else', () => {
    // What the text must become: the same encoding of a plain marker, the marker masked (a wrapper around it stays).
    const MARK = 'zMARKz';
    fc.assert(
      fc.property(longSecret, fc.constantFrom(...Object.keys(ENCODINGS)), filler, filler, (secret, encoding, before, after) => {
        const encode = ENCODINGS[encoding]!;
        const masked = createRedactor([secret]).text(`${before}${encode(secret)}${after}`);
        const wrapped = encode(MARK);
        expect(masked).toBe(`${before}${wrapped.includes(MARK) ? wrapped.replace(MARK, REDACTED) : REDACTED}${after}`);
        record('masking inputs');
      }),
      { numRuns: 3000, seed: 613 },
    );
  });

  it('masks before it cuts: a secret straddling the snippet cut leaves nothing of itself', () => {
    const LIMIT = 500;
    fc.assert(
      fc.property(longSecret, fc.constantFrom(...Object.keys(ENCODINGS).filter((e) => !e.includes('inside'))), fc.integer({ min: 1, max: 60 }), filler, (secret, encoding, overlap, after) => {
        const encoded = ENCODINGS[encoding]!(secret);
        // The encoded secret starts `overlap` characters before the cut (or ends just before it).
        const start = Math.max(0, LIMIT - Math.min(overlap, encoded.length));
        const text = `${'!'.repeat(start)}${encoded}${after}`;
        const snippet = createRedactor([secret]).snippet(text, LIMIT);
        expect(snippet.replaceAll(REDACTED, '')).toMatch(FILLER_ONLY);
        expect(snippet.length).toBeLessThanOrEqual(LIMIT + REDACTED.length);
        record('masking inputs');
      }),
      { numRuns: 2000, seed: 614 },
    );
  });

  it('short secrets are masked as whole tokens only: both sides of the rule', () => {
    const redactor = createRedactor(['2020']);
    // Masked: the secret as a whole value, a form field, a word, JSON, percent-encoded between separators.
    for (const text of ['2020', '{"password":"2020"}', 'login=bot&password=2020&x=1', 'password 2020 is wrong', 'p%3D2020%26', '[2020]']) {
      expect(redactor.text(text), text).not.toMatch(/2020/);
      record('masking inputs');
    }
    // Kept: the same digits inside unrelated text.
    for (const text of ['2020-11-30', 'v12020', 'id 120201', 'year2020', '2020.5']) {
      expect(redactor.text(text), text).toBe(text);
      record('masking inputs');
    }
    // From the threshold on, a secret is masked wherever it occurs.
    const long = 'x'.repeat(SHORT_SECRET_LENGTH - 4) + '2020';
    expect(createRedactor([long]).text(`a${long}b`)).toBe(`a${REDACTED}b`);
    expect(createRedactor(['   ', '']).text('   ')).toBe('   ');
  });

  it('masks keys, strings deep in bodies, and cuts bodies nested too deep instead of overflowing', () => {
    const redactor = createRedactor(['SECRET-abc/def+1']);
    let deep: unknown = 'SECRET-abc/def+1';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const copy = redactor.value({ 'SECRET-abc%2Fdef%2B1': deep });
    expect(JSON.stringify(copy)).not.toMatch(/SECRET/);
    expect(JSON.stringify(copy)).toContain('[nested too deep]');
  });

  it('masks every string an error carries, in place, and copies its causes', () => {
    const secret = 'tok/en+with=chars';
    const cause = Object.assign(new TypeError(`fetch failed for ${encodeURIComponent(secret)}`), { code: 'E', detail: secret });
    const error = new DecodeError({ api: 'x', operation: 'y', attempts: 1 }, `response.${secret}`, `bad ${JSON.stringify(secret)}`);
    Object.defineProperty(error, 'cause', { value: cause, writable: true, configurable: true });
    createRedactor([secret]).error(error);
    const printed = [error.message, error.path, error.stack ?? '', inspect(error, { depth: 10 }), JSON.stringify(error)].join('\n');
    expect(printed).not.toContain(secret);
    expect(printed).not.toContain(encodeURIComponent(secret));
    expect(cause.message).toContain(encodeURIComponent(secret)); // the runtime's own error is left as it was
    expect((error.cause as Error).message).toContain(REDACTED);
  });
});

describe('through the clients', () => {
  it('DecodeError.path naming an XML element that carries the appkey is masked (the issue example)', async () => {
    const appkey = 'DLAPPKEY0123456789';
    const body = `<response><metadata><status>200</status></metadata><${appkey}>1</${appkey}><data><requestID>x</requestID></data></response>`;
    const dellin = createDellinClient({ appkey, sessionID: 'SESSION-0123456789', format: 'xml', baseUrl: 'http://dellin.test', retry: { maxRetries: 0 }, fetch: async () => new Response(body, { status: 200, headers: { 'content-type': 'application/xml' } }) });
    const error = await dellin.requestDelivery({ docID: '1' } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SdkError);
    expect(`${inspect(error, { depth: 10 })} ${JSON.stringify(error)}`).not.toContain(appkey);
    record('masking inputs');
  });

  it.each(['ab+cd/ef==gh', 'ключ з пробілом+/=', 'key"with\\quotes'])('a Dilovod key %j echoed in a form body, an HTML page and a JSON error is masked in every field and log event', async (key) => {
    const packet = new URLSearchParams({ packet: JSON.stringify({ version: '0.25', key, action: 'getObject' }) }).toString();
    const answers = [
      new Response(`<html>bad request: ${packet}</html>`, { status: 200, headers: { 'content-type': 'text/html' } }),
      new Response(JSON.stringify({ error: `invalid packet ${packet}` }), { status: 200, headers: { 'content-type': 'application/json' } }),
      new Response(`${'!'.repeat(490)}${packet}`, { status: 500, headers: { 'content-type': 'text/plain' } }),
    ];
    for (const answer of answers) {
      const events: LogEvent[] = [];
      const dilovod = createDilovodClient({ key, baseUrl: 'http://dilovod.test', retry: { maxRetries: 0 }, logger: (event) => events.push(event), fetch: async () => answer });
      const error = await dilovod.getObject('1').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SdkError);
      const printed = [inspect(error, { depth: 10 }), JSON.stringify(error), String(error), ...events.map((e) => JSON.stringify(e))].join('\n');
      for (const form of Object.values(ENCODINGS).map((encode) => encode(key))) expect(printed).not.toContain(form);
      record('masking inputs');
    }
  });

  it('a token straddling the 500-character snippet cut is masked whole (the issue example)', async () => {
    const client = createTestClient('http://test.invalid', { retry: { maxRetries: 0 }, fetch: async () => new Response(`${'!'.repeat(495)}sk-test-7f3a9c1e5b2d4f6a8c0e and more`, { status: 200, headers: { 'content-type': 'application/json' } }) });
    const error = (await client.listThings().catch((e: unknown) => e)) as { bodySnippet: string };
    expect(error.bodySnippet).toBe(`${'!'.repeat(495)}${REDACTED}`);
  });
});
