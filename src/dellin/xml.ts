// Dellin's XML twin of every JSON method: the same objects, under a root element, arrays as repeated elements. What XML
// cannot say (which elements repeat, which texts are numbers or booleans) comes from the spec, via
// generated/dellin.xml.ts, so an XML answer decodes to exactly the object its JSON twin would.
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { DecodeError, type ErrorContext } from '../core/index.ts';
import { defineData, isPlainObject } from '../core/objects.ts';

/** Which elements repeat and which texts are numbers or booleans, as paths from the root (generated/dellin.xml.ts). */
export interface XmlShape {
  root: string;
  arrays: readonly string[];
  numbers: readonly string[];
  booleans: readonly string[];
}

const builder = new XMLBuilder({ format: false, suppressEmptyNode: false });

/** Writes `value` under `root`, arrays as repeated elements; undefined and null members are left out. */
export function encodeXml(value: unknown, root: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${builder.build({ [root]: withoutEmpty(value) }) as string}`;
}

function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => item !== null && item !== undefined).map(withoutEmpty);
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== null && item !== undefined) defineData(out, key, withoutEmpty(item));
  return out;
}

const parsers = new Map<XmlShape, XMLParser>();

/**
 * Reads an XML document into the object its shape describes: the root unwrapped, repeated elements as arrays, numbers
 * and booleans typed. Refuses DTDs (no entity expansion of any kind beyond XML's five), malformed or truncated input,
 * and a root other than the expected one, with a DecodeError saying where.
 */
export function decodeXml(text: string, shape: XmlShape, context: ErrorContext): Record<string, unknown> {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new DecodeError(context, '', 'XML with a DTD or entity declarations is not accepted');
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new DecodeError(context, `line ${valid.err.line}`, `malformed XML: ${valid.err.msg}`);
  let parser = parsers.get(shape);
  if (!parser) {
    const arrays = new Set(shape.arrays);
    parser = new XMLParser({
      ignoreAttributes: true,
      ignoreDeclaration: true,
      ignorePiTags: true,
      parseTagValue: false,
      trimValues: true,
      isArray: (_name, jpath) => arrays.has(String(jpath)),
    });
    parsers.set(shape, parser);
  }
  let parsed: Record<string, unknown>;
  try {
    parsed = parser.parse(text) as Record<string, unknown>;
  } catch (error) {
    // fast-xml-parser refuses names such as __proto__ itself; whatever it refuses is a decode failure, typed.
    throw new DecodeError(context, '', `unreadable XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  const roots = Object.keys(parsed);
  if (roots.length !== 1 || roots[0] !== shape.root) {
    throw new DecodeError(context, '', `expected the root element <${shape.root}>, got ${roots.map((r) => `<${r}>`).join(', ') || 'none'}`);
  }
  const body = typed(parsed[shape.root], shape.root, new Set(shape.numbers), new Set(shape.booleans), context);
  return isPlainObject(body) ? body : {};
}

/** Types the texts the shape names; an empty element becomes absent, as a JSON member would be. */
function typed(value: unknown, path: string, numbers: Set<string>, booleans: Set<string>, context: ErrorContext): unknown {
  if (Array.isArray(value)) return value.map((item) => typed(item, path, numbers, booleans, context)).filter((item) => item !== undefined);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const converted = typed(item, `${path}.${key}`, numbers, booleans, context);
      if (converted !== undefined) defineData(out, key, converted);
    }
    return out;
  }
  if (value === '' || value === undefined) return undefined;
  if (numbers.has(path)) {
    const number = Number(value);
    if (!Number.isFinite(number)) throw new DecodeError(context, path, `expected a number, got ${JSON.stringify(value)}`);
    return number;
  }
  if (booleans.has(path)) {
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    throw new DecodeError(context, path, `expected true or false, got ${JSON.stringify(value)}`);
  }
  return value;
}
