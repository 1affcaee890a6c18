// Dilovod, stateful (seed 003, reference dilovod.md): objects live in the session. `saveObject` with a type name in
// `header.id` creates one (a new 16-digit id whose first 5 digits name the type), with an object id overwrites it;
// `getObject` returns it (header fields as saved, `id` as a link, `delMark`); `setDelMark` marks it; `request` answers
// a direct query over stored objects (`from`, `fields`, simple `filters`, `limit`); `call saleOrderCreate` creates a
// `documents.saleOrder`. An unknown id gets the gateway's error: HTTP 200 with `{error}`, as Dilovod answers errors.
// Register queries, metadata and statistics stay the spec's examples. A change made "in the accounting UI" (admin
// move) sends the `objectChanged` webhook (GET with `packet`) to the session's webhook URL: only interactive changes
// produce webhooks, as the seed says; the answer Dilovod expects and its retries are unconfirmed, so none are made.
import { AdminError, defineLifecycle, json, type Answer, type Call } from '../lifecycle.ts';
import { assignFields, dict, own } from '../state.ts';

interface StoredObject {
  objectName: string;
  header: Record<string, unknown>;
  tableParts?: Record<string, Array<Record<string, unknown>>>;
  delMark: '0' | '1';
}
interface State {
  objects: Record<string, StoredObject>;
  /** The last 11 digits of the next id. */
  next: number;
}

/** First 5 digits of ids per type, as the seed's examples show them; other types get a stable made-up prefix. */
const TYPE_PREFIX: Readonly<Record<string, string>> = {
  'catalogs.persons': '11001',
  'catalogs.goods': '11003',
  'catalogs.firms': '11004',
  'catalogs.storages': '11007',
  'catalogs.units': '11036',
  'documents.saleOrder': '11091',
  'documents.sale': '11108',
};
const prefixOf = (objectName: string) => own(TYPE_PREFIX, objectName) ?? String(12000 + ([...objectName].reduce((sum, c) => sum + c.charCodeAt(0), 0) % 1000));
const isTypeName = (id: unknown): id is string => typeof id === 'string' && id.includes('.');
const gatewayError = (error: string) => json(200, { error });
const notFound = (id: unknown) => gatewayError(`object with id ${String(id)} not found`);

function create(state: State, objectName: string, header: Record<string, unknown>, tableParts?: StoredObject['tableParts']): [string, StoredObject] {
  const id = `${prefixOf(objectName)}${String(state.next++).padStart(11, '0')}`;
  const object: StoredObject = { objectName, header: assignFields({}, header, { id }), delMark: '0', ...(tableParts ? { tableParts } : {}) };
  state.objects[id] = object;
  return [id, object];
}

/** A header field as display text: a multi-language name (`{uk, ru}`) in Ukrainian, else Russian, else as it is. */
function displayText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object') return String(value);
  const { uk, ru } = value as { uk?: unknown; ru?: unknown };
  return typeof uk === 'string' ? uk : typeof ru === 'string' ? ru : JSON.stringify(value);
}

/** The object as getObject answers it: `id` a link with its display text, `delMark` a flag string. */
function asDocument(id: string, object: StoredObject) {
  const { presentation, name, number } = object.header;
  const pr = displayText(presentation) ?? displayText(name) ?? displayText(number) ?? `${object.objectName} ${id}`;
  return { header: { ...object.header, id: { id, pr }, delMark: object.delMark }, ...(object.tableParts ? { tableParts: object.tableParts } : {}), misc: false };
}

/** A field of a stored object by a data path (`id`, `code`, `parent.code` through stored links). */
function fieldAt(state: State, id: string, path: string): unknown {
  const [first, ...rest] = path.split('.');
  const object = state.objects[id];
  const value = first === 'id' ? id : first === 'delMark' ? object?.delMark : (object ? own(object.header, first ?? '') : undefined);
  if (rest.length === 0) return value;
  const linked = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : value;
  return state.objects[String(linked)] ? fieldAt(state, String(linked), rest.join('.')) : undefined;
}

type Filter = { alias: string; operator: string; value: unknown };
const text = (value: unknown) => (typeof value === 'object' && value !== null ? String((value as { id?: unknown }).id ?? JSON.stringify(value)) : String(value ?? ''));
const compare = (a: string, b: string) => (Number.isFinite(Number(a)) && Number.isFinite(Number(b)) ? Number(a) - Number(b) : a.localeCompare(b));

function matches(row: Record<string, string>, { alias, operator, value }: Filter): boolean {
  const cell = row[alias] ?? '';
  const list = Array.isArray(value) ? value.map(text) : [text(value)];
  switch (operator) {
    case '=': return cell === text(value);
    case '!=': return cell !== text(value);
    case '>': return compare(cell, text(value)) > 0;
    case '>=': return compare(cell, text(value)) >= 0;
    case '<': return compare(cell, text(value)) < 0;
    case '<=': return compare(cell, text(value)) <= 0;
    case '%': return cell.toLowerCase().includes(text(value).toLowerCase());
    case '!%': return !cell.toLowerCase().includes(text(value).toLowerCase());
    case 'IL': return list.includes(cell);
    default: return true; // hierarchy operators: no catalog folders are kept
  }
}

type Packet = { action?: string; params?: Record<string, unknown> };

function request(state: State, params: Record<string, unknown>, example: () => unknown): Answer | undefined {
  if (typeof params.from === 'object') return exampleColumns(example(), params.fields); // a register
  if (typeof params.from !== 'string' || params.from.split('.').length !== 2) return undefined; // a table part: the spec's example
  const fields = params.fields as Record<string, string>;
  const filters = (params.filters ?? []) as Filter[];
  const unknownAlias = filters.find((filter) => !Object.values(fields).includes(filter.alias));
  if (unknownAlias) return gatewayError(`alias ${unknownAlias.alias} is not declared in fields`);
  let rows = Object.entries(state.objects)
    .filter(([, object]) => object.objectName === params.from)
    .map(([id, object]) => {
      const row = dict<string>();
      for (const [path, alias] of Object.entries(fields)) {
        const value = fieldAt(state, id, path);
        row[alias] = text(value);
        if (path === 'id') row[`${alias}__pr`] = String(asDocument(id, object).header.id.pr);
      }
      return row;
    })
    .filter((row) => filters.every((filter) => matches(row, filter)));
  const limit = params.limit as number | { offset: number; count: number } | undefined;
  if (typeof limit === 'number') rows = rows.slice(0, limit);
  else if (limit) rows = rows.slice(limit.offset, limit.offset + limit.count);
  return json(200, rows);
}

/**
 * A register query (registers are not kept in state) answers the spec's example rows in the query's own columns: for
 * each `path: alias` of `fields`, the example's column of that path (named by the path, or by its last segment, as
 * the spec's example packets name their aliases) under the query's alias, with its `__pr` beside it where the example
 * has one; a path the example has no column for is left out (the mock cannot make up a value). Seed: `fields` maps the
 * data source's paths to the aliases the answer uses.
 */
function exampleColumns(answer: unknown, fields: unknown): Answer | undefined {
  if (!Array.isArray(answer) || !isPlainRecord(fields)) return undefined;
  const rows = answer.map((row) => {
    const example = isPlainRecord(row) ? row : {};
    const kept = dict<unknown>();
    for (const [path, alias] of Object.entries(fields)) {
      if (typeof alias !== 'string') continue;
      const column = [path, path.split('.').pop() ?? path].find((name) => Object.hasOwn(example, name));
      if (column === undefined) continue;
      kept[alias] = example[column];
      if (Object.hasOwn(example, `${column}__pr`)) kept[`${alias}__pr`] = example[`${column}__pr`];
    }
    return kept;
  });
  return json(200, rows);
}

const isPlainRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function gateway({ state, body, example }: Call<State>): Answer | undefined {
  const { action, params = {} } = (body as { packet?: Packet }).packet ?? {};
  const header = (params.header ?? {}) as Record<string, unknown>;
  switch (action) {
    case 'getObject': {
      const object = state.objects[text(params.id)];
      return object ? json(200, asDocument(text(params.id), object)) : notFound(params.id);
    }
    case 'saveObject': {
      const tableParts = params.tableParts as StoredObject['tableParts'];
      if (isTypeName(header.id)) return json(200, { result: 'ok', id: create(state, header.id, header, tableParts)[0] });
      const id = text(header.id);
      const object = state.objects[id];
      if (!object) return notFound(header.id);
      assignFields(object.header, header, { id });
      if (tableParts) object.tableParts = assignFields(dict<Array<Record<string, unknown>>>(), object.tableParts, tableParts);
      return json(200, { result: 'ok', id });
    }
    case 'setDelMark': {
      const object = state.objects[text(header.id)];
      if (!object) return notFound(header.id);
      object.delMark = '1';
      return json(200, 'ok');
    }
    case 'request':
      return request(state, params, example);
    case 'call': {
      if (params.method !== 'saleOrderCreate') return undefined;
      const args = params.arguments as { header?: Record<string, unknown>; goods?: Array<Record<string, unknown>> };
      const goods = (args.goods ?? []).map((good, i) => ({ rowNum: String(i + 1), ...good }));
      const [id, object] = create(state, 'documents.saleOrder', assignFields({ date: new Date().toISOString().slice(0, 19).replace('T', ' ') }, args.header), { tpGoods: goods });
      object.header.number ??= String(state.next - 1).padStart(5, '0');
      const answer = example() as { data?: Record<string, unknown> } | undefined;
      return json(200, { ...answer, status: 'success', data: { ...answer?.data, ...asDocument(id, object) } });
    }
    default:
      return undefined; // getStatistic, metadata: the spec's examples
  }
}

export const dilovodLifecycle = defineLifecycle<State>({
  initial: () => ({ objects: dict(), next: 1 }),
  operations: { callGateway: gateway },

  /**
   * Puts an object into the session under a new id, and returns it as `getObject` answers it. `resource` is either the
   * object in the API's own shape, as `saveObject` takes it and `getObject` answers it
   * (`{ kind: 'catalogs.goods', resource: { header: { name: 'Кава', … }, tableParts?: {…} } }`; the header's `id` is
   * given a new one, its `delMark` kept), or its header fields alone (`{ kind: 'catalogs.goods', resource: { name: 'Кава' } }`).
   * A resource with an object `header` is the first shape.
   */
  seed: ({ state, body }) => {
    if (typeof body.kind !== 'string' || !isTypeName(body.kind)) throw new AdminError('kind must be a type name such as "catalogs.goods"');
    const resource = body.resource ?? {};
    if (typeof resource !== 'object' || resource === null || Array.isArray(resource)) throw new AdminError('resource must be an object: {header, tableParts?} or header fields');
    const { header, tableParts } = resource as { header?: unknown; tableParts?: unknown };
    const apiShape = typeof header === 'object' && header !== null && !Array.isArray(header);
    if (apiShape && tableParts !== undefined && (typeof tableParts !== 'object' || tableParts === null || Array.isArray(tableParts))) {
      throw new AdminError('resource.tableParts must be an object of table parts: {tpGoods: [{…}, …]}');
    }
    const { delMark, ...fields } = (apiShape ? header : resource) as Record<string, unknown>;
    const [id, object] = create(state, body.kind, fields, apiShape ? (tableParts as StoredObject['tableParts']) : undefined);
    if (delMark === '1' || delMark === 1 || delMark === true) object.delMark = '1';
    return asDocument(id, object);
  },

  /**
   * Changes an object as a user of the accounting UI would, `{ kind: 'object', id, to: 'changed', header: {…} }` (or
   * `to: 'deleted'` to mark it), and sends `objectChanged` to the session's webhook URL.
   */
  move: ({ state, body, webhookUrl, send }) => {
    const id = String(body.id);
    const object = state.objects[id];
    if (!object) throw new AdminError(`no object ${JSON.stringify(body.id)} in this session`, 404);
    if (body.to === 'deleted') object.delMark = '1';
    else if (body.to === 'changed') assignFields(object.header, body.header, { id });
    else throw new AdminError('to must be "changed" (with header fields) or "deleted"');
    if (webhookUrl) {
      const url = new URL(webhookUrl);
      url.searchParams.set('packet', JSON.stringify({ action: 'objectChanged', params: { objectName: object.objectName, id } }));
      send({ webhook: 'objectChanged', method: 'GET', url: url.href });
    }
    return asDocument(id, object);
  },
});
