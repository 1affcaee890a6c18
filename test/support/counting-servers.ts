// Local stand-ins for Dilovod, Fastriver and Dellin that count what coordination is about: requests in flight at the
// server at once (a request counts from its arrival until the server has finished working on it, whether or not the
// client is still there to read the answer), logins, and sessions opened.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CountingServer<Stats> {
  baseUrl: string;
  stats: Stats;
  close(): Promise<void>;
}

async function listen<Stats>(stats: Stats, handle: (req: IncomingMessage, res: ServerResponse, body: string) => void): Promise<CountingServer<Stats>> {
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => handle(req, res, body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stats,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  if (!res.destroyed) res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

export interface DilovodStats {
  inFlight: number;
  /** The most requests ever in flight at once. */
  most: number;
  requests: number;
  /** Requests whose client closed the connection before the answer was written. */
  abandoned: number;
}

/**
 * Dilovod's gateway: each request takes `workMs()` ms of work, which goes on when the client leaves. `answer`: 'json'
 * (the object), 'hang' (never answers; the request counts as in flight until its connection closes), 'close' (closes
 * the connection without an answer when the work is done).
 */
export function dilovodServer(
  workMs: () => number = () => 1,
  answer: () => 'json' | 'hang' | 'close' = () => 'json',
  /** Told of each packet as it arrives (a test may kill the worker that sent it). */
  onPacket?: (packet: { params?: { id?: unknown } }) => void,
) {
  const stats: DilovodStats = { inFlight: 0, most: 0, requests: 0, abandoned: 0 };
  return listen(stats, (req, res, body) => {
    stats.requests += 1;
    stats.inFlight += 1;
    stats.most = Math.max(stats.most, stats.inFlight);
    res.on('close', () => {
      if (!res.writableFinished) stats.abandoned += 1;
    });
    const mode = answer();
    if (mode === 'hang') {
      res.on('close', () => (stats.inFlight -= 1));
      return;
    }
    const packet = JSON.parse(new URLSearchParams(body).get('packet') ?? '{}') as { action?: string; params?: { id?: unknown; header?: unknown } };
    onPacket?.(packet);
    setTimeout(() => {
      stats.inFlight -= 1;
      if (mode === 'close') return void res.socket?.destroy();
      json(res, 200, packet.action === 'saveObject' ? { result: 'ok', id: '1110800000001001' } : { header: { id: packet.params?.id ?? { id: '1110800000001001' } } });
    }, workMs());
  });
}

export interface FastriverStats {
  logins: number;
  refreshes: number;
  calls: number;
  unauthorized: number;
}

/** Fastriver: logins issue `token-N`; `revoke()` invalidates every token issued so far (the next call meets a 401). */
export async function fastriverServer(password: string) {
  const stats: FastriverStats = { logins: 0, refreshes: 0, calls: 0, unauthorized: 0 };
  const valid = new Set<string>();
  const server = await listen(stats, (req, res, body) => {
    const token = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
    if (req.url === '/authentications' && req.method === 'POST') {
      stats.logins += 1;
      if ((JSON.parse(body) as { password?: string }).password !== password) return json(res, 401, { error: 'Неверный пароль' });
      const fresh = `token-${stats.logins}-${'x'.repeat(24)}`;
      valid.add(fresh);
      return json(res, 200, { token: fresh, expires_at: Math.floor(Date.now() / 1000) + 3600 });
    }
    if (!valid.has(token)) {
      stats.unauthorized += 1;
      return json(res, 401, { error: 'Требуется авторизация' });
    }
    stats.calls += 1;
    setTimeout(() => json(res, 200, { data: { id: req.url?.split('/').pop(), type: 'delivery_request', attributes: { status: 'validated' } } }), 1);
  });
  return { ...server, revoke: () => valid.clear() };
}

export interface DellinStats {
  logins: number;
  calls: number;
  refused: number;
}

/** Dellin: each login opens `session-N`; a call with a session that is not open is refused inside an HTTP 200. */
export async function dellinServer() {
  const stats: DellinStats = { logins: 0, calls: 0, refused: 0 };
  const open = new Set<string>();
  const metadata = (status: number) => ({ status, generated_at: '2026-11-22 10:00:00' });
  const server = await listen(stats, (req, res, body) => {
    if (req.url?.startsWith('/v3/auth/login')) {
      stats.logins += 1;
      const session = `session-${stats.logins}-0000-0000-000000000000`;
      open.add(session);
      return json(res, 200, { metadata: metadata(200), data: { sessionID: session } });
    }
    const { sessionID } = JSON.parse(body) as { sessionID?: string };
    if (sessionID === undefined || !open.has(sessionID)) {
      stats.refused += 1;
      return json(res, 200, { metadata: metadata(401), errors: [{ code: 100002, title: 'Сессия не найдена', fields: ['sessionID'] }] });
    }
    stats.calls += 1;
    setTimeout(() => json(res, 200, { metadata: metadata(200), data: { dates: ['2026-11-25'] } }), 1);
  });
  return { ...server, closeSessions: () => open.clear() };
}
