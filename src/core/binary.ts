// Files going up (multipart parts) and coming down (binary bodies): the same for every API that exchanges documents.
// Kept out of createApiClient, so an API without files does not carry it.
import { type ApiClient, type ApiPromise, type FetchResult, type Operation, type RequestOptions } from './client.ts';
import type { FetchLike } from './transport.ts';
import { UsageError } from './errors.ts';
import { bytesOf, describeValue, hasBrand, isError } from './objects.ts';

/** A helper of this file called with what it does not take. */
const usage = (operation: string, reason: string, cause?: unknown) => new UsageError({ api: 'core', operation, attempts: 0 }, reason, cause);

/** What an upload accepts: a Blob or File, bytes (Buffer, Uint8Array, ArrayBuffer), or a stream (Node Readable, web ReadableStream). */
export type BinaryContent = Blob | ArrayBuffer | ArrayBufferView | AsyncIterable<Uint8Array | string>;

/** A downloaded file: its bytes, and the type and name the server gave it (when it did). */
export interface DownloadedFile {
  bytes: Uint8Array;
  contentType: string | undefined;
  filename: string | undefined;
}

const TYPES_BY_EXTENSION: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  txt: 'text/plain',
  xml: 'application/xml',
  json: 'application/json',
  zip: 'application/zip',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The media type a file name implies; application/octet-stream when it implies none. */
export function typeForFilename(filename: string): string {
  const extension = filename.split('.').pop()?.toLowerCase() ?? '';
  return TYPES_BY_EXTENSION[extension] ?? 'application/octet-stream';
}

/**
 * Reads any accepted content into a Blob with a type: the Blob's own, else the file name's. Blobs and bytes of any
 * realm (a Buffer made in Jest's sandbox is no Uint8Array of this one). Anything else, bytes transferred away, or
 * content that fails while it is read (a stream that throws) is a UsageError: an upload never goes out with less than
 * it was given.
 */
export async function toBlob(content: BinaryContent, filename: string): Promise<Blob> {
  try {
    return await readBlob(content, typeForFilename(filename));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw usage('toBlob', `the file content could not be read (${isError(error) ? error.message : describeValue(error)})`, error);
  }
}

async function readBlob(content: BinaryContent, type: string): Promise<Blob> {
  // A Blob or File of any realm, by its brand (an object that only claims to be one, by its tag, is none)
  if (content instanceof Blob || hasBrand(content, Blob.prototype, 'size')) {
    const blob = content as unknown as Blob;
    // Only a plain Blob or File goes as it is: a subclass may say another size or type than its bytes have.
    if ([Blob.prototype, globalThis.File?.prototype].includes(Object.getPrototypeOf(blob))) return blob.type ? blob : new Blob([blob], { type });
    return new Blob([await Blob.prototype.arrayBuffer.call(blob)], { type }); // its bytes, by the built-in reader
  }
  const bytes = bytesOf(content);
  if (bytes) return new Blob([part(bytes).slice()], { type });
  if (content !== null && typeof content === 'object' && Symbol.asyncIterator in content) {
    const chunks: Uint8Array[] = [];
    // Each chunk copied as it comes: the iterable may reuse or shrink the memory of one it has handed over.
    for await (const chunk of content) chunks.push(part(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : bytesOf(chunk), chunk).slice());
    return new Blob(chunks, { type });
  }
  throw usage('toBlob', `file content must be a Blob, bytes (Buffer, Uint8Array, ArrayBuffer) or a stream, not ${describeValue(content)}`);
}

/** Bytes of the content, or the UsageError for what is none. */
function part(bytes: Uint8Array | 'detached' | undefined, chunk?: unknown): Uint8Array {
  if (bytes === 'detached') throw usage('toBlob', 'the file content was transferred away (a detached ArrayBuffer)');
  if (!bytes) throw usage('toBlob', `a chunk of the file content must be bytes or text, not ${describeValue(chunk)}`);
  return bytes;
}

/** Runs an operation answering a file (send it with `parseAs: 'arrayBuffer'`): its bytes, type and name. */
export function download(
  api: Pick<ApiClient<{}>, 'call'>,
  operation: Operation,
  options: RequestOptions | undefined,
  send: (fetch: FetchLike) => Promise<FetchResult<ArrayBuffer>>,
): ApiPromise<DownloadedFile> {
  return api.call(operation, options, send, (body, response) => downloadedFile(body, response.headers));
}

/** A binary answer as a DownloadedFile: its bytes, its Content-Type, and its file name (see filenameFromContentDisposition). */
export async function downloadedFile(body: ArrayBuffer, headers: Headers): Promise<DownloadedFile> {
  // Read by its tag, not instanceof: fetch may live in another realm (a test sandbox) than this code.
  if (Object.prototype.toString.call(body) !== '[object ArrayBuffer]') throw usage('downloadedFile', `the body must be an ArrayBuffer, not ${describeValue(body)}`);
  if (typeof headers?.get !== 'function') throw usage('downloadedFile', `the headers must be fetch Headers, not ${describeValue(headers)}`);
  return {
    bytes: new Uint8Array(body),
    contentType: headers.get('content-type') ?? undefined,
    filename: await filenameFromContentDisposition(headers.get('content-disposition')),
  };
}

let contentDisposition: Promise<typeof import('content-disposition')> | undefined;

/**
 * The `content-disposition` package, loaded with the first file name read: it is CommonJS, and loading it from an ES
 * module costs several milliseconds that an import of an entry should not pay (issue 14: nothing happens at import).
 */
function loadContentDisposition(): Promise<typeof import('content-disposition')> {
  contentDisposition ??= import('content-disposition');
  return contentDisposition;
}

/**
 * The file name in a Content-Disposition header, parsed by the `content-disposition` package (RFC 6266; `filename*`,
 * RFC 8187, wins over `filename`; only the parameter named exactly that counts), then reduced to a name that is safe
 * to join to a folder (RFC 6266 §4.3): see {@link safeFilename}. Undefined when there is no usable name.
 */
export async function filenameFromContentDisposition(header: string | null): Promise<string | undefined> {
  if (header !== null && header !== undefined && typeof header !== 'string') throw usage('filenameFromContentDisposition', `the header must be a string or null, not ${describeValue(header)}`);
  if (!header) return undefined;
  const { parse } = await loadContentDisposition();
  let name: string | undefined;
  try {
    name = parse(header).parameters.filename;
  } catch {
    return undefined; // the parser is lenient and does not throw for any header seen so far; a future one might
  }
  return name === undefined ? undefined : safeFilename(name);
}

/** Characters Windows refuses in a name (`:` also opens an alternate data stream), and control characters. */
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f<>:"|?*]/g;
/**
 * Invisible characters, which make a name display differently from what it is: Unicode's format characters (bidi
 * overrides and isolates that turn `exe.pdf` around, zero-width spaces and joiners, the BOM, the soft hyphen) and the
 * line and paragraph separators. Made on first use: V8 checks a regular expression literal when it parses the file, and
 * a Unicode property escape makes it load ICU's tables, ≈ 0.4 ms of every import (BENCHMARKS.md, import time).
 */
let invisible: RegExp | undefined;
const INVISIBLE = () => (invisible ??= new RegExp('[\\p{Cf}\\p{Zl}\\p{Zp}]', 'gu'));

/** Names Windows reserves for devices, whatever follows them after spaces or a dot (`NUL .pdf`, `COM¹.txt`, `CONIN$`). */
const DEVICE_NAME = /^(con|prn|aux|nul|clock\$|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])( *\.| *$)/i;
/** The longest name most file systems take (ext4, NTFS, APFS): 255 bytes of UTF-8. */
export const MAX_FILENAME_BYTES = 255;

/**
 * A server-given file name reduced to a base name that stays in the folder it is joined to (RFC 6266 §4.3): only
 * what follows the last `/` or `\\`, control and invisible characters (bidi controls, zero-width spaces, U+2028) and
 * `<>:"|?*` replaced by `_`, leading and trailing spaces and trailing dots dropped (Windows drops them itself).
 * Undefined when nothing usable is left (empty, `.`, `..`). Names Windows reserves for devices (`CON`, `NUL.txt`, `NUL .pdf`, `COM¹`, `CONIN$`) get a
 * leading `_`. A name over 255 UTF-8 bytes is cut to fit, keeping its extension (up to 16 characters) and whole
 * characters.
 */
export function safeFilename(name: string): string | undefined {
  if (typeof name !== 'string') throw usage('safeFilename', `the name must be a string, not ${describeValue(name)}`);
  const base = name.split(/[/\\]/).pop() ?? '';
  const cleaned = base.replace(UNSAFE_CHARACTERS, '_').replace(INVISIBLE(), '_').trim().replace(/[. ]+$/, '');
  if (cleaned === '' || cleaned === '.' || cleaned === '..') return undefined;
  return fitBytes(DEVICE_NAME.test(cleaned) ? `_${cleaned}` : cleaned);
}

function fitBytes(name: string): string {
  const bytes = (text: string) => new TextEncoder().encode(text).length;
  if (bytes(name) <= MAX_FILENAME_BYTES) return name;
  const extension = /\.[^.]{1,16}$/.exec(name)?.[0] ?? '';
  const stem = [...name.slice(0, name.length - extension.length)];
  let room = MAX_FILENAME_BYTES - bytes(extension);
  let kept = '';
  for (const char of stem) {
    room -= bytes(char);
    if (room < 0) break;
    kept += char;
  }
  return kept.replace(/[. ]+$/, '') + extension;
}
