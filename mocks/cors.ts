// CORS on the mock host, so a web app in development (any origin: a Vite dev server, a page on file://) can call the
// mocks from the browser. On by default, as in Prism's CLI (`prism mock --cors`, default true); `MOCK_CORS=off` or the
// `cors: false` option of startMockHost turns it off. Like Prism: the Origin is echoed, credentials are allowed (only
// with an echoed Origin, never with `*`), and a
// preflight is answered here with 204, before the request reaches the engine (a spec has no OPTIONS operations).
// Unlike Prism, which exposes `*` (which browsers do not honour on a credentialed request), the headers a client reads
// are exposed by name.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Every request header these APIs' clients send; a preflight that names its headers gets those echoed instead. */
export const CORS_ALLOWED_HEADERS = [
  'Authorization',
  'X-API-Key',
  'X-Client-ID',
  'X-Idempotency-Token',
  'Idempotency-Key',
  'X-API-VERSION',
  'Accept-Language',
  'Content-Type',
  'Prefer',
];
/**
 * Response headers a client reads: the request ids src/core/client.ts looks for, retry hints, download names, and
 * Prism's contract violations.
 */
export const CORS_EXPOSED_HEADERS = ['X-Request-Id', 'X-YaRequestId', 'X-Req-Id', 'Request-Id', 'X-Correlation-Id', 'Retry-After', 'Content-Disposition', 'sl-violations'];
const METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';
/** How long (seconds) a browser may reuse a preflight's answer. */
const PREFLIGHT_MAX_AGE = 600;

/** `option` when given, else on unless `MOCK_CORS` is `off`, `false` or `0`. */
export function corsEnabled(option?: boolean): boolean {
  return option ?? !/^(off|false|0)$/i.test(process.env.MOCK_CORS ?? '');
}

/**
 * Puts the CORS headers on the answer to `req`, whatever it turns out to be; answers a preflight itself.
 * Returns true when the request has been answered (a preflight) and must go no further.
 */
export function handleCors(req: IncomingMessage, res: ServerResponse): boolean {
  const origin = req.headers.origin;
  // Credentials only with an echoed Origin: browsers refuse `*` together with credentials (Fetch standard, CORS check).
  res.setHeader('Access-Control-Allow-Origin', origin ?? '*');
  if (origin) res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Access-Control-Expose-Headers', CORS_EXPOSED_HEADERS.join(', '));
  res.setHeader('Vary', 'Origin');
  if (req.method !== 'OPTIONS' || !origin || !req.headers['access-control-request-method']) return false;
  res.setHeader('Access-Control-Allow-Methods', METHODS);
  res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? CORS_ALLOWED_HEADERS.join(', '));
  res.setHeader('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE));
  res.writeHead(204, { 'Content-Length': '0' }).end();
  return true;
}
