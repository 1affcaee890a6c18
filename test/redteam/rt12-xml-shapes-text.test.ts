// Dellin's XML shapes are generated as JSON text inside a template literal (scripts/xml-shapes.ts). Whatever names a
// spec holds, the generated module must either be refused at generation or evaluate to exactly the shapes given:
// a template literal reads `\`, a backtick, `${`, CR/CRLF (normalized to LF) and U+2028/9 its own way.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { xmlShapesModule, type XmlShapes } from '../../scripts/xml-shapes.ts';
import { xmlShapes, xmlOperations } from '../../generated/dellin.xml.ts';

/** The two `JSON.parse(\`…\`)` expressions of a generated module, evaluated as JavaScript would. */
function evaluate(module: string): { shapes: unknown; operations: unknown } {
  const body = module.replace(/^export interface XmlShape \{[\s\S]*?\n\}\n/m, '').replace(/export const (\w+): [^=]+= /g, 'out.$1 = ');
  const out: Record<string, unknown> = {};
  new Function('out', body)(out);
  return { shapes: out.xmlShapes, operations: out.xmlOperations };
}

describe('xml shapes as JSON text in a template literal', () => {
  it('the committed generated module equals what the generator writes for its own shapes', () => {
    const again = evaluate(xmlShapesModule('specs/dellin.yaml', { shapes: xmlShapes, operations: xmlOperations } as unknown as XmlShapes));
    expect(again.shapes).toEqual(xmlShapes);
    expect(again.operations).toEqual(xmlOperations);
  });

  it('any names: refused at generation, or read back exactly', () => {
    const name = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom('a\\b', 'a`b', '${x}', '$', '{', '$$', '\u2028', '\u2029', '\r\n', '\r', '</script>', '\ud800', '\\u0041', '*', '__proto__'));
    const shape = fc.record({ root: name, arrays: fc.array(name, { maxLength: 3 }), numbers: fc.array(name, { maxLength: 2 }), integers: fc.array(name, { maxLength: 2 }), booleans: fc.array(name, { maxLength: 2 }), strings: fc.array(name, { maxLength: 2 }), objects: fc.array(name, { maxLength: 2 }) });
    const operation = fc.record({ path: name, request: name, responses: fc.dictionary(fc.constantFrom('200', '400'), name) });
    fc.assert(
      fc.property(fc.dictionary(name, shape, { maxKeys: 3 }), fc.dictionary(name, operation, { maxKeys: 2 }), (shapes, operations) => {
        let module: string;
        try {
          module = xmlShapesModule('spec.yaml', { shapes, operations } as unknown as XmlShapes);
        } catch (error) {
          expect((error as Error).message).toMatch(/backslash, backtick or \$\{/);
          return;
        }
        const back = evaluate(module);
        expect(JSON.stringify(back.shapes)).toBe(JSON.stringify(shapes));
        expect(JSON.stringify(back.operations)).toBe(JSON.stringify(operations));
      }),
      { numRuns: 500 },
    );
  });
});
