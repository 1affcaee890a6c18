// The XML codec: typed decoding by shape, safe on hostile input, and a lossless round trip for generated data.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecodeError } from '../../src/core/index.ts';
import { decodeXml, encodeXml, type XmlShape } from '../../src/dellin/xml.ts';

const context = { api: 'dellin', operation: 'test', attempts: 0 };
const shape: XmlShape = {
  root: 'request',
  arrays: ['request.members', 'request.members.phones'],
  numbers: ['request.count', 'request.members.age'],
  booleans: ['request.urgent'],
};

describe('decodeXml', () => {
  it('unwraps the root, makes arrays of repeated (and single) elements, types numbers and booleans', () => {
    const xml = '<?xml version="1.0"?><request><count>3</count><urgent>true</urgent><members><name>Анна &amp; Ко</name><age>41</age><phones>+79001112233</phones></members><members><name>Борис</name><phones>1</phones><phones>2</phones></members><code>007</code></request>';
    expect(decodeXml(xml, shape, context)).toEqual({
      count: 3,
      urgent: true,
      members: [
        { name: 'Анна & Ко', age: 41, phones: ['+79001112233'] },
        { name: 'Борис', phones: ['1', '2'] },
      ],
      code: '007',
    });
  });

  it.each([
    ['malformed', '<request><count>3</request>', 'malformed XML'],
    ['truncated', '<request><count>3</count', 'malformed XML'],
    ['another root', '<response><count>3</count></response>', 'expected the root element <request>'],
    ['a DTD with entities', '<!DOCTYPE r [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><request><c>&b;</c></request>', 'DTD'],
    ['a number that is not', '<request><count>many</count></request>', 'expected a number'],
    ['a boolean that is not', '<request><urgent>maybe</urgent></request>', 'expected true or false'],
  ])('refuses %s input with a DecodeError', (_, xml, message) => {
    expect(() => decodeXml(xml, shape, context)).toThrow(DecodeError);
    expect(() => decodeXml(xml, shape, context)).toThrow(message);
  });

  it('refuses element names that could reach a prototype, and pollutes nothing', () => {
    for (const name of ['__proto__', 'constructor']) {
      expect(() => decodeXml(`<request><${name}><prototype><polluted>yes</polluted></prototype></${name}></request>`, shape, context)).toThrow(DecodeError);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('encodeXml', () => {
  it('writes arrays as repeated elements and leaves out null and undefined', () => {
    expect(encodeXml({ count: 2, members: [{ name: 'a', phones: ['1', '2'] }], gone: null, none: undefined }, 'request')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><request><count>2</count><members><name>a</name><phones>1</phones><phones>2</phones></members></request>',
    );
  });

  it('escapes what XML must escape', () => {
    const xml = encodeXml({ name: '<b>"A" & \'B\'</b>' }, 'request');
    expect(decodeXml(xml, shape, context)).toEqual({ name: '<b>"A" & \'B\'</b>' });
  });

  it('round-trips generated objects of the shape: object → XML → the same object', () => {
    const text = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && !/[\u0000-\u001f\ud800-\udfff\ufffe\uffff]/.test(s));
    const member = fc.record({ name: text, age: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }), phones: fc.array(text, { minLength: 1, maxLength: 3 }) }, { requiredKeys: ['name', 'phones'] });
    const request = fc.record({ count: fc.integer({ min: -1000, max: 1000 }), urgent: fc.boolean(), members: fc.array(member, { minLength: 1, maxLength: 3 }), note: text });
    fc.assert(
      fc.property(request, (value) => {
        const cleaned = JSON.parse(JSON.stringify(value)) as unknown;
        expect(decodeXml(encodeXml(value, 'request'), shape, context)).toEqual(cleaned);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the real request shape (generated from the spec)', () => {
  it('round-trips the seed request with generated values: object → XML → the same object', async () => {
    const { xmlShapes, xmlOperations } = await import('../../generated/dellin.xml.ts');
    const { parse } = await import('yaml');
    const { readFileSync } = await import('node:fs');
    const realShape = xmlShapes[xmlOperations.requestDeliveryXml?.request ?? ''];
    if (!realShape) throw new Error('no request shape');
    const seed = (parse(readFileSync(new URL('../../specs/dellin.yaml', import.meta.url), 'utf8')) as { components: { examples: Record<string, { value: Record<string, unknown> }> } }).components
      .examples.RequestDeliveryAddressBook?.value;
    const text = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && !/[\u0000-\u001f\ud800-\udfff\ufffe\uffff]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s));
    // Every scalar of the seed replaced by a generated value of the same kind; arrays keep their element kind.
    const like = (value: unknown): fc.Arbitrary<unknown> => {
      if (Array.isArray(value)) return fc.array(like(value[0]), { minLength: 1, maxLength: 3 });
      if (value !== null && typeof value === 'object') return fc.record(Object.fromEntries(Object.entries(value).map(([k, v]) => [k, like(v)])));
      if (typeof value === 'number') return fc.integer({ min: 0, max: 99999 });
      if (typeof value === 'boolean') return fc.boolean();
      return text;
    };
    fc.assert(
      fc.property(like(seed), (request) => {
        expect(decodeXml(encodeXml(request, 'request'), realShape, context)).toEqual(request);
      }),
      { numRuns: 300 },
    );
  });
});
