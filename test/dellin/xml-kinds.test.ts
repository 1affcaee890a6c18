// Red team 5, kinds 1 and 3: what the spec's types rule out in XML, and strings that must survive the round trip.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecodeError, EncodeError } from '../../src/core/index.ts';
import { decodeXml, encodeXml, type XmlShape } from '../../src/dellin/xml.ts';
import { xmlShapes } from '../../generated/dellin.xml.ts';
import { xmlShapes as deriveShapes, type SpecDocument } from '../../scripts/xml-shapes.ts';

const context = { api: 'dellin', operation: 'test', attempts: 0 };
const plain: XmlShape = { root: 'response', arrays: [], numbers: [], booleans: [] };

/** The smallest element that is valid at a path of the shape (a number, a boolean, text, or an empty object). */
const valueAt = (shape: XmlShape, path: string) => (shape.numbers.includes(path) ? '1' : shape.booleans.includes(path) ? 'true' : shape.objects?.includes(path) ? '' : 'x');
/** A document with the element at `path` written `times` times under its parent. */
const documentWith = (shape: XmlShape, path: string, times: number) => {
  const steps = path.split('.');
  const leaf = steps.at(-1) ?? '';
  const inner = `<${leaf}>${valueAt(shape, path)}</${leaf}>`.repeat(times);
  return steps.slice(0, -1).reduceRight((xml, step) => `<${step}>${xml}</${step}>`, inner);
};

describe('kind 1: an element the spec gives one value, repeated, is a DecodeError naming its path', () => {
  const cases = Object.entries(xmlShapes).flatMap(([name, shape]) =>
    [...new Set([...shape.numbers, ...shape.booleans, ...shape.strings, ...shape.objects])]
      .filter((path) => path !== shape.root && !path.includes('*') && !shape.arrays.includes(path) && !path.split('.').slice(1, -1).some((_, i, all) => shape.arrays.includes([shape.root, ...all.slice(0, i + 1)].join('.'))))
      .map((path) => [name, path] as const),
  );
  it('covers every single-valued path of every generated shape', () => expect(cases.length).toBeGreaterThan(60));
  it.each(cases)('%s: %s once reads, twice is refused', (name, path) => {
    const shape = xmlShapes[name] as XmlShape;
    expect(() => decodeXml(documentWith(shape, path, 1), shape, context)).not.toThrow();
    const twice = (() => {
      try {
        decodeXml(documentWith(shape, path, 2), shape, context);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(twice).toBeInstanceOf(DecodeError);
    expect((twice as DecodeError).path).toBe(path);
  });
  it('an element the spec does not name (a free-form member) still becomes an array when it repeats', () => {
    const shape = xmlShapes.RequestDeliveryResponse as XmlShape;
    expect(decodeXml('<response><metadata><status>200</status></metadata><data><extra>a</extra><extra/><extra>b</extra></data></response>', shape, context)).toEqual({ metadata: { status: 200 }, data: { extra: ['a', 'b'] } });
  });
  it('child elements where the spec says a number or text, and text where it says an object, are refused', () => {
    const shape = xmlShapes.RequestDeliveryResponse as XmlShape;
    expect(() => decodeXml('<response><metadata><status><a>200</a></status></metadata></response>', shape, context)).toThrow(/metadata\.status: expected a number, got child elements/);
    expect(() => decodeXml('<response><data><state><a/></state></data></response>', shape, context)).toThrow(/data\.state: expected text/);
    expect(() => decodeXml('<response><metadata>ok</metadata></response>', shape, context)).toThrow(/response\.metadata: expected elements/);
  });
});

describe('kind 1: the shapes list every array the spec has', () => {
  const spec: SpecDocument = {
    paths: { '/x.xml': { post: { operationId: 'x', requestBody: { content: { 'application/xml': { schema: { $ref: '#/components/schemas/R' } } } }, responses: {} } } },
    components: {
      schemas: {
        R: {
          type: 'object',
          xml: { name: 'request' },
          allOf: [{ properties: { fromAllOf: { type: 'array', items: { type: 'string' } } } }],
          then: { properties: { fromThen: { type: 'array', items: { type: 'integer' } } } },
          properties: {
            free: { type: 'object', additionalProperties: { type: 'array', items: { type: 'object', properties: { deep: { type: 'array', items: { type: 'boolean' } } } } } },
            nested: { type: 'array', items: { $ref: '#/components/schemas/Item' } },
          },
        },
        Item: { type: 'object', properties: { tags: { type: ['array', 'null'], items: { type: 'string' } } } },
      },
    },
  } as SpecDocument;
  it('under allOf, then, additionalProperties (as *), nested items and $ref', () => {
    const shape = Object.values(deriveShapes(spec).shapes)[0];
    expect(shape?.arrays).toEqual(['request.free.*', 'request.free.*.deep', 'request.fromAllOf', 'request.fromThen', 'request.nested', 'request.nested.tags']);
    expect(shape?.booleans).toEqual(['request.free.*.deep']);
    // And the decoder reads them: any member name of `free` is an array of objects.
    expect(decodeXml('<request><free><a><deep>1</deep><deep>0</deep></a><b/></free></request>', shape as XmlShape, context)).toEqual({ free: { a: [{ deep: [true, false] }], b: [] } });
  });
  it('an array of arrays, which XML cannot say, fails generation', () => {
    const nested = structuredClone(spec);
    (nested.components!.schemas!.Item as { properties: Record<string, unknown> }).properties.tags = { type: 'array', items: { type: 'array', items: { type: 'string' } } };
    expect(() => deriveShapes(nested)).toThrow(/array of arrays/);
  });
});

describe('kind 3: every string the JSON twin can carry survives encodeXml → decodeXml exactly', () => {
  const space = fc.constantFrom(' ', '\t', '\n', '\r', '\r\n', '&#32;', ']]>', '');
  const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.oneof(space, fc.constantFrom('a', 'Я', '<', '&', '"')) }), fc.string({ unit: 'grapheme' }));
  it('or an EncodeError where XML cannot carry a character at all', () => {
    fc.assert(
      fc.property(text, (s) => {
        let xml: string;
        try {
          xml = encodeXml({ a: s, list: [s, s] }, 'response');
        } catch (error) {
          expect(error).toBeInstanceOf(EncodeError);
          expect(s).toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
          return;
        }
        expect(decodeXml(xml, { ...plain, arrays: ['response.list'] }, context)).toEqual({ a: s, list: [s, s] });
      }),
      { numRuns: 2000 },
    );
  });
  it.each([['x\r\nz\t'], [' lead'], ['trail\t'], ['\r'], [' '], ['\n\n'], [''], ['a\u00a0'], ['x]]>y']])('%j', (s) => {
    expect(decodeXml(encodeXml({ a: s }, 'response'), plain, context)).toEqual({ a: s });
  });
  it('keeps text written as references or CDATA, and drops the indentation around elements', () => {
    const xml = '<response>\n  <a>x&#9;</a>\n  <b>&#32;lead</b>\n  <c> </c>\n  <d><![CDATA[ d ]]></d>\n  <e>\n    <f>1</f>\n  </e>\n</response>';
    expect(decodeXml(xml, plain, context)).toEqual({ a: 'x\t', b: ' lead', c: ' ', d: ' d ', e: { f: '1' } });
  });
});
