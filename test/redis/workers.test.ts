// Many workers, one account (issue 18): 4 worker processes × 50 calls against local servers that count, coordinated by
// a real redis-server. Dilovod never has two requests in flight at the server; Fastriver logs in once across the
// workers and once more after a 401 they all meet; Dellin opens one session. Then the faults: a worker killed while it
// holds the lock, Redis restarted empty mid-run, a Redis that stalls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dellinServer, dilovodServer, fastriverServer } from '../support/counting-servers.ts';
import { hasRedisServer, startRedisServer, type RedisServer } from '../support/redis-server.ts';
import { startWorker, type Worker } from '../support/workers.ts';
import type { Job, Outcome } from './worker.ts';

if (!hasRedisServer && process.env.CI) throw new Error('redis-server is missing: .ci/run installs it (apt-get install redis-server)');
if (!hasRedisServer) console.warn('test/redis: redis-server is not installed here (apt-get install redis-server): skipped');

const WORKERS = 4;
const CALLS = 50;
const LEASE_MS = 1_000;

let redis: RedisServer;
let workers: Worker[] = [];
const everyone = async (job: Omit<Job, 'redisUrl'>) => (await Promise.all(workers.map((worker) => worker.run({ ...job, redisUrl: redis.url })))).flat();
const failures = (outcomes: Outcome[]) => outcomes.filter((outcome): outcome is Extract<Outcome, { ok: false }> => !outcome.ok);

describe.skipIf(!hasRedisServer)('4 workers × 50 calls, one account, on Redis', { timeout: 40_000 }, () => {
  beforeAll(async () => {
    [redis, ...workers] = await Promise.all([startRedisServer(), ...Array.from({ length: WORKERS }, startWorker)]);
  }, 60_000);
  afterAll(async () => {
    for (const worker of workers) worker.process.kill();
    await redis?.stop();
  });

  it('Dilovod: never more than one request in flight at the server', async () => {
    const server = await dilovodServer(() => 1 + Math.random() * 2);
    const outcomes = await everyone({ api: 'dilovod', baseUrl: server.baseUrl, calls: CALLS, leaseMs: LEASE_MS });
    await server.close();
    expect(failures(outcomes)).toEqual([]);
    expect(server.stats).toMatchObject({ most: 1, requests: WORKERS * CALLS });
  });

  it('Fastriver: one login across every worker; a 401 they all meet leads to one re-login', async () => {
    const server = await fastriverServer('fastriver-password-0123456789');
    const job = { api: 'fastriver', baseUrl: server.baseUrl, calls: CALLS, password: 'fastriver-password-0123456789' } as const;
    expect(failures(await everyone(job))).toEqual([]);
    expect(server.stats.logins).toBe(1);
    server.revoke(); // the token every worker holds is now refused
    expect(failures(await everyone(job))).toEqual([]);
    await server.close();
    expect(server.stats.logins).toBe(2);
    expect(server.stats.calls).toBe(2 * WORKERS * CALLS);
  });

  it('Dellin: one session for every worker, and one new one after the session is closed', async () => {
    const server = await dellinServer();
    const job = { api: 'dellin', baseUrl: server.baseUrl, calls: CALLS, password: 'dellin-password-0123456789' } as const;
    expect(failures(await everyone(job))).toEqual([]);
    expect(server.stats.logins).toBe(1);
    server.closeSessions();
    expect(failures(await everyone(job))).toEqual([]);
    await server.close();
    expect(server.stats.logins).toBe(2);
  });

  it('a worker killed while it holds the lock: its lease runs out and the others go on, one at a time', async () => {
    const victim = await startWorker();
    let killedAt = 0;
    const arrivals: number[] = [];
    const server = await dilovodServer(
      () => 2,
      () => 'json',
      (packet) => {
        if (packet.params?.id === 'kill-me') {
          victim.process.kill('SIGKILL');
          killedAt = performance.now();
        } else arrivals.push(performance.now());
      },
    );
    void victim.run({ api: 'dilovod', baseUrl: server.baseUrl, redisUrl: redis.url, calls: 1, id: 'kill-me', leaseMs: LEASE_MS });
    while (killedAt === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const outcomes = await everyone({ api: 'dilovod', baseUrl: server.baseUrl, calls: 10, leaseMs: LEASE_MS });
    await server.close();
    expect(failures(outcomes)).toEqual([]);
    expect(server.stats.most).toBe(1);
    // Nobody went while the dead worker's lease still ran (it was taken a moment before the kill).
    expect(Math.min(...arrivals) - killedAt).toBeGreaterThan(LEASE_MS / 2);
  });

  it('Redis restarted empty mid-run: calls wait or fail with CoordinationError, and never overlap', async () => {
    const server = await dilovodServer(() => 3);
    const running = everyone({ api: 'dilovod', baseUrl: server.baseUrl, calls: CALLS, leaseMs: LEASE_MS });
    while (server.stats.requests < 40) await new Promise((resolve) => setTimeout(resolve, 5));
    await redis.restart(300);
    const outcomes = await running;
    // Once Redis is back, calls go through again.
    const after = await everyone({ api: 'dilovod', baseUrl: server.baseUrl, calls: 5, leaseMs: LEASE_MS });
    await server.close();
    expect(new Set(failures(outcomes).map((failure) => failure.name))).toSatisfy((names: Set<string>) => [...names].every((name) => name === 'CoordinationError'));
    expect(failures(after)).toEqual([]);
    expect(server.stats.most).toBe(1);
  });

  it('a Redis that stalls: calls wait for it, and never overlap', async () => {
    const server = await dilovodServer(() => 2);
    const running = everyone({ api: 'dilovod', baseUrl: server.baseUrl, calls: 20, leaseMs: LEASE_MS });
    while (server.stats.requests < 20) await new Promise((resolve) => setTimeout(resolve, 5));
    const before = server.stats.requests;
    redis.stall(400);
    const outcomes = await running;
    await server.close();
    expect(before).toBeLessThan(WORKERS * 20); // the stall came mid-run
    expect(failures(outcomes)).toEqual([]);
    expect(server.stats).toMatchObject({ most: 1, requests: WORKERS * 20 });
  });
});
