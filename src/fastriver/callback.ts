// Callbacks Fastriver POSTs to the request's `callback_url`: parsed, checked and flattened like any other document.
import { DecodeError } from '../core/index.ts';
import { isPlainObject as isObject } from '../core/objects.ts';
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
    const text = typeof body === 'string' ? body : new TextDecoder().decode(body);
    try {
      payload = JSON.parse(text);
    } catch {
      fail('', 'the body is not JSON');
    }
  }
  if (!isObject(payload)) return fail('', 'the body is not a JSON object');
  const data = payload.data;
  if (!isObject(data)) return fail('data', 'missing, or not an object');
  if (data.type !== 'external_callback') fail('data.type', `expected "external_callback", got ${JSON.stringify(data.type)}`);
  if (typeof data.id !== 'string' && typeof data.id !== 'number') fail('data.id', 'missing, or neither a string nor a number');
  const attributes = data.attributes;
  if (!isObject(attributes)) return fail('data.attributes', 'missing, or not an object');
  if (typeof attributes.event !== 'string' || !KNOWN_EVENTS.has(attributes.event)) {
    fail('data.attributes.event', `unknown event ${JSON.stringify(attributes.event)}; expected one of ${[...KNOWN_EVENTS].join(', ')}`);
  }
  if (payload.included !== undefined && !Array.isArray(payload.included)) fail('included', 'not an array');
  if (data.relationships !== undefined && !isObject(data.relationships)) fail('data.relationships', 'not an object');
  // flatten consumes what it is given: the caller's object stays as it was.
  let copy: unknown;
  try {
    copy = structuredClone(payload);
  } catch {
    return fail('', 'the payload is not plain data');
  }
  return flatten<FastriverCallback>(copy as Parameters<typeof flatten>[0]).data;
}
