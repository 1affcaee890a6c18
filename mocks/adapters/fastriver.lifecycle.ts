// Fastriver, stateful (seed 001). Tokens: `login` issues one (24 h), `refreshToken` replaces it, `logout` revokes it;
// any other call needs a live token (else 401). Requests: `create` stores what was sent, computes `validation_errors`
// (required: mobile_phone `+7` and 10 digits, first_name, last_name in Russian letters, delivery_city, product;
// callback_url https — http to 127.0.0.1/localhost is let through so QA can listen locally) and moves `created` →
// `validated` (delivery `pending`) once nothing is missing; `get`/`list` read the store (filters, 20 per page,
// `meta.total`); `update` merges; cancel until executed (else 422); confirm/reject only when `executed` (else 405);
// transfer/complete while `validated` (else 405). Provider-side moves (scheduled, executed, failed, fixed, repeat) come
// through the admin API. Every change POSTs the seed's callback to `callback_url` (the event-only form, or the form
// with the request when the move asks `form: 'full'`), retried 10 more times at growing intervals until a 200.
// Undocumented choices (validation at once, the events sent for API-side changes) are the plausible ones.
import { randomBytes, randomUUID } from 'node:crypto';
import { FASTRIVER_RETRIES } from '../callbacks.ts';
import { AdminError, defineLifecycle, json, type Answer, type Call } from '../lifecycle.ts';
import { assignFields, dict, own } from '../state.ts';

type Attributes = Record<string, unknown> & { uuid: string; status: string; delivery_status: string | null; destination: Record<string, unknown>; callback_url: string | null };
interface StoredRequest {
  attributes: Attributes;
  /** The active delivery's id, once the request is validated. */
  deliveryId?: string;
  created: number;
}
interface State {
  tokens: Record<string, { expires_at: number; revoked: boolean }>;
  requests: Record<string, StoredRequest>;
}
type Send = Call<State>['send'];

const PAGE_SIZE = 20;
const DESTINATION = ['mobile_phone', 'first_name', 'last_name', 'patronymic', 'email', 'birthday', 'company_name', 'inn'];
const TOP_LEVEL = ['external_id', 'delivery_city', 'address', 'date', 'time_interval_id', 'notes', 'product', 'demo', 'callback_url', 'precise', 'marketing_channel'];
const FINAL = new Set(['canceled', 'confirmed']);
const now = () => Math.floor(Date.now() / 1000);
const error = (status: number, message: string): Answer => json(status, { error: message });

function validationErrors(attributes: Attributes): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string) => (errors[field] = [...(errors[field] ?? []), message]);
  const value = (field: string) => (DESTINATION.includes(field) ? attributes.destination[field] : attributes[field]);
  for (const field of ['mobile_phone', 'first_name', 'last_name', 'delivery_city', 'product']) if (value(field) === null || value(field) === '') add(field, 'обязательно для заполнения');
  const phone = value('mobile_phone');
  if (typeof phone === 'string' && !/^\+7\d{10}$/.test(phone)) add('mobile_phone', 'неверный формат');
  for (const field of ['first_name', 'last_name', 'patronymic']) {
    const name = value(field);
    if (typeof name === 'string' && name !== '' && !/^[А-ЯЁа-яё-]+$/.test(name)) add(field, 'допускаются только русские буквы и дефис');
  }
  const url = attributes.callback_url;
  if (typeof url === 'string' && url !== '' && !/^https:\/\//.test(url) && !/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url)) add('callback_url', 'должен начинаться с https');
  return errors;
}

function blank(uuid: string): Attributes {
  const at = now();
  return {
    uuid,
    status: 'created',
    delivery_status: null,
    destination: Object.fromEntries(DESTINATION.map((field) => [field, null])),
    ...Object.fromEntries(TOP_LEVEL.map((field) => [field, null])),
    demo: false,
    precise: false,
    callback_url: null,
    client_coordination_url: null,
    cancel_reason_code: null,
    cancel_reason_comment: null,
    reject_reason_code: null,
    reject_reason_comment: null,
    created_at: at,
    updated_at: at,
    validation_errors: {},
  };
}

function merge(attributes: Attributes, input: Record<string, unknown>): void {
  for (const [field, value] of Object.entries(input)) {
    if (DESTINATION.includes(field)) attributes.destination[field] = value;
    else if (TOP_LEVEL.includes(field)) attributes[field] = value;
  }
  attributes.updated_at = now();
}

/** The request as a JSON:API document: its active delivery (if any) in `included`. */
function document(stored: StoredRequest) {
  const { attributes, deliveryId } = stored;
  const delivery = deliveryId
    ? { id: deliveryId, type: 'delivery', attributes: { status: attributes.delivery_status, date: attributes.date, created_at: attributes.created_at, updated_at: attributes.updated_at } }
    : undefined;
  return {
    data: {
      id: attributes.uuid,
      type: 'delivery_request',
      attributes,
      relationships: {
        active_delivery: { data: delivery ? { id: delivery.id, type: 'delivery' } : null },
        deliveries: { data: delivery ? [{ id: delivery.id, type: 'delivery' }] : [] },
        time_interval: { data: null },
      },
    },
    included: delivery ? [delivery] : [],
  };
}

/** Revalidates; a complete `created` request becomes `validated` with a pending delivery (and the partner is told). */
function settle(stored: StoredRequest, send: Send): void {
  const errors = validationErrors(stored.attributes);
  stored.attributes.validation_errors = errors;
  if (stored.attributes.status === 'created' && Object.keys(errors).length === 0) {
    stored.attributes.status = 'validated';
    stored.attributes.delivery_status = 'pending';
    stored.deliveryId = randomUUID();
    callBack(stored, 'accept_delivery', send);
  }
}

/** POSTs the seed's callback for an event to the request's callback_url (none when it is empty, as the seed says). */
function callBack(stored: StoredRequest, event: string, send: Send, form: 'event' | 'full' = 'event', comment: string | null = null): void {
  const url = stored.attributes.callback_url;
  if (typeof url !== 'string' || url === '') return;
  const { attributes } = stored;
  const data = {
    id: attributes.uuid, // the request's UUID, as the seed's field table says
    type: 'external_callback',
    attributes: {
      external_id: attributes.external_id ?? null,
      event,
      comment,
      created_at: now(),
      delivery_request_status: attributes.status,
      delivery_status: attributes.delivery_status,
      date: null,
      address: attributes.address ?? null,
      coords: { lat: null, lon: null },
    },
    relationships: {
      time_interval: { data: null },
      ...(form === 'full' ? { delivery_request: { data: { id: attributes.uuid, type: 'delivery_request' } } } : {}),
    },
  };
  const full = document(stored);
  const body = form === 'full' ? { data, included: [...full.included, full.data] } : { data, included: [] };
  send({ webhook: form === 'full' ? 'deliveryRequestEventWithRequest' : 'deliveryRequestEvent', method: 'POST', url, body, retries: FASTRIVER_RETRIES });
}

function create(state: State, input: Record<string, unknown>, send: Send, uuid: string = randomUUID()): StoredRequest {
  const stored: StoredRequest = { attributes: blank(uuid), created: Object.keys(state.requests).length };
  merge(stored.attributes, input);
  state.requests[stored.attributes.uuid] = stored;
  settle(stored, send);
  return stored;
}

const inputOf = (body: unknown) => ((body as { data?: { attributes?: Record<string, unknown> } }).data?.attributes ?? {}) as Record<string, unknown>;
const tokenOf = (headers: Record<string, string>) => /^Bearer (.+)$/i.exec(headers.authorization ?? '')?.[1] ?? '';

function issue(state: State, token = randomBytes(24).toString('base64url')): { token: string; expires_at: number } {
  state.tokens[token] = { expires_at: now() + 86_400, revoked: false };
  return { token, expires_at: state.tokens[token].expires_at };
}

type Handler = (call: Call<State>, stored: StoredRequest) => Answer | undefined;

/** A handler that needs a live token; with `uuid`, also a stored request (else 404). */
const authorized =
  (handle: (call: Call<State>) => Answer | undefined) =>
  (call: Call<State>): Answer | undefined => {
    const token = call.state.tokens[tokenOf(call.headers)];
    if (!token || token.revoked || token.expires_at < now()) return error(401, 'Токен недействителен или истёк, выполните вход заново');
    return handle(call);
  };
const onRequest = (handle: Handler) =>
  authorized((call) => {
    const stored = call.state.requests[call.params.uuid ?? ''];
    return stored ? handle(call, stored) : error(404, 'Ресурс не найден');
  });
const answer = (stored: StoredRequest) => json(200, document(stored));

function list({ state, query }: Call<State>): Answer {
  const filter = (name: string) => query[`filter[${name}]`] as string | undefined;
  const demo = (filter('demo') ?? 'false') === 'true';
  const matching = Object.values(state.requests)
    .sort((a, b) => a.created - b.created)
    .filter(({ attributes: a }) =>
      a.demo === demo &&
      (!filter('status') || a.status === filter('status')) &&
      (!filter('delivery_status') || a.delivery_status === filter('delivery_status')) &&
      (!filter('external_id') || a.external_id === filter('external_id')) &&
      (!filter('city') || a.delivery_city === filter('city')),
    );
  const page = Math.max(1, Number(query.page ?? 1) || 1);
  const items = matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((stored) => document(stored));
  return json(200, { data: items.map((item) => item.data), included: items.flatMap((item) => item.included), meta: { total: matching.length } });
}

export const fastriverLifecycle = defineLifecycle<State>({
  initial: () => ({ tokens: dict(), requests: dict() }),

  operations: {
    login: ({ state }) => json(200, issue(state)),
    refreshToken: authorized(({ state, headers }) => {
      const old = state.tokens[tokenOf(headers)];
      if (old) old.revoked = true;
      return json(200, issue(state));
    }),
    logout: authorized(({ state, headers }) => {
      const token = state.tokens[tokenOf(headers)];
      if (token) token.revoked = true;
      return undefined; // the spec's answer
    }),

    listDeliveryRequests: authorized(list),
    createDeliveryRequest: authorized(({ state, body, send }) => answer(create(state, inputOf(body), send))),
    getDeliveryRequest: onRequest((_, stored) => answer(stored)),
    updateDeliveryRequest: onRequest(({ body, send }, stored) => {
      if (FINAL.has(stored.attributes.status) || stored.attributes.status === 'executed') return error(422, `Заявку в статусе ${stored.attributes.status} изменить нельзя`);
      merge(stored.attributes, inputOf(body));
      settle(stored, send);
      return answer(stored);
    }),
    cancelDeliveryRequest: onRequest(({ body }, stored) => {
      if (!['created', 'validated'].includes(stored.attributes.status)) return error(422, `Заявку в статусе ${stored.attributes.status} отменить нельзя`);
      assignFields(stored.attributes, { status: 'canceled', delivery_status: stored.deliveryId ? 'canceled' : null, updated_at: now() }, inputOf(body));
      return answer(stored);
    }),
    confirmDeliveryRequest: onRequest((_, stored) => {
      if (stored.attributes.status !== 'executed') return error(405, 'Подтвердить можно только исполненную заявку');
      Object.assign(stored.attributes, { status: 'confirmed', updated_at: now() });
      return answer(stored);
    }),
    rejectDeliveryRequest: onRequest(({ body }, stored) => {
      if (stored.attributes.status !== 'executed') return error(405, 'Отклонить можно только исполненную заявку');
      assignFields(stored.attributes, { status: 'rejected', updated_at: now() }, inputOf(body));
      return answer(stored);
    }),
    callPlease: onRequest((_, stored) => (FINAL.has(stored.attributes.status) ? error(405, 'Заявка закрыта') : undefined)),
    transferDelivery: onRequest(({ body, send }, stored) => {
      if (stored.attributes.status !== 'validated') return error(405, 'Перенести можно только доставку заявки в работе');
      const { next_date, address } = body as { next_date?: string; address?: string };
      Object.assign(stored.attributes, { delivery_status: 'pending', updated_at: now() }, next_date ? { date: next_date } : {}, address ? { address } : {});
      callBack(stored, 'transfer', send);
      return answer(stored);
    }),
    completeDelivery: onRequest(({ send }, stored) => {
      if (stored.attributes.status !== 'validated') return error(405, 'Завершить можно только доставку заявки в работе');
      Object.assign(stored.attributes, { status: 'executed', delivery_status: 'completed', updated_at: now() });
      callBack(stored, 'complete', send);
      return answer(stored);
    }),
  },

  /**
   * Creates a request as `create` would, under the `uuid` given or a new one (one already there is replaced):
   * `{ kind: 'delivery_request', resource: { uuid?, mobile_phone, … } }`; or issues a token as `login` would, the one
   * given or a new one: `{ kind: 'token', resource: { token? } }`.
   */
  seed: ({ state, body, send }) => {
    const { uuid, token, ...resource } = (body.resource ?? {}) as Record<string, unknown>;
    if (body.kind === 'token') {
      if (token !== undefined && (typeof token !== 'string' || token === '')) throw new AdminError('resource.token must be a non-empty string');
      return issue(state, token);
    }
    if (body.kind !== 'delivery_request') throw new AdminError(`fastriver seeds kind "delivery_request" or "token", got ${JSON.stringify(body.kind)}`);
    if (uuid !== undefined && (typeof uuid !== 'string' || uuid === '')) throw new AdminError('resource.uuid must be a non-empty string');
    if (uuid !== undefined) delete state.requests[uuid];
    return document(create(state, resource, send, uuid)).data;
  },

  /**
   * Moves a request as Fastriver's operators and representatives would, and sends the callback:
   * `{ kind: 'delivery_request', id, to: 'scheduled' | 'executed' | 'failed' | 'fixed' | 'repeat' | 'confirmed', event?, comment?, form?: 'full' }`.
   */
  move: ({ state, body, send }) => {
    const stored = state.requests[String(body.id)];
    if (!stored) throw new AdminError(`no delivery request ${JSON.stringify(body.id)} in this session`, 404);
    const moves: Record<string, { from: string[]; status?: string; delivery: string; event: string }> = {
      scheduled: { from: ['validated'], delivery: 'scheduled', event: 'schedule' },
      executed: { from: ['validated'], status: 'executed', delivery: 'completed', event: 'complete' },
      failed: { from: ['validated'], delivery: 'failed', event: 'no_contact' },
      fixed: { from: ['rejected'], status: 'executed', delivery: 'completed', event: 'fix' },
      repeat: { from: ['rejected'], status: 'validated', delivery: 'pending', event: 'repeat' },
      confirmed: { from: ['executed'], status: 'confirmed', delivery: 'completed', event: 'completed' },
    };
    const move = own(moves, String(body.to));
    if (!move) throw new AdminError(`to must be one of ${Object.keys(moves).join(', ')}`);
    if (!move.from.includes(stored.attributes.status)) throw new AdminError(`a ${stored.attributes.status} request cannot move to ${String(body.to)} (needs ${move.from.join(' or ')})`, 409);
    Object.assign(stored.attributes, { delivery_status: move.delivery, updated_at: now() }, move.status ? { status: move.status } : {});
    callBack(stored, typeof body.event === 'string' ? body.event : move.event, send, body.form === 'full' ? 'full' : 'event', typeof body.comment === 'string' ? body.comment : null);
    return document(stored).data;
  },
});
