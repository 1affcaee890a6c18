// `delivery-api-clients/redis/node` (Node only, like the `/node` entries: ioredis speaks TCP): the account lock and the
// shared credential store on Redis, for clients of one account in several processes. Built on a maintained client
// (ioredis, which you create and own) and a maintained lock library (redis-semaphore's Mutex: its acquire loop with
// acquireTimeout and retryInterval, its identifier, its renewal timer and onLockLost). Both are optional peer
// dependencies: only this entry needs them. What is ours, and why: the acquire step (one script that also keeps the
// lock closed for one lease when nothing says the last holder let go), a deadline on every Redis command of a hold,
// and a watchdog that stops the request before the lease can run out (see createRedisLock).
import type { Redis } from 'ioredis';
import { Mutex, TimeoutError as AcquireTimeout } from 'redis-semaphore';
import { createLocalLock, type AccountLock, type CredentialStore, type LockHold, type StoredCredential } from '../core/coordination.ts';
import { CoordinationError, UsageError, type ErrorContext } from '../core/errors.ts';
import { isError } from '../core/objects.ts';

export interface RedisLockOptions {
  /** The account, in key names (`dilovod:shop-1`): never a credential. Every process of one account uses the same. */
  name: string;
  /**
   * The lease, ms: a holder that dies (or loses Redis) frees the lock after this. A whole number from 100 (MIN_LEASE_MS)
   * to 2^31-1. A holder whose lease has not been confirmed by Redis for two thirds of it stops its request (see
   * createRedisLock). Default 10 000.
   */
  leaseMs?: number;
  /** How often the lease is renewed while held, ms: a whole number ≥ 1, at most half of leaseMs. Default a third of leaseMs. */
  renewIntervalMs?: number;
  /** How long a call waits for the lock before failing with a `CoordinationError`, ms (whole, ≥ 1). Default 120 000. */
  acquireTimeoutMs?: number;
  /** How often a waiting call tries again while the lock is held elsewhere, ms (whole, ≥ 1). Default 5. */
  retryIntervalMs?: number;
  /** Prefix of every key. Default `delivery-api-clients`. */
  prefix?: string;
}

export interface RedisCredentialStoreOptions {
  /** The account, in key names (`fastriver:bot@company.com`): never a credential. */
  name: string;
  /**
   * The lease of the renewal lock, ms (whole, from 100 to 2^31-1; renewed every third of it): a process that dies while
   * logging in holds the others back this long. Default 30 000.
   */
  renewLeaseMs?: number;
  /** How long a holder waits for another's renewal before failing with a `CoordinationError`, ms (whole, ≥ 1). Default 120 000. */
  renewTimeoutMs?: number;
  /** Prefix of every key. Default `delivery-api-clients`. */
  prefix?: string;
}

/**
 * The shortest lease, ms. A lease is renewed before it runs out, and a holder stops its request when a renewal has not
 * been confirmed by two thirds of it: below this the renewal's own round trip and timer delays would stop requests
 * that are fine (and a lease of a few ms runs out before its first renewal, which would let two holders in).
 */
export const MIN_LEASE_MS = 100;

const DEFAULT_PREFIX = 'delivery-api-clients';
/** setTimeout's largest delay; a longer one fires at once. */
const MAX_MS = 2 ** 31 - 1;

/**
 * One attempt to take the lock, in one step. KEYS[1]: the lock (redis-semaphore's `mutex:<key>`: the holder's
 * identifier, expiring after the lease). KEYS[2]: its record, `free` once the last holder has let go, else that
 * holder's identifier. When the lock is free but the record does not say `free` (a first use, a Redis restarted or
 * emptied by FLUSHALL, a holder that died, or a lock key that vanished under its holder), nobody can tell whether a
 * holder is still at work: the lock is closed for one lease, the time a holder needs to notice and stop its request.
 */
const ACQUIRE = `
if redis.call('exists', KEYS[1]) == 1 then return false end
if redis.call('get', KEYS[2]) ~= 'free' then
  redis.call('set', KEYS[1], 'closed', 'PX', ARGV[2])
  redis.call('set', KEYS[2], 'free')
  return false
end
redis.call('set', KEYS[2], ARGV[1])
return redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2])`;

/** Lets go of the lock if it is still ours, and records that its holder let go. */
const RELEASE = `
if redis.call('get', KEYS[1]) == ARGV[1] then
  redis.call('set', KEYS[2], 'free')
  return redis.call('del', KEYS[1])
end
return 0`;

/** Deletes the credential if it is still ARGV[1]; a value this store cannot read is left alone. */
const CLEAR_IF_EQUAL = `
local stored = redis.call('get', KEYS[1])
if not stored then return 0 end
local ok, credential = pcall(cjson.decode, stored)
if ok and type(credential) == 'table' and credential.value == ARGV[1] then return redis.call('del', KEYS[1]) end
return 0`;

/**
 * The account lock on Redis: one request in flight per account across every process that shares `redis` and `name`.
 * `redis` is an ioredis client you made (`new Redis(url)`). While a call waits for the lock, a Redis that cannot be
 * reached makes it wait (ioredis's offline queue) and then fail with `CoordinationError`, nothing sent; so does
 * `acquireTimeoutMs`, and the caller's signal ends the wait at once.
 *
 * While held, the lease is renewed every `renewIntervalMs`. The holder counts its lease from the moment it sent the
 * command that set or last renewed it (Redis starts the lease later, never earlier); when two thirds of that are gone
 * without a confirmed renewal (Redis silent, slow, unreachable) or a renewal finds the lock no longer its own (Redis
 * emptied, the key deleted or taken over), `hold.lost` aborts with a `CoordinationError` and the request is stopped,
 * a third of a lease before anyone else can take the lock. A lease lock without fencing tokens cannot cover a process
 * paused for longer than that, or clocks that drift apart by a third (README "Many workers, one account").
 *
 * @throws UsageError for options outside their rules (see RedisLockOptions).
 */
export function createRedisLock(redis: Redis, options: RedisLockOptions): AccountLock {
  const usage = optionsCheck('createRedisLock');
  const name = usage.name(options.name);
  const prefix = usage.prefix(options.prefix);
  const leaseMs = usage.ms('leaseMs', options.leaseMs ?? 10_000, MIN_LEASE_MS, MAX_MS);
  const renewIntervalMs = usage.ms('renewIntervalMs', options.renewIntervalMs ?? Math.floor(leaseMs / 3), 1, Math.floor(leaseMs / 2), 'half of leaseMs');
  const acquireTimeoutMs = usage.ms('acquireTimeoutMs', options.acquireTimeoutMs ?? 120_000, 1, MAX_MS);
  const retryIntervalMs = usage.ms('retryIntervalMs', options.retryIntervalMs ?? 5, 1, MAX_MS);
  const key = `${prefix}:lock:${name}`;
  const keys = [`mutex:${key}`, `${key}:record`] as const; // redis-semaphore keys a mutex as `mutex:<key>`
  /** The part of a lease a holder keeps in hand: its request is stopped when less than this is left. */
  const marginMs = Math.ceil(leaseMs / 3);
  // Calls of this process queue here first, in call order: only one of them at a time asks Redis (and polls it).
  const local = createLocalLock();

  return {
    async acquire(signal) {
      const context: ErrorContext = { api: 'redis', operation: `lock ${name}`, attempts: 1 };
      const inProcess = await local.acquire(signal);
      const lost = new AbortController();
      /** performance.now() at which the request must stop: when the last confirmed command was sent, plus leaseMs - marginMs. */
      let stopAt = 0;
      let watchdog: ReturnType<typeof setTimeout> | undefined;
      const lose = (reason: string) => {
        clearTimeout(watchdog);
        if (!lost.signal.aborted) lost.abort(new CoordinationError(context, `the lease on ${name} was lost: ${reason}; the request was stopped`));
      };
      let released = false;
      const confirmed = (sentAt: number) => {
        if (released || lost.signal.aborted) return; // a late answer: the hold is over
        stopAt = Math.max(stopAt, sentAt + leaseMs - marginMs);
        clearTimeout(watchdog);
        watchdog = setTimeout(() => lose(`Redis confirmed no renewal within ${leaseMs - marginMs} ms`), stopAt - performance.now());
        watchdog.unref(); // it guards a request, which keeps the process alive itself
      };
      const acquireBy = performance.now() + acquireTimeoutMs;
      // The commands redis-semaphore sends for this hold: its SET becomes our acquire step, and its renewals (the only
      // scripts it runs before we release) get a deadline, the moment the request must stop.
      const client = {
        get: redis.get.bind(redis),
        zrem: redis.zrem.bind(redis),
        set: (_key: string, identifier: string) => {
          const sentAt = performance.now();
          const attempt = within(redis.eval(ACQUIRE, 2, ...keys, identifier, leaseMs), acquireBy - sentAt, signal);
          return attempt.then((answer) => {
            if (answer === 'OK') confirmed(sentAt);
            return answer;
          });
        },
        eval: (...args: Parameters<Redis['eval']>) => renewal(() => redis.eval(...args)),
        evalsha: (...args: Parameters<Redis['evalsha']>) => renewal(() => redis.evalsha(...args)),
      };
      const renewal = (send: () => Promise<unknown>) => {
        const sentAt = performance.now();
        return within(send(), stopAt - sentAt).then(
          (answer) => {
            if (Number(answer) === 1) confirmed(sentAt);
            return answer;
          },
          (error: unknown) => {
            if (String(error).includes('NOSCRIPT')) throw error; // redis-semaphore loads the script and tries again
            lose(error instanceof Deadline ? 'Redis did not confirm the renewal in time' : `the renewal failed (${describe(error)})`);
            return 0; // "not held": never an error, which redis-semaphore's timer would leave unhandled
          },
        );
      };
      const mutex = new Mutex(client as unknown as ConstructorParameters<typeof Mutex>[0], key, {
        lockTimeout: leaseMs,
        acquireTimeout: acquireTimeoutMs,
        retryInterval: retryIntervalMs,
        refreshInterval: renewIntervalMs,
        onLockLost: () => lose('it is no longer ours (Redis lost it, or someone else holds it)'),
      });
      const letGo = () => within(redis.eval(RELEASE, 2, ...keys, mutex.identifier), leaseMs).catch(() => undefined); // else the lease runs out
      try {
        await mutex.acquire(signal);
      } catch (error) {
        // An attempt given up on may still reach Redis: the release goes after it on the same connection.
        void letGo().finally(() => inProcess.release());
        if (signal?.aborted) throw signal.reason;
        if (error instanceof AcquireTimeout || error instanceof Deadline) throw new CoordinationError(context, `no turn within acquireTimeoutMs (${acquireTimeoutMs} ms)`);
        throw new CoordinationError(context, describe(error));
      }
      const hold: LockHold = {
        lost: lost.signal,
        release() {
          if (released) return;
          released = true;
          mutex.stopRefresh();
          clearTimeout(watchdog);
          void letGo().finally(() => inProcess.release());
        },
      };
      return hold;
    },
  };
}

/**
 * The shared credential store on Redis: one token or session for every process sharing `redis` and `name`, renewed
 * by one process at a time (the others wait for it, then read its result). The credential is kept in Redis as it is,
 * with the expiry as its TTL: guard that Redis as you guard the credential. It is never logged, and no error of this
 * store carries any of it or of anything else stored or answered by Redis: a value this store cannot read is a
 * `CoordinationError` naming only the key, and Redis's own errors (which can quote a command's arguments) give only
 * their kind (`Redis refused the command (WRONGTYPE)`).
 *
 * @throws UsageError for options outside their rules (see RedisCredentialStoreOptions).
 */
export function createRedisCredentialStore(redis: Redis, options: RedisCredentialStoreOptions): CredentialStore {
  const usage = optionsCheck('createRedisCredentialStore');
  const name = usage.name(options.name);
  const prefix = usage.prefix(options.prefix);
  const renewLeaseMs = usage.ms('renewLeaseMs', options.renewLeaseMs ?? 30_000, MIN_LEASE_MS, MAX_MS);
  const renewTimeoutMs = usage.ms('renewTimeoutMs', options.renewTimeoutMs ?? 120_000, 1, MAX_MS);
  const key = `${prefix}:credential:${name}`;
  const client = leaseKeeper(redis);

  const context = (operation: string): ErrorContext => ({ api: 'redis', operation: `${operation} ${name}`, attempts: 1 });
  const fail = (operation: string, error: unknown) => (error instanceof CoordinationError ? error : new CoordinationError(context(operation), describe(error)));

  async function read(): Promise<StoredCredential | undefined> {
    const text = await redis.get(key);
    if (text === null) return undefined;
    const credential = parseCredential(text);
    if (credential === undefined) {
      throw new CoordinationError(context('read credential'), `the value under ${key} is not a credential this store wrote (JSON with a string "value"); delete the key to start over`);
    }
    return credential;
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
      // A renewal whose lease is lost still stores its result: at worst a second process logs in as well.
      const mutex = new Mutex(client, `${key}:renewal`, { lockTimeout: renewLeaseMs, acquireTimeout: renewTimeoutMs, refreshInterval: Math.floor(renewLeaseMs / 3), onLockLost: () => undefined });
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
      try {
        await redis.eval(CLEAR_IF_EQUAL, 1, key, value);
      } catch (error) {
        throw fail('clear credential', error);
      }
    },
  };
}

/** A stored credential as this store writes it (`{"value": string, "expiresAtMs"?: number}`), or undefined. */
function parseCredential(text: string): StoredCredential | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined; // JSON.parse's SyntaxError quotes the text: it goes nowhere
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { value, expiresAtMs } = parsed as Record<string, unknown>;
  if (typeof value !== 'string') return undefined;
  if (expiresAtMs === undefined) return { value };
  return typeof expiresAtMs === 'number' && Number.isFinite(expiresAtMs) ? { value, expiresAtMs } : undefined;
}

/**
 * The client handed to the store's redis-semaphore Mutex. Its lease renewal runs on a timer and lets a failed command
 * become an unhandled rejection (which ends a Node process); here a failed script (renewal or release) answers 0, "not
 * held": a renewal that fails is then a lost lease, and a release that fails leaves the lease to run out.
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

/** A command that did not answer by its deadline (it may still reach Redis later). */
class Deadline extends Error {}

/** The command's answer, or a rejection at the deadline (`ms` from now) or when `signal` aborts, whichever comes first. */
function within<T>(command: Promise<T>, ms: number, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Deadline()), Math.max(0, Math.min(ms, MAX_MS)));
    const onAbort = () => reject(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    command.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    });
  });
}

/** ioredis's own errors whose text is fixed (no command, no argument, no reply in it). */
const FIXED_MESSAGES = new Set(['Connection is closed.', "Stream isn't writeable and enableOfflineQueue options is false", 'Command timed out']);

/**
 * What went wrong with Redis, in words that quote nothing stored and nothing Redis answered: Redis's error replies
 * can quote a command's arguments (a credential, a script) and a stored value can reach them, so a reply gives only its
 * error code (`ERR`, `WRONGTYPE`, `NOAUTH`, …); only ioredis's fixed texts and socket errors (`connect ECONNREFUSED
 * 127.0.0.1:6379`) are passed as they are.
 */
function describe(error: unknown): string {
  if (!isError(error)) return 'Redis failed';
  if (error.name === 'ReplyError') {
    const code = /^[A-Z]{2,20}(?= |$)/.exec(error.message)?.[0];
    return `Redis refused the command${code ? ` (${code})` : ''}`;
  }
  if (error.name === 'MaxRetriesPerRequestError') return 'Redis could not be reached (ioredis gave the command up after maxRetriesPerRequest)';
  if (FIXED_MESSAGES.has(error.message)) return error.message;
  if (/^(?:connect |read |write )?E[A-Z]+(?: [\d.:[\]a-fA-F]+)?$/.test(error.message)) return error.message;
  return 'Redis failed';
}

/** The option checks of one factory, each throwing a UsageError that names the option and its rule. */
function optionsCheck(operation: string) {
  const bad = (reason: string) => new UsageError({ api: 'redis', operation, attempts: 0 }, reason);
  return {
    /** An account name: a non-empty string (never quoted: it is a key name, but only the caller knows what is in it). */
    name(value: unknown): string {
      if (typeof value !== 'string' || value === '') throw bad('name must be a non-empty string');
      return value;
    },
    prefix(value: unknown): string {
      if (value === undefined) return DEFAULT_PREFIX;
      if (typeof value !== 'string' || value === '') throw bad('prefix must be a non-empty string');
      return value;
    },
    /** A whole number of milliseconds from `min` to `max`. */
    ms(option: string, value: unknown, min: number, max: number, maxName = String(max)): number {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
        const shown = typeof value === 'number' ? String(value) : typeof value;
        throw bad(`${option} must be a whole number of milliseconds from ${min} to ${maxName}, not ${shown}`);
      }
      return value;
    },
  };
}
