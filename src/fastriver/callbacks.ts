// Callbacks Fastriver POSTs to the request's `callback_url`: parsed, checked and flattened like any other document.
// `delivery-api-clients/fastriver/callbacks`, an entry of its own: a service that only calls the API does not load the
// receiver (issue 14: importing an entry costs at most 1.5× importing openapi-fetch; BENCHMARKS.md, import time).
// `fastriverCallbackHandler` is fetch-style (workers, Deno, Bun); `fastriverCallbackListener` serves node:http.
import { DecodeError, SdkError, UsageError } from '../core/index.ts';
import { bytesOf, copyJsonData, describeValue, idText, isError, isPlainObject as isObject } from '../core/objects.ts';
import { checkReceiver, checkRequest, DEFAULT_BODY_TIMEOUT_MS, nodeListener, plainResponse, readRequestBody, refuseEarly, type ReceiverLimits } from '../core/receiver.ts';
import type { components } from '../../generated/fastriver.ts';
import type { FlatCallbackEvent } from './client.ts';
import { flatten } from './jsonapi.ts';
import { FASTRIVER_TYPE_ALIASES } from './type-aliases.ts';

// The errors a receiver throws, from the entry that throws them (`instanceof` by prototype holds wherever the copies
// share no registry: README).
export { DecodeError, SdkError, UsageError } from '../core/errors.ts';

type CallbackEvent = components['schemas']['CallbackEvent'];

/** What every parsed callback carries besides its flattened attributes and relationships. */
interface CallbackIdentity {
  /**
   * The UUID of the delivery request the event is about: the payload's `data.id` (seed: "id | UUID | UUID заявки на
   * доставку"; its second example's `data.id` is the request's id).
   */
  delivery_request_uuid: string;
}

/** An event of the seed's event table (`CallbackEvent`): typed precisely; `known` tells it from any other event. */
export type KnownFastriverCallback = Omit<FlatCallbackEvent, 'event'> & CallbackIdentity & { known: true; event: CallbackEvent };

/**
 * An event outside that table: the set of events is configured per partner, and the seed's own example sends one
 * (`completed`, now listed) that its table does not. Answer 200 to it too, or Fastriver retries ten times.
 */
export type OtherFastriverCallback = Omit<FlatCallbackEvent, 'event'> &
  CallbackIdentity & {
    known: false;
    /** The event's name, as sent. */
    event: string;
    /** The whole payload as received (a parsed copy), for what the flattened fields do not say. */
    payload: Record<string, unknown>;
  };

/** A callback event, flattened: its attributes, and its time interval and (in the full form) request resolved. */
export type FastriverCallback = KnownFastriverCallback | OtherFastriverCallback;

// Typed as a record of the spec's enum: the compiler refuses a missing or an extra event.
const EVENTS: Record<CallbackEvent, true> = {
  accept_delivery: true,
  transfer: true,
  schedule: true,
  agent_selected: true,
  meeting_started: true,
  delivered: true,
  complete: true,
  repeat: true,
  lose: true,
  fix: true,
  decline_on_meeting: true,
  wants_new_terms: true,
  error_documents: true,
  no_contact: true,
  no_contact_at_all: true,
  decline_on_call: true,
  out_of_area: true,
  partner_refuse: true,
  mistake: true,
  already_delivered: true,
  another_person: true,
  duplicate: true,
  no_passport: true,
  no_registration: true,
  no_photo: true,
  completed: true,
};
const KNOWN_EVENTS: ReadonlySet<string> = new Set(Object.keys(EVENTS));

/** JSON text is UTF-8 (RFC 8259 §8.1): bytes that are not are refused, never read as U+FFFD. */
let utf8: InstanceType<typeof TextDecoder> | undefined; // made on first use: nothing happens at import
/** Far deeper than any callback (the seed's are five levels deep); keeps JSON.stringify of the result off the stack limit. */
const MAX_DEPTH = 100;
const context = { api: 'fastriver', operation: 'parseFastriverCallback', attempts: 0 };
const fail = (path: string, reason: string): never => {
  throw new DecodeError(context, path, reason);
};

/**
 * Parses a callback body (its bytes: an ArrayBuffer or any view of one, such as a Buffer; its text; or the parsed JSON),
 * in either form the API sends: the event alone, or the event with the request and its deliveries included. An event
 * outside the spec's list is an OtherFastriverCallback (`known: false`), not an error. Throws a DecodeError naming what
 * is wrong with the envelope.
 */
export function parseFastriverCallback(body: unknown): FastriverCallback {
  try {
    return parseBody(body);
  } catch (error) {
    if (error instanceof SdkError) throw error;
    // what reading the caller's object threw (a revoked Proxy, a throwing getter)
    return fail('', `the body could not be read (${isError(error) ? error.message : describeValue(error)})`);
  }
}

function parseBody(body: unknown): FastriverCallback {
  let payload = body;
  const bytes = bytesOf(body);
  if (bytes === 'detached') throw new UsageError(context, 'the body was transferred away (a detached ArrayBuffer)');
  if (typeof body === 'string' || bytes) {
    let text = '';
    try {
      text = bytes ? (utf8 ??= new TextDecoder('utf-8', { fatal: true })).decode(bytes) : (body as string);
    } catch {
      fail('', 'the body is not UTF-8 text');
    }
    try {
      // One leading byte order mark is dropped (RFC 8259 §8.1 lets a reader ignore it): TextDecoder drops it from
      // bytes, and text read with Buffer#toString keeps it.
      payload = JSON.parse(!bytes && text.startsWith('\uFEFF') ? text.slice(1) : text);
    } catch {
      fail('', 'the body is not JSON');
    }
  } else {
    // Parsed JSON is read once, into a copy of its own: what is checked is what is returned (a getter that answers
    // differently on each read changes nothing), and flatten consumes the copy, not the caller's object.
    const copy = copyJsonData(body, MAX_DEPTH);
    if (typeof copy === 'string') return fail('', `the payload ${copy}`);
    payload = copy.value;
  }
  if (!isObject(payload)) return fail('', 'the body is not a JSON object');
  const data = payload.data;
  if (!isObject(data)) return fail('data', 'missing, or not an object');
  if (data.type !== 'external_callback') fail('data.type', `expected "external_callback", got ${describeValue(data.type)}`);
  const uuid = idText(data.id) ?? fail('data.id', `expected a string or a whole number below 2^53, got ${describeValue(data.id)}`);
  const attributes = data.attributes;
  if (!isObject(attributes)) return fail('data.attributes', 'missing, or not an object');
  const event = attributes.event;
  if (typeof event !== 'string' || event === '') return fail('data.attributes.event', `expected an event name, got ${describeValue(event)}`);
  if (payload.included !== undefined && !Array.isArray(payload.included)) fail('included', 'not an array');
  if (data.relationships !== undefined && !isObject(data.relationships)) fail('data.relationships', 'not an object');
  // flatten consumes what it is given; the payload is plain parsed data by now, so copying it again cannot fail.
  const copy = copyJsonData(payload, MAX_DEPTH);
  if (typeof copy === 'string') return fail('', `the payload ${copy}`);
  const flat = flatten<Omit<FlatCallbackEvent, 'event'>>(copy.value as Parameters<typeof flatten>[0], FASTRIVER_TYPE_ALIASES, context).data;
  const identity: CallbackIdentity = { delivery_request_uuid: uuid };
  if (KNOWN_EVENTS.has(event)) return Object.assign(flat, identity, { known: true as const, event: event as CallbackEvent });
  return Object.assign(flat, identity, { known: false as const, event, payload });
}

export type CallbackListener = (event: FastriverCallback) => void | Promise<void>;

export interface CallbackReceiverOptions {
  /** The largest body taken, in bytes (413 above it). Default 1 MiB, far above any callback the seed shows. */
  maxBodyBytes?: number;
  /** How long the body may take to arrive whole, in milliseconds (408 after it). Default 30 s. */
  bodyTimeoutMs?: number;
}

/** The receiver's limits from its options; a UsageError for a limit that is not a whole number in range. */
function callbackLimits(options: CallbackReceiverOptions | null | undefined): ReceiverLimits {
  const { maxBodyBytes = 1024 * 1024, bodyTimeoutMs = DEFAULT_BODY_TIMEOUT_MS } = options ?? {};
  const usage = (reason: string) => new UsageError(RECEIVER, reason);
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 0) throw usage(`maxBodyBytes must be a whole number of bytes, not ${describeValue(maxBodyBytes)}`);
  // setTimeout takes at most 2^31 − 1 ms; beyond it, it fires at once.
  if (!Number.isSafeInteger(bodyTimeoutMs) || bodyTimeoutMs < 1 || bodyTimeoutMs > 2 ** 31 - 1) throw usage(`bodyTimeoutMs must be a whole number of milliseconds from 1 to 2147483647, not ${describeValue(bodyTimeoutMs)}`);
  return { methods: ['POST'], maxBodyBytes, bodyTimeoutMs };
}

const RECEIVER = { api: 'fastriver', operation: 'fastriverCallbackHandler', attempts: 0 };

/**
 * A fetch-style handler for your `callback_url`: 405 for any method but POST, 413 for a body over the limit, 400 with
 * the reason for a body that is not a callback, 200 once `onEvent` has taken the event (500 if it throws). Fastriver
 * repeats a callback that does not get 200. It takes the request alone, so it can be given as it is to `Deno.serve`, as a
 * Worker's or Bun's `fetch` (what they pass after the request is not read).
 */
export function fastriverCallbackHandler(onEvent: CallbackListener, options: CallbackReceiverOptions = {}): (request: Request, ...ignored: unknown[]) => Promise<Response> {
  checkReceiver(RECEIVER, onEvent);
  const limits = callbackLimits(options);
  return async (request) => {
    checkRequest(RECEIVER, request);
    const early = refuseEarly(request.method, request.headers.get('content-length'), limits);
    if (early) return early;
    const body = await readRequestBody(request, limits);
    if (body instanceof Response) return body;
    let event: FastriverCallback;
    try {
      event = parseFastriverCallback(body);
    } catch (error) {
      return plainResponse(400, isError(error) ? error.message : 'bad request');
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
 * fastriverCallbackHandler for node:http servers: `createServer(fastriverCallbackListener(onEvent))`. Any request,
 * however malformed (a request-target of `//` or `*`, another method, a body too large or cut off), gets a 4xx and the
 * server keeps serving.
 */
export function fastriverCallbackListener(onEvent: CallbackListener, options: CallbackReceiverOptions = {}) {
  return nodeListener(fastriverCallbackHandler(onEvent, options), callbackLimits(options));
}
