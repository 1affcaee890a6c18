// Arbitrary JSON for the fuzzers: members named like what a reader or the runtime defines itself (toJSON, toString,
// valueOf, constructor, __proto__, then…), arrays, numbers JSON.stringify cannot write (1e400, 30 digits, -0), long
// strings and nestings deep enough to overflow a recursive reader. Markers stand in for the raw numbers and nestings
// until write() splices them into the text.
import fc from 'fast-check';

const NAMES = ['toJSON', 'toString', 'valueOf', 'constructor', '__proto__', 'then', 'hasOwnProperty', 'length', 'prototype', 'code', 'message', 'title'];
/** Raw JSON numbers JSON.stringify cannot write: spliced into the text where their marker string stands. */
const RAW = ['1e400', '-1e400', '123456789012345678901234567890', '1e-400', '-0'];
const DEEP = `${'['.repeat(5000)}${']'.repeat(5000)}`;
const DEEP_OBJECT = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;

export const jsonValue: fc.Arbitrary<unknown> = fc.letrec<{ any: unknown }>((tie) => ({
  any: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.jsonValue({ maxDepth: 1 }),
    fc.constantFrom(...RAW.map((raw) => `RAW:${raw}`), 'RAW:DEEP', 'RAW:DEEP_OBJECT', '', 'x'.repeat(5000)),
    fc.dictionary(fc.oneof(fc.constantFrom(...NAMES), fc.string({ maxLength: 4 })), tie('any'), { maxKeys: 4 }),
    fc.array(tie('any'), { maxLength: 3 }),
  ),
})).any;

/** A body as JSON text, with the raw numbers and deep nestings put where their markers are. */
export function write(body: unknown): string {
  return JSON.stringify(body).replace(/"RAW:([^"]+)"/g, (_, raw: string) => (raw === 'DEEP' ? DEEP : raw === 'DEEP_OBJECT' ? DEEP_OBJECT : raw));
}
