// How a holder loses its lease, by kind, against a real redis-server: whatever happens to Redis or to the link while a
// request is in flight, the holder stops its request (hold.lost aborts with a CoordinationError) before a second
// holder can get in, and within a lease of the fault. Then what must not hang or crash around it.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoordinationError } from '../../src/core/index.ts';
import { createRedisCredentialStore, createRedisLock } from '../../src/redis/node.ts';
import { hasRedisServer, startRedisServer, startSilenceableLink, type RedisServer, type SilenceableLink } from '../support/redis-server.ts';

if (!hasRedisServer && process.env.CI) throw new Error('redis-server is missing: .ci/run installs it (apt-get install redis-server)');

const LEASE_MS = 400;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let server: RedisServer;
let admin: Redis;
let names = 0;

interface Fault {
  /** Breaks the holder's lease (the lock key is `mutex:delivery-api-clients:lock:<name>`). */
  run(context: { name: string; key: string; link: SilenceableLink }): Promise<void> | void;
}

// Every way the lease can stop being the holder's while its request is in flight.
const faults: Array<[string, Fault]> = [
  ['the link to Redis goes silent (TCP open, bytes stop)', { run: ({ link }) => link.silence() }],
  ['Redis stalls for longer than the lease', { run: () => void admin.call('DEBUG', 'SLEEP', String((2 * LEASE_MS) / 1000)).catch(() => undefined) }],
  ['FLUSHALL', { run: async () => void (await admin.flushall()) }],
  ['FLUSHDB', { run: async () => void (await admin.flushdb()) }],
  ['the lock key is deleted', { run: async ({ key }) => void (await admin.del(key)) }],
  ['the lock key and its record are deleted', { run: async ({ key, name }) => void (await admin.del(key, `delivery-api-clients:lock:${name}:record`)) }],
  ['the lock key is taken over by another identifier', { run: async ({ key }) => void (await admin.set(key, 'someone-else', 'PX', LEASE_MS)) }],
];

describe.skipIf(!hasRedisServer)('a lease lost while held, by kind', () => {
  beforeAll(async () => {
    server = await startRedisServer();
    admin = new Redis(server.url, { maxRetriesPerRequest: 1 });
  });
  afterAll(async () => {
    admin?.disconnect();
    await server?.stop();
  });

  it.each(faults)('%s: the holder stops before anyone else holds the lock', async (_, fault) => {
    const name = `lease-${++names}`;
    const link = await startSilenceableLink(server.port);
    const [redisA, redisB] = [new Redis(link.url, { maxRetriesPerRequest: 1 }), new Redis(server.url, { maxRetriesPerRequest: 1 })];
    const [a, b] = [createRedisLock(redisA, { name, leaseMs: LEASE_MS }), createRedisLock(redisB, { name, leaseMs: LEASE_MS })];
    // Both have used the lock before (the first use of a name waits one lease: nothing says the lock is free yet).
    (await b.acquire()).release();
    const hold = await a.acquire();
    let lostAt = 0;
    hold.lost?.addEventListener('abort', () => (lostAt = performance.now()));
    await sleep(LEASE_MS); // renewed a few times: a holder in good standing
    expect(hold.lost?.aborted).toBe(false);
    const faultAt = performance.now();
    await fault.run({ name, key: `mutex:delivery-api-clients:lock:${name}`, link });
    const second = await b.acquire();
    const secondAt = performance.now();
    second.release();
    hold.release();
    redisA.disconnect();
    redisB.disconnect();
    await link.close();
    expect(hold.lost?.reason).toBeInstanceOf(CoordinationError);
    expect(lostAt, 'the holder stopped before the second holder got in').toBeLessThan(secondAt);
    expect(lostAt - faultAt, 'the holder stopped within a lease of the fault').toBeLessThan(LEASE_MS);
  });

  it('a call that waits for the lock over a silent link ends at acquireTimeoutMs, or at once when its caller gives up', async () => {
    const name = `lease-${++names}`;
    const link = await startSilenceableLink(server.port);
    const redis = new Redis(link.url, { maxRetriesPerRequest: 1 });
    const acquireTimeoutMs = 2 * LEASE_MS; // the first use of a name waits one lease
    const lock = createRedisLock(redis, { name, leaseMs: LEASE_MS, acquireTimeoutMs });
    (await lock.acquire()).release();
    link.silence();
    const started = performance.now();
    await expect(lock.acquire()).rejects.toBeInstanceOf(CoordinationError);
    expect(performance.now() - started).toBeLessThan(acquireTimeoutMs + LEASE_MS + 200); // the release before it waits at most a lease
    const gaveUp = new AbortController();
    const waiting = lock.acquire(gaveUp.signal);
    setTimeout(() => gaveUp.abort(new Error('the caller gave up')), 50);
    await expect(waiting).rejects.toThrow('the caller gave up');
    redis.disconnect();
    await link.close();
  });

  // redis-semaphore throws from its renewal timer when no onLockLost is given: an unhandled rejection, which ends a Node
  // process (and fails this run).
  it("the store's renewal lock lost in the middle of a login: the login's result is kept, and nothing crashes", async () => {
    const name = `store-${++names}`;
    const store = createRedisCredentialStore(admin, { name, renewLeaseMs: 100 });
    const fresh = await store.renew(undefined, async () => {
      await admin.flushall(); // the renewal lock vanishes: its next renewal finds it gone
      await sleep(250);
      return { value: 'token-after-flush-0123456789' };
    });
    expect(fresh.value).toBe('token-after-flush-0123456789');
    await expect(store.get()).resolves.toEqual(fresh);
  });
});
