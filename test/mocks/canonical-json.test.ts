// canonicalJson (mocks/state.ts): bodies compared under an idempotency key (T-Bank Idempotency-Key, Yandex
// X-Idempotency-Token) and Yandex's transaction subject are JSON values, so key order and spacing do not count.
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../mocks/state.ts';

/** The same JSON value with every object's keys in another order. */
function shuffled(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((item) => shuffled(item, seed));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).map(([key, item]) => [key, shuffled(item, seed)] as const);
  const rotated = entries.length === 0 ? entries : [...entries.slice(seed % entries.length), ...entries.slice(0, seed % entries.length)].reverse();
  return Object.fromEntries(rotated);
}

describe('canonicalJson', () => {
  it('the same JSON value in any key order gives the same text; it is still that value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), (value, seed) => {
        const text = canonicalJson(value);
        expect(canonicalJson(shuffled(value, seed))).toBe(text);
        expect(canonicalJson(JSON.parse(JSON.stringify(shuffled(value, seed))))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('different JSON values give different texts', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const same = isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));
        expect(canonicalJson(a) === canonicalJson(b)).toBe(same);
      }),
    );
  });

  it('the red team example: T-Bank bodies with keys swapped are one body; another value is not', () => {
    expect(canonicalJson(JSON.parse('{"template":"COURIER","meta":{"orderId":"1"}}'))).toBe(canonicalJson(JSON.parse('{"meta":{"orderId":"1"},"template":"COURIER"}')));
    expect(canonicalJson({ template: 'COURIER', meta: { orderId: '2' } })).not.toBe(canonicalJson({ template: 'COURIER', meta: { orderId: '1' } }));
    expect(canonicalJson(JSON.parse('{"__proto__":{"a":1},"b":2}'))).toBe('{"__proto__":{"a":1},"b":2}');
  });
});
