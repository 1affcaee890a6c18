// Multipart uploads (T-Bank `uploadDocument`, Fastriver's package documents): every `multipart/form-data` body is read
// here, once, before Prism sees it. Parts are split by @remix-run/multipart-parser and each part's Content-Disposition is
// read by `content-disposition` (in its `multipart` mode: names as browsers, undici and httpx send them, `"` as `%22`,
// CR LF as `%0D%0A`; RFC 5987 `filename*=UTF-8''…` decoded and preferred). A part neither can read is a 400 naming it.
//
// Prism then validates a re-encoding of the same parts, because its own multipart reader (parse-multipart-data) throws a
// SyntaxError (a 500) on any file name it cannot `JSON.parse`, and applies `allowReserved` (a form-urlencoded rule) to
// part values: every name and value is percent-encoded, which Prism decodes back before validating.
import { parse as parseDisposition } from 'content-disposition';
import { getMultipartBoundary, MultipartParseError, parseMultipart } from '@remix-run/multipart-parser';
import { MockInputError } from './adapters/types.ts';

/** One part of a `multipart/form-data` body. */
export interface FormPart {
  name: string;
  /** The file name (from `filename*` when sent, else `filename`); absent for a plain field. */
  filename?: string;
  /** The part's own Content-Type, if it has one. */
  type?: string;
  data: Buffer;
}

/** What the host hands on: the parts, and the body and Content-Type Prism validates instead of the original. */
export interface ReadForm {
  parts: FormPart[];
  forPrism: { body: string; contentType: string };
}

export const isMultipart = (contentType: string | undefined): contentType is string => /^multipart\/form-data\b/i.test(contentType?.trim() ?? '');

const TOKEN = "[!#$%&'*+.0-9A-Za-z^_`|~-]+";
/**
 * A well-formed `form-data` disposition (RFC 7578 §4.2, RFC 2183 parameters; values quoted as the HTML standard sends
 * them, with no `"` inside). content-disposition is lenient (it drops an unterminated value and skips what follows a
 * closing quote), so the shape is checked first, then read by it.
 */
const FORM_DATA = new RegExp(`^[\\t ]*form-data(?:[\\t ]*;[\\t ]*${TOKEN}[\\t ]*=[\\t ]*(?:"[^"\\r\\n]*"|${TOKEN}))*[\\t ]*;?[\\t ]*$`, 'i');
/** Bytes at most per file part: the host's body limit. */
const MAX_FILE_SIZE = 10 * 1024 * 1024;

/**
 * Reads a `multipart/form-data` body. Throws MockInputError (400) for a body that is not well-formed multipart, and for
 * a part whose Content-Disposition is missing, malformed, not `form-data`, without a `name`, or with a `filename*`
 * that is not a valid RFC 5987 value (an unknown charset, a bad `%` escape): the message names the part.
 */
export function readForm(raw: Buffer, contentType: string): ReadForm {
  const boundary = getMultipartBoundary(contentType);
  if (!boundary) throw new MockInputError('multipart/form-data needs a boundary parameter in Content-Type');
  const parts: FormPart[] = [];
  try {
    for (const part of parseMultipart(raw, { boundary, maxFileSize: MAX_FILE_SIZE, maxTotalSize: MAX_FILE_SIZE })) {
      const which = `multipart part ${parts.length + 1}`;
      const header = part.headers['content-disposition'];
      if (header === undefined) throw new MockInputError(`${which} has no Content-Disposition`);
      const named = `${which} (Content-Disposition: ${header})`;
      if (!FORM_DATA.test(header)) throw new MockInputError(`${named}: not a well-formed form-data disposition (an unterminated quoted value, or text after one)`);
      const { parameters } = parseDisposition(header, { multipart: true });
      if (parameters.name === undefined) throw new MockInputError(`${named}: no name parameter`);
      if (parameters['filename*'] !== undefined && parameters.filename === undefined) {
        throw new MockInputError(`${named}: filename* is not a valid RFC 5987 value (charset UTF-8 or ISO-8859-1, %XX escapes)`);
      }
      const type = part.headers['content-type'];
      parts.push({ name: parameters.name, ...(parameters.filename === undefined ? {} : { filename: parameters.filename }), ...(type ? { type } : {}), data: Buffer.from(part.bytes) });
    }
  } catch (error) {
    if (error instanceof MultipartParseError) throw new MockInputError(`multipart/form-data body is malformed: ${error.message}`, error.name.startsWith('Max') ? 413 : 400);
    throw error;
  }
  return { parts, forPrism: forPrism(parts) };
}

/** The parts as the journal shows them: a field's text, a file's name, type and size (not its bytes). */
export const journalForm = (parts: FormPart[]): Record<string, unknown> =>
  Object.fromEntries(parts.map((part) => [part.name, part.filename === undefined ? part.data.toString('utf8') : { filename: part.filename, type: part.type, size: part.data.length }]));

/** A boundary that cannot occur in percent-encoded text (`|` is always encoded). */
const PRISM_BOUNDARY = 'mock|form';
/** `encodeURIComponent` that also encodes `!'()*`, which Prism counts as reserved. */
const encode = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function forPrism(parts: FormPart[]): ReadForm['forPrism'] {
  const body = parts.map((part) => `--${PRISM_BOUNDARY}\r\nContent-Disposition: form-data; name="${encode(part.name)}"\r\n\r\n${encode(part.data.toString('utf8'))}\r\n`).join('');
  return { body: `${body}--${PRISM_BOUNDARY}--\r\n`, contentType: `multipart/form-data; boundary=${PRISM_BOUNDARY}` };
}
