// Fastriver answers in JSON:API documents. Callers get flat objects instead: attributes beside `id` and `type`, and each
// relationship replaced by the resolved object from `included` (one object per type and id, so repeated and cyclic
// references are shared). One index over data and included, one pass: O(resources + relationships).
import { DecodeError, type ErrorContext } from '../core/errors.ts';
import { defineData, describeValue, idText, isPlainObject } from '../core/objects.ts';

/** A relationship target that is not in `included`: left as its identifier. */
export interface ResourceIdentifier {
  id: string | number;
  type: string;
}

interface RawResource {
  id?: string | number;
  type: string;
  attributes?: object;
  relationships?: Record<string, { data?: ResourceIdentifier | ResourceIdentifier[] | null } | undefined>;
}

interface RawDocument {
  data?: RawResource | RawResource[] | null;
  included?: RawResource[];
  meta?: object;
}

/**
 * A flattened resource: its attributes, its `id` and `type` (which win over attributes of the same name), and
 * `Relationships` (resolved objects, identifiers where unresolved, null for an empty to-one).
 */
export type Flat<R extends { id?: unknown; type: string }, Relationships = unknown> = Omit<R extends { attributes: infer A } ? A : unknown, 'id' | 'type' | keyof Relationships> & {
  id: R['id'];
  type: R['type'];
} & Relationships;

/** Every object flatten has made: how toJSON tells a related resource from an attribute value. */
const flattened = new WeakSet<object>();

/**
 * Written as each flattened resource's own, non-enumerable toJSON: relationships come out as identifiers, so
 * JSON.stringify works on cyclic results and writes each related resource as `{id, type}`.
 */
function toJSON(this: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(this)) defineData(out, key, identifierOf(this[key]));
  return out;
}

function isFlat(value: unknown): value is ResourceIdentifier {
  return typeof value === 'object' && value !== null && flattened.has(value);
}

function identifierOf(value: unknown): unknown {
  if (isFlat(value)) return { id: value.id, type: value.type };
  if (Array.isArray(value) && value.some(isFlat)) return value.map((item) => (isFlat(item) ? { id: item.id, type: item.type } : item));
  return value;
}

export interface Flattened<T> {
  data: T;
  meta: Record<string, unknown> | undefined;
}

const FLATTEN_CONTEXT: ErrorContext = { api: 'fastriver', operation: 'flatten', attempts: 0 };
/** Names the flattener writes itself: a resource's identity, and the toJSON that makes cyclic results serializable. */
const RESERVED_RELATIONSHIPS = new Set(['id', 'type', 'toJSON']);

/** A resource's identity key: its id as a string (the API sends `2` and `"2"` for the same resource), or none. */
const keyOf = idText;

/**
 * Flattens one JSON:API document. For speed it reuses the document's own attribute objects as the results, so the
 * document is consumed: flatten what was just parsed (as the client does), or a copy.
 *
 * Identity (JSON:API 1.1, "Resource Objects"): two resources are the same only when both have a `type` and an `id` and
 * both are equal; resources without an id stay distinct, in `data` and in `included`. A document holding the same
 * resource twice is refused ("Compound Documents": one resource object per type and id).
 *
 * Throws a DecodeError naming the member (e.g. `included[2].relationships.toJSON`) for anything the flat form cannot
 * carry without losing it: a member that is not what JSON:API says (a resource without a string `type`, an `id` that is
 * neither string nor number, attributes or relationships that are not objects, an identifier without type and id), an
 * attribute named `toJSON`, or a relationship named `id`, `type` or `toJSON` (JSON:API forbids the first two as field
 * names; the flattener writes all three itself). Attributes named `id` or `type` give way to the resource's own.
 *
 * `typeAliases` maps a relationship's type to the type its resources are included under, tried when nothing is
 * included under the type itself (the API declares its own: type-aliases.ts).
 */
export function flatten<T>(document: RawDocument, typeAliases: Readonly<Record<string, string>> = {}, context: ErrorContext = FLATTEN_CONTEXT): Flattened<T> {
  const fail = (path: string, reason: string): never => {
    throw new DecodeError(context, path, reason);
  };
  if (!isPlainObject(document)) fail('', `expected a JSON:API document (an object), got ${describeValue(document)}`);
  const primary: unknown = document.data;
  if (primary !== undefined && primary !== null && typeof primary !== 'object') fail('data', `expected a resource, a list of resources or null, got ${describeValue(primary)}`);
  const included: unknown = document.included ?? [];
  if (!Array.isArray(included)) return fail('included', `expected a list of resources, got ${describeValue(included)}`);
  // type → id key → resource.
  const index = new Map<string, Map<string, Record<string, unknown>>>();
  const pending: Array<[Record<string, unknown>, Record<string, unknown>, string]> = [];

  const shell = (resource: unknown, path: string): Record<string, unknown> => {
    if (!isPlainObject(resource)) return fail(path, `expected a resource object, got ${describeValue(resource)}`);
    const { type, id, attributes, relationships } = resource;
    if (typeof type !== 'string') return fail(`${path}.type`, `expected a string, got ${describeValue(type)}`);
    const key = keyOf(id);
    if (id !== undefined && key === undefined) fail(`${path}.id`, `expected a string or a whole number below 2^53, got ${describeValue(id)}`);
    let byId = index.get(type);
    // JSON:API 1.1 ("Compound Documents"): one resource object per type and id; two could disagree on every member.
    if (key !== undefined && byId?.has(key)) fail(path, `a second resource of type ${describeValue(type)} with id ${describeValue(key)} (a document holds one per type and id)`);
    if (attributes !== undefined && !isPlainObject(attributes)) return fail(`${path}.attributes`, `expected an object, got ${describeValue(attributes)}`);
    if (attributes && Object.hasOwn(attributes, 'toJSON')) fail(`${path}.attributes.toJSON`, 'an attribute named toJSON would hide the toJSON that makes results serializable');
    if (relationships !== undefined && !isPlainObject(relationships)) return fail(`${path}.relationships`, `expected an object, got ${describeValue(relationships)}`);
    const flat: Record<string, unknown> = attributes && !flattened.has(attributes) ? attributes : {};
    flat.id = id;
    flat.type = type;
    Object.defineProperty(flat, 'toJSON', { value: toJSON, configurable: true });
    flattened.add(flat);
    if (key !== undefined) {
      if (!byId) index.set(type, (byId = new Map()));
      byId.set(key, flat);
    }
    if (relationships) pending.push([flat, relationships, `${path}.relationships`]);
    return flat;
  };

  const top = Array.isArray(primary) ? primary.map((resource, i) => shell(resource, `data[${i}]`)) : primary ? shell(primary, 'data') : null;
  for (const [i, resource] of included.entries()) shell(resource, `included[${i}]`);

  const resolve = (identifier: unknown, path: string): unknown => {
    if (identifier === null) return null;
    if (!isPlainObject(identifier)) return fail(path, `expected a resource identifier or null, got ${describeValue(identifier)}`);
    const { type, id } = identifier;
    const key = keyOf(id);
    if (typeof type !== 'string' || key === undefined) return fail(path, 'a resource identifier needs a string type and an id (a string, or a whole number below 2^53)');
    const alias = Object.hasOwn(typeAliases, type) ? typeAliases[type] : undefined;
    return index.get(type)?.get(key) ?? (alias !== undefined ? index.get(alias)?.get(key) : undefined) ?? { id, type };
  };
  for (const [flat, relationships, path] of pending) {
    for (const name of Object.keys(relationships)) {
      if (RESERVED_RELATIONSHIPS.has(name)) fail(`${path}.${name}`, `a relationship named ${name} would overwrite what the flattener writes itself`);
      const relationship = relationships[name];
      if (!isPlainObject(relationship)) return fail(`${path}.${name}`, `expected a relationship object, got ${describeValue(relationship)}`);
      const data = relationship.data;
      if (data === undefined) continue;
      // JSON:API 1.1 ("Fields"): attributes and relationships share one namespace; one would be lost.
      if (Object.hasOwn(flat, name)) fail(`${path}.${name}`, `a relationship with the name of an attribute (one of the two would be lost)`);
      defineData(flat, name, Array.isArray(data) ? data.map((item, i) => resolve(item, `${path}.${name}.data[${i}]`)) : resolve(data, `${path}.${name}.data`));
    }
  }

  const meta = isPlainObject(document.meta) ? document.meta : undefined;
  return { data: top as T, meta };
}
