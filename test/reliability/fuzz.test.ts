// Every decoder fed at least 10,000 generated inputs: it returns, or throws one of our typed errors, nothing else; and
// inputs carrying __proto__, constructor or prototype keys never change Object.prototype or any shared object.
import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { SdkError } from '../../src/core/index.ts';
import { decodeXml, encodeXml } from '../../src/dellin/xml.ts';
import { createDilovodClient, rowsOf } from '../../src/dilovod/index.ts';
import { parseDilovodWebhook } from '../../src/dilovod/webhooks.ts';
import { parseFastriverCallback } from '../../src/fastriver/callbacks.ts';
import { flatten } from '../../src/fastriver/jsonapi.ts';
import { xmlOperations, xmlShapes } from '../../generated/dellin.xml.ts';
import { flush, record } from './figures.ts';

const RUNS = 10_000;
// 10,000 runs take a few seconds each alone, and several times that on a machine shared with other work.
vi.setConfig({ testTimeout: 180_000 });
const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
const hostile = fc.constantFrom('__proto__', 'constructor', 'prototype', 'polluted', 'toString', 'hasOwnProperty', 'valueOf');
const key = fc.oneof(hostile, fc.string({ maxLength: 8 }), fc.constantFrom('id', 'type', 'data', 'attributes', 'relationships', 'included', 'meta'));

afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype.toString.call([])).toBe('[object Array]');
});
afterAll(() => flush(import.meta.filename));

/** Runs the decoder on every input: a value, or one of our errors; anything else fails the property. */
function onlyTyped<T>(name: string, arbitrary: fc.Arbitrary<T>, decode: (input: T) => unknown): void {
  fc.assert(
    fc.property(arbitrary, (input) => {
      try {
        decode(input);
      } catch (error) {
        if (!(error instanceof SdkError)) throw error;
        record(`${name} typed errors`);
      }
      record(`${name} inputs`);
    }),
    { numRuns: RUNS },
  );
}

/** Objects given through JSON, as they come off the wire: a "__proto__" key is then an own property. */
const viaJson = <T>(value: T) => JSON.parse(JSON.stringify(value)) as unknown;

const id = fc.oneof(fc.string({ maxLength: 4 }), fc.integer({ min: -2, max: 5 }), fc.constant(null), hostile);
const type = fc.oneof(fc.constantFrom('delivery', 'time_interval', 'delivery_request', 'external_callback'), hostile);
const identifier = fc.record({ id, type });
const relationship = fc.record({ data: fc.oneof(identifier, fc.array(identifier, { maxLength: 3 }), fc.constant(null), fc.jsonValue({ maxDepth: 1 })) }, { requiredKeys: [] });
const resource = fc.record(
  { id, type, attributes: fc.oneof(fc.dictionary(key, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }), fc.jsonValue({ maxDepth: 1 })), relationships: fc.dictionary(key, relationship, { maxKeys: 3 }) },
  { requiredKeys: [] },
);
const jsonApiDocument = fc.record(
  {
    data: fc.oneof(resource, fc.array(resource, { maxLength: 4 }), fc.constant(null), fc.jsonValue({ maxDepth: 2 })),
    included: fc.oneof(fc.array(resource, { maxLength: 6 }), fc.jsonValue({ maxDepth: 1 })),
    meta: fc.jsonValue({ maxDepth: 1 }),
  },
  { requiredKeys: [] },
);

describe('Fastriver', () => {
  it('JSON:API flattening: never throws, and the result always serializes', () => {
    onlyTyped('fastriver flatten', jsonApiDocument.map(viaJson), (document) => JSON.stringify(flatten(document as Parameters<typeof flatten>[0])));
  });

  it('callback parsing: a callback, or a DecodeError', () => {
    const callback = fc.record({ data: fc.oneof(resource, fc.record({ id, type: fc.constant('external_callback'), attributes: fc.record({ event: fc.oneof(fc.constantFrom('complete', 'schedule', 'lose'), fc.string()) }) })), included: fc.array(resource, { maxLength: 3 }) }, { requiredKeys: [] });
    onlyTyped('fastriver callback', fc.oneof(callback.map(viaJson), callback.map((c) => JSON.stringify(c)), fc.string(), fc.jsonValue()), (body) => JSON.stringify(parseFastriverCallback(body)));
  });
});

describe('Dellin', () => {
  const responseShape = xmlShapes[xmlOperations.requestDeliveryXml?.responses['200'] ?? ''];
  if (!responseShape) throw new Error('no response shape');
  const context = { api: 'dellin', operation: 'fuzz', attempts: 0 };
  type Tree = { name: string; children: Tree[]; text: string };
  const name = fc.oneof(hostile, fc.constantFrom('response', 'metadata', 'status', 'data', 'requestID', 'information', 'foundAddresses', 'errors', 'code', 'fields'), fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,6}$/));
  const text = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('200', '-1', 'true', '1e309', '&amp;', '&lt;'));
  const treeOf: (depth: number) => fc.Arbitrary<Tree> = fc.memo((depth) =>
    depth <= 1 ? fc.record({ name, children: fc.constant([]), text }) : fc.record({ name, children: fc.array(treeOf(depth - 1), { maxLength: 3 }), text }),
  );
  const tree = treeOf(4);
  const escape = (text: string) => text.replace(/&(?!amp;|lt;)/g, '&amp;').replace(/</g, '&lt;');
  const toXml = (node: Tree): string => `<${node.name}>${node.children.length ? node.children.map(toXml).join('') : escape(node.text)}</${node.name}>`;
  const documents = fc.oneof(
    tree.map((t) => toXml({ ...t, name: 'response' })),
    tree.map(toXml),
    tree.chain((t) => fc.nat().map((cut) => toXml({ ...t, name: 'response' }).slice(0, cut))), // truncated
    fc.string(),
    fc.constantFrom('<!DOCTYPE r [<!ENTITY a "x">]><response>&a;</response>', '<?xml version="1.0"?>', '<response><status>2'),
  );

  it('XML parsing: an object, or a DecodeError', () => {
    onlyTyped('dellin xml', documents, (xml) => decodeXml(xml, responseShape, context));
  });
});

describe('Dilovod', () => {
  it('response decoding through the client: a value, or one of our errors', async () => {
    const body = fc.oneof(fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)), fc.string(), fc.constantFrom('{"error":"x"}', '{"status":"error"}', '{"columns":["a"],"data":[[1],2]}'));
    const answer = fc.record({ status: fc.constantFrom(200, 200, 200, 400, 500, 502), body, type: fc.constantFrom('application/json', 'text/html') });
    await fc.assert(
      fc.asyncProperty(answer, async ({ status, body, type }) => {
        const dilovod = createDilovodClient({ key: 'fuzz-key-0001', baseUrl: 'http://dilovod.invalid', retry: { maxRetries: 0 }, fetch: async () => new Response(body, { status, headers: { 'content-type': type } }) });
        try {
          rowsOf(await dilovod.request({ from: 'catalogs.goods', fields: { id: 'id' } }));
        } catch (error) {
          if (!(error instanceof SdkError)) throw error;
          record('dilovod response typed errors');
        }
        record('dilovod response inputs');
      }),
      { numRuns: RUNS },
    );
  });

  it('table rows from any {columns, data}: never throws', () => {
    const table = fc.record({ columns: fc.oneof(fc.array(fc.oneof(hostile, fc.string()), { maxLength: 4 }), fc.jsonValue({ maxDepth: 1 })), data: fc.oneof(fc.array(fc.oneof(fc.array(fc.jsonValue({ maxDepth: 1 })), fc.jsonValue({ maxDepth: 1 }))), fc.jsonValue({ maxDepth: 1 })) });
    onlyTyped('dilovod rows', fc.oneof(table.map(viaJson), fc.jsonValue()), (value) => rowsOf(value));
  });

  it('webhook parsing: an event, or a DecodeError', () => {
    const packet = fc.record({ action: fc.oneof(fc.constant('objectChanged'), fc.string()), params: fc.oneof(fc.record({ objectName: fc.oneof(fc.constantFrom('documents.saleOrder', 'catalogs.goods'), fc.string(), hostile), id: fc.oneof(fc.stringMatching(/^\d{16}$/), fc.string(), fc.integer()) }, { requiredKeys: [] }), fc.jsonValue()) }, { requiredKeys: [] });
    const query = fc.oneof(packet.map((p) => `/hook?packet=${encodeURIComponent(JSON.stringify(p))}`), fc.string().map((s) => `/hook?packet=${encodeURIComponent(s)}`), fc.string().map((s) => `/${s}`));
    const from = fc.constantFrom('88.198.50.253', '::ffff:88.198.50.253', '10.0.0.1', '');
    onlyTyped('dilovod webhook', fc.tuple(query, from), ([url, remoteAddress]) => parseDilovodWebhook(url, { remoteAddress }));
  });
});

// Issue 13: any JSON value in any position a decoder looks at, not only the positions and types the spec expects.
// Each decoder gets a valid document with one position replaced by a hostile value (members named toJSON, toString,
// valueOf, constructor, __proto__ or then; arrays; huge and tiny numbers; nesting thousands deep), as JSON text and as
// the parsed object. It returns, or throws one of our typed errors: never TypeError, RangeError or a stack overflow.
describe('any JSON value in every position', () => {
  const HOSTILE_NAMES = ['toJSON', 'toString', 'valueOf', 'constructor', '__proto__', 'then', 'prototype', 'hasOwnProperty'];
  /** JSON text of a value; objects are written from entries, so a "__proto__" member is a member like any other. */
  const leaf = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.stringify(value)),
    fc.constantFrom('1e308', '-1e308', '9007199254740993', '1e21', '-0', '5e-324', '123456789012345678901234567890', '0.1e-400', '""', 'null', 'true', '[]', '{}'),
  );
  const objectOf = (member: fc.Arbitrary<string>) =>
    fc.array(fc.tuple(fc.oneof(fc.constantFrom(...HOSTILE_NAMES), fc.string({ maxLength: 4 })), member), { maxLength: 4 }).map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`);
  // Decoders that copy or check what they keep refuse deep nesting themselves; flatten and rowsOf pass values through
  // as they are, and JSON.stringify (a recursive consumer, in the test) has its own limit a little above 1,000 levels.
  const hostileJson = (maxNesting: number) => fc.oneof(
    { arbitrary: leaf, weight: 3 },
    { arbitrary: objectOf(leaf), weight: 3 },
    { arbitrary: objectOf(objectOf(leaf)), weight: 1 },
    { arbitrary: fc.array(fc.oneof(leaf, objectOf(leaf)), { maxLength: 4 }).map((items) => `[${items.join(',')}]`), weight: 2 },
    { arbitrary: fc.integer({ min: 100, max: maxNesting }).map((depth) => `${'['.repeat(depth)}1${']'.repeat(depth)}`), weight: 1 },
    { arbitrary: fc.integer({ min: 100, max: maxNesting }).map((depth) => `${'{"toString":'.repeat(depth)}1${'}'.repeat(depth)}`), weight: 1 },
  );

  type Path = Array<string | number>;
  /** Every path into a JSON value (the root included). */
  const pathsOf = (value: unknown, path: Path = []): Path[] => [
    path,
    ...(value !== null && typeof value === 'object' ? Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...path, Array.isArray(value) ? Number(key) : key])) : []),
  ];
  const HOLE = '\u0000hole\u0000';
  /** The template as JSON text with `json` at `path`. */
  function withValueAt(template: unknown, path: Path, json: string): string {
    if (path.length === 0) return json;
    const copy = structuredClone(template) as Record<string | number, unknown>;
    let parent = copy;
    for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
    parent[path[path.length - 1] as string] = HOLE;
    return JSON.stringify(copy).replace(JSON.stringify(HOLE), () => json);
  }

  /** For each position of the template and each hostile value: the decoder, given the text and the parsed object. */
  function everyPosition(name: string, template: unknown, decode: (input: unknown) => unknown, { takesText = false, maxNesting = 3000 } = {}): void {
    const paths = pathsOf(template);
    record(`${name} positions fuzzed`, paths.length);
    onlyTyped(
      `${name} any-value`,
      fc.tuple(fc.constantFrom(...paths), hostileJson(maxNesting), fc.boolean()).map(([path, json, asText]) => {
        const text = withValueAt(template, path, json);
        return takesText && asText ? text : (JSON.parse(text) as unknown);
      }),
      decode,
    );
  }

  const callback = {
    data: {
      id: '1',
      type: 'external_callback',
      attributes: { event: 'schedule', delivery_request_status: 'validated', comment: 'x' },
      relationships: { time_interval: { data: { id: 2, type: 'time_interval' } }, delivery_request: { data: { id: 'r1', type: 'delivery_request' } } },
    },
    included: [
      { id: '2', type: 'time_interval', attributes: { name: '12:00-14:00', available: true } },
      { id: 'r1', type: 'delivery_request', attributes: { status: 'validated' }, relationships: { deliveries: { data: [{ id: 'd1', type: 'delivery' }] } } },
      { id: 'd1', type: 'delivery', attributes: { status: 'scheduled' } },
    ],
    meta: { total: 1 },
  };

  it('Fastriver callback parsing', () => {
    everyPosition('fastriver callback', callback, (input) => JSON.stringify(parseFastriverCallback(input)), { takesText: true });
  });

  it('Fastriver JSON:API flattening (the issue example: {"toString":1,"valueOf":1} where a string belongs)', () => {
    const list = { data: [callback.data, { ...callback.data, id: '3' }, { type: 'document', attributes: { n: 1 } }], included: callback.included, meta: { total: 3 } };
    everyPosition('fastriver flatten', list, (input) => JSON.stringify(flatten(input as Parameters<typeof flatten>[0])), { maxNesting: 1000 });
  });

  it('Dilovod webhook packets', () => {
    const packet = { action: 'objectChanged', params: { objectName: 'documents.saleOrder', id: '1109100000001038' } };
    everyPosition('dilovod webhook', packet, (input) => {
      const text = typeof input === 'string' ? input : JSON.stringify(input);
      return parseDilovodWebhook(`/hook?packet=${encodeURIComponent(text)}`, { remoteAddress: '88.198.50.253' });
    }, { takesText: true, maxNesting: 1000 });
  });

  it('Dilovod {columns, data} rows', () => {
    const table = { columns: ['id', 'code', 'name'], data: [['1', 2, 'a'], ['3', 4, 'b']] };
    everyPosition('dilovod rows', table, (input) => JSON.stringify(rowsOf(input)), { maxNesting: 1000 });
  });

  it('Dellin XML encoding of any value in any position of the request', () => {
    const request = { appkey: 'k', docID: '2000085063763', delivery: { arrival: { addressID: 1, time: { startTime: '10:00', exactTime: false } } }, members: { receiver: { phoneNumbers: ['+79001112233'] } } };
    const requestShape = xmlShapes[xmlOperations.requestDeliveryXml?.request ?? ''];
    if (!requestShape) throw new Error('no request shape');
    everyPosition('dellin xml encode', request, (input) => {
      const xml = encodeXml(input, requestShape.root);
      return decodeXml(xml, requestShape, { api: 'dellin', operation: 'fuzz', attempts: 0 });
    });
  });
});
