// JSON:API flattening: attributes beside id and type, relationships resolved from included, shared and cycle-safe.
import { describe, expect, it } from 'vitest';
import { DecodeError } from '../../src/core/index.ts';
import { flatten } from '../../src/fastriver/jsonapi.ts';
import { FASTRIVER_TYPE_ALIASES } from '../../src/fastriver/type-aliases.ts';

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

// Tests reach into arbitrary flattened shapes.
type Loose = Record<string, any>;

const request = (relationships: Loose) => ({ id: 'r1', type: 'delivery_request', attributes: { status: 'validated', external_id: 'R-1' }, relationships });

describe('flatten', () => {
  it('puts attributes beside id and type, and resolves to-one and to-many relationships from included', () => {
    const { data } = flatten<Loose>({
      data: request({ active_delivery: { data: { id: 'd1', type: 'delivery' } }, deliveries: { data: [{ id: 'd1', type: 'delivery' }, { id: 'd0', type: 'delivery' }] } }),
      included: [
        { id: 'd1', type: 'delivery', attributes: { status: 'scheduled' }, relationships: { time_interval: { data: { id: 2, type: 'time_interval' } } } },
        { id: 'd0', type: 'delivery', attributes: { status: 'failed' } },
        { id: '2', type: 'time_interval', attributes: { id: 2, name: '12:00-14:00' } },
      ],
    });
    expect(data).toEqual({
      id: 'r1',
      type: 'delivery_request',
      status: 'validated',
      external_id: 'R-1',
      active_delivery: { id: 'd1', type: 'delivery', status: 'scheduled', time_interval: { id: '2', type: 'time_interval', name: '12:00-14:00' } },
      deliveries: [
        { id: 'd1', type: 'delivery', status: 'scheduled', time_interval: { id: '2', type: 'time_interval', name: '12:00-14:00' } },
        { id: 'd0', type: 'delivery', status: 'failed' },
      ],
    });
    expect(data.deliveries[0]).toBe(data.active_delivery); // one object per type and id
  });

  it('resolves numeric and string ids of the same resource to the same object', () => {
    const { data } = flatten<Loose>({
      data: { id: 1, type: 'delivery', relationships: { time_interval: { data: { id: 2, type: 'time_interval' } }, previous: { data: { id: '2', type: 'time_interval' } } } },
      included: [{ id: '2', type: 'time_interval', attributes: { name: 'a' } }],
    });
    expect(data.time_interval).toBe(data.previous);
    expect(data.time_interval.name).toBe('a');
  });

  it('shares objects in a cycle and still serializes with JSON.stringify', () => {
    const { data } = flatten<Loose>({
      data: request({ active_delivery: { data: { id: 'd1', type: 'delivery' } } }),
      included: [{ id: 'd1', type: 'delivery', attributes: { status: 'scheduled' }, relationships: { delivery_request: { data: { id: 'r1', type: 'delivery_request' } } } }],
    });
    expect(data.active_delivery.delivery_request).toBe(data);
    expect(JSON.parse(JSON.stringify(data))).toEqual({
      id: 'r1',
      type: 'delivery_request',
      status: 'validated',
      external_id: 'R-1',
      active_delivery: { id: 'd1', type: 'delivery' },
    });
  });

  it('leaves unresolved relationships as identifiers when included is missing', () => {
    const { data } = flatten<Loose>({ data: request({ active_delivery: { data: { id: 'd9', type: 'delivery' } }, deliveries: { data: [{ id: 'd9', type: 'delivery' }] } }) });
    expect(data.active_delivery).toEqual({ id: 'd9', type: 'delivery' });
    expect(data.deliveries).toEqual([{ id: 'd9', type: 'delivery' }]);
  });

  it('keeps a to-one null as null, an empty to-many as [], and a relationship without data out', () => {
    const { data } = flatten<Loose>({ data: request({ active_delivery: { data: null }, deliveries: { data: [] }, time_interval: {} }) });
    expect(data.active_delivery).toBeNull();
    expect(data.deliveries).toEqual([]);
    expect('time_interval' in data).toBe(false);
  });

  it('flattens a list, keeps meta, and handles null and empty data', () => {
    const list = flatten<Loose[]>({ data: [request({}), { id: 'r2', type: 'delivery_request', attributes: { status: 'created' } }], meta: { total: 42 } });
    expect(list.data.map((item) => item.id)).toEqual(['r1', 'r2']);
    expect(list.meta).toEqual({ total: 42 });
    expect(flatten({ data: null }).data).toBeNull();
    expect(flatten({ data: [] }).data).toEqual([]);
  });

  it('lets id and type win over attributes of the same name', () => {
    const { data } = flatten<Loose>({ data: { id: '5', type: 'time_interval', attributes: { id: 99, type: 'x', name: 'n' } } });
    expect(data).toEqual({ id: '5', type: 'time_interval', name: 'n' });
  });

  it('refuses members named what the flattener writes itself: relationships id, type, toJSON, an attribute toJSON (a DecodeError naming the member)', () => {
    const cases: Array<[Loose, string]> = [
      [{ data: { id: '1', type: 't', relationships: { id: { data: [{ id: '1', type: 't' }] } } } }, 'data.relationships.id'],
      [{ data: { id: '1', type: 't', relationships: { type: { data: null } } } }, 'data.relationships.type'],
      [{ data: { id: '1', type: 't', relationships: { toJSON: { data: { id: '1', type: 't' } } } } }, 'data.relationships.toJSON'],
      [{ data: [{ id: '1', type: 't' }], included: [{ id: '2', type: 't', attributes: { toJSON: { toString: 1, valueOf: 1 } } }] }, 'included[0].attributes.toJSON'],
    ];
    for (const [document, path] of cases) {
      const error = catchError(() => flatten(document));
      expect(error).toBeInstanceOf(DecodeError);
      expect((error as DecodeError).path).toBe(path);
    }
  });

  it('keeps resources without an id distinct, in data and in included (issue 13 example)', () => {
    const { data } = flatten<Loose[]>({ data: [{ type: 'document', attributes: { n: 1 } }, { type: 'document', attributes: { n: 2 } }] });
    expect(data.map((item) => item.n)).toEqual([1, 2]);
    expect(data[0]).not.toBe(data[1]);
  });

  it('identity: two resources are one only when both type and id are present and equal, and then the document is refused (every combination)', () => {
    const ids = [undefined, '1', 1, '2'];
    const types = ['a', 'b'];
    for (const [aType, aId, bType, bId] of types.flatMap((t1) => ids.flatMap((i1) => types.flatMap((t2) => ids.map((i2) => [t1, i1, t2, i2] as const))))) {
      const same = aType === bType && aId !== undefined && bId !== undefined && String(aId) === String(bId);
      for (const where of ['data', 'included'] as const) {
        const a = { type: aType, id: aId, attributes: { n: 'a' } };
        const b = { type: bType, id: bId, attributes: { n: 'b' } };
        const document = where === 'data' ? { data: [a, b] } : { data: [a], included: [b], };
        // JSON:API 1.1: one resource object per type and id in a document (red team 5: two could disagree).
        if (same) {
          expect(catchError(() => flatten(document as never))).toBeInstanceOf(DecodeError);
          continue;
        }
        const flat = flatten<Loose[]>(document as never).data;
        if (where === 'data') {
          expect(flat).toHaveLength(2);
          expect(flat[0] === flat[1]).toBe(false);
          expect(flat[1]?.n).toBe('b');
        } else {
          expect(flat[0]?.n).toBe('a');
        }
      }
    }
  });

  it('resolves a relationship to an id-less resource never (it cannot be named), and refuses an identifier without type and id', () => {
    const { data } = flatten<Loose>({ data: { id: '1', type: 't', relationships: { other: { data: { id: '7', type: 'u' } } } }, included: [{ type: 'u', attributes: { n: 1 } }] });
    expect(data.other).toEqual({ id: '7', type: 'u' });
    const error = catchError(() => flatten({ data: { id: '1', type: 't', relationships: { other: { data: { type: 'u' } } } } } as never));
    expect((error as DecodeError).path).toBe('data.relationships.other.data');
  });

  it('refuses members that are not what JSON:API says, naming them, and never calls a member of what it reads', () => {
    const hostile = { toString: 1, valueOf: 1, toJSON: 1 };
    const cases: Array<[unknown, string]> = [
      [null, ''],
      [{ data: 5 }, 'data'],
      [{ data: [{ id: '1' }] }, 'data[0].type'],
      [{ data: { id: hostile, type: 't' } }, 'data.id'],
      [{ data: { id: '1', type: hostile } }, 'data.type'],
      [{ data: { id: '1', type: 't', attributes: [1] } }, 'data.attributes'],
      [{ data: { id: '1', type: 't', relationships: [] } }, 'data.relationships'],
      [{ data: { id: '1', type: 't', relationships: { r: 1 } } }, 'data.relationships.r'],
      [{ data: { id: '1', type: 't', relationships: { r: { data: [{ id: hostile, type: 't' }] } } } }, 'data.relationships.r.data[0]'],
      [{ data: null, included: { 0: {} } }, 'included'],
      [{ data: null, included: [hostile] }, 'included[0].type'],
    ];
    for (const [document, path] of cases) {
      const error = catchError(() => flatten(document as never));
      expect(error, path).toBeInstanceOf(DecodeError);
      expect((error as DecodeError).path).toBe(path);
    }
  });

  it('never lets hostile keys touch a prototype', () => {
    const hostile = JSON.parse(
      '{"data":{"id":"1","type":"t","attributes":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}},"relationships":{"related":{"data":{"id":"2","type":"t"}}}},"included":[{"id":"2","type":"t","attributes":{"x":1}}]}',
    ) as Parameters<typeof flatten>[0];
    const { data } = flatten<Loose>(hostile);
    expect(({} as Loose).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(data, '__proto__')).toBe(true);
    expect(data.x).toBeUndefined();
    expect(JSON.parse(JSON.stringify(data)).constructor).toEqual({ prototype: { polluted: true } });
    const relationship = JSON.parse('{"data":{"id":"1","type":"t","relationships":{"__proto__":{"data":{"id":"2","type":"t"}}}},"included":[{"id":"2","type":"t","attributes":{"polluted":true}}]}');
    expect(Object.hasOwn(flatten<Loose>(relationship).data, '__proto__')).toBe(true);
    expect(({} as Loose).polluted).toBeUndefined();
  });

  it('refuses an attribute and a relationship of one name (JSON:API: one namespace; one would be lost)', () => {
    for (const name of ['deliveries', '__proto__', 'constructor']) {
      const document = JSON.parse(`{"data":{"id":"1","type":"t","attributes":{"${name}":1},"relationships":{"${name}":{"data":null}}}}`);
      expect((catchError(() => flatten(document)) as DecodeError).path).toBe(`data.relationships.${name}`);
    }
  });
});

// Issue 16: Fastriver links active_delivery as {type: "active_delivery"} and includes it as {type: "delivery"}.
describe('type aliases (declared by the API folder)', () => {
  const linked = (type: string, included: Array<{ id: string; type: string; attributes: object }>) =>
    flatten<Loose>({ data: request({ active_delivery: { data: { id: 'd1', type } } }), included }, FASTRIVER_TYPE_ALIASES).data.active_delivery;
  it.each([
    ['an aliased type resolves to the resource included under its target', 'active_delivery', [{ id: 'd1', type: 'delivery', attributes: { status: 'scheduled' } }], { id: 'd1', type: 'delivery', status: 'scheduled' }],
    ['a resource included under the type itself wins over the alias', 'active_delivery', [{ id: 'd1', type: 'delivery', attributes: { status: 'a' } }, { id: 'd1', type: 'active_delivery', attributes: { status: 'b' } }], { id: 'd1', type: 'active_delivery', status: 'b' }],
    ['an alias with nothing included stays an identifier', 'active_delivery', [], { id: 'd1', type: 'active_delivery' }],
    ['an alias never matches another id', 'active_delivery', [{ id: 'd2', type: 'delivery', attributes: {} }], { id: 'd1', type: 'active_delivery' }],
    ['a type that is not aliased is not guessed', 'current_delivery', [{ id: 'd1', type: 'delivery', attributes: {} }], { id: 'd1', type: 'current_delivery' }],
    ['a type named like an Object.prototype member is not an alias', 'toString', [{ id: 'd1', type: 'delivery', attributes: {} }], { id: 'd1', type: 'toString' }],
  ])('%s', (_, type, included, expected) => {
    expect(linked(type, included)).toEqual(expected);
  });

  it('without aliases (the generic flattener alone) nothing is resolved across types', () => {
    const { data } = flatten<Loose>({ data: request({ active_delivery: { data: { id: 'd1', type: 'active_delivery' } } }), included: [{ id: 'd1', type: 'delivery', attributes: {} }] });
    expect(data.active_delivery).toEqual({ id: 'd1', type: 'active_delivery' });
  });
});
