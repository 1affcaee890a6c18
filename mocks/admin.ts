// The admin API under the reserved prefix /__mock/ of every mock: what a test uses to reach any state, see what its
// client sent, and break answers on purpose. Each call acts on the caller's session (its X-Mock-Session header).
//
//   GET    /__mock/requests?path=&method=   the journal of this session (path: exact, or a prefix ending in *)
//   DELETE /__mock/requests                 forget it
//   POST   /__mock/reset                    forget this session's state, journal, callbacks, webhook URL, faults
//   POST   /__mock/seed  {kind, resource}   put a resource into the state (as if the API had created it)
//   POST   /__mock/move  {kind, id, to, …}  change a resource as the provider would (and send its callbacks/webhooks)
//   GET    /__mock/state                    this session's state, as JSON
//   POST   /__mock/faults {fault|status|delay, retryAfter, count, path, method}   break the next `count` requests
//   DELETE /__mock/faults                   disarm
//   PUT    /__mock/webhook {url}            where this session's webhooks go (Dilovod's objectChanged)
//   GET    /__mock/callbacks                callbacks and webhooks sent for this session, with each attempt
import { FaultError, type ArmedFault, type ArmedFaults } from './faults.ts';
import type { Journal } from './journal.ts';
import { AdminError, type Lifecycle } from './lifecycle.ts';
import type { Outbox } from './callbacks.ts';
import type { SessionStore } from './state.ts';

export const ADMIN_PREFIX = '/__mock/';

export interface AdminRequest {
  method: string;
  /** The path after /__mock/ (`requests`, `seed`). */
  path: string;
  query: URLSearchParams;
  raw: Buffer;
  session: string;
}

export interface AdminContext {
  store: SessionStore<unknown>;
  journal: Journal;
  faults: ArmedFaults;
  outbox: Outbox;
  lifecycle: Lifecycle<unknown> | undefined;
}

export interface AdminAnswer {
  status: number;
  body?: unknown;
}

const ROUTES = ['GET requests', 'DELETE requests', 'POST reset', 'POST seed', 'POST move', 'GET state', 'POST faults', 'DELETE faults', 'PUT webhook', 'GET callbacks'];

export async function handleAdmin(request: AdminRequest, context: AdminContext): Promise<AdminAnswer> {
  try {
    return route(request, context);
  } catch (error) {
    if (error instanceof AdminError) return { status: error.status, body: { error: error.message } };
    if (error instanceof FaultError) return { status: 400, body: { error: error.message } };
    throw error;
  }
}

function route({ method, path, query, raw, session }: AdminRequest, { store, journal, faults, outbox, lifecycle }: AdminContext): AdminAnswer {
  const key = `${method.toUpperCase()} ${path.replace(/\/$/, '')}`;
  const send = (outbound: Parameters<Outbox['send']>[1]) => outbox.send(session, outbound);
  switch (key) {
    case 'GET requests':
      return { status: 200, body: { requests: journal.list({ session, path: query.get('path') ?? undefined, method: query.get('method') ?? undefined }) } };
    case 'DELETE requests':
      journal.clear(session);
      return { status: 204 };
    case 'POST reset':
      store.reset(session);
      faults.clear(session);
      journal.clear(session);
      outbox.clear(session);
      return { status: 204 };
    case 'GET state':
      return { status: 200, body: { session, state: store.get(session).state ?? null } };
    case 'POST seed':
    case 'POST move': {
      const action = key === 'POST seed' ? lifecycle?.seed : lifecycle?.move;
      if (!lifecycle || !action) throw new AdminError(`this mock has no ${key.slice(5)} (stateless, or no lifecycle for this API)`, 404);
      const { state, webhookUrl } = store.get(session);
      const body = objectBody(raw);
      if (key === 'POST seed' && 'resource' in body && (typeof body.resource !== 'object' || body.resource === null || Array.isArray(body.resource))) {
        throw new AdminError('resource must be a JSON object (or left out for a default one)');
      }
      const resource = action.call(lifecycle, { state, webhookUrl, body, send });
      return { status: key === 'POST seed' ? 201 : 200, body: { resource } };
    }
    case 'POST faults': {
      const body = objectBody(raw) as ArmedFault & { fault?: string };
      const { fault, ...rest } = body;
      faults.arm(session, typeof fault === 'string' && /^\d+$/.test(fault) ? { ...rest, status: Number(fault) } : { ...rest, kind: fault as ArmedFault['kind'] });
      return { status: 201, body: { armed: body } };
    }
    case 'DELETE faults':
      faults.clear(session);
      return { status: 204 };
    case 'PUT webhook': {
      const { url } = objectBody(raw);
      if (typeof url !== 'string' || !/^https?:\/\//.test(url) || !URL.canParse(url)) throw new AdminError('url must be an http(s) URL');
      // Never echoed back nor stored: credentials in a URL would show in GET /__mock/callbacks and in logs.
      const parsed = new URL(url);
      if (parsed.username || parsed.password) throw new AdminError('url must not carry credentials (user:password@)');
      store.get(session).webhookUrl = url;
      return { status: 200, body: { url } };
    }
    case 'GET callbacks':
      return { status: 200, body: { callbacks: outbox.list(session) } };
    default:
      return { status: 404, body: { error: `no admin route ${key}`, routes: ROUTES.map((route) => route.replace(' ', ` ${ADMIN_PREFIX}`)) } };
  }
}

function objectBody(raw: Buffer): Record<string, unknown> {
  let body: unknown;
  try {
    body = raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'));
  } catch {
    throw new AdminError('the body is not JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new AdminError('the body must be a JSON object');
  return body as Record<string, unknown>;
}
