// Fastriver answers in JSON:API documents. Callers get flat objects instead: attributes beside `id` and `type`, and each
// relationship replaced by the resolved object from `included` (one object per type and id, so repeated and cyclic
// references are shared). One index over data and included, one pass: O(resources + relationships).
import { defineData } from '../core/objects.ts';

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

/**
 * Flattens one JSON:API document. For speed it reuses the document's own attribute objects as the results, so the
 * document is consumed: flatten what was just parsed (as the client does), or a copy. Malformed members are left out
 * rather than trusted (see the fuzz tests). `typeAliases` maps a relationship's type to the type its resources are
 * included under, tried when nothing is included under the type itself (the API declares its own: type-aliases.ts).
 */
export function flatten<T>(document: RawDocument, typeAliases: Readonly<Record<string, string>> = {}): Flattened<T> {
  const primary = document.data;
  const resources = Array.isArray(primary) ? primary : primary ? [primary] : [];
  const included = Array.isArray(document.included) ? document.included : [];
  // type → id → resource; ids compare as strings, as the API sends `2` and `"2"` for the same resource.
  const index = new Map<string, Map<string, Record<string, unknown>>>();
  const pending: Array<[Record<string, unknown>, RawResource]> = [];

  const shell = (resource: RawResource): Record<string, unknown> | undefined => {
    if (typeof resource !== 'object' || resource === null || typeof resource.type !== 'string') return undefined;
    let byId = index.get(resource.type);
    if (!byId) index.set(resource.type, (byId = new Map()));
    const id = String(resource.id);
    const existing = byId.get(id);
    if (existing) return existing;
    const attributes = resource.attributes;
    const reusable = typeof attributes === 'object' && attributes !== null && !Array.isArray(attributes) && !flattened.has(attributes);
    const flat = (reusable ? attributes : {}) as Record<string, unknown>;
    flat.id = resource.id;
    flat.type = resource.type;
    Object.defineProperty(flat, 'toJSON', { value: toJSON, configurable: true });
    flattened.add(flat);
    byId.set(id, flat);
    if (resource.relationships) pending.push([flat, resource]);
    return flat;
  };

  const top = resources.map(shell);
  for (const resource of included) shell(resource);

  const resolve = (identifier: ResourceIdentifier | null | undefined): unknown => {
    if (identifier === null || typeof identifier !== 'object') return null;
    const id = String(identifier.id);
    const alias = Object.hasOwn(typeAliases, identifier.type) ? typeAliases[identifier.type] : undefined;
    return index.get(identifier.type)?.get(id) ?? (alias !== undefined ? index.get(alias)?.get(id) : undefined) ?? { id: identifier.id, type: identifier.type };
  };
  for (const [flat, resource] of pending) {
    const relationships = resource.relationships;
    if (typeof relationships !== 'object' || relationships === null) continue;
    for (const name of Object.keys(relationships)) {
      // JSON:API forbids members named id or type here; taking one would overwrite the resource's identity.
      if (name === 'id' || name === 'type') continue;
      const data = relationships[name]?.data;
      if (data === undefined) continue;
      defineData(flat, name, Array.isArray(data) ? data.map(resolve) : resolve(data));
    }
  }

  const data = Array.isArray(primary) ? top.filter(Boolean) : (top[0] ?? null);
  const meta = typeof document.meta === 'object' && document.meta !== null ? (document.meta as Record<string, unknown>) : undefined;
  return { data: data as T, meta };
}
