// `delivery-api-clients/redis/node` (Node only, like the `/node` entries: ioredis speaks TCP): the account lock and the
// shared credential store on Redis, for clients of one account in several processes. Built on a maintained client
// (ioredis, which you create and own) and a maintained lock library (redis-semaphore's Mutex: SET NX PX, renewed while
// held, released only by its holder). Both are optional peer dependencies: only this entry needs them.
import type { Redis } from 'ioredis';
import { Mutex } from 'redis-semaphore';
import { createLocalLock, type AccountLock, type CredentialStore, type LockHold, type StoredCredential } from '../core/coordination.ts';
import { CoordinationError } from '../core/errors.ts';
import { createRedactor } from '../core/redact.ts';

export interface RedisLockOptions {
  /** The account, in key names (`dilovod:shop-1`): never a credential. Every process of one account uses the same. */
  name: string;
  /**
   * The lease, ms: a holder that dies (or loses Redis) frees the lock after this. Renewed every third of it while a
   * request is in flight. After Redis has lost its data (a restart without persistence, a first start) the lock stays
   * closed for one lease, so a request from before the loss cannot overlap one after it. Default 10 000.
   */
  leaseMs?: number;
  /** How long a call waits for the lock before failing with a `CoordinationError`. Default 120 000 ms. */
  acquireTimeoutMs?: number;
  /** How often a waiting call tries again while the lock is held elsewhere, ms. Default 5. */
  retryIntervalMs?: number;
  /** Prefix of every key. Default `delivery-api-clients`. */
  prefix?: string;
}

export interface RedisCredentialStoreOptions {
  /** The account, in key names (`fastriver:bot@company.com`): never a credential. */
  name: string;
  /** The lease of the renewal lock, ms: a process that dies while logging in holds the others back this long. Default 30 000. */
  renewLeaseMs?: number;
  /** How long a holder waits for another's renewal before failing with a `CoordinationError`. Default 120 000 ms. */
  renewTimeoutMs?: number;
  /** Prefix of every key. Default `delivery-api-clients`. */
  prefix?: string;
}

const DEFAULT_PREFIX = 'delivery-api-clients';

/**
 * Marks a Redis that has never been used by this lock, or has lost its data, by closing the lock for one lease (the
 * time a holder from before the loss needs to notice it has lost its lease and stop its request).
 */
const QUARANTINE = `
if redis.call('set', KEYS[1], '1', 'NX') then
  redis.call('set', KEYS[2], 'quarantine', 'PX', ARGV[1], 'NX')
  return 1
end
return 0`;

const CLEAR_IF_EQUAL = `
local stored = redis.call('get', KEYS[1])
if stored and cjson.decode(stored).value == ARGV[1] then return redis.call('del', KEYS[1]) end
return 0`;

/**
 * The account lock on Redis: one request in flight per account across every process that shares `redis` and `name`.
 * `redis` is an ioredis client you made (`new Redis(url)`); while it cannot reach Redis, its commands wait in its
 * offline queue and then fail (ioredis `maxRetriesPerRequest`); a call then fails with `CoordinationError` and nothing
 * is sent. A lease that cannot be renewed (Redis gone, or restarted empty) counts as lost: the request in flight is
 * stopped and its call fails with `CoordinationError`.
 */
export function createRedisLock(redis: Redis, options: RedisLockOptions): AccountLock {
  const { name, leaseMs = 10_000, acquireTimeoutMs = 120_000, retryIntervalMs = 5, prefix = DEFAULT_PREFIX } = options;
  const key = `${prefix}:lock:${name}`;
  const client = leaseKeeper(redis);
  // Calls of this process queue here first, in call order: only one of them at a time asks Redis (and polls it).
  const local = createLocalLock();
  let checkData = true;
  redis.on('ready', () => (checkData = true)); // a reconnect may be to a Redis that has lost its data

  return {
    async acquire(signal) {
      const context = { api: 'redis', operation: `lock ${name}`, attempts: 1 };
      const lost = new AbortController();
      const mutex = new Mutex(client, key, {
        lockTimeout: leaseMs,
        acquireTimeout: acquireTimeoutMs,
        retryInterval: retryIntervalMs,
        refreshInterval: Math.max(1, Math.floor(leaseMs / 3)),
        onLockLost: () => lost.abort(new CoordinationError(context, `the lease on ${name} was lost`)),
      });
      const inProcess = await local.acquire(signal);
      try {
        if (checkData) {
          // redis-semaphore keys a mutex as `mutex:<key>`.
          await redis.eval(QUARANTINE, 2, `${key}:known`, `mutex:${key}`, leaseMs);
          checkData = false;
        }
        await mutex.acquire(signal);
      } catch (error) {
        inProcess.release();
        if (signal?.aborted) throw signal.reason;
        throw new CoordinationError(context, messageOf(error));
      }
      let released = false;
      const hold: LockHold = {
        lost: lost.signal,
        release() {
          if (released) return;
          released = true;
          // An unreachable Redis: the lease runs out by itself.
          void mutex
            .release()
            .catch(() => undefined)
            .finally(() => inProcess.release());
        },
      };
      return hold;
    },
  };
}

/**
 * The shared credential store on Redis: one token or session for every process sharing `redis` and `name`, renewed
 * by one process at a time (the others wait for it, then read its result). The credential is kept in Redis as it is,
 * with the expiry as its TTL: guard that Redis as you guard the credential. It is never logged and is masked in every
 * error this store raises; Redis's own errors (which can quote a command and its arguments) are not passed on, only
 * their messages, masked.
 */
export function createRedisCredentialStore(redis: Redis, options: RedisCredentialStoreOptions): CredentialStore {
  const { name, renewLeaseMs = 30_000, renewTimeoutMs = 120_000, prefix = DEFAULT_PREFIX } = options;
  const key = `${prefix}:credential:${name}`;
  const client = leaseKeeper(redis);
  const redactor = createRedactor([]);
  // Redis quotes arguments back in some errors: the credential is masked as it is, percent-encoded and JSON-escaped.
  const remember = (value: string) => [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)].forEach(redactor.add);

  const fail = (operation: string, error: unknown) => {
    if (error instanceof CoordinationError) return error;
    return new CoordinationError({ api: 'redis', operation: `${operation} ${name}`, attempts: 1 }, redactor.text(messageOf(error)));
  };

  async function read(): Promise<StoredCredential | undefined> {
    const text = await redis.get(key);
    if (text === null) return undefined;
    const parsed = JSON.parse(text) as Partial<StoredCredential>;
    if (typeof parsed.value !== 'string') return undefined;
    remember(parsed.value);
    return typeof parsed.expiresAtMs === 'number' ? { value: parsed.value, expiresAtMs: parsed.expiresAtMs } : { value: parsed.value };
  }

  return {
    async get() {
      try {
        return await read();
      } catch (error) {
        throw fail('read credential', error);
      }
    },

    async renew(stale, renew) {
      if (stale !== undefined) remember(stale);
      const mutex = new Mutex(client, `${key}:renewal`, { lockTimeout: renewLeaseMs, acquireTimeout: renewTimeoutMs, refreshInterval: Math.floor(renewLeaseMs / 3) });
      try {
        const current = await read();
        if (current !== undefined && current.value !== stale) return current;
        await mutex.acquire();
      } catch (error) {
        throw fail('renew credential', error);
      }
      try {
        let current: StoredCredential | undefined;
        try {
          current = await read();
        } catch (error) {
          throw fail('renew credential', error);
        }
        if (current !== undefined && current.value !== stale) return current; // renewed by another process meanwhile
        const fresh = await renew(); // the API's own errors (a refused login) pass as they are
        remember(fresh.value);
        const ttl = fresh.expiresAtMs === undefined ? undefined : Math.max(1, Math.floor(fresh.expiresAtMs - Date.now()));
        try {
          if (ttl === undefined) await redis.set(key, JSON.stringify(fresh));
          else await redis.set(key, JSON.stringify(fresh), 'PX', ttl);
        } catch (error) {
          throw fail('store credential', error);
        }
        return fresh;
      } finally {
        void mutex.release().catch(() => undefined);
      }
    },

    async clear(value) {
      remember(value);
      try {
        await redis.eval(CLEAR_IF_EQUAL, 1, key, value);
      } catch (error) {
        throw fail('clear credential', error);
      }
    },
  };
}

/**
 * The client handed to redis-semaphore. Its lease renewal runs on a timer and lets a failed command become an unhandled
 * rejection (which ends a Node process); here a failed script (renewal or release) answers 0, "not held": a renewal
 * that fails is then a lost lease, and a release that fails leaves the lease to run out.
 */
function leaseKeeper(redis: Redis): ConstructorParameters<typeof Mutex>[0] {
  const notHeld = (error: unknown) => {
    if (String(error).includes('NOSCRIPT')) throw error; // redis-semaphore loads the script and tries again
    return 0;
  };
  return {
    get: redis.get.bind(redis),
    set: redis.set.bind(redis),
    zrem: redis.zrem.bind(redis),
    eval: ((...args: Parameters<Redis['eval']>) => redis.eval(...args).catch(notHeld)) as Redis['eval'],
    evalsha: ((...args: Parameters<Redis['evalsha']>) => redis.evalsha(...args).catch(notHeld)) as Redis['evalsha'],
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
