// Integers the mock can keep exactly: JSON.parse reads a number into a JavaScript double, so an integer beyond
// ±(2^53 − 1) (9007199254740993) arrives already rounded (…992) and would be stored and echoed as another number. Every
// `type: integer` in a request schema is bounded to the safe range for the mock's validation (the specs themselves keep
// the API's range): Prism then refuses such a value like any other invalid field, and the API's adapter answers its own
// 400 naming the field (adapters/<api>.ts, `invalidRequest`).
import type { IHttpOperation } from '@stoplight/types';

/**
 * The operations with every integer schema in their requests bounded to ±Number.MAX_SAFE_INTEGER: new operations with
 * copies of their requests (only those: the responses, with their examples, are most of a spec and are not changed).
 */
export function safeIntegers(operations: IHttpOperation[]): IHttpOperation[] {
  return operations.map((operation) => {
    const request = structuredClone(operation.request);
    bound(request, new Set());
    return { ...operation, request };
  });
}

function bound(node: unknown, seen: Set<object>): void {
  if (typeof node !== 'object' || node === null || seen.has(node)) return;
  seen.add(node);
  if (Array.isArray(node)) return node.forEach((item) => bound(item, seen));
  const schema = node as Record<string, unknown>;
  const { type } = schema;
  if (type === 'integer' || (Array.isArray(type) && type.includes('integer'))) {
    schema.minimum = typeof schema.minimum === 'number' ? Math.max(schema.minimum, Number.MIN_SAFE_INTEGER) : Number.MIN_SAFE_INTEGER;
    schema.maximum = typeof schema.maximum === 'number' ? Math.min(schema.maximum, Number.MAX_SAFE_INTEGER) : Number.MAX_SAFE_INTEGER;
  }
  for (const [key, value] of Object.entries(schema)) if (key !== 'examples' && key !== 'example' && key !== 'default') bound(value, seen);
}
