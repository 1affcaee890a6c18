// Dellin's XML twin of every JSON method: the same objects, under a root element, arrays as repeated elements. What XML
// cannot say (which elements repeat, which texts are numbers or booleans) comes from the spec, via
// generated/dellin.xml.ts, so an XML answer decodes to exactly the object its JSON twin would.
// Hand-rolled rather than a library: one pass checks well-formedness while it builds the typed object (a general parser
// needs a separate validation pass to be strict, and was no faster than xml2js here), and it adds no bundle weight.
import { DecodeError, EncodeError, type ErrorContext } from '../core/index.ts';
import { defineData, describeValue } from '../core/objects.ts';

/**
 * Which elements repeat, which texts are numbers, booleans or strings, and which elements hold objects, as paths from
 * the root (generated/dellin.xml.ts; `*` stands for any name). `numbers` holds every number path, `integers` those of
 * them the schema types `integer`. A path in any list is one the spec names: it may repeat only if it is in `arrays`.
 */
export interface XmlShape {
  root: string;
  arrays: readonly string[];
  numbers: readonly string[];
  integers?: readonly string[];
  booleans: readonly string[];
  strings?: readonly string[];
  objects?: readonly string[];
}

// XML 1.0 names (the spec's NameStartChar / NameChar, Basic Multilingual Plane only) and XML's four whitespace chars.
const START = String.raw`:A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD`;
const NAME = String.raw`[${START}][${START}\-.0-9\u00B7\u0300-\u036F\u203F\u2040]*`;
const S = '[ \\t\\r\\n]';
const IS_NAME = new RegExp(`^${NAME}$`);
const VALUE = `${S}*=${S}*(?:"[^<"]*"|'[^<']*')`;
// A tag is read in steps (its name, then one attribute at a time, then its end), so a tag with a million attributes
// costs a million small matches, not one regular expression repeated a million times (which overflowed V8's stack).
const OPEN_TAG = new RegExp(`<(${NAME})`, 'y');
const ATTRIBUTE = new RegExp(`${S}+(${NAME})${S}*=${S}*(?:"([^<"]*)"|'([^<']*)')`, 'y');
const TAG_END = new RegExp(`${S}*(/?)>`, 'y');
/** Dellin sends no attributes at all; a tag with more than this many is refused rather than read. */
const MAX_ATTRIBUTES = 256;
const CLOSE_TAG = new RegExp(`</(${NAME})${S}*>`, 'y');
const INSTRUCTION = new RegExp(`<\\?(${NAME})(?:${S}[^]*?)?\\?>`, 'y');
const DECLARATION = new RegExp(`^<\\?xml(?:${S}+${NAME}${VALUE})*${S}*\\?>$`);
// A comment, or a CDATA section with its text.
const MARKUP = /<!--[^]*?-->|<!\[CDATA\[([^]*?)\]\]>/y;
const ONLY_SPACE = new RegExp(`^${S}*$`);
const DTD = /<!(?:DOCTYPE|ENTITY)/iy;
// The five predefined entities and character references; the bare `&` alternative catches anything else.
const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#([0-9]{1,7})|#x([0-9A-Fa-f]{1,6}));|&/g;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// What XML 1.0 cannot carry at all, not even escaped: C0 controls but tab and newlines, U+FFFE, U+FFFF, lone surrogates.
const UNWRITABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Names that could reach a prototype: refused outright (fast-xml-parser refused them too). */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
/** Far deeper than any Dellin answer; keeps recursive consumers of the result (JSON.stringify…) off the stack limit. */
const MAX_DEPTH = 100;
const [ARRAY, NUMBER, BOOLEAN, INTEGER, STRING, OBJECT] = [1, 2, 4, 8, 16, 32];

// XML Schema 1.1 Part 2 lexical spaces (§3.3.3 decimal, §3.3.5 double, §3.4.13 integer, §3.3.2 boolean), after the
// whiteSpace facet `collapse` has trimmed the text. Number() would also take `0x1F`, `0o17`, `0b1`, `Infinity`, `1_0`
// or an empty string, which neither XML Schema nor JSON has.
const XS_INTEGER = /^[+-]?[0-9]+$/;
const XS_DOUBLE = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[Ee][+-]?[0-9]+)?$/;
const XS_SPECIAL = /^(?:[+-]?INF|NaN)$/;
const XML_SPACE_AROUND = /^[ \t\r\n]+|[ \t\r\n]+$/g;

/** The encoding an XML declaration names, read from the bytes as ASCII (every encoding it may name agrees there). */
const DECLARED_ENCODING = /^<\?xml[ \t\r\n][^>]*?encoding[ \t\r\n]*=[ \t\r\n]*(?:"([^"]*)"|'([^']*)')/;
const CHARSET = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i;

/**
 * The text of an XML body, in the encoding it says it is in (RFC 7303 §3.2 and XML 1.0 Appendix F): a byte order mark
 * first, then the Content-Type's charset, then the XML declaration's encoding, else UTF-8. Any label TextDecoder knows
 * is read (koi8-r, windows-1251, ibm866, utf-16…); an unknown one is a DecodeError naming it, and bytes that are not
 * valid in the encoding are a DecodeError too, never U+FFFD characters.
 */
export function readXmlText(bytes: Uint8Array, contentType: string | null | undefined, context: ErrorContext): string {
  const [a, b, c] = bytes;
  let label: string | undefined;
  let source = 'its byte order mark';
  if (a === 0xef && b === 0xbb && c === 0xbf) label = 'utf-8';
  else if (a === 0xff && b === 0xfe) label = 'utf-16le';
  else if (a === 0xfe && b === 0xff) label = 'utf-16be';
  else if (a === 0x3c && b === 0x00) label = 'utf-16le'; // `<` in UTF-16, without a byte order mark
  else if (a === 0x00 && b === 0x3c) label = 'utf-16be';
  else {
    const charset = contentType ? CHARSET.exec(contentType) : null;
    const declared = charset ? undefined : DECLARED_ENCODING.exec(String.fromCharCode(...bytes.subarray(0, 200)));
    label = charset ? (charset[1] ?? charset[2]) : (declared?.[1] ?? declared?.[2]);
    source = charset ? 'the Content-Type charset' : 'the XML declaration';
  }
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label ?? 'utf-8', { fatal: true });
  } catch {
    throw new DecodeError(context, '', `the encoding ${describeValue(label)} named by ${source} is not one this runtime can read`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new DecodeError(context, '', `the body has bytes that are not valid ${decoder.encoding}${label ? ` (named by ${source})` : ' (no encoding was declared, so UTF-8)'}`);
  }
}

/** Per shape, computed once: each path's kinds as bits. */
const kindsByShape = new WeakMap<XmlShape, Map<string, number>>();
function kindsOf(shape: XmlShape): Map<string, number> {
  let kinds = kindsByShape.get(shape);
  if (kinds) return kinds;
  kinds = new Map();
  const lists = [[shape.arrays, ARRAY], [shape.numbers, NUMBER], [shape.integers ?? [], INTEGER], [shape.booleans, BOOLEAN], [shape.strings ?? [], STRING], [shape.objects ?? [], OBJECT]] as const;
  for (const [paths, bit] of lists) for (const path of paths) kinds.set(path, (kinds.get(path) ?? 0) | bit);
  kindsByShape.set(shape, kinds);
  return kinds;
}

/**
 * An open element: its path (`at`: the shape's path, `*` where the name matched any), its children (once it has one) or
 * its text, `written` once that text holds more than raw whitespace (a character, a reference, CDATA), and the names of
 * its children seen so far.
 */
type Frame = { name: string; path: string; at: string; kind: number; object?: Record<string, unknown>; text: string; written: boolean; seen?: Set<string> };

/** XML's four whitespace characters only, as written (a character reference is not whitespace here). */
const RAW_SPACE = /^[ \t\n]*$/;

/**
 * Reads an XML document into the object its shape describes: the root unwrapped, repeated elements as arrays, numbers
 * and booleans typed. Refuses DTDs (no entity expansion beyond XML's five entities and character references), malformed
 * or truncated input, mixed content, and a root other than the expected one, with a DecodeError saying where. Refuses
 * too, naming the path, what the spec's types rule out: an element the spec gives one value appearing twice under one
 * parent (an element the spec does not name at all, under a free-form object, becomes an array when it repeats), child
 * elements where the spec says text, and text where it says an object.
 *
 * Whitespace: the text of an element without children is kept exactly as written (after XML's own line-end
 * normalisation, which reads a raw CR as LF), so `<c> </c>` is `' '` and `&#9;`/`&#13;` are a tab and a CR; numbers and
 * booleans drop the whitespace around them (XML Schema's `collapse`). Whitespace between child elements is formatting
 * and goes, as does raw whitespace alone in an element the spec types as an object. An empty element is absent, and an
 * empty CDATA section (`<a><![CDATA[]]></a>`, how encodeXml writes `''`) is the empty string.
 */
export function decodeXml(input: string, shape: XmlShape, context: ErrorContext): Record<string, unknown> {
  // XML's end-of-line handling: CR LF and a lone CR read as LF, in text and CDATA alike.
  const text = input.includes('\r') ? input.replace(/\r\n?/g, '\n') : input;
  // XML 1.0 §2.2: a control character, a lone surrogate, U+FFFE or U+FFFF is not a character of any document.
  const unwritable = UNWRITABLE.exec(text);
  if (unwritable) throw new DecodeError(context, `line ${text.slice(0, unwritable.index).split('\n').length}`, `malformed XML: U+${unwritable[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} is not an XML character`);
  const kinds = kindsOf(shape);
  const line = (at: number) => text.slice(0, at).split('\n').length;
  const malformed = (at: number, message: string) => new DecodeError(context, `line ${line(at)}`, `malformed XML: ${message}`);
  const mixed = (frame: Frame, at: number) => new DecodeError(context, frame.path, `text beside child elements (mixed content) is not accepted (line ${line(at)})`);
  const decode = (raw: string, at: number) =>
    !raw.includes('&')
      ? raw
      : raw.replace(ENTITY, (_, name: string | undefined, decimal: string | undefined, hex: string | undefined, offset: number) => {
          if (name) return PREDEFINED[name] ?? '';
          if (!decimal && !hex) throw malformed(at + offset, "'&' starts neither one of XML's five entities nor a character reference");
          const code = decimal ? Number(decimal) : parseInt(hex ?? '', 16);
          const char = code <= 0x10ffff ? String.fromCodePoint(code) : '\u0000';
          if (UNWRITABLE.test(char)) throw malformed(at + offset, `character reference to ${code}, not an XML character`);
          return char;
        });

  const stack: Frame[] = [];
  let result = undefined as Record<string, unknown> | undefined; // set by close(), for the root
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte order mark
  for (let i = start; ; ) {
    const lt = text.indexOf('<', i);
    const end = lt === -1 ? text.length : lt;
    const top = stack[stack.length - 1];
    if (end > i && !top && !ONLY_SPACE.test(text.slice(i, end))) throw malformed(i, `text ${result ? 'after' : 'before'} the root element`);
    if (end > i && top) {
      const raw = text.slice(i, end);
      const written = !RAW_SPACE.test(raw);
      if (top.object) {
        if (written) throw mixed(top, i);
      } else {
        top.text += decode(raw, i);
        top.written ||= written;
      }
    }
    if (lt === -1) break;
    const next = text.charCodeAt(lt + 1);
    if (next === 47 /* / */) {
      CLOSE_TAG.lastIndex = lt;
      const name = CLOSE_TAG.exec(text)?.[1];
      if (!name) throw malformed(lt, 'a broken closing tag');
      if (name !== top?.name) throw malformed(lt, top ? `</${name}> where </${top.name}> was expected` : `</${name}> closes nothing`);
      stack.pop();
      close(top, stack[stack.length - 1]);
      i = CLOSE_TAG.lastIndex;
    } else if (next === 63 /* ? */) {
      // Processing instructions are skipped; the XML declaration may only come first, and must read like attributes.
      INSTRUCTION.lastIndex = lt;
      const [instruction, target = ''] = INSTRUCTION.exec(text) ?? [];
      if (!instruction) throw malformed(lt, 'a broken processing instruction');
      if (target.toLowerCase() === 'xml' && (lt !== start || !DECLARATION.test(instruction))) throw malformed(lt, 'a misplaced or broken XML declaration');
      i = INSTRUCTION.lastIndex;
    } else if (next !== 33 /* ! */) {
      OPEN_TAG.lastIndex = lt;
      const name = OPEN_TAG.exec(text)?.[1];
      if (!name) throw malformed(lt, 'a broken tag');
      // Attributes are ignored, but they must be well-formed too: no repeated names, no bare `&`.
      let names: Set<string> | undefined;
      for (ATTRIBUTE.lastIndex = OPEN_TAG.lastIndex; ; ) {
        const at = ATTRIBUTE.lastIndex;
        const attribute = ATTRIBUTE.exec(text);
        if (!attribute) {
          TAG_END.lastIndex = at;
          break;
        }
        names ??= new Set();
        if (names.has(attribute[1] ?? '')) throw malformed(lt, `a repeated attribute in <${name}>`);
        if (names.size >= MAX_ATTRIBUTES) throw malformed(lt, `more than ${MAX_ATTRIBUTES} attributes in <${name}>`);
        names.add(attribute[1] ?? '');
        decode(attribute[2] ?? attribute[3] ?? '', at);
      }
      const end = TAG_END.exec(text);
      if (!end) throw malformed(lt, 'a broken tag');
      const selfClosing = end[1];
      i = TAG_END.lastIndex;
      if (!top && result) throw malformed(lt, 'a second root element');
      if (!top && name !== shape.root) throw new DecodeError(context, '', `expected the root element <${shape.root}>, got <${name}>`);
      if (top && FORBIDDEN.has(name)) throw new DecodeError(context, `${top.path}.${name}`, `element <${name}> is not accepted: its name could reach a prototype`);
      if (stack.length >= MAX_DEPTH) throw malformed(lt, `elements nested deeper than ${MAX_DEPTH}`);
      if (top && !top.object) {
        if (top.written) throw mixed(top, lt);
        if (top.kind & (NUMBER | BOOLEAN | STRING) && !(top.kind & OBJECT)) throw new DecodeError(context, top.path, `expected ${describeKind(top.kind)}, got child elements (<${name}>, line ${line(lt)})`);
        top.object = {};
      }
      const path = top ? `${top.path}.${name}` : name;
      // The shape's path: the name itself, else `*` where the spec allows any member name (additionalProperties).
      let at = top ? `${top.at}.${name}` : name;
      let kind = kinds.get(at);
      if (kind === undefined && top && kinds.has(`${top.at}.*`)) kind = kinds.get((at = `${top.at}.*`));
      const frame: Frame = { name, path, at, kind: (kind ?? 0) | (top ? 0 : OBJECT), text: '', written: false };
      if (selfClosing) close(frame, top);
      else stack.push(frame);
    } else {
      MARKUP.lastIndex = DTD.lastIndex = lt;
      const [markup, cdata] = MARKUP.exec(text) ?? [];
      if (!markup && DTD.test(text)) throw new DecodeError(context, '', 'XML with a DTD or entity declarations is not accepted');
      if (!markup) throw malformed(lt, 'an unclosed comment or CDATA section, or other <! markup');
      i = MARKUP.lastIndex;
      if (cdata === undefined) continue; // a comment
      if (!top) throw malformed(lt, 'CDATA outside the root element');
      if (top.object) {
        if (cdata) throw mixed(top, lt);
        continue;
      }
      top.text += cdata;
      top.written = true;
    }
  }
  if (stack.length > 0) throw malformed(text.length, `<${stack[stack.length - 1]?.name}> is not closed (truncated?)`);
  if (!result) throw malformed(text.length, 'no root element');
  return result;

  /** Adds a closed element to its parent, or makes it the result. */
  function close(frame: Frame, parent: Frame | undefined): void {
    const value = frame.object ?? typed(frame);
    if (!parent) return void (result = frame.object ?? {});
    // Empty elements are absent but still count: at an array path, or repeated, they give (empty) arrays.
    const object = (parent.object ??= {});
    const { name, kind } = frame;
    const seen = (parent.seen ??= new Set());
    const existing = Object.hasOwn(object, name) ? object[name] : undefined;
    if (!seen.has(name)) {
      seen.add(name);
      if (kind & ARRAY) defineData(object, name, value === undefined ? [] : [value]);
      else if (value !== undefined) defineData(object, name, value);
    } else if (kind & ARRAY || Array.isArray(existing)) {
      if (value !== undefined) (existing as unknown[]).push(value);
    } else if (kind) {
      throw new DecodeError(context, frame.path, `<${name}> appears more than once in <${parent.name}>, but the spec gives it one value, not an array`);
    } else {
      // Not named by the spec (a free-form object's member): a repeated element can only be an array's items.
      defineData(object, name, [existing, value].filter((item) => item !== undefined));
    }
  }

  /** What the spec types a path as, for an error. */
  function describeKind(kind: number): string {
    return kind & NUMBER ? 'a number' : kind & BOOLEAN ? 'a boolean' : 'text';
  }

  /**
   * Types the text as the shape says, by XML Schema's lexical rules: an empty text element becomes absent, as a JSON
   * member would be; an empty number or boolean is refused, since neither lexical space holds the empty string. INF
   * and NaN are numbers to XML Schema but not to JSON, so the JSON twin's schema cannot hold them.
   */
  function typed({ name, kind, path, text, written }: Frame): unknown {
    // Text as written; numbers and booleans by their whiteSpace facet, `collapse`: only XML's four whitespace
    // characters around them go. Raw whitespace alone where the spec says object is an empty object's indentation.
    if (!(kind & (NUMBER | BOOLEAN))) {
      if (kind & OBJECT && !(kind & STRING)) {
        if (written) throw new DecodeError(context, path, `expected elements inside <${name}>, got text`);
        return undefined;
      }
      return text === '' && !written ? undefined : text;
    }
    const value = text.replace(XML_SPACE_AROUND, '');
    if (value === '') throw new DecodeError(context, path, `expected ${kind & NUMBER ? 'a number' : 'a boolean'}, got an empty element (XML Schema has no empty ${kind & NUMBER ? 'number' : 'boolean'}, and the JSON twin no value for it)`);
    if (kind & NUMBER) {
      const integer = kind & INTEGER;
      if (!(integer ? XS_INTEGER : XS_DOUBLE).test(value)) {
        const special = XS_SPECIAL.test(value) ? ` (${value} is an xs:double, but JSON has no number for it)` : '';
        throw new DecodeError(context, path, `expected ${integer ? 'an integer (xs:integer)' : 'a number (xs:decimal or xs:double)'}, got ${describeValue(value)}${special}`);
      }
      const number = Number(value);
      if (!Number.isFinite(number)) throw new DecodeError(context, path, `${describeValue(value)} is beyond the range of a double`);
      if (integer && !Number.isSafeInteger(number)) throw new DecodeError(context, path, `${describeValue(value)} is beyond 2^53 and cannot be read exactly`);
      return number;
    }
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    throw new DecodeError(context, path, `expected a boolean (xs:boolean: true, false, 1 or 0), got ${describeValue(value)}`);
  }
}

// The markup characters, a CR anywhere (a parser reads a raw one as LF, XML 1.0 §2.11), and whitespace at either end
// of the text (which parsers that trim text, fast-xml-parser by default, drop): written as references.
const ESCAPE = /[&<>"'\r]|^[ \t\n]+|[ \t\n]+$/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;', ' ': '&#32;', '\t': '&#9;', '\n': '&#10;' };
const escapeText = (text: string) => text.replace(ESCAPE, (match) => (match.length === 1 ? ESCAPES[match] ?? match : [...match].map((c) => ESCAPES[c] ?? c).join('')));
/** One test for the common case: text with nothing to escape and nothing to refuse. */
const NEEDS_CARE = /[&<>"'\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]|^[ ]|[ ]$|^$/;
/** Element names already checked (the check is a third of the build time otherwise); bounded, whatever keys come. */
const goodNames = new Set<string>();

const ENCODE_CONTEXT: ErrorContext = { api: 'dellin', operation: 'encodeXml', attempts: 0 };

/**
 * Writes `value` under `root`, arrays as repeated elements; undefined and null members and items are left out. Throws
 * an EncodeError naming the path, rather than writing broken XML (fast-xml-parser's builder did), for: a key that is
 * not an XML name, an array inside an array or as the root, text with characters XML cannot carry, a number that is
 * not finite (neither XML Schema's nor JSON's), a function or symbol, and nesting deeper than 100 (a cycle included).
 * Every string decodeXml reads back exactly: a CR, and whitespace at either end, go as character references; `''` as an
 * empty CDATA section. Linear in the output: the text is gathered in parts and joined once.
 */
export function encodeXml(value: unknown, root: string, context: ErrorContext = ENCODE_CONTEXT): string {
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  // The names (and array indices) down to the element being written: a path is only built for an error.
  const trail: Array<string | number> = [];
  let depth = 0;
  const fail = (reason: string): never => {
    const path = trail.map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`)).join('').slice(1);
    throw new EncodeError(context, path, reason);
  };

  function element(name: string, item: unknown): void {
    if (!goodNames.has(name)) {
      if (!IS_NAME.test(name)) fail(`${describeValue(name)} is not a valid XML element name`);
      if (goodNames.size < 1000) goodNames.add(name);
    }
    if (typeof item === 'object' && item !== null) {
      // Arrays are written by their parent, as repeated elements; one arriving here is nested in another, or is the root.
      if (Array.isArray(item)) fail('an array inside an array, or as the root, which XML cannot say');
      // As deep as decodeXml reads, and no deeper: the same limit both ways, and a cycle ends here.
      if (++depth >= MAX_DEPTH) fail(`nested deeper than ${MAX_DEPTH} elements (a cycle?)`);
      parts.push(`<${name}>`);
      // Any object's own enumerable members, as the old builder did (a Date, having none, is an empty element).
      for (const key of Object.keys(item)) {
        const member = (item as Record<string, unknown>)[key];
        if (member === null || member === undefined) continue;
        trail.push(key);
        if (!Array.isArray(member)) element(key, member);
        else {
          for (let i = 0; i < member.length; i++) {
            const each: unknown = member[i];
            if (each === null || each === undefined) continue;
            trail.push(i);
            element(key, each);
            trail.pop();
          }
        }
        trail.pop();
      }
      parts.push(`</${name}>`);
      depth--;
      return;
    }
    if (typeof item === 'function' || typeof item === 'symbol') return void fail(`a ${typeof item} has no XML text`);
    if (typeof item === 'number' && !Number.isFinite(item)) fail(`${item} is not a number XML Schema or JSON can carry`);
    const text = String(item);
    if (!NEEDS_CARE.test(text)) return void parts.push(`<${name}>${text}</${name}>`);
    if (UNWRITABLE.test(text)) fail('holds a character XML cannot carry');
    // The empty string as an empty CDATA section: an empty element reads as absent, as a JSON member left out would.
    parts.push(`<${name}>${text === '' ? '<![CDATA[]]>' : escapeText(text)}</${name}>`);
  }

  trail.push(root);
  element(root, value ?? {});
  return parts.join('');
}
