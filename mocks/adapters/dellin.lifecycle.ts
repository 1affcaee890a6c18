// Dellin, stateful (seed 002, reference dellin.md): `login` opens a session whose id works until `logout`; a request
// naming an unknown or closed session gets the spec's 401 (error 100002 «Сессия не найдена»); `request_delivery`
// answers a new request id, the same way over JSON and XML (one numbering; the XML twin is encoded by the adapter).
// Anonymous requests (no sessionID) stay allowed, as the seed says. Session lifetime (24 h) is the plausible choice, and
// so is binding a session to the appkey that opened it (the seed is silent): another appkey gets the same 401 100002.
import { createHash, randomUUID } from 'node:crypto';
import { AdminError, defineLifecycle, json, type Answer, type Call } from '../lifecycle.ts';
import { dict } from '../state.ts';

interface Session {
  login: string;
  /**
   * SHA-256 of the appkey the session was opened with: only that appkey may use it (the key itself is never kept).
   * None for a session seeded without an appkey: any appkey may use it.
   */
  appkeyHash?: string;
  open: boolean;
  expireTime: string;
}
interface State {
  sessions: Record<string, Session>;
  /** requestID → the order (docID) it adds delivery to. */
  requests: Record<string, { docID: unknown; sessionID?: string }>;
  nextRequestId: number;
}

const digest = (appkey: unknown) => createHash('sha256').update(String(appkey ?? '')).digest('hex');

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

type Body = { appkey?: string; sessionID?: string; login?: string; docID?: unknown };

/** Runs `handle` when the body names no session, or an open one opened with the body's appkey; otherwise the session error. */
const withSession =
  (required: boolean, handle: (call: Call<State>, body: Body) => Answer | undefined) =>
  (call: Call<State>): Answer | undefined => {
    const body = (call.body ?? {}) as Body;
    const session = body.sessionID === undefined ? undefined : call.state.sessions[body.sessionID];
    const usable = session?.open === true && (session.appkeyHash === undefined || session.appkeyHash === digest(body.appkey));
    if ((required || body.sessionID !== undefined) && !usable) return sessionError(call.operation);
    return handle(call, body);
  };

function login({ state, operation }: Call<State>, body: Body): Answer {
  const sessionID = randomUUID();
  state.sessions[sessionID] = { login: String(body.login ?? ''), appkeyHash: digest(body.appkey), open: true, expireTime: dellinTime(new Date(Date.now() + 86_400_000)) };
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

  /**
   * Opens a session as `login` would, under the id given or a new one, for the appkey given:
   * `{ kind: 'session', resource: { id?, login?, appkey? } }` (without an appkey, any appkey may use the session).
   */
  seed: ({ state, body }) => {
    if (body.kind !== 'session') throw new AdminError(`dellin seeds kind "session", got ${JSON.stringify(body.kind)}`);
    const { id = randomUUID(), login = '', appkey } = (body.resource ?? {}) as { id?: unknown; login?: unknown; appkey?: unknown };
    if (typeof id !== 'string' || id === '') throw new AdminError('resource.id must be a non-empty string (the sessionID)');
    if (appkey !== undefined && (typeof appkey !== 'string' || appkey === '')) throw new AdminError('resource.appkey must be a non-empty string');
    state.sessions[id] = { login: String(login), ...(appkey === undefined ? {} : { appkeyHash: digest(appkey) }), open: true, expireTime: dellinTime(new Date(Date.now() + 86_400_000)) };
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
