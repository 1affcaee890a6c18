// Dellin's XML twin of every JSON method: the same objects, under a root element, arrays as repeated elements. What XML
// cannot say (which elements repeat, which texts are numbers or booleans) comes from the spec, via
// generated/dellin.xml.ts, so an XML answer decodes to exactly the object its JSON twin would.
// Hand-rolled rather than a library: one pass checks well-formedness while it builds the typed object (a general parser
// needs a separate validation pass to be strict, and was no faster than xml2js here), and it adds no bundle weight.
import { DecodeError, type ErrorContext } from '../core/index.ts';
import { defineData } from '../core/objects.ts';

/** Which elements repeat and which texts are numbers or booleans, as paths from the root (generated/dellin.xml.ts). */
export interface XmlShape {
  root: string;
  arrays: readonly string[];
  numbers: readonly string[];
  booleans: readonly string[];
}

// XML 1.0 names (the spec's NameStartChar / NameChar, Basic Multilingual Plane only) and XML's four whitespace chars.
const START = String.raw`:A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD`;
const NAME = String.raw`[${START}][${START}\-.0-9\u00B7\u0300-\u036F\u203F\u2040]*`;
const S = '[ \\t\\r\\n]';
const IS_NAME = new RegExp(`^${NAME}$`);
const VALUE = `${S}*=${S}*(?:"[^<"]*"|'[^<']*')`;
const OPEN_TAG = new RegExp(`<(${NAME})((?:${S}+${NAME}${VALUE})*)${S}*(/?)>`, 'y');
const ATTRIBUTE = new RegExp(`(${NAME})${VALUE}`, 'g');
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
const [ARRAY, NUMBER, BOOLEAN] = [1, 2, 4];

/** Per shape, computed once: each path's kinds as bits. */
const kindsByShape = new WeakMap<XmlShape, Map<string, number>>();
function kindsOf(shape: XmlShape): Map<string, number> {
  let kinds = kindsByShape.get(shape);
  if (kinds) return kinds;
  kinds = new Map();
  for (const [paths, bit] of [[shape.arrays, ARRAY], [shape.numbers, NUMBER], [shape.booleans, BOOLEAN]] as const) for (const path of paths) kinds.set(path, (kinds.get(path) ?? 0) | bit);
  kindsByShape.set(shape, kinds);
  return kinds;
}

/** An open element: its children (once it has one) or its text (`done` up to the last CDATA, `pending` after it). */
type Frame = { name: string; path: string; kind: number; object?: Record<string, unknown>; done: string; pending: string; empties?: Set<string> };

/**
 * Reads an XML document into the object its shape describes: the root unwrapped, repeated elements as arrays, numbers
 * and booleans typed. Refuses DTDs (no entity expansion beyond XML's five entities and character references), malformed
 * or truncated input, mixed content, and a root other than the expected one, with a DecodeError saying where.
 */
export function decodeXml(input: string, shape: XmlShape, context: ErrorContext): Record<string, unknown> {
  // XML's end-of-line handling: CR LF and a lone CR read as LF, in text and CDATA alike.
  const text = input.includes('\r') ? input.replace(/\r\n?/g, '\n') : input;
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
      const piece = decode(text.slice(i, end), i);
      if (!top.object) top.pending += piece;
      else if (piece.trim()) throw mixed(top, i);
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
      const [, name = '', attributes, selfClosing] = OPEN_TAG.exec(text) ?? [];
      if (!name) throw malformed(lt, 'a broken tag');
      i = OPEN_TAG.lastIndex;
      if (attributes) {
        // Ignored, but they must be well-formed too: no repeated names, no bare `&`.
        const names = [...attributes.matchAll(ATTRIBUTE)].map((match) => match[1]);
        if (new Set(names).size < names.length) throw malformed(lt, `a repeated attribute in <${name}>`);
        decode(attributes, lt);
      }
      if (!top && result) throw malformed(lt, 'a second root element');
      if (!top && name !== shape.root) throw new DecodeError(context, '', `expected the root element <${shape.root}>, got <${name}>`);
      if (top && FORBIDDEN.has(name)) throw new DecodeError(context, `${top.path}.${name}`, `element <${name}> is not accepted: its name could reach a prototype`);
      if (stack.length >= MAX_DEPTH) throw malformed(lt, `elements nested deeper than ${MAX_DEPTH}`);
      if (top && !top.object) {
        if ((top.done + top.pending).trim()) throw mixed(top, lt);
        top.object = {};
      }
      const path = top ? `${top.path}.${name}` : name;
      const frame: Frame = { name, path, kind: kinds.get(path) ?? 0, done: '', pending: '' };
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
      if (top.object && cdata.trim()) throw mixed(top, lt);
      // As fast-xml-parser did: the text before a CDATA section is trimmed, the section itself is kept as it is.
      top.done += top.pending.trim() + cdata;
      top.pending = '';
    }
  }
  if (stack.length > 0) throw malformed(text.length, `<${stack[stack.length - 1]?.name}> is not closed (truncated?)`);
  if (!result) throw malformed(text.length, 'no root element');
  return result;

  /** Adds a closed element to its parent, or makes it the result. */
  function close(frame: Frame, parent: Frame | undefined): void {
    const value = frame.object ?? typed(frame.done + frame.pending.trim(), frame);
    if (!parent && typeof value === 'string') throw new DecodeError(context, frame.path, `expected elements inside <${frame.name}>, got text`);
    if (!parent) return void (result = frame.object ?? {});
    // Empty elements are absent but still count: at an array path, or repeated (`empties` remembers them), they give arrays.
    const object = (parent.object ??= {});
    const { name } = frame;
    const existing = Object.hasOwn(object, name) ? object[name] : undefined;
    if (Array.isArray(existing)) {
      if (value !== undefined) existing.push(value);
    } else if (existing !== undefined) defineData(object, name, value === undefined ? [existing] : [existing, value]);
    else if (frame.kind & ARRAY || parent.empties?.has(name)) defineData(object, name, value === undefined ? [] : [value]);
    else if (value !== undefined) defineData(object, name, value);
    else (parent.empties ??= new Set()).add(name);
  }

  /** Types the text as the shape says; an empty element becomes absent, as a JSON member would be. */
  function typed(value: string, { kind, path }: Frame): unknown {
    if (value === '') return undefined;
    if (kind & NUMBER) {
      const number = Number(value);
      if (!Number.isFinite(number)) throw new DecodeError(context, path, `expected a number, got ${JSON.stringify(value)}`);
      return number;
    }
    if (!(kind & BOOLEAN)) return value;
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    throw new DecodeError(context, path, `expected true or false, got ${JSON.stringify(value)}`);
  }
}

const ESCAPE = /[&<>"']/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/** One test for the common case: text with nothing to escape and nothing to refuse. */
const NEEDS_CARE = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
/** Element names already checked (the check is a third of the build time otherwise); bounded, whatever keys come. */
const goodNames = new Set<string>();

/**
 * Writes `value` under `root`, arrays as repeated elements; undefined and null members and items are left out.
 * Where fast-xml-parser's builder wrote broken XML, this throws a TypeError instead: for a key that is not an XML name,
 * an array inside an array or as the root, and text with characters XML cannot carry.
 */
export function encodeXml(value: unknown, root: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${element(root, value ?? {})}`;
}

function element(name: string, value: unknown): string {
  if (!goodNames.has(name)) {
    if (!IS_NAME.test(name)) throw new TypeError(`encodeXml: ${JSON.stringify(name)} is not a valid XML element name`);
    if (goodNames.size < 1000) goodNames.add(name);
  }
  if (typeof value !== 'object' || value === null) {
    const text = String(value);
    if (!NEEDS_CARE.test(text)) return `<${name}>${text}</${name}>`;
    if (UNWRITABLE.test(text)) throw new TypeError(`encodeXml: <${name}> holds a character XML cannot carry`);
    return `<${name}>${text.replace(ESCAPE, (c) => ESCAPES[c] ?? c)}</${name}>`;
  }
  // Arrays are written by their parent, as repeated elements; one arriving here is nested in another, or is the root.
  if (Array.isArray(value)) throw new TypeError(`encodeXml: <${name}> would be an array inside an array or the root, which XML cannot say`);
  let inner = '';
  // Any object's own enumerable members, as the old builder did (a Date, having none, is an empty element).
  for (const [key, item] of Object.entries(value)) {
    if (!Array.isArray(item)) inner += item === null || item === undefined ? '' : element(key, item);
    else for (const each of item as unknown[]) inner += each === null || each === undefined ? '' : element(key, each);
  }
  return `<${name}>${inner}</${name}>`;
}
