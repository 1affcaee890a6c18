// The two coordination interfaces held to one table, in-process and on a real redis-server: single-flight renewal,
// clear, one lock holder at a time; then what only Redis has: expiry as TTL, a lock given up while waiting, typed and
// masked errors when Redis cannot be reached or quotes a credential back.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoordinationError, createLocalCredentialStore, createLocalLock, type AccountLock, type CredentialStore } from '../../src/core/index.ts';
import { createRedisCredentialStore, createRedisLock } from '../../src/redis/node.ts';
import { hasRedisServer, startRedisServer, type RedisServer } from '../support/redis-server.ts';

if (!hasRedisServer && process.env.CI) throw new Error('redis-server is missing: .ci/run installs it (apt-get install redis-server)');

let server: RedisServer;
let redis: Redis;
let names = 0;
const fresh = () => `test-${++names}`;

describe.skipIf(!hasRedisServer)('coordination on Redis and in-process', () => {
  beforeAll(async () => {
    server = await startRedisServer();
    redis = new Redis(server.url, { maxRetriesPerRequest: 1 });
  });
  afterAll(async () => {
    redis?.disconnect();
    await server?.stop();
  });

  const stores: Array<[string, () => CredentialStore]> = [
    ['in-process', () => createLocalCredentialStore()],
    ['redis', () => createRedisCredentialStore(redis, { name: fresh() })],
  ];
  const locks: Array<[string, () => AccountLock]> = [
    ['in-process', () => createLocalLock()],
    ['redis', () => createRedisLock(redis, { name: fresh(), leaseMs: 200 })],
  ];

  it.each(stores)('%s store: 20 holders renewing at once, over two handles of the store: one renewal, one credential', async (_, make) => {
    const shared = make();
    const [a, b] = [shared, shared];
    let renewals = 0;
    const renew = async () => {
      renewals += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { value: `token-${renewals}-abcdefghijklmnop` };
    };
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).renew(undefined, renew)));
    expect(renewals).toBe(1);
    expect(new Set(results.map((result) => result.value)).size).toBe(1);
    await expect(shared.renew('token-1-abcdefghijklmnop', renew)).resolves.toEqual({ value: 'token-2-abcdefghijklmnop' });
    await shared.clear('someone-else');
    await expect(shared.get()).resolves.toEqual({ value: 'token-2-abcdefghijklmnop' });
    await shared.clear('token-2-abcdefghijklmnop');
    await expect(shared.get()).resolves.toBeUndefined();
  });

  it('redis store: two stores on one name (two processes) renew once; the expiry is the TTL', async () => {
    const name = fresh();
    const [a, b] = [createRedisCredentialStore(redis, { name }), createRedisCredentialStore(redis, { name })];
    let renewals = 0;
    const renew = async () => ({ value: `token-${++renewals}-abcdefghijklmnop`, expiresAtMs: Date.now() + 300 });
    await Promise.all([a.renew(undefined, renew), b.renew(undefined, renew)]);
    expect(renewals).toBe(1);
    await expect(b.get()).resolves.toMatchObject({ value: 'token-1-abcdefghijklmnop' });
    await new Promise((resolve) => setTimeout(resolve, 400));
    await expect(a.get()).resolves.toBeUndefined();
  });

  it.each(locks)('%s lock: one holder at a time, and a waiter that gives up never holds it', async (_, make) => {
    const lock = make();
    let holders = 0;
    let most = 0;
    const gaveUp = new AbortController();
    const runs = Array.from({ length: 10 }, async (_, i) => {
      const hold = await lock.acquire(i === 5 ? gaveUp.signal : undefined);
      holders += 1;
      most = Math.max(most, holders);
      await new Promise((resolve) => setTimeout(resolve, 3));
      holders -= 1;
      hold.release();
    });
    gaveUp.abort(new Error('gave up'));
    const results = await Promise.allSettled(runs);
    expect(most).toBe(1);
    expect(results.filter((result) => result.status === 'rejected')).toHaveLength(1);
  });

  it('redis lock: a lease is renewed while held, so a long request keeps it past leaseMs', async () => {
    const name = fresh();
    const [a, b] = [createRedisLock(redis, { name, leaseMs: 150 }), createRedisLock(redis, { name, leaseMs: 150 })];
    const hold = await a.acquire();
    const started = performance.now();
    const second = b.acquire().then((held) => ({ held, at: performance.now() - started }));
    await new Promise((resolve) => setTimeout(resolve, 500));
    hold.release();
    const { held, at } = await second;
    held.release();
    expect(at).toBeGreaterThan(450);
    expect(hold.lost?.aborted).toBe(false);
  });

  it('an unreachable Redis: every operation fails with CoordinationError, never a Redis error', async () => {
    const down = new Redis('redis://127.0.0.1:1', { maxRetriesPerRequest: 0, enableOfflineQueue: false, lazyConnect: true });
    down.on('error', () => undefined);
    const store = createRedisCredentialStore(down, { name: 'x' });
    const lock = createRedisLock(down, { name: 'x' });
    for (const attempt of [store.get(), store.renew('stale-secret-0123456789', async () => ({ value: 'v' })), store.clear('v'), lock.acquire()]) {
      await expect(attempt).rejects.toBeInstanceOf(CoordinationError);
    }
    down.disconnect();
  });

  it('a Redis error quoting the credential back is masked, in every form, and keeps no cause', async () => {
    const secret = 'tok/en+with=chars-0123456789';
    const quoting = {
      get: async () => null,
      eval: async () => 'OK',
      evalsha: async () => 'OK',
      zrem: async () => 0,
      on: () => undefined,
      set: async (_key: string, value: string, ...rest: unknown[]) => {
        if (rest[0] === 'PX' || !value.includes(secret)) return 'OK'; // the renewal lock
        throw new Error(`ERR value rejected, with args beginning with: '${value}' '${encodeURIComponent(secret)}'`);
      },
    } as unknown as Redis;
    const store = createRedisCredentialStore(quoting, { name: 'y' });
    const error = await store.renew(undefined, async () => ({ value: secret })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoordinationError);
    const seen = `${(error as Error).message} ${(error as Error).stack} ${JSON.stringify(error)}`;
    expect(seen).not.toContain(secret);
    expect(seen).not.toContain(encodeURIComponent(secret));
    expect((error as Error).cause).toBeUndefined();
  });
});
