// What the Redis entry's errors may carry. Options outside their rules are a UsageError where the lock or store is made
// (a 1 ms lease used to hand out two holds). And no error, lost-lease reason, cause, util.inspect or JSON.stringify
// carries any part of a value stored in Redis or of a Redis reply: a value this store cannot read (JSON.parse quotes
// it), a Lua error, an ioredis error quoting a command's arguments.
import { inspect } from 'node:util';
import fc from 'fast-check';
import type { Redis } from 'ioredis';
import { Redis as RedisClient } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoordinationError, UsageError } from '../../src/core/index.ts';
import { createRedisCredentialStore, createRedisLock, MIN_LEASE_MS, type RedisCredentialStoreOptions, type RedisLockOptions } from '../../src/redis/node.ts';
import { hasRedisServer, startRedisServer, type RedisServer } from '../support/redis-server.ts';

if (!hasRedisServer && process.env.CI) throw new Error('redis-server is missing: .ci/run installs it (apt-get install redis-server)');

const refuse = () => Promise.reject(new Error('nothing is sent while a lock or a store is made'));
const unused = { get: refuse, set: refuse, zrem: refuse, eval: refuse, evalsha: refuse } as unknown as Redis;

describe('options outside their rules: a UsageError naming the option', () => {
  const lockOptions: Array<[string, Partial<RedisLockOptions>]> = [
    ['leaseMs', { leaseMs: 0 }],
    ['leaseMs', { leaseMs: -1 }],
    ['leaseMs', { leaseMs: 1 }],
    ['leaseMs', { leaseMs: MIN_LEASE_MS - 1 }],
    ['leaseMs', { leaseMs: 1000.5 }],
    ['leaseMs', { leaseMs: Number.NaN }],
    ['leaseMs', { leaseMs: Number.POSITIVE_INFINITY }],
    ['leaseMs', { leaseMs: 2 ** 31 }],
    ['leaseMs', { leaseMs: '1000' as unknown as number }],
    ['renewIntervalMs', { leaseMs: 1000, renewIntervalMs: 0 }],
    ['renewIntervalMs', { leaseMs: 1000, renewIntervalMs: 501 }],
    ['renewIntervalMs', { leaseMs: 1000, renewIntervalMs: 1000 }],
    ['renewIntervalMs', { leaseMs: 1000, renewIntervalMs: 2.5 }],
    ['acquireTimeoutMs', { acquireTimeoutMs: 0 }],
    ['acquireTimeoutMs', { acquireTimeoutMs: Number.NaN }],
    ['retryIntervalMs', { retryIntervalMs: 0 }],
    ['retryIntervalMs', { retryIntervalMs: 0.5 }],
    ['name', { name: '' }],
    ['name', { name: 5 as unknown as string }],
    ['prefix', { prefix: '' }],
  ];
  it.each(lockOptions)('createRedisLock: %s in %j', (option, bad) => {
    expect(() => createRedisLock(unused, { name: 'dilovod:x', ...bad })).toThrow(UsageError);
    expect(() => createRedisLock(unused, { name: 'dilovod:x', ...bad })).toThrow(option);
  });

  const storeOptions: Array<[string, Partial<RedisCredentialStoreOptions>]> = [
    ['renewLeaseMs', { renewLeaseMs: 0 }],
    ['renewLeaseMs', { renewLeaseMs: 2 }],
    ['renewLeaseMs', { renewLeaseMs: 90 }],
    ['renewLeaseMs', { renewLeaseMs: Number.NaN }],
    ['renewLeaseMs', { renewLeaseMs: 1e12 }],
    ['renewTimeoutMs', { renewTimeoutMs: 0 }],
    ['renewTimeoutMs', { renewTimeoutMs: -5 }],
    ['name', { name: '' }],
  ];
  it.each(storeOptions)('createRedisCredentialStore: %s in %j', (option, bad) => {
    expect(() => createRedisCredentialStore(unused, { name: 'fastriver:x', ...bad })).toThrow(UsageError);
    expect(() => createRedisCredentialStore(unused, { name: 'fastriver:x', ...bad })).toThrow(option);
  });

  it('any number: a lease is taken exactly when it is a whole number of ms from MIN_LEASE_MS to 2^31-1', () => {
    const leases = fc.oneof(fc.double(), fc.integer({ min: -10, max: 2 * MIN_LEASE_MS }), fc.integer({ min: 2 ** 31 - 10, max: 2 ** 31 + 10 }));
    fc.assert(
      fc.property(leases, (leaseMs) => {
        const fine = Number.isInteger(leaseMs) && leaseMs >= MIN_LEASE_MS && leaseMs <= 2 ** 31 - 1;
        const make = () => {
          createRedisLock(unused, { name: 'dilovod:x', leaseMs });
          createRedisCredentialStore(unused, { name: 'fastriver:x', renewLeaseMs: leaseMs });
        };
        if (fine) make();
        else expect(make).toThrow(UsageError);
      }),
      { numRuns: 500 },
    );
  });
});

/** Every place an error shows what it holds: message, stack, util.inspect, JSON, and each cause down the chain. */
function shown(error: unknown): string {
  const parts: string[] = [];
  for (let at = error, depth = 0; at !== undefined && depth < 10; at = (at as { cause?: unknown }).cause, depth++) {
    parts.push(String(at), (at as Error)?.stack ?? '', inspect(at, { depth: 10, showHidden: true }), JSON.stringify(at) ?? '');
  }
  return parts.join('\n');
}

// Secrets from letters no message of ours uses: any one of them in an error is a piece of the secret.
const SECRET_LETTERS = [...'жщюяєїґЖЩЮЯЄЇҐ'];
const secrets = fc.string({ unit: fc.constantFrom(...SECRET_LETTERS), minLength: 8, maxLength: 40 });
const carriesSecret = (text: string) => SECRET_LETTERS.some((letter) => text.includes(letter));
const escaped = (secret: string) => JSON.stringify(secret).slice(1, -1);

describe.skipIf(!hasRedisServer)('a stored value this store cannot read: a CoordinationError with none of it', () => {
  let server: RedisServer;
  let redis: RedisClient;
  beforeAll(async () => {
    server = await startRedisServer();
    redis = new RedisClient(server.url, { maxRetriesPerRequest: 1 });
  });
  afterAll(async () => {
    redis?.disconnect();
    await server?.stop();
  });

  // How a credential key can hold something other than what this store writes: another tool, an older version, a
  // half-written value, a hand edit.
  const unreadable: Array<(secret: string) => string> = [
    (secret) => secret,
    (secret) => `${secret}}`,
    (secret) => `"${secret}"`,
    (secret) => `{"value":"${secret}`,
    (secret) => `{"value":${secret}}`,
    (secret) => `{"token":"${secret}"}`,
    (secret) => `["${secret}"]`,
    (secret) => `{"value":"${secret}","expiresAtMs":"soon"}`,
    (secret) => `{"value":"${secret}","expiresAtMs":1e999}`,
    (secret) => `{"value":["${secret}"]}`,
    (secret) => `null${secret}`,
    (secret) => `${encodeURIComponent(secret)}`,
    (secret) => `{"value":"${escaped(secret)}\\`,
  ];
  let names = 0;

  it('get, renew and clear: each fails with a CoordinationError carrying no part of the value, or succeeds', async () => {
    await fc.assert(
      fc.asyncProperty(secrets, fc.constantFrom(...unreadable), async (secret, write) => {
        const name = `fastriver:unreadable-${++names}`;
        await redis.set(`delivery-api-clients:credential:${name}`, write(secret));
        const store = createRedisCredentialStore(redis, { name });
        const outcomes = await Promise.allSettled([store.get(), store.renew('stale', async () => ({ value: 'fresh-token-0123456789' })), store.clear('other')]);
        const [get, renew, clear] = outcomes;
        expect(get.status).toBe('rejected');
        expect(renew.status).toBe('rejected');
        expect(clear.status).toBe('fulfilled'); // a value it cannot read is not its to delete
        for (const outcome of outcomes) {
          if (outcome.status === 'fulfilled') continue;
          expect(outcome.reason).toBeInstanceOf(CoordinationError);
          expect(carriesSecret(shown(outcome.reason)), shown(outcome.reason)).toBe(false);
        }
        expect(await redis.get(`delivery-api-clients:credential:${name}`)).toBe(write(secret)); // nothing lost
      }),
      { numRuns: 60 },
    );
  });
});

describe('a Redis that answers with errors quoting what it was sent, or what it holds', () => {
  // The forms an ioredis rejection takes: a Redis error reply, an ioredis client error, something that is no Error.
  const failures: Array<[string, (quote: string) => unknown]> = [
    ['a ReplyError quoting the arguments', (quote) => Object.assign(new Error(`ERR Error running script: ${quote}`), { name: 'ReplyError', command: { args: [quote] } })],
    ['a WRONGTYPE reply', (quote) => Object.assign(new Error(`WRONGTYPE Operation against a key holding ${quote}`), { name: 'ReplyError' })],
    ['a reply with no code', (quote) => Object.assign(new Error(quote), { name: 'ReplyError' })],
    ['an ioredis argument error', (quote) => new Error(`Invalid argument ${quote}`)],
    ['a string', (quote) => `ERR ${quote}`],
    ['an Error whose cause holds it', (quote) => new Error('Connection is closed.', { cause: new Error(quote) })],
  ];

  /** An ioredis stand-in whose every command fails with `failure`, quoting its arguments and the stored secret. */
  function failingRedis(secret: string, failure: (quote: string) => unknown, answers: { acquire?: boolean } = {}): Redis {
    const fail = (...args: unknown[]) => Promise.reject(failure(`${args.map(String).join(' ')} ${secret} ${escaped(secret)}`));
    return {
      get: fail,
      set: fail,
      zrem: fail,
      evalsha: fail,
      // The lock's acquire step succeeds when asked to, so that its renewal is what fails.
      eval: (script: string, ...args: unknown[]) => (answers.acquire && script.includes("'closed'") ? Promise.resolve('OK') : fail(script, ...args)),
    } as unknown as Redis;
  }

  it.each(failures)('%s: every operation fails typed, with the error code at most', async (_, failure) => {
    await fc.assert(
      fc.asyncProperty(secrets, async (secret) => {
        const redis = failingRedis(secret, failure);
        const store = createRedisCredentialStore(redis, { name: 'fastriver:quoting' });
        const lock = createRedisLock(redis, { name: 'dilovod:quoting', acquireTimeoutMs: 1000 });
        const attempts = [store.get(), store.renew(undefined, async () => ({ value: secret })), store.renew(secret, async () => ({ value: secret })), store.clear(secret), lock.acquire()];
        for (const outcome of await Promise.allSettled(attempts)) {
          expect(outcome.status).toBe('rejected');
          const reason = (outcome as PromiseRejectedResult).reason;
          expect(reason).toBeInstanceOf(CoordinationError);
          expect(carriesSecret(shown(reason)), shown(reason)).toBe(false);
        }
      }),
      { numRuns: 20 },
    );
  });

  it.each(failures)('%s while renewing a held lease: the lease is lost, and its reason quotes nothing', async (_, failure) => {
    const secret = 'жщюяєїґЖЩЮЯ';
    const lock = createRedisLock(failingRedis(secret, failure, { acquire: true }), { name: 'dilovod:renewal', leaseMs: MIN_LEASE_MS });
    const hold = await lock.acquire();
    await new Promise((resolve) => hold.lost?.addEventListener('abort', resolve));
    hold.release();
    expect(hold.lost?.reason).toBeInstanceOf(CoordinationError);
    expect(carriesSecret(shown(hold.lost?.reason)), shown(hold.lost?.reason)).toBe(false);
  });

  it('a reply keeps its error code, so the cause can still be told', async () => {
    const redis = failingRedis('жщюяєїґЖЩЮЯ', failures[1]![1]);
    await expect(createRedisCredentialStore(redis, { name: 'fastriver:code' }).get()).rejects.toThrow('Redis refused the command (WRONGTYPE)');
  });
});
