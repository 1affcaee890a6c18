// Derives, from a spec, what an XML codec must know that XML cannot say: which elements repeat (arrays), which texts
// are numbers, booleans or strings, and which elements hold objects. Written to generated/<api>.xml.ts for every operation with an XML body, so the client
// and the mock decode XML into exactly the objects the JSON schema describes, with no hand-kept list per field.

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema | Schema[];
  prefixItems?: Schema[];
  additionalProperties?: Schema | boolean;
  patternProperties?: Record<string, Schema>;
  then?: Schema;
  else?: Schema;
  dependentSchemas?: Record<string, Schema>;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  xml?: { name?: string };
};
type MediaTypes = Record<string, { schema?: Schema }>;
type SpecOperation = { operationId?: string; requestBody?: { content?: MediaTypes }; responses?: Record<string, { $ref?: string; content?: MediaTypes }> };
export type SpecDocument = {
  paths?: Record<string, Record<string, SpecOperation>>;
  components?: { schemas?: Record<string, Schema>; responses?: Record<string, { content?: MediaTypes }> };
};

/**
 * Paths in fast-xml-parser's `jPath` form (`response.data.foundAddresses`), root element first; `*` stands for any
 * name (a member of `additionalProperties` or `patternProperties`). A path the spec names but in none of the lists (no
 * single type) is read as text; a path in none of them and not named by the spec at all is free-form.
 */
export interface XmlShape {
  root: string;
  arrays: string[];
  numbers: string[];
  /** The number paths the schema types `integer` (read as xs:integer; the others as xs:decimal or xs:double). */
  integers: string[];
  booleans: string[];
  /** Paths typed `string`: text, never child elements. */
  strings: string[];
  /** Paths typed `object` (or with properties): child elements, never text. */
  objects: string[];
}

/** Per operation, its path, and the name of its request's shape and of each response status's shape in `shapes`. */
export interface XmlOperationShapes {
  path: string;
  request?: string;
  responses: Record<string, string>;
}

export interface XmlShapes {
  shapes: Record<string, XmlShape>;
  operations: Record<string, XmlOperationShapes>;
}

const XML = /^(application|text)\/([\w.+-]+\+)?xml$/;
const MAX_DEPTH = 12;

export function xmlShapes(spec: SpecDocument): XmlShapes {
  const resolve = (schema: Schema | undefined): Schema | undefined => {
    let current = schema;
    for (let hops = 0; current?.$ref && hops < 20; hops++) current = spec.components?.schemas?.[current.$ref.split('/').at(-1) ?? ''];
    return current;
  };

  function shapeOf(schema: Schema | undefined, fallbackRoot: string): XmlShape {
    const resolved = resolve(schema);
    const root = resolved?.xml?.name ?? fallbackRoot;
    const shape = { arrays: new Set<string>(), numbers: new Set<string>(), integers: new Set<string>(), booleans: new Set<string>(), strings: new Set<string>(), objects: new Set<string>([root]) };
    // Every subschema that describes the same value (`if` only tests it, `not` says what it is not).
    const sameValue = (s: Schema) => [...(s.allOf ?? []), ...(s.oneOf ?? []), ...(s.anyOf ?? []), s.then, s.else, ...Object.values(s.dependentSchemas ?? {})];
    const visit = (node: Schema | boolean | undefined, path: string, depth: number, inArray = false) => {
      const s = typeof node === 'boolean' ? undefined : resolve(node);
      if (!s || depth > MAX_DEPTH) return;
      for (const part of sameValue(s)) visit(part, path, depth + 1, inArray);
      const types = new Set([s.type ?? []].flat());
      types.delete('null');
      if (types.has('array')) {
        // XML says an array by repeating its element; an array item that is an array again has no XML form.
        if (inArray) throw new Error(`${path}: an array of arrays has no XML form (repeated elements cannot nest)`);
        shape.arrays.add(path);
        for (const item of [s.items ?? [], s.prefixItems ?? []].flat()) visit(item, path, depth + 1, true);
      }
      // A text is coerced only when the schema allows that one scalar type; "string or number" stays text.
      if (types.size === 1 && (types.has('integer') || types.has('number'))) shape.numbers.add(path);
      if (types.size === 1 && types.has('integer')) shape.integers.add(path);
      if (types.size === 1 && types.has('boolean')) shape.booleans.add(path);
      if (types.size === 1 && types.has('string')) shape.strings.add(path);
      if ((types.size === 1 && types.has('object')) || (types.size === 0 && s.properties)) shape.objects.add(path);
      for (const [name, property] of Object.entries(s.properties ?? {})) visit(property, `${path}.${name}`, depth + 1);
      for (const member of [s.additionalProperties, ...Object.values(s.patternProperties ?? {})]) if (typeof member === 'object') visit(member, `${path}.*`, depth + 1);
    };
    visit(resolved, root, 0);
    // The root is the document's element, always an object; the media type's `XmlDocument` branch is the raw text.
    shape.strings.delete(root);
    const sorted = (set: Set<string>) => [...set].sort();
    return { root, arrays: sorted(shape.arrays), numbers: sorted(shape.numbers), integers: sorted(shape.integers), booleans: sorted(shape.booleans), strings: sorted(shape.strings), objects: sorted(shape.objects) };
  }

  const xmlSchema = (content: MediaTypes | undefined) => Object.entries(content ?? {}).find(([type]) => XML.test(type))?.[1].schema;
  // Each distinct shape once, named after the schema it comes from, so a shared error body is not repeated per status.
  const shapes: Record<string, XmlShape> = {};
  const named = (schema: Schema, fallbackRoot: string): string => {
    const shape = shapeOf(schema, fallbackRoot);
    const json = JSON.stringify(shape);
    const existing = Object.keys(shapes).find((name) => JSON.stringify(shapes[name]) === json);
    if (existing) return existing;
    const ref = [schema, ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])].find((s) => s.$ref)?.$ref?.split('/').at(-1) ?? shape.root;
    let name = ref;
    for (let n = 2; name in shapes; n++) name = `${ref}${n}`;
    shapes[name] = shape;
    return name;
  };
  const operations: Record<string, XmlOperationShapes> = {};
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const operation of Object.values(item)) {
      if (typeof operation !== 'object' || !operation?.operationId) continue;
      const requestSchema = xmlSchema(operation.requestBody?.content);
      const responses: Record<string, string> = {};
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const content = response.$ref ? spec.components?.responses?.[response.$ref.split('/').at(-1) ?? '']?.content : response.content;
        const schema = xmlSchema(content);
        if (schema) responses[status] = named(schema, 'response');
      }
      if (requestSchema || Object.keys(responses).length > 0) {
        operations[operation.operationId] = { path, ...(requestSchema ? { request: named(requestSchema, 'request') } : {}), responses };
      }
    }
  }
  return { shapes, operations };
}

/**
 * A record as JSON text for `JSON.parse`, one member per line, in a template literal. V8 reads a string and JSON.parse
 * builds the objects faster than it parses the same object literal: the shapes are the largest literal of the Dellin
 * entry, and this took ≈ 0.04× off its import (BENCHMARKS.md, import time).
 */
function jsonText(record: Record<string, unknown>): string {
  const lines = Object.entries(record).map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`);
  const text = `{\n${lines.join(',\n')}\n}`;
  // Nothing a template literal would read differently: no backslash, backtick or substitution.
  if (/[\\`]|\$\{/.test(text)) throw new Error(`xml shapes: a name holds a backslash, backtick or \${: ${text}`);
  return `JSON.parse(\`${text}\`)`;
}

/** The generated module: the shapes as typed constants. */
export function xmlShapesModule(specSource: string, { shapes, operations }: XmlShapes): string {
  return `// Generated from ${specSource} by \`npm run generate\`. Do not edit by hand.
// For each operation with an XML body: which elements repeat, which texts are numbers, booleans or strings, and which
// elements hold objects (\`*\`: any member name). Written as JSON text: it imports faster than an object literal.

export interface XmlShape {
  root: string;
  arrays: readonly string[];
  numbers: readonly string[];
  integers: readonly string[];
  booleans: readonly string[];
  strings: readonly string[];
  objects: readonly string[];
}

export const xmlShapes: Readonly<Record<string, XmlShape>> = ${jsonText(shapes)};

/** Per operation: its path, and the name in \`xmlShapes\` of its request's shape and of each response status's shape. */
export const xmlOperations: Readonly<Record<string, { path: string; request?: string; responses: Readonly<Record<string, string>> }>> = ${jsonText(operations)};
`;
}
