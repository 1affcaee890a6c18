// rt5: Dellin XML decoder/encoder with character references, odd declarations and encoder inputs XML 1.0 cannot carry.
import { describe, expect, it } from 'vitest';
import { decodeXml, encodeXml, readXmlText } from '../../src/dellin/index.ts';
import { SdkError, DecodeError, EncodeError } from '../../src/core/index.ts';
import { xmlShapes } from '../../generated/dellin.xml.ts';

const shape = xmlShapes.DellinError!;
const ctx = { api: 'dellin', operation: 'rt5', attempts: 1 };
const doc = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?><response><metadata><status>200</status></metadata><errors><detail>${inner}</detail></errors></response>`;

function outcome(fn: () => unknown): { ok: true; value: unknown } | { ok: false; error: unknown } {
  try { return { ok: true, value: fn() }; } catch (error) { return { ok: false, error }; }
}

describe('rt5 decodeXml: character references that name no XML Char', () => {
  const refs = ['&#0;', '&#x0;', '&#1;', '&#x1F;', '&#xD800;', '&#xDFFF;', '&#xFFFE;', '&#xFFFF;', '&#x110000;', '&#99999999999;', '&#x7FFFFFFFFFFFFFFF;', '&#;', '&#x;', '&#-1;', '&#+65;', '&#x-41;', '&#1e2;', '&#0x41;', '&#X41;', '&#65', '&amp', '&AMP;', '&Lt;', '&#x00000000000000000041;'];
  for (const ref of refs) {
    it(`${JSON.stringify(ref)} is a DecodeError (or a valid char), never a bare error`, () => {
      const r = outcome(() => decodeXml(doc(ref), shape, ctx));
      if (r.ok) {
        // Accepted: then it must have decoded to a legal XML Char (only A for the well-formed ones)
        const detail = JSON.stringify(r.value);
        expect(ref, detail).toMatch(/^&#(x0*41|X41|0*65);$|^&#x00000000000000000041;$/);
      } else {
        expect(r.error, String(r.error)).toBeInstanceOf(DecodeError);
      }
    });
  }
});

describe('rt5 decodeXml: odd structure', () => {
  const bodies: Array<[string, string]> = [
    ['xml 1.1 declaration', '<?xml version="1.1"?><response><metadata><status>200</status></metadata></response>'],
    ['declaration not first', ' \n<?xml version="1.0"?><response><metadata><status>200</status></metadata></response>'],
    ['two roots', '<response><metadata><status>200</status></metadata></response><response/>'],
    ['CDATA with control char', doc('<![CDATA[\u0001]]>')],
    ['comment with --', doc('<!-- a -- b -->x')],
    ['PI named xml mid-doc', doc('<?xml version="1.0"?>')],
    ['attribute without value', '<response a><metadata><status>200</status></metadata></response>'],
    ['duplicated attribute', '<response a="1" a="2"><metadata><status>200</status></metadata></response>'],
    ['lt in attribute', '<response a="<"><metadata><status>200</status></metadata></response>'],
    ['namespace prefix __proto__', '<response><__proto__:x>1</__proto__:x><metadata><status>200</status></metadata></response>'],
    ['element constructor', '<response><constructor>1</constructor><metadata><status>200</status></metadata></response>'],
    ['status with whitespace+plus', '<response><metadata><status> +200 </status></metadata></response>'],
    ['status 1e2', '<response><metadata><status>2e2</status></metadata></response>'],
    ['status huge', '<response><metadata><status>99999999999999999999999</status></metadata></response>'],
    ['status -0', '<response><metadata><status>-0</status></metadata></response>'],
    ['status with nbsp', '<response><metadata><status>\u00a0200</status></metadata></response>'],
    ['status full-width digits', '<response><metadata><status>２００</status></metadata></response>'],
    ['status arabic-indic', '<response><metadata><status>٢٠٠</status></metadata></response>'],
    ['status with char ref digits', '<response><metadata><status>&#50;00</status></metadata></response>'],
    ['deep nesting 100k', '<response>' + '<a>'.repeat(100_000) + '</a>'.repeat(100_000) + '</response>'],
    ['100k attributes', '<response ' + Array.from({ length: 100_000 }, (_, i) => `a${i}="1"`).join(' ') + '><metadata><status>200</status></metadata></response>'],
    ['1M siblings', '<response><metadata><status>200</status></metadata><errors>' + '<fields>x</fields>'.repeat(300_000) + '</errors></response>'],
    ['unclosed comment', doc('<!-- never closed')],
    ['BOM mid-document', doc('\ufeff')],
    ['end tag with space before name', '<response><metadata><status>200</status></ metadata></response>'],
  ];
  for (const [name, body] of bodies) {
    it(`${name}: only a DecodeError or a value`, () => {
      const r = outcome(() => decodeXml(body, shape, ctx));
      if (!r.ok) expect(r.error, String(r.error)).toBeInstanceOf(SdkError);
    });
  }
  it('status written as a character reference is a number 200 or a DecodeError, never the string', () => {
    const r = outcome(() => decodeXml('<response><metadata><status>&#50;00</status></metadata></response>', shape, ctx));
    if (r.ok) expect((r.value as any).metadata.status).toBe(200);
  });
  it('full-width / arabic-indic digits are not 200', () => {
    for (const s of ['２００', '٢٠٠', '\u00a0200']) {
      const r = outcome(() => decodeXml(`<response><metadata><status>${s}</status></metadata></response>`, shape, ctx));
      if (r.ok) expect((r.value as any).metadata.status, s).not.toBe(200);
      else expect(r.error).toBeInstanceOf(DecodeError);
    }
  });
});

describe('rt5 readXmlText: declarations and charsets that disagree', () => {
  const enc = new TextEncoder();
  const cases: Array<[string, Uint8Array, string | null]> = [
    ['utf-16 declared, utf-8 bytes', enc.encode('<?xml version="1.0" encoding="UTF-16"?><response/>'), null],
    ['charset=__proto__', enc.encode('<response/>'), 'application/xml; charset=__proto__'],
    ['charset=constructor', enc.encode('<response/>'), 'application/xml; charset=constructor'],
    ['encoding=toString', enc.encode('<?xml version="1.0" encoding="toString"?><response/>'), null],
    ['charset quoted empty', enc.encode('<response/>'), 'application/xml; charset=""'],
    ['charset replacement', enc.encode('<response/>'), 'application/xml; charset=replacement'],
    ['charset iso-2022-kr', enc.encode('<response/>'), 'application/xml; charset=iso-2022-kr'],
    ['charset x-user-defined', new Uint8Array([0x3c, 0x72, 0x2f, 0x3e, 0xff]), 'application/xml; charset=x-user-defined'],
    ['two charsets', enc.encode('<response/>'), 'application/xml; charset=utf-8; charset=koi8-r'],
    ['UTF-32 BOM', new Uint8Array([0xff, 0xfe, 0, 0, 0x3c, 0, 0, 0]), null],
    ['lone UTF-16LE BOM then odd byte count', new Uint8Array([0xff, 0xfe, 0x3c, 0x00, 0x72]), null],
    ['utf-8 BOM with koi8 declaration', new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode('<?xml version="1.0" encoding="koi8-r"?><r>'), 0xc1, ...enc.encode('</r>')]), null],
  ];
  for (const [name, bytes, ct] of cases) {
    it(`${name}: a string or a DecodeError`, () => {
      const r = outcome(() => readXmlText(bytes, ct, ctx));
      if (!r.ok) expect(r.error, String(r.error)).toBeInstanceOf(DecodeError);
      else expect(typeof r.value).toBe('string');
    });
  }
  it('charset=replacement never yields U+FFFD silently', () => {
    const r = outcome(() => readXmlText(enc.encode('<response/>'), 'application/xml; charset=replacement', ctx));
    if (r.ok) expect(r.value).not.toContain('\ufffd');
  });
  it('x-user-defined never makes private-use characters out of bytes silently? (0xff -> U+F7FF)', () => {
    const r = outcome(() => readXmlText(new Uint8Array([0x3c, 0x72, 0x3e, 0xff, 0x3c, 0x2f, 0x72, 0x3e]), 'application/xml; charset=x-user-defined', ctx));
    if (r.ok) expect(r.value).not.toMatch(/[\uf780-\uf7ff]/);
  });
});

describe('rt5 encodeXml: values XML 1.0 cannot carry', () => {
  const values: Array<[string, unknown]> = [
    ['NUL in text', { a: 'x\u0000y' }],
    ['vertical tab', { a: 'x\u000by' }],
    ['lone high surrogate', { a: 'x\ud800y' }],
    ['lone low surrogate', { a: '\udc00' }],
    ['U+FFFE', { a: '\ufffe' }],
    ['U+FFFF', { a: '\uffff' }],
    ['key with space', { 'a b': 1 }],
    ['key xml prefix', { xmlfoo: 1 }],
    ['key empty', { '': 1 }],
    ['key __proto__ own', JSON.parse('{"__proto__": {"x": 1}}')],
    ['bigint', { a: 10n }],
    ['symbol', { a: Symbol('s') }],
    ['function', { a: () => 1 }],
    ['NaN', { a: NaN }],
    ['Infinity', { a: Infinity }],
    ['Date', { a: new Date(NaN) }],
    ['Map', { a: new Map([['k', 'v']]) }],
    ['sparse array', { a: [, 1] }],
    ['array nested 10000', { a: (() => { let v: unknown = 1; for (let i = 0; i < 10000; i++) v = [v]; return v; })() }],
  ];
  for (const [name, value] of values) {
    it(`${name}: EncodeError, or XML that decodes`, () => {
      const r = outcome(() => encodeXml(value, 'request'));
      if (!r.ok) expect(r.error, String(r.error)).toBeInstanceOf(EncodeError);
      else {
        const xml = r.value as string;
        // Anything emitted must be legal XML 1.0 characters
        expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      }
    });
  }
  const plain = { root: 'response', arrays: [], numbers: [], integers: [], booleans: [] };
  it('encodeXml writes a CR so that the receiver reads a CR (&#13;), not a raw CR that XML turns into LF', () => {
    const xml = encodeXml({ a: 'line1\r\nline2' }, 'response');
    expect(xml).not.toMatch(/\r/);
  });
  it('decodeXml keeps whitespace the server wrote as character references (JSON twin: " lead", "x\\t")', () => {
    const back = decodeXml('<response><a>x&#9;</a><b>&#32;lead</b></response>', plain, ctx) as any;
    expect(back).toEqual({ a: 'x\t', b: ' lead' });
  });
  it('decodeXml keeps a whitespace-only string element (JSON twin: {"c":" "}), does not drop it', () => {
    const back = decodeXml('<response><c> </c></response>', plain, ctx) as any;
    expect(back).toEqual({ c: ' ' });
  });
  it('text with ]]> and CR survives a round trip unchanged', () => {
    const xml = encodeXml({ a: 'x]]>y\r\nz\t' }, 'response');
    const back = decodeXml(xml, { root: 'response', arrays: [], numbers: [], integers: [], booleans: [] }, ctx) as any;
    expect(back.a).toBe('x]]>y\r\nz\t');
  });
});
