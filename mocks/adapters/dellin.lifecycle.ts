// Dellin, stateful (seed 002, reference dellin.md): `login` opens a session whose id works until `logout`; a request
// naming an unknown or closed session gets the spec's 401 (error 100002 «Сессия не найдена»); `request_delivery`
// answers a new request id, the same way over JSON and XML (one numbering; the XML twin is encoded by the adapter).
// Anonymous requests (no sessionID) stay allowed, as the seed says. Session lifetime (24 h) is the plausible choice.
import { randomUUID } from 'node:crypto';
import { AdminError, defineLifecycle, json, type Answer, type Call } from '../lifecycle.ts';
import { dict } from '../state.ts';

interface Session {
  login: string;
  open: boolean;
  expireTime: string;
}
interface State {
  sessions: Record<string, Session>;
  /** requestID → the order (docID) it adds delivery to. */
  requests: Record<string, { docID: unknown; sessionID?: string }>;
  nextRequestId: number;
}

/** Dellin's time format, `2024-05-06 10:15:00`. */
const dellinTime = (date = new Date()) => date.toISOString().slice(0, 19).replace('T', ' ');
const metadata = () => ({ status: 200, generated_at: dellinTime() });

/** The answer in the operation's own format: the XML twins are validated as objects, then encoded by the adapter. */
const answer = (operation: string, status: number, body: unknown): Answer =>
  operation.endsWith('Xml') ? { status, body, headers: { 'content-type': 'application/xml' } } : json(status, body);

const sessionError = (operation: string) =>
  answer(operation, 401, {
    metadata: { status: 401, generated_at: dellinTime() },
    errors: [{ code: 100002, title: 'Сессия не найдена', detail: 'Сессия истекла или не существует, выполните авторизацию заново', link: 'https://dev.dellin.ru/api/errors/#error_100002', fields: ['sessionID'] }],
  });

type Body = { sessionID?: string; login?: string; docID?: unknown };

/** Runs `handle` when the body names no session or an open one; otherwise the session error. */
const withSession =
  (required: boolean, handle: (call: Call<State>, body: Body) => Answer | undefined) =>
  (call: Call<State>): Answer | undefined => {
    const body = (call.body ?? {}) as Body;
    const session = body.sessionID === undefined ? undefined : call.state.sessions[body.sessionID];
    if ((required || body.sessionID !== undefined) && !session?.open) return sessionError(call.operation);
    return handle(call, body);
  };

function login({ state, operation }: Call<State>, body: Body): Answer {
  const sessionID = randomUUID();
  state.sessions[sessionID] = { login: String(body.login ?? ''), open: true, expireTime: dellinTime(new Date(Date.now() + 86_400_000)) };
  return answer(operation, 200, { metadata: metadata(), data: { sessionID } });
}

function logout({ state, operation }: Call<State>, body: Body): Answer {
  const session = state.sessions[body.sessionID ?? ''];
  if (session) session.open = false;
  return answer(operation, 200, { metadata: metadata() });
}

function sessionInfo({ state, operation }: Call<State>, body: Body): Answer {
  const session = state.sessions[body.sessionID ?? ''];
  return answer(operation, 200, { metadata: metadata(), data: { session: { expireTime: session?.expireTime ?? null, expired: false } } });
}

function requestDelivery({ state, operation }: Call<State>, body: Body): Answer {
  const requestID = state.nextRequestId++;
  state.requests[requestID] = { docID: body.docID, ...(body.sessionID ? { sessionID: body.sessionID } : {}) };
  return answer(operation, 200, { metadata: metadata(), data: { state: 'success', requestID } });
}

export const dellinLifecycle = defineLifecycle<State>({
  initial: () => ({ sessions: dict(), requests: dict(), nextRequestId: 4_000_001 }),

  operations: {
    login: withSession(false, login),
    loginXml: withSession(false, login),
    logout: withSession(true, logout),
    logoutXml: withSession(true, logout),
    sessionInfo: withSession(true, sessionInfo),
    sessionInfoXml: withSession(true, sessionInfo),
    requestDelivery: withSession(false, requestDelivery),
    requestDeliveryXml: withSession(false, requestDelivery),
    // Dates are the spec's example; only the session is checked.
    deliveryDates: withSession(false, () => undefined),
    deliveryDatesXml: withSession(false, () => undefined),
  },

  /** Opens a session as `login` would, under the id given or a new one: `{ kind: 'session', resource: { id?, login? } }`. */
  seed: ({ state, body }) => {
    if (body.kind !== 'session') throw new AdminError(`dellin seeds kind "session", got ${JSON.stringify(body.kind)}`);
    const { id = randomUUID(), login = '' } = (body.resource ?? {}) as { id?: unknown; login?: unknown };
    if (typeof id !== 'string' || id === '') throw new AdminError('resource.id must be a non-empty string (the sessionID)');
    state.sessions[id] = { login: String(login), open: true, expireTime: dellinTime(new Date(Date.now() + 86_400_000)) };
    return { sessionID: id, ...state.sessions[id] };
  },

  /** Ends a session as Dellin would when it expires: `{ kind: 'session', id, to: 'expired' }`. */
  move: ({ state, body }) => {
    const session = state.sessions[String(body.id)];
    if (body.kind !== 'session' || !session) throw new AdminError(`no session ${JSON.stringify(body.id)} in this session`, 404);
    if (body.to !== 'expired') throw new AdminError('to must be "expired"');
    session.open = false;
    return session;
  },
});
