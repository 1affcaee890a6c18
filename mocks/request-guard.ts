// What the mock host checks before Prism sees a request, so that a malformed one gets the right 4xx (never a 500 or a
// reset): a request-target that is not a path or that a URL parser would rewrite, broken percent-encoding, a malformed
// Content-Type or Accept (Prism's MIME parser throws on them), a body over the limit. And one thing it fixes
// after: an adapter may change an operation's media type for Prism (Dilovod's form becomes JSON), so a wrong-media-type
// answer names what the spec declares, not the adapter's internal detail.
import type { IncomingMessage } from 'node:http';
import type { IHttpOperation } from '@stoplight/types';
import { parse as parseMediaType } from 'content-type';
import { requestTargetUrl } from '../src/core/receiver.ts';
import { MockInputError } from './adapters/types.ts';

/** Why the request-target cannot be served (400), or undefined. RFC 9112 §3.2: origin-form, or absolute-form. */
export function targetProblem(target: string | undefined): string | undefined {
  if (!target) return 'the request has no target';
  let pathAndQuery = target;
  if (/^https?:\/\//i.test(target)) {
    try {
      const url = new URL(target);
      pathAndQuery = url.pathname + url.search;
    } catch {
      return 'the request-target is not a valid URL';
    }
  } else if (!target.startsWith('/')) return `the request-target must be a path starting with "/" (got ${target === '*' ? 'the asterisk form' : 'another form'})`;
  if (pathAndQuery.startsWith('//')) return 'the request-target starts with "//", which names a host, not a path';
  if (/%(?![0-9A-Fa-f]{2})/.test(pathAndQuery)) return 'the request-target has a "%" not followed by two hex digits (broken percent-encoding)';
  const [path = '', query = ''] = pathAndQuery.split('?', 2);
  try {
    decodeURIComponent(path);
    decodeURIComponent(query.replace(/\+/g, ' '));
  } catch {
    return 'the request-target percent-encodes bytes that are not UTF-8';
  }
  // Read exactly as sent, as the receivers read theirs: what a URL parser would rewrite (`/x/../__mock/state`,
  // `/%2e%2e/`, a `#fragment`) would be served as another path than the one sent.
  if (!requestTargetUrl(target)) return 'the request-target is not read as sent: it has dot segments (also escaped), a fragment, or characters outside RFC 3986';
  return undefined;
}

/** The URL of a request-target `targetProblem` accepts; throws MockInputError (400) naming the problem otherwise. */
export function requestTarget(target: string | undefined): URL {
  const problem = targetProblem(target);
  const url = problem ? undefined : requestTargetUrl(target);
  if (!url) throw new MockInputError(problem ?? 'the request-target is not a valid URL');
  return url;
}

// RFC 9110 §12.4.2: qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ).
const QVALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

/**
 * Why the request's Content-Type or Accept cannot be served: a MockInputError, 400 for a malformed one, 406 for an
 * Accept that admits nothing (every range `q=0`, RFC 9110 §12.4.2), or undefined. Each is parsed by `content-type`, the
 * parser Prism itself uses (so what passes here never makes Prism throw): Content-Type is one media type (RFC 9110
 * §8.3); Accept a list of media ranges (`*\/*`, `type/*`, `type/subtype`), each with an optional qvalue (§12.5.1).
 * A well-formed type the operation does not take is left to Prism (415), as is an Accept none of its answers match (406).
 */
export function mediaTypeProblem(headers: Readonly<Record<string, string | string[] | undefined>>): MockInputError | undefined {
  const contentType = headers['content-type'];
  if (typeof contentType === 'string') {
    try {
      parseMediaType(contentType);
    } catch {
      return new MockInputError(`the Content-Type ${JSON.stringify(contentType)} is malformed (RFC 9110 §8.3: type/subtype, then ;name=value parameters)`);
    }
  }
  const accept = headers.accept;
  if (typeof accept !== 'string') return undefined;
  const malformed = (why: string) => new MockInputError(`the Accept ${JSON.stringify(accept)} is malformed: ${why}`);
  let acceptsSomething = false;
  for (const range of accept.split(',')) {
    if (range.trim() === '') continue; // RFC 9110 §5.6.1: empty list elements are allowed
    let parsed;
    try {
      parsed = parseMediaType(range);
    } catch {
      return malformed(`${JSON.stringify(range.trim())} is not a media range (RFC 9110 §12.5.1)`);
    }
    if (parsed.type.startsWith('*/') && parsed.type !== '*/*') return malformed(`${JSON.stringify(range.trim())} is not a media range (RFC 9110 §12.5.1)`);
    const q = parsed.parameters.q;
    if (q !== undefined && !QVALUE.test(q)) return malformed(`q=${JSON.stringify(q)} is not a weight from 0 to 1 with at most 3 decimals (RFC 9110 §12.4.2)`);
    if (q === undefined || Number(q) > 0) acceptsSomething = true;
  }
  if (!acceptsSomething && accept.trim() !== '') return new MockInputError(`the Accept ${JSON.stringify(accept)} accepts no media type (every range has q=0)`, 406);
  return undefined;
}

/**
 * Reads the body of at most `limit` bytes. A larger one is read to its end (up to 4 × the limit, so the client gets
 * the answer rather than a reset) and refused with 413 naming the limit.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const tooLarge = () => new MockInputError(`the request body is over the limit of ${limit} bytes`, 413);
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > 4 * limit) {
        reject(tooLarge());
        req.destroy();
      }
    });
    req.on('end', () => (size > limit ? reject(tooLarge()) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

const UNSUPPORTED = /Supported content types: ([^\n]*)/;

/**
 * Rewrites Prism's "Supported content types: …" (naming the media types Prism was given) to name what the spec
 * declares, wherever an adapter changed an operation's media types (operations are matched by id).
 */
export function declaredMediaTypes(declared: IHttpOperation[], prepared: IHttpOperation[]): (message: string) => string {
  const typesOf = (operation: IHttpOperation | undefined) => (operation?.request?.body?.contents ?? []).map((content) => content.mediaType).join(', ');
  const renamed = new Map<string, string>();
  for (const operation of prepared) {
    const original = typesOf(declared.find((each) => each.id === operation.id));
    const given = typesOf(operation);
    if (original === given) continue;
    // The same list given for two operations with different declarations cannot be told apart: left as it is.
    renamed.set(given, renamed.has(given) && renamed.get(given) !== original ? given : original);
  }
  return (message) => message.replace(UNSUPPORTED, (whole, types: string) => `Supported content types: ${renamed.get(types) ?? types}`);
}
