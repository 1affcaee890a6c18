// The one way our receivers (Dilovod webhooks, Fastriver callbacks) meet the wire: a fetch-style handler, and the same
// handler for node:http. Whatever arrives (a request-target of `//` or `*`, a method the receiver does not take, a body
// over the limit, a connection that drops mid-body), the answer is a 4xx or 405 and the process keeps serving: nothing
// here can throw out of a listener or leave a rejected promise behind.

import { readLimited, readStreamLimited } from './read-limited.ts';
import { UsageError, type ErrorContext } from './errors.ts';
import { describeValue } from './objects.ts';

/**
 * A fetch-style receiver: the request, and the address it came from as text (`req.socket.remoteAddress`, Deno's
 * `info.remoteAddr.hostname`, Bun's `server.requestIP(request)?.address`, or what your proxy vouches for).
 */
export type FetchHandler = (request: Request, remoteAddress?: string) => Promise<Response>;

export interface ReceiverLimits {
  /** The methods the receiver takes; any other gets 405 with `Allow`. */
  methods: readonly string[];
  /** The largest body read, in bytes; a larger one gets 413 naming the limit. */
  maxBodyBytes: number;
  /** How long a body may take to arrive whole, in milliseconds; a slower one (or one that never ends) gets 408. Default 30 s. */
  bodyTimeoutMs?: number;
}

export const DEFAULT_BODY_TIMEOUT_MS = 30_000;

/**
 * A receiver made wrongly (no function to take the events) or called with what is not a fetch Request: a UsageError
 * naming it, not a TypeError from deep inside.
 */
export function checkReceiver(context: ErrorContext, onEvent: unknown): void {
  if (typeof onEvent !== 'function') throw new UsageError(context, `the event listener must be a function, not ${describeValue(onEvent)}`);
}

export function checkRequest(context: ErrorContext, request: unknown): asserts request is Request {
  const looksLikeRequest = typeof request === 'object' && request !== null && typeof (request as Request).method === 'string' && typeof (request as Request).url === 'string' && typeof (request as Request).headers?.get === 'function';
  if (!looksLikeRequest) throw new UsageError(context, `a handler takes a fetch Request, not ${describeValue(request)}`);
}

/** What the node:http listener uses of a request and a response (structural, so no Node types leak into ours). */
export interface NodeRequest extends AsyncIterable<unknown> {
  url?: string;
  method?: string;
  headers: Record<string, string | string[] | undefined>;
  socket: { remoteAddress?: string };
}
export interface NodeResponse {
  writeHead(status: number, headers: Record<string, string>): { end(body: string): unknown };
}

const BASE = 'http://receiver.invalid';

// RFC 3986 §3.3 pchar, with `%` only as the start of a valid escape; the query may hold any visible character (senders
// do not all escape JSON there; the seeds do not say how Dilovod does), but only ASCII and only valid escapes.
const PATH = /^(?:\/(?:[\w\-.~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})*)+$/;
const QUERY = /^(?:[!"$&-~]|%[0-9A-Fa-f]{2})*$/;

/**
 * The URL of a request-target (RFC 9112 §3.2): origin-form (`/path?query`) under a placeholder origin, absolute-form
 * (`http://host/path`) as it is. Undefined for anything else (`*`, authority-form, garbage), for an absolute-form with
 * userinfo (`http://user:pass@host/`, which no client sends and fetch refuses), and for any target a URL parser would
 * read differently from what was sent: a path starting with `//` (read as a host by many routers and
 * URL resolvers), characters outside RFC 3986's path grammar (`[`, `\`, spaces), an invalid `%` escape, or a path
 * the WHATWG parser rewrites (dot segments).
 */
export function requestTargetUrl(target: string | undefined): URL | undefined {
  if (!target) return undefined;
  const absolute = /^https?:\/\/[^/?#]*/i.exec(target)?.[0];
  const rest = absolute === undefined ? target : target.slice(absolute.length) || '/';
  const query = rest.indexOf('?');
  const path = query < 0 ? rest : rest.slice(0, query);
  const search = query < 0 ? '' : rest.slice(query);
  if (absolute?.includes('@') || path.startsWith('//') || !PATH.test(path) || !QUERY.test(search.slice(1))) return undefined;
  try {
    const url = new URL(absolute === undefined ? BASE + target : target);
    return url.pathname === path ? url : undefined;
  } catch {
    return undefined; // an authority that is not one (`http://[x]/`, a port over 65535)
  }
}

export function plainResponse(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } });
}

/** 405 for a method not in `methods`, 413 for a declared length over the limit; undefined when the request may go on. */
export function refuseEarly(method: string, contentLength: string | null | undefined, { methods, maxBodyBytes }: ReceiverLimits): Response | undefined {
  if (!methods.includes(method)) return plainResponse(405, `method not allowed; use ${methods.join(', ')}`, { allow: methods.join(', ') });
  if (contentLength && !(Number(contentLength) <= maxBodyBytes)) return tooLarge(maxBodyBytes);
  return undefined;
}

const tooLarge = (maxBodyBytes: number) => plainResponse(413, `the body is over the limit of ${maxBodyBytes} bytes`, { connection: 'close' });

/** Reads a fetch Request's body under the limits; else the answer: 413 larger, 408 too slow, 400 broken off. */
export async function readRequestBody(request: Request, limits: ReceiverLimits): Promise<Uint8Array | Response> {
  const stream = request.body;
  if (!stream) return new Uint8Array();
  return readWithin((signal) => readStreamLimited(stream, limits.maxBodyBytes, signal), limits);
}

/** A body read under `limits` (`read` stops when its signal aborts): the bytes, or the 4xx to answer. */
async function readWithin(read: (signal: AbortSignal) => Promise<Uint8Array | undefined>, limits: ReceiverLimits): Promise<Uint8Array | Response> {
  const timeoutMs = limits.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS;
  const stop = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
  try {
    const body = await Promise.race([read(stop.signal), late]);
    if (body === 'late') {
      stop.abort();
      return plainResponse(408, `the body did not arrive whole within ${timeoutMs} ms`, { connection: 'close' });
    }
    return body ?? tooLarge(limits.maxBodyBytes);
  } catch {
    return plainResponse(400, 'the body broke off');
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Serves a fetch-style handler on node:http: 400 for a request-target that is not a path or an http(s) URL, 405, 413
 * and 408 by `limits`, 400 for a body that breaks off, 500 if the handler throws. The listener never throws.
 */
export function nodeListener(handle: FetchHandler, limits: ReceiverLimits) {
  const serve = async (req: NodeRequest): Promise<Response> => {
    const url = requestTargetUrl(req.url);
    if (!url) return plainResponse(400, 'the request-target is neither a path nor an http(s) URL');
    const method = req.method ?? '';
    const length = req.headers['content-length'];
    const early = refuseEarly(method, typeof length === 'string' ? length : undefined, limits);
    if (early) return early;
    let body: Uint8Array | undefined;
    if (method !== 'GET' && method !== 'HEAD') {
      const read = await readWithin(() => readLimited(req, limits.maxBodyBytes), limits);
      if (read instanceof Response) return read;
      body = read;
    }
    return handle(new Request(url, { method, body }), req.socket.remoteAddress);
  };
  return (req: NodeRequest, res: NodeResponse): void => {
    void serve(req)
      .catch(() => plainResponse(500, 'the request could not be handled'))
      .then(async (response) => res.writeHead(response.status, Object.fromEntries(response.headers)).end(await response.text()))
      .catch(() => undefined); // the connection is gone: nothing left to answer
  };
}
