// parseFastriverCallback takes "the raw text or the parsed JSON". The raw bodies servers hand out: bytes with a UTF-8
// BOM decoded by Buffer#toString (which keeps the BOM), an ArrayBuffer (`await request.arrayBuffer()`), a Buffer or
// Uint8Array of another realm (Jest's node environment runs tests in a vm context, where Node's Buffer is not an
// instance of the context's Uint8Array). The same callback must read the same way, or be refused for what it is, never
// misread as a body without `data`. In the sources and the BUILT package.
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as srcCallbacks from '../../src/fastriver/callbacks.ts';
import { builtApp, entry, outcome, type Mod } from './rt12-build.ts';

const copies: Record<string, Mod> = { src: srcCallbacks };
beforeAll(async () => {
  const built = await entry(await builtApp(), '/fastriver/callbacks');
  copies.esm = built.esm;
  copies.cjs = built.cjs;
}, 240_000);

const BODY = JSON.stringify({ data: { type: 'external_callback', id: 'c0ffee00-0000-4000-8000-000000000000', attributes: { event: 'delivered', delivery_request_status: 'completed' } } });
const BYTES = new TextEncoder().encode(BODY);
const WITH_BOM = new Uint8Array([0xef, 0xbb, 0xbf, ...BYTES]);

for (const name of ['src', 'esm', 'cjs']) {
  describe(`${name}: raw callback bodies`, () => {
    const expected = async () => outcome(() => copies[name]!.parseFastriverCallback(BYTES));

    it('the text of bytes with a UTF-8 BOM (Buffer#toString keeps it) reads as the bytes do', async () => {
      expect(await outcome(() => copies[name]!.parseFastriverCallback(WITH_BOM))).toEqual(await expected());
      expect(await outcome(() => copies[name]!.parseFastriverCallback(Buffer.from(WITH_BOM).toString('utf8')))).toEqual(await expected());
    });

    it('an ArrayBuffer (request.arrayBuffer()) reads as its bytes, or is refused as a body of the wrong type (not "data: missing")', async () => {
      const result = (await outcome(() => copies[name]!.parseFastriverCallback(BYTES.slice().buffer))) as { message?: string };
      if (result.message !== undefined) expect(result.message).not.toMatch(/data: missing/);
      else expect(result).toEqual(await expected());
    });

    it('a Uint8Array of another realm (a Buffer under Jest) reads as its bytes', async () => {
      const foreign = vm.runInNewContext('new Uint8Array(n)', { n: BYTES.length }) as Uint8Array;
      foreign.set(BYTES);
      expect(await outcome(() => copies[name]!.parseFastriverCallback(foreign))).toEqual(await expected());
    });
  });
}
