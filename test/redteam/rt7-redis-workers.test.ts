// Red team 7: many workers, one account, on a real redis-server: faults mid-run must never let two requests overlap.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFastriverClient } from '../../src/fastriver/index.ts';
import { createRedisCredentialStore, createRedisLock } from '../../src/redis/node.ts';
import { CoordinationError, UsageError } from '../../src/core/index.ts';
import { freePort } from '../support/ports.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let redisProc: ChildProcess;
let redisPort = 0;
const started: ChildProcess[] = [];

async function startRedis(port: number): Promise<ChildProcess> {
  const p = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no', '--bind', '127.0.0.1'], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    const c = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    try {
      await c.connect();
      await c.ping();
      c.disconnect();
      return p;
    } catch {
      c.disconnect();
      await sleep(50);
    }
  }
  throw new Error('redis did not start');
}

beforeAll(async () => {
  redisPort = await freePort();
  redisProc = await startRedis(redisPort);
}, 30_000);
afterAll(() => {
  for (const c of started) if (c.exitCode === null) c.kill('SIGKILL');
  if (redisProc?.exitCode === null) {
    redisProc.kill('SIGCONT');
    redisProc.kill('SIGKILL');
  }
});

function countingServer(delayMs: number) {
  let inFlight = 0;
  let max = 0;
  let total = 0;
  const server: Server = createServer((req, res) => {
    inFlight++;
    total++;
    max = Math.max(max, inFlight);
    let done = false;
    const end = () => {
      if (!done) (done = true), inFlight--;
    };
    req.on('close', end);
    res.on('close', end);
    req.resume();
    setTimeout(() => {
      if (!res.destroyed) res.writeHead(200, { 'content-type': 'application/json' }).end('{"header":{"id":{"id":"1100100000001001","pr":"x"}}}');
      end();
    }, delayMs);
  });
  return { server, stats: () => ({ inFlight, max, total }) };
}

describe('Dilovod lock across processes under faults', () => {
  it.each([[150, '12', false, '600'], [1500, '4', false, '600'], [400, '8', true, '600'], [300, '8', false, '100']])('server delay %i ms, %s calls each, restart %s, lease %s: 3 workers: FLUSHALL, a paused Redis (SIGSTOP) and a worker SIGKILLed mid-request never let two requests overlap', async (delay, calls, restart, lease) => {
    const { server, stats } = countingServer(delay);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const outs: string[][] = [];
    const workers = [0, 1, 2].map((i) => {
      const out: string[] = [];
      outs.push(out);
      const c = spawn(process.execPath, ['--import', 'tsx', 'test/redteam/rt7-worker.mts', `redis://127.0.0.1:${redisPort}`, base, calls, lease], { stdio: ['ignore', 'pipe', 'pipe'] });
      started.push(c);
      let buf = '';
      c.stdout!.on('data', (d) => {
        buf += d;
        const lines = buf.split('\n');
        buf = lines.pop()!;
        out.push(...lines);
      });
      c.stderr!.on('data', (d) => out.push(`STDERR ${d}`));
      return c;
    });
    const admin = new Redis(redisPort, '127.0.0.1');
    // wait until calls flow
    for (let i = 0; i < 400 && stats().total < 3; i++) await sleep(50);
    await admin.flushall();
    await sleep(800);
    redisProc.kill('SIGSTOP');
    await sleep(1200);
    redisProc.kill('SIGCONT');
    await sleep(800);
    if (restart) {
      admin.disconnect();
      redisProc.kill('SIGKILL');
      await new Promise((r) => (redisProc.exitCode !== null || redisProc.signalCode ? r(null) : redisProc.on('exit', r)));
      redisProc = await startRedis(redisPort);
      await sleep(300);
    }
    // kill a worker while its request is in flight at the server
    for (let i = 0; i < 200 && stats().inFlight === 0; i++) await sleep(5);
    workers[0]!.kill('SIGKILL');
    // a key changed by hand: the lock key overwritten
    await sleep(300);
    const admin2 = new Redis(redisPort, '127.0.0.1');
    const keys = await admin2.keys('*');
    for (const k of keys) if (k.includes('rt7')) await admin2.set(k, 'hand-written', 'PX', 5000).catch(() => undefined);
    await Promise.all(workers.slice(1).map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.on('exit', r)))));
    admin.disconnect();
    admin2.disconnect();
    server.close();
    const lines = outs.flat();
    const results = lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    const failures = results.filter((r) => !r.ok);
    console.log('rt7 workers', JSON.stringify(stats()), results.length, JSON.stringify(failures.slice(0, 6)), lines.filter((l) => l.startsWith('STDERR')).slice(0, 3));
    expect(stats().max, JSON.stringify(stats())).toBe(1);
    expect(results.filter((r) => r.ok).length).toBeGreaterThanOrEqual(3);
    for (const f of failures) {
      expect(f.sdk, JSON.stringify(f)).toBe(true);
      expect(f.leak, JSON.stringify(f)).toBe(false);
    }
    expect(lines.filter((l) => l.startsWith('STDERR')).join('')).not.toContain('DILOVOD-secret');
  }, 120_000);
});

describe('credential store: one login across workers, secrets never shown', () => {
  function fastriverServer() {
    let logins = 0;
    let current = '';
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        if (req.url === '/authentications') {
          logins++;
          current = `tok-${logins}-SECRETTOKENabcdefghijklmnop`;
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: current, expires_at: Math.floor(Date.now() / 1000) + 3600 }));
          return;
        }
        if (req.headers.authorization !== `Bearer ${current}`) {
          res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `token ${req.headers.authorization} is revoked` }));
          return;
        }
        res.writeHead(200, { 'content-type': 'application/vnd.api+json' }).end(JSON.stringify({ data: [], meta: { total: 0 } }));
      });
    });
    return { server, logins: () => logins, revoke: () => (current = 'revoked-by-server') };
  }

  it('6 clients on separate Redis connections: one login; after the server revokes, one re-login', async () => {
    const fr = fastriverServer();
    await new Promise<void>((r) => fr.server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(fr.server.address() as AddressInfo).port}`;
    const conns = Array.from({ length: 6 }, () => new Redis(redisPort, '127.0.0.1'));
    const name = `fr-${Date.now()}`;
    const clients = conns.map((c) => createFastriverClient({ login: 'bot@company.com', password: 'PASSWORD-secret-98765' }, { baseUrl: base, retry: { maxRetries: 0 }, tokenStore: createRedisCredentialStore(c, { name }) } as any));
    await Promise.all(clients.map((c) => c.deliveryRequests.list()));
    expect(fr.logins()).toBe(1);
    fr.revoke();
    await Promise.all(clients.map((c) => c.deliveryRequests.list()));
    expect(fr.logins()).toBe(2);
    conns.forEach((c) => c.disconnect());
    fr.server.close();
  }, 30_000);

  it('a credential key changed by hand to text holding a secret: CoordinationError naming only the key', async () => {
    const fr = fastriverServer();
    await new Promise<void>((r) => fr.server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(fr.server.address() as AddressInfo).port}`;
    const c = new Redis(redisPort, '127.0.0.1');
    const name = `fr-hand-${Date.now()}`;
    const client = createFastriverClient({ login: 'bot@company.com', password: 'PASSWORD-secret-98765' }, { baseUrl: base, retry: { maxRetries: 0 }, tokenStore: createRedisCredentialStore(c, { name }) } as any);
    await client.deliveryRequests.list();
    const keys = (await c.keys('*')).filter((k) => k.includes(name));
    console.log('rt7 keys', await Promise.all(keys.map(async (k) => `${k} ${await c.type(k)} ${(await c.type(k)) === 'string' ? String(await c.get(k)).replace(/tok-\d+-SECRETTOKEN\w+/, 'TOKEN') : ''}`)));
    expect(keys.length).toBeGreaterThan(0);
    const planted = 'HANDWRITTEN-secret-token-zyxwvutsrq';
    for (const value of [planted, `{"token":${JSON.stringify(planted)}`, JSON.stringify({ token: 42, expiresAt: 'x', note: planted }), JSON.stringify({ __proto__: { polluted: planted } })]) {
      for (const k of keys) {
        const type = await c.type(k);
        if (type === 'string') await c.set(k, value, 'KEEPTTL');
        else if (type === 'hash') await c.hset(k, 'value', value);
      }
      fr.revoke();
      const e: any = await client.deliveryRequests.list().then(
        () => null,
        (err) => err,
      );
      console.log('rt7 hand', value.slice(0, 30), e?.name, e?.message, fr.logins());
      if (e) {
        const text = `${e.message} ${inspect(e, { depth: 10 })} ${JSON.stringify(e)} ${String(e.cause?.message ?? '')}`;
        expect(text, value).not.toContain(planted.slice(0, 12));
        expect(text).not.toContain('SECRETTOKEN');
        expect(text).not.toContain('PASSWORD-secret');
        expect(e.name === 'CoordinationError' || e.name === 'ApiError', e.name).toBe(true);
      }
      expect(({} as any).polluted).toBeUndefined();
    }
    // the key as another type entirely (WRONGTYPE)
    for (const k of keys) {
      await c.del(k);
      await c.lpush(k, 'HANDWRITTEN-secret-token-zyxwvutsrq');
    }
    const e: any = await client.deliveryRequests.list().then(
      () => null,
      (err) => err,
    );
    if (e) expect(`${e.message} ${inspect(e, { depth: 10 })}`).not.toContain('HANDWRITTEN');
    c.disconnect();
    fr.server.close();
  }, 30_000);

  it('options at their edges are a UsageError at creation, and never echo the name or secrets', () => {
    const c = new Redis(redisPort, '127.0.0.1', { lazyConnect: true });
    for (const o of [{ leaseMs: 99 }, { leaseMs: 100.5 }, { leaseMs: 2 ** 31 }, { leaseMs: NaN }, { leaseMs: 300, renewIntervalMs: 151 }, { leaseMs: 300, renewIntervalMs: 0 }, { acquireTimeoutMs: 0 }, { retryIntervalMs: -1 }, { retryIntervalMs: Infinity }, { prefix: '' }]) {
      let err: unknown;
      try {
        createRedisLock(c, { name: 'x', ...o } as any);
      } catch (e) {
        err = e;
      }
      expect(err, JSON.stringify(o)).toBeInstanceOf(UsageError);
    }
    for (const name of ['', undefined, 42]) {
      expect(() => createRedisLock(c, { name } as any), String(name)).toThrow(UsageError);
      expect(() => createRedisCredentialStore(c, { name } as any), String(name)).toThrow(UsageError);
    }
    expect(() => createRedisCredentialStore(c, { name: 'x', renewLeaseMs: 99 })).toThrow(UsageError);
    c.disconnect();
  });

  it('Redis down: a locked call fails with CoordinationError, nothing sent', async () => {
    const port = await freePort();
    const c = new Redis(port, '127.0.0.1', { maxRetriesPerRequest: 1, retryStrategy: () => 50 });
    c.on('error', () => undefined);
    const lock = createRedisLock(c, { name: 'down', acquireTimeoutMs: 2000 });
    const { createDilovodClient } = await import('../../src/dilovod/index.ts');
    let sent = 0;
    const client = createDilovodClient({ key: 'KEYsecret-abcdef0123456789', baseUrl: 'http://127.0.0.1:9', fetch: async () => (sent++, new Response('{}')), lock } as any);
    const e: any = await client.getObject('1100100000001001' as any).then(
      () => null,
      (err) => err,
    );
    expect(e).toBeInstanceOf(CoordinationError);
    expect(sent).toBe(0);
    expect(`${e.message}${inspect(e, { depth: 10 })}`).not.toContain('KEYsecret');
    c.disconnect();
  }, 30_000);
});

describe('Dellin session store and secrets in objects', () => {
  it('4 Dellin clients on separate Redis connections open one session; neither client nor store shows it in inspect/JSON', async () => {
    let logins = 0;
    const sid = '5e7d4b2a-1c3f-4a8e-9b6d-0f1e2d3c4b5a';
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        if (req.url?.startsWith('/v3/auth/login')) {
          logins++;
          res.end(JSON.stringify({ metadata: { status: 200, generated_at: '2026-11-30 06:00:00' }, data: { sessionID: sid } }));
          return;
        }
        res.end(JSON.stringify({ metadata: { status: 200, generated_at: '2026-11-30 06:00:00' }, data: { dates: ['2026-12-01'] } }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { createDellinClient } = await import('../../src/dellin/index.ts');
    const conns = Array.from({ length: 4 }, () => new Redis(redisPort, '127.0.0.1'));
    const name = `dl-${Date.now()}`;
    const stores = conns.map((c) => createRedisCredentialStore(c, { name }));
    const clients = stores.map((st) => createDellinClient({ appkey: 'APPKEY-secret-0011223344', login: 'logist@shipper.ru', password: 'PASSWORD-secret-5566778899', baseUrl: base, retry: { maxRetries: 0 }, sessionStore: st } as any));
    const results = await Promise.allSettled(clients.map((c: any) => c.deliveryDates({ docID: '2000085063763', delivery: { arrival: { address: { search: 'Омск, Ленина, 5' } } } })));
    console.log('rt7 dellin', results.map((r) => r.status + (r.status === 'rejected' ? ` ${(r as any).reason?.message}` : '')));
    expect(logins).toBe(1);
    for (const x of [...stores, ...clients]) {
      const text = `${inspect(x, { depth: 20, showHidden: true })} ${(() => { try { return JSON.stringify(x); } catch { return ''; } })()}`;
      expect(text).not.toContain(sid);
      expect(text).not.toContain('PASSWORD-secret');
    }
    conns.forEach((c) => c.disconnect());
    server.close();
  }, 30_000);
});
