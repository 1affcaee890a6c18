// What the mock host checks before Prism sees a request, so that a malformed one gets the right 4xx (never a 500 or a
// reset): a request-target that is not a path, broken percent-encoding, a body over the limit. And one thing it fixes
// after: an adapter may change an operation's media type for Prism (Dilovod's form becomes JSON), so a wrong-media-type
// answer names what the spec declares, not the adapter's internal detail.
import type { IncomingMessage } from 'node:http';
import type { IHttpOperation } from '@stoplight/types';
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
