// Attacks on the Dellin XML decoder through createDellinClient({ format: 'xml' }) against a hostile local server.
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDellinClient, DecodeError, SdkError } from '../../src/dellin/index.ts';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';

const SESSION = 'SESS-7a6b5c4d3e2f1a0b';
const APPKEY = 'APPKEY-0123456789ABCDEF';
let api: FaultServer;
beforeAll(async () => void (api = await startFaultServer()));
afterAll(() => api.close());
/** The hostile server's next answers. */
const answer = (status: number, body: string | Buffer, type = 'application/xml') => api.script({ status, headers: { 'content-type': type }, body });

const client = () => createDellinClient({ appkey: APPKEY, sessionID: SESSION, format: 'xml', baseUrl: api.url, retry: { maxRetries: 0 }, timeoutMs: 5000 });
const wrap = (status: string, expired = 'false', extra = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><response><metadata><status>${status}</status><generated_at>2024-05-06 10:15:00</generated_at></metadata><data><session><expireTime>2024-05-07 10:15:00</expireTime><expired>${expired}</expired>${extra}</session></data></response>`;

async function outcome(body: string | Buffer, type?: string) {
  answer(200, body, type);
  try {
    return { value: await client().sessionInfo() };
  } catch (error) {
    return { error };
  }
}

describe('sanity', () => {
  it('a good XML answer decodes', async () => {
    const r = await outcome(wrap('200'));
    expect(r.error).toBeUndefined();
    expect((r.value as any).data.session.expired).toBe(false);
  });
});

describe('numbers and booleans that are not what the contract says', () => {
  // Not a number in JSON nor in XML Schema: must be refused (Number('0x1F') is 31, Number('') is 0).
  for (const status of ['0x1F', '0b11001000', '0o310', '1e400', '', 'Infinity', 'NaN', '２００']) {
    it(`metadata.status ${JSON.stringify(status)} is a DecodeError, not a silent number`, async () => {
      const r = await outcome(wrap(status));
      expect(r.error, `resolved to ${inspect(r.value, { depth: 5 })}`).toBeInstanceOf(DecodeError);
    });
  }
  for (const expired of ['yes', 'TRUE', '']) {
    it(`expired ${JSON.stringify(expired)} is a DecodeError, not a silent boolean`, async () => {
      const r = await outcome(wrap('200', expired));
      expect(r.error, `resolved to ${inspect(r.value, { depth: 5 })}`).toBeInstanceOf(DecodeError);
    });
  }
});

describe('lexical forms valid in XML Schema (decode to the right value or DecodeError)', () => {
  for (const status of [' 200 ', '+200', '200.0', '2e2']) {
    it(`status ${JSON.stringify(status)}`, async () => {
      const r = await outcome(wrap(status));
      if (r.error) expect(r.error).toBeInstanceOf(DecodeError);
      else expect((r.value as any).metadata.status).toBe(200);
    });
  }
  for (const [expired, value] of [['1', true], ['0', false], [' false ', false]] as const) {
    it(`expired ${JSON.stringify(expired)}`, async () => {
      const r = await outcome(wrap('200', expired));
      if (r.error) expect(r.error).toBeInstanceOf(DecodeError);
      else expect((r.value as any).data.session.expired).toBe(value);
    });
  }
});

describe('hostile documents', () => {
  const cases: Array<[string, string | Buffer, string?]> = [
    ['a DOCTYPE with an external entity', `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>${wrap('200', 'false', '<n>&x;</n>')}`],
    ['billion laughs', `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>${wrap('200', 'false', '<n>&c;</n>')}`],
    ['an unknown entity', wrap('200', 'false', '<n>&nbsp;</n>')],
    ['a char ref to NUL', wrap('200', 'false', '<n>&#0;</n>')],
    ['a char ref beyond Unicode', wrap('200', 'false', '<n>&#x110000;</n>')],
    ['a char ref to a lone surrogate', wrap('200', 'false', '<n>&#xD800;</n>')],
    ['a huge decimal char ref', wrap('200', 'false', '<n>&#99999999999999999999999;</n>')],
    ['truncated', wrap('200').slice(0, 80)],
    ['mismatched close tag', wrap('200').replace('</data>', '</date>')],
    ['two roots', wrap('200') + '<response/>'],
    ['wrong root', wrap('200').replace(/response>/g, 'respons>')],
    ['mixed content', wrap('200', 'false', 'text<n>1</n>')],
    ['__proto__ element', wrap('200', 'false', '<__proto__><polluted>1</polluted></__proto__>')],
    ['constructor/prototype elements', wrap('200', 'false', '<constructor><prototype><polluted>1</polluted></prototype></constructor>')],
    ['deep nesting 100k', wrap('200', 'false', '<a>'.repeat(100000) + '</a>'.repeat(100000))],
    ['invalid UTF-8 bytes', Buffer.concat([Buffer.from(wrap('200', 'false', '<n>')), Buffer.from([0xff, 0xc3, 0x28]), Buffer.from('</n>' + '')])],
    ['CDATA never closed', wrap('200', 'false', '<n><![CDATA[abc</n>')],
    ['a processing instruction inside', wrap('200', 'false', '<?php evil() ?>')],
    ['unclosed comment', wrap('200', 'false', '<!-- never')],
    ['NUL byte in text', wrap('200', 'false', '<n>a\u0000b</n>')],
  ];
  for (const [name, body, type] of cases) {
    it(`${name}: DecodeError (or a clean decode), never a bare error, a hang, or pollution`, async () => {
      const started = Date.now();
      const r = await outcome(body, type);
      expect(Date.now() - started).toBeLessThan(4000);
      expect(({} as any).polluted).toBeUndefined();
      if (r.error) expect(r.error, String(r.error)).toBeInstanceOf(SdkError);
      if (/entity|laughs|char ref|truncated|mismatched|two roots|wrong root|mixed|__proto__|constructor|CDATA|comment|invalid UTF-8|NUL/.test(name)) {
        expect(r.error, `resolved to ${inspect(r.value, { depth: 6 }).slice(0, 400)}`).toBeInstanceOf(DecodeError);
      }
    });
  }

  it('100k attributes on one element do not hang', async () => {
    const attrs = Array.from({ length: 100000 }, (_, i) => `a${i}="${i}"`).join(' ');
    const started = Date.now();
    const r = await outcome(wrap('200').replace('<session>', `<session ${attrs}>`));
    expect(Date.now() - started).toBeLessThan(4000);
    if (r.error) expect(r.error).toBeInstanceOf(SdkError);
  });

  it('duplicate attributes are refused', async () => {
    const r = await outcome(wrap('200').replace('<session>', '<session a="1" a="2">'));
    expect(r.error).toBeInstanceOf(DecodeError);
  });

  it('ReDoS-shaped input (many unclosed "<a " and quotes) finishes quickly', async () => {
    const started = Date.now();
    await outcome('<response>' + '<a b="'.repeat(50000));
    await outcome('<response ' + ' x'.repeat(200000));
    await outcome('<' + '!'.repeat(200000));
    expect(Date.now() - started).toBeLessThan(4000);
  });
});

describe('encodings', () => {
  const utf8 = wrap('200', 'false', '<city>Омск</city>');
  /** `utf8` in a one-byte code page: the prolog names it, `Омск` is written in its bytes. */
  const inCodePage = (name: string, omsk: number[]) => {
    const text = Buffer.from(utf8.replace('UTF-8', name).replace('Омск', ''), 'latin1');
    return Buffer.concat([text.subarray(0, text.indexOf('</city>')), Buffer.from(omsk), text.subarray(text.indexOf('</city>'))]);
  };
  it.each([
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(utf8)]), undefined],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf8.replace('UTF-8', 'UTF-16'), 'utf16le')]), undefined],
    ['windows-1251 declared in the prolog and the header', inCodePage('windows-1251', [0xce, 0xec, 0xf1, 0xea]), 'application/xml; charset=windows-1251'],
    ['koi8-r declared only in the prolog', inCodePage('KOI8-R', [0xef, 0xcd, 0xd3, 0xcb]), 'application/xml'],
  ])('%s: decoded correctly or a DecodeError, never mojibake', async (_, body, type) => {
    const r = await outcome(body, type);
    if (r.error) expect(r.error).toBeInstanceOf(DecodeError);
    else expect((r.value as any).data.session.city).toBe('Омск');
  });
});

describe('secrets in decode errors', () => {
  it('a malformed XML answer echoing the session id and appkey does not leak them (any encoding, in part)', async () => {
    const b64 = Buffer.from(SESSION).toString('base64');
    const r = await outcome(`<response><sessionID>${SESSION}</sessionID><appkey>${APPKEY}</appkey><x>${b64}</x><y>${SESSION.slice(5)}</y><broken></response>`);
    expect(r.error).toBeInstanceOf(DecodeError);
    const e: any = r.error;
    const text = [String(e), e.stack, JSON.stringify(e), inspect(e, { depth: 20, showHidden: true })].join('\n');
    for (const secret of [SESSION, APPKEY, b64, SESSION.slice(5), encodeURIComponent(SESSION)]) expect(text).not.toContain(secret);
  });
  it('an HTTP 400 XML error echoing the session id does not leak it', async () => {
    answer(400, `<response><metadata><status>400</status></metadata><errors><error><code>1</code><detail>bad session ${SESSION} ${SESSION.slice(5)}</detail></error></errors></response>`);
    let e: any;
    try { await client().sessionInfo(); } catch (x) { e = x; }
    expect(e).toBeInstanceOf(SdkError);
    const text = [String(e), e.stack, JSON.stringify(e), inspect(e, { depth: 20, showHidden: true })].join('\n');
    expect(text).not.toContain(SESSION);
    expect(text).not.toContain(SESSION.slice(5));
  });
});
