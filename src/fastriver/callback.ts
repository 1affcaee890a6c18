// Callbacks Fastriver POSTs to the request's `callback_url`: parsed, checked and flattened like any other document.
import { DecodeError } from '../core/index.ts';
import { copyJsonData, describeValue, isPlainObject as isObject } from '../core/objects.ts';
import { plainResponse, readRequestBody, refuseEarly, type FetchHandler, type ReceiverLimits } from '../core/receiver.ts';
import type { components } from '../../generated/fastriver.ts';
import type { FlatCallbackEvent } from './client.ts';
import { flatten } from './jsonapi.ts';

type CallbackEvent = components['schemas']['CallbackEvent'];

/** A callback event, flattened: its attributes, and its time interval and (in the full form) request resolved. */
export type FastriverCallback = FlatCallbackEvent;

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
const utf8 = new TextDecoder('utf-8', { fatal: true });
/** Far deeper than any callback (the seed's are five levels deep); keeps JSON.stringify of the result off the stack limit. */
const MAX_DEPTH = 100;
const context = { api: 'fastriver', operation: 'parseFastriverCallback', attempts: 0 };
const fail = (path: string, reason: string): never => {
  throw new DecodeError(context, path, reason);
};

/**
 * Parses a callback body (the raw text or the parsed JSON), in either form the API sends: the event alone, or the
 * event with the request and its deliveries included. Throws a DecodeError naming what is wrong.
 */
export function parseFastriverCallback(body: unknown): FastriverCallback {
  let payload = body;
  if (typeof body === 'string' || body instanceof Uint8Array) {
    let text = '';
    try {
      text = typeof body === 'string' ? body : utf8.decode(body);
    } catch {
      fail('', 'the body is not UTF-8 text');
    }
    try {
      payload = JSON.parse(text);
    } catch {
      fail('', 'the body is not JSON');
    }
  }
  if (!isObject(payload)) return fail('', 'the body is not a JSON object');
  const data = payload.data;
  if (!isObject(data)) return fail('data', 'missing, or not an object');
  if (data.type !== 'external_callback') fail('data.type', `expected "external_callback", got ${describeValue(data.type)}`);
  if (typeof data.id !== 'string' && typeof data.id !== 'number') fail('data.id', 'missing, or neither a string nor a number');
  const attributes = data.attributes;
  if (!isObject(attributes)) return fail('data.attributes', 'missing, or not an object');
  if (typeof attributes.event !== 'string' || !KNOWN_EVENTS.has(attributes.event)) {
    fail('data.attributes.event', `unknown event ${describeValue(attributes.event)}; expected one of ${[...KNOWN_EVENTS].join(', ')}`);
  }
  if (payload.included !== undefined && !Array.isArray(payload.included)) fail('included', 'not an array');
  if (data.relationships !== undefined && !isObject(data.relationships)) fail('data.relationships', 'not an object');
  // flatten consumes what it is given: the caller's object stays as it was. Callbacks are a few levels deep.
  const copy = copyJsonData(payload, MAX_DEPTH);
  if (typeof copy === 'string') return fail('', `the payload ${copy}`);
  return flatten<FastriverCallback>(copy.value as Parameters<typeof flatten>[0], context).data;
}

export type CallbackListener = (event: FastriverCallback) => void | Promise<void>;

export interface CallbackReceiverOptions {
  /** The largest body taken, in bytes (413 above it). Default 1 MiB, far above any callback the seed shows. */
  maxBodyBytes?: number;
}

export const callbackLimits = (options: CallbackReceiverOptions): ReceiverLimits => ({ methods: ['POST'], maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024 });

/**
 * A fetch-style handler for your `callback_url`: 405 for any method but POST, 413 for a body over the limit, 400 with
 * the reason for a body that is not a callback, 200 once `onEvent` has taken the event (500 if it throws). Fastriver
 * repeats a callback that does not get 200.
 */
export function fastriverCallbackHandler(onEvent: CallbackListener, options: CallbackReceiverOptions = {}): FetchHandler {
  const limits = callbackLimits(options);
  return async (request) => {
    const early = refuseEarly(request.method, request.headers.get('content-length'), limits);
    if (early) return early;
    const body = await readRequestBody(request, limits.maxBodyBytes);
    if (body instanceof Response) return body;
    let event: FastriverCallback;
    try {
      event = parseFastriverCallback(body);
    } catch (error) {
      return plainResponse(400, error instanceof Error ? error.message : 'bad request');
    }
    try {
      await onEvent(event);
    } catch {
      return plainResponse(500, 'the event could not be handled');
    }
    return plainResponse(200, 'ok');
  };
}
