// Dilovod's webhooks: a GET to your URL with a `packet` query parameter holding JSON, sent from one address only and
// carrying no signature, so the source address is the one check there is.
// `delivery-api-clients/dilovod/webhooks`, an entry of its own: a service that only calls the API does not load the
// receiver. `dilovodWebhookHandler` is fetch-style (workers, Deno, Bun); `dilovodWebhookListener` serves node:http.
import { DecodeError, SdkError, UsageError, type ErrorContext } from '../core/index.ts';
import { describeValue, hasBrand, idText, isError, isPlainObject } from '../core/objects.ts';
import { checkReceiver, checkRequest, nodeListener, plainResponse, refuseEarly, type FetchHandler, type ReceiverLimits } from '../core/receiver.ts';

// The errors a receiver throws, from the entry that throws them (`instanceof` by prototype holds wherever the copies
// share no registry: README).
export { DecodeError, SdkError, UsageError } from '../core/errors.ts';

/** The one address the seed documents Dilovod's webhooks coming from. */
export const DILOVOD_WEBHOOK_IPS: readonly string[] = Object.freeze(['88.198.50.253']); // frozen: it opens every default receiver

/** A change made interactively in Dilovod to an object of a configured type. */
export interface DilovodWebhookEvent {
  action: 'objectChanged';
  params: {
    /** The object's metadata name, e.g. `documents.saleOrder`, `catalogs.goods`. */
    objectName: string;
    /** The object's id (16 digits). */
    id: string;
  };
}

export interface WebhookCheck {
  /** The address the request came from (`req.socket.remoteAddress`, or what your proxy vouches for). */
  remoteAddress: string | undefined;
  /** Default: {@link DILOVOD_WEBHOOK_IPS}. */
  allowedIps?: readonly string[];
}

/** The webhook came from an address not on the allow-list. */
export class WebhookSourceError extends DecodeError {
  static override readonly errorName: string = 'WebhookSourceError';
}

const context = { api: 'dilovod', operation: 'parseDilovodWebhook', attempts: 0 };

/**
 * An IP address in one spelling, to compare: IPv4 as dotted decimal (`::ffff:1.2.3.4`, IPv4 on an IPv6 socket, is
 * 1.2.3.4), IPv6 as the URL standard writes it (lower case, zeros compressed). Undefined for what is no address
 * (a zone, leading zeros, a host name): such a source is never allowed.
 */
function canonicalIp(ip: string): string | undefined {
  const v4 = /^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip)?.[1];
  if (v4) return v4.split('.').every((octet) => Number(octet) <= 255 && (octet === '0' || !octet.startsWith('0'))) ? v4 : undefined;
  if (!ip.includes(':') || /[^0-9a-f:.]/i.test(ip)) return undefined;
  try {
    return new URL(`http://[${ip}]/`).hostname.slice(1, -1);
  } catch {
    return undefined;
  }
}

/** More addresses than any allow-list holds: a longer list is a mistake (a sparse array of length 2^32 − 1, say). */
const MAX_ALLOWED_IPS = 1000;

/**
 * The allow-list, normalized, as a copy of its own (a later change to the caller's array changes nothing); a
 * UsageError for one that is not a list of addresses as text (holes included).
 */
function allowList(where: ErrorContext, allowedIps: unknown): readonly string[] {
  if (allowedIps === undefined) return DILOVOD_WEBHOOK_IPS;
  const length: unknown = Array.isArray(allowedIps) ? allowedIps.length : undefined; // read once
  if (typeof length !== 'number' || length > MAX_ALLOWED_IPS) {
    throw new UsageError(where, `allowedIps must be a list of at most ${MAX_ALLOWED_IPS} addresses as text, not ${describeValue(allowedIps)}`);
  }
  const list: string[] = [];
  for (let i = 0; i < length; i++) {
    // a hole is refused, not read through Array.prototype
    const ip: unknown = Object.hasOwn(allowedIps as object, i) ? (allowedIps as unknown[])[i] : undefined;
    const canonical = typeof ip === 'string' ? canonicalIp(ip) : undefined;
    if (canonical === undefined) throw new UsageError(where, `allowedIps[${i}] must be an IP address as text, not ${describeValue(ip)}`);
    list.push(canonical);
  }
  return list;
}

/** What the source address must be: text, or undefined when it is not known. */
function checkAddress(where: ErrorContext, remoteAddress: unknown): asserts remoteAddress is string | undefined {
  if (remoteAddress === undefined || typeof remoteAddress === 'string') return;
  throw new UsageError(
    where,
    `the source address must be text (req.socket.remoteAddress; Deno: info.remoteAddr.hostname; Bun: server.requestIP(request)?.address), not ${describeValue(remoteAddress)}`,
  );
}

/**
 * The query of a request URL (absolute, or a path with its query), a URL or URLSearchParams: of any realm (read as
 * text), known by their brand, not by what their Symbol.toStringTag claims.
 */
function queryOf(request: unknown): URLSearchParams {
  // Read as text by the built-in members, never the object's own (a subclass's getAll, an own toString)
  let text: string;
  if (typeof request === 'string') text = request;
  else if (hasBrand(request, URLSearchParams.prototype, 'size')) return new URLSearchParams(URLSearchParams.prototype.toString.call(request));
  else if (hasBrand(request, URL.prototype, 'href')) text = (Object.getOwnPropertyDescriptor(URL.prototype, 'href')?.get as (this: unknown) => string).call(request);
  else throw new UsageError(context, `the request must be its URL or its query, not ${describeValue(request)}`);
  try {
    return new URL(text, 'http://webhook.invalid').searchParams;
  } catch {
    throw new DecodeError(context, 'url', 'not a URL');
  }
}

/**
 * Checks the source address and parses the packet of a webhook request: give the request URL (absolute or path with
 * query), or its query as URLSearchParams. Throws WebhookSourceError for a wrong source, DecodeError for a bad packet,
 * UsageError for arguments of the wrong kind (an address that is not text, an allow-list that is not a list of them,
 * a check whose members cannot be read).
 */
export function parseDilovodWebhook(request: string | URL | URLSearchParams, check: WebhookCheck): DilovodWebhookEvent {
  return readingArguments(() => {
    if (!isPlainObject(check)) throw new UsageError(context, `the check must be { remoteAddress, allowedIps? }, not ${describeValue(check)}`);
    const allowed = allowList(context, check.allowedIps);
    return parseWebhook(request, check.remoteAddress, allowed);
  });
}

/** Runs `read`; what the caller's own objects throw while they are read (a getter, a Proxy) becomes a UsageError. */
function readingArguments<T>(read: () => T, where: ErrorContext = context): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof SdkError) throw error;
    throw new UsageError(where, `the arguments could not be read (${isError(error) ? error.message : describeValue(error)})`, error);
  }
}

function parseWebhook(request: unknown, remoteAddress: unknown, allowed: readonly string[]): DilovodWebhookEvent {
  checkAddress(context, remoteAddress);
  const source = remoteAddress ? canonicalIp(remoteAddress) : undefined;
  if (source === undefined || !allowed.includes(source)) {
    throw new WebhookSourceError(context, 'remoteAddress', `${remoteAddress || 'an unknown address'} is not an allowed webhook source`);
  }
  const query = queryOf(request);
  const [packet, ...more] = query.getAll('packet');
  if (packet === undefined) throw new DecodeError(context, 'packet', 'the query has no packet parameter');
  // Two packets are ambiguous (frameworks differ on which one wins): neither is taken.
  if (more.length > 0) throw new DecodeError(context, 'packet', `the query has ${more.length + 1} packet parameters; one is expected`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(packet);
  } catch {
    throw new DecodeError(context, 'packet', 'not JSON');
  }
  if (!isPlainObject(parsed)) throw new DecodeError(context, 'packet', 'not a JSON object');
  // Only strings are kept from the packet, so its depth does not matter beyond what is read.
  if (parsed.action !== 'objectChanged') throw new DecodeError(context, 'packet.action', `expected "objectChanged", got ${describeValue(parsed.action)}`);
  const params = parsed.params;
  if (!isPlainObject(params)) throw new DecodeError(context, 'packet.params', 'missing, or not an object');
  if (typeof params.objectName !== 'string' || !/^[A-Za-z]+\.[A-Za-z0-9_]+$/.test(params.objectName)) {
    throw new DecodeError(context, 'packet.params.objectName', `expected a name like "documents.saleOrder", got ${describeValue(params.objectName)}`);
  }
  const id = idText(params.id);
  if (id === undefined || !/^\d{1,20}$/.test(id)) throw new DecodeError(context, 'packet.params.id', `expected an object id, got ${describeValue(params.id)}`);
  return { action: 'objectChanged', params: { objectName: params.objectName, id } };
}

export type WebhookListener = (event: DilovodWebhookEvent) => void | Promise<void>;

/** Webhooks are GETs with the packet in the query: no body is read. */
const DILOVOD_WEBHOOK_LIMITS: ReceiverLimits = { methods: ['GET'], maxBodyBytes: 0 };

/**
 * A fetch-style handler (`(Request, remoteAddress) => Response`): 405 for any method but GET, 413 for a body, then 403
 * for a wrong source (no address is a wrong source), 400 with the reason for a bad packet, 200 once `onEvent` has taken
 * the event (500 if it throws). The address is text: Deno's `Deno.serve((request, info) => handle(request,
 * info.remoteAddr.hostname))`; a handler given something else (Deno's `info` itself) rejects with a UsageError. An
 * allow-list that is not a list of addresses is a UsageError when the handler is made.
 */
export function dilovodWebhookHandler(onEvent: WebhookListener, options: { allowedIps?: readonly string[] } = {}): FetchHandler {
  const receiver = { api: 'dilovod', operation: 'dilovodWebhookHandler', attempts: 0 };
  checkReceiver(receiver, onEvent);
  // Read once, when the handler is made: a bad list is refused now, and a later change to the caller's array is not seen.
  const allowed = readingArguments(() => allowList(receiver, options?.allowedIps), receiver);
  return async (request, remoteAddress) => {
    checkRequest(receiver, request);
    checkAddress(receiver, remoteAddress);
    const early = refuseEarly(request.method, request.headers.get('content-length'), DILOVOD_WEBHOOK_LIMITS);
    if (early) return early;
    let event: DilovodWebhookEvent;
    try {
      event = parseWebhook(request.url, remoteAddress, allowed);
    } catch (error) {
      return plainResponse(error instanceof WebhookSourceError ? 403 : 400, isError(error) ? error.message : 'bad request');
    }
    try {
      await onEvent(event);
    } catch {
      return plainResponse(500, 'the event could not be handled');
    }
    return plainResponse(200, 'ok');
  };
}

/**
 * dilovodWebhookHandler for node:http servers: `createServer(dilovodWebhookListener(onEvent))`. Any request, however
 * malformed (a request-target of `//` or `*`, another method, a body), gets a 4xx and the server keeps serving.
 */
export function dilovodWebhookListener(onEvent: WebhookListener, options: { allowedIps?: readonly string[] } = {}) {
  return nodeListener(dilovodWebhookHandler(onEvent, options), DILOVOD_WEBHOOK_LIMITS);
}
