// Path parameters as URL segments that cannot move the request elsewhere. openapi-fetch percent-encodes a value, but
// `..`, `.` and `` are still dot segments or nothing to the URL parser: cancelTask('..') would become
// POST …/delivery/cancel, with the credentials. Such values (also `%2e%2e`, which a server decodes to `..`) are refused
// before anything is sent; every other value is encoded by openapi-fetch as usual.
import { defaultPathSerializer } from 'openapi-fetch';

/** Thrown while a request is built; the client turns it into a UsageError (nothing was sent). */
export class PathParameterError extends Error {
  override name = 'PathParameterError';
}

const PATH_PARAM = /\{[^{}]+\}/g;

/** Whether a path parameter's value would stay one segment of its own once the URL is resolved. */
export function isUsableSegment(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'object') return true; // arrays and objects serialise with their names (label, matrix styles)
  const text = String(value);
  let decoded = text;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    // a lone `%` is no escape: the value is encoded as it is
  }
  return ![text, decoded].some((form) => form.trim() === '' || form === '.' || form === '..');
}

/** openapi-fetch's path serializer, refusing a missing, empty, `.` or `..` parameter (also percent-encoded). */
export function safePathSerializer(pathname: string, params: Record<string, unknown>): string {
  for (const match of pathname.match(PATH_PARAM) ?? []) {
    const name = match.slice(1, -1).replace(/^[.;]/, '').replace(/\*$/, '');
    const value = params?.[name];
    if (!isUsableSegment(value)) throw new PathParameterError(`path parameter ${name} must not be missing, empty, "." or "..", got ${JSON.stringify(value) ?? 'undefined'}`);
  }
  return defaultPathSerializer(pathname, params);
}
