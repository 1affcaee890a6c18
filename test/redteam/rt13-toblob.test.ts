// Attack: toBlob (the root entry; what Fastriver documents.upload and T-Bank uploadDocument read file content with)
// with content that forges Symbol.toStringTag 'ArrayBuffer' or 'Blob', detached buffers, SharedArrayBuffers, async
// iterables whose iterator is broken. The promise: "anything else is a UsageError"; never a silent empty file (a lost
// upload), never a bare TypeError. In the sources and the BUILT package (ESM and CJS).
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as srcRoot from '../../src/core/index.ts';
import { builtApp, entry, type Mod } from './rt12-build.ts';

const copies: Record<string, Mod> = { src: srcRoot };
beforeAll(async () => {
  const built = await entry(await builtApp(), '');
  copies.esm = built.esm;
  copies.cjs = built.cjs;
}, 240_000);

function detachedBuffer(): ArrayBuffer {
  const buffer = new Uint8Array([1, 2, 3]).buffer;
  structuredClone(buffer, { transfer: [buffer] });
  return buffer;
}
function detachedView(): Uint8Array {
  const view = new Uint8Array([1, 2, 3]);
  structuredClone(view.buffer, { transfer: [view.buffer] });
  return view;
}

for (const name of ['src', 'esm', 'cjs']) {
  describe(`${name}: toBlob with forged and broken content`, () => {
    const toBlob = (content: unknown) => copies[name]!.toBlob(content, 'a.pdf') as Promise<Blob>;
    const usage = () => copies[name]!.UsageError as new () => Error;
    const sdk = () => copies[name]!.SdkError as new () => Error;

    it('an object forging the tag "ArrayBuffer" is a UsageError, not an empty file uploaded in silence', async () => {
      await expect(toBlob({ [Symbol.toStringTag]: 'ArrayBuffer', byteLength: 3 })).rejects.toThrow(usage());
    });

    it('an object forging the tag "Blob" is a UsageError, not "blob.arrayBuffer is not a function"', async () => {
      await expect(toBlob({ [Symbol.toStringTag]: 'Blob', size: 3 })).rejects.toThrow(usage());
    });

    it('a detached ArrayBuffer, a view over one, or a chunk over one is an SdkError, not a bare TypeError', async () => {
      await expect(toBlob(detachedBuffer())).rejects.toThrow(sdk());
      await expect(toBlob(detachedView())).rejects.toThrow(sdk());
      await expect(toBlob((async function* () { yield detachedView(); })())).rejects.toThrow(sdk());
    });

    it('an async iterable whose Symbol.asyncIterator returns no object is a UsageError', async () => {
      await expect(toBlob({ [Symbol.asyncIterator]: () => 5 })).rejects.toThrow(usage());
    });

    it('a SharedArrayBuffer is read as the bytes it holds, as its view is (or refused as a UsageError)', async () => {
      const sab = new SharedArrayBuffer(3);
      new Uint8Array(sab).set([1, 2, 3]);
      expect((await toBlob(new Uint8Array(sab))).size).toBe(3);
      const result = await toBlob(sab).then((blob) => blob.size, (error: unknown) => error);
      if (typeof result === 'number') expect(result).toBe(3);
      else expect(result).toBeInstanceOf(usage());
    });

    it('regression: views of any element type and realm, chunks of text, bytes and ArrayBuffers', async () => {
      expect((await toBlob(new Float64Array(2))).size).toBe(16);
      expect((await toBlob(vm.runInNewContext('new Uint8Array([1, 2])'))).size).toBe(2);
      expect((await toBlob((async function* () { yield 'ab'; yield new DataView(new ArrayBuffer(4)); yield new ArrayBuffer(1); })())).size).toBe(7);
      await expect(toBlob((async function* () { yield 5; })())).rejects.toThrow(usage());
      await expect(toBlob(['a'])).rejects.toThrow(usage());
      await expect(toBlob('abc')).rejects.toThrow(usage());
    });

    it('an async iterable that throws: the rejection carries its error (regression)', async () => {
      await expect(toBlob((async function* () { yield 'a'; throw new RangeError('source broke'); })())).rejects.toThrow(/source broke/);
    });
  });
}
