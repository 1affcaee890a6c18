// Reading a body whole, up to a limit: the receivers (a request body) and the transport (an answer body, after fetch has
// decompressed it, so a gzip bomb stops at the limit) both read this way. A read that fails (a chunk that is not bytes,
// a stream that breaks) rejects: the transport makes that a NetworkError, a receiver a 400.
import { bytesOf, describeValue } from './objects.ts';

/** More empty chunks in a row than any real stream sends. */
const MAX_EMPTY_CHUNKS = 1000;

/** Reads a body of at most `maxBodyBytes`: the bytes, or undefined when it is larger (reading stops there). */
export async function readLimited(chunks: AsyncIterable<unknown> | null, maxBodyBytes: number): Promise<Uint8Array | undefined> {
  const parts: Uint8Array[] = [];
  let size = 0;
  let empty = 0;
  for await (const chunk of chunks ?? []) {
    // Bytes from any realm (a fetch of a test sandbox's realm streams its own Uint8Arrays); anything else is no body.
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : bytesOf(chunk);
    if (bytes === 'detached') throw new TypeError('a body chunk was transferred away (a detached ArrayBuffer)');
    if (!bytes) throw new TypeError(`a body chunk is ${describeValue(chunk)}, not bytes or text`);
    // Empty chunks that come at once never let a timer run (the timeout could not fire): a run of them is no body.
    empty = bytes.length === 0 ? empty + 1 : 0;
    if (empty > MAX_EMPTY_CHUNKS) throw new TypeError(`the body sent more than ${MAX_EMPTY_CHUNKS} empty chunks in a row`);
    size += bytes.length;
    if (size > maxBodyBytes) return undefined;
    parts.push(bytes); // copied into the body below; a stream owns what it has handed over, so no earlier copy helps
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    body.set(part, offset);
    offset += part.length;
  }
  return body;
}

/**
 * Reads a stream of at most `maxBytes`: the bytes, or undefined when it is larger (then the stream is cancelled). When
 * `signal` aborts, the stream is cancelled and the read rejects.
 */
export async function readStreamLimited(stream: ReadableStream<Uint8Array>, maxBytes: number, signal?: AbortSignal): Promise<Uint8Array | undefined> {
  // Read with a reader, not `for await`: not every runtime's ReadableStream is async-iterable.
  const reader = stream.getReader();
  signal?.addEventListener('abort', () => void reader.cancel(signal.reason).catch(() => undefined), { once: true });
  const chunks = {
    async *[Symbol.asyncIterator]() {
      for (let part = await reader.read(); !part.done; part = await reader.read()) yield part.value;
    },
  };
  const body = await readLimited(chunks, maxBytes);
  if (!body) void reader.cancel().catch(() => undefined);
  return body;
}
