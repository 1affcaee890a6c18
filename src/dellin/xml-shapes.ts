// Which XML shape each Dellin method sends and reads, from the generated shapes. The client loads this module with its
// first XML call (`import()`), so a JSON client, and every import of the entry, never builds the generated tables:
// they are the largest literal of the entry (BENCHMARKS.md, import time).
import { xmlOperations, xmlShapes } from '../../generated/dellin.xml.ts';
import type { XmlShape } from './xml.ts';

const answerShapes = new Map<string, XmlShape>();

/**
 * One shape per method for every answer it may get: success and error bodies share the root and never a path, and an
 * error may come with any status (inside a 200 too), so the answer is decoded knowing both. Merged on first use.
 */
export function answerShape(method: string): XmlShape {
  let shape = answerShapes.get(method);
  if (!shape) {
    const shapes = Object.values(xmlOperations[`${method}Xml`]?.responses ?? {}).flatMap((name) => xmlShapes[name] ?? []);
    const merge = (key: 'arrays' | 'numbers' | 'integers' | 'booleans') => [...new Set(shapes.flatMap((one) => one[key]))];
    shape = { root: 'response', arrays: merge('arrays'), numbers: merge('numbers'), integers: merge('integers'), booleans: merge('booleans') };
    answerShapes.set(method, shape);
  }
  return shape;
}

/** The root element of a method's XML request (`request` where the spec names none). */
export function requestRoot(method: string): string {
  return xmlShapes[xmlOperations[`${method}Xml`]?.request ?? '']?.root ?? 'request';
}
