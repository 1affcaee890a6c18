// Red team: the Redis credential store must never show the credential, whole or in part, in an error.
// A value that is not the store's JSON (written by an older version, another tool, or a half-written SET) is parsed
// with JSON.parse, whose SyntaxError quotes the start of the text.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SdkError, UsageError } from '../../src/core/index.ts';
import { createRedisCredentialStore, createRedisLock, MIN_LEASE_MS } from '../../src/redis/node.ts';

let redisProc: ChildProcess;
let redisPort = 0;
let redis: Redis;

beforeAll(async () => {
  const s = createNetServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  redisPort = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  const dir = mkdtempSync(join(tmpdir(), 'rt3-redis-'));
  redisProc = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
  redis = new Redis({ port: redisPort, maxRetriesPerRequest: 1 });
  for (let i = 0; i < 100; i++) {
    try { await redis.ping(); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
}, 30_000);
afterAll(() => { redis?.disconnect(); redisProc?.kill(); });

const SECRET = 'tok_SECRETVALUE_0123456789';
const seen = (e: unknown) => `${String(e)}\n${(e as Error)?.stack}\n${inspect(e, { depth: 10 })}\n${JSON.stringify(e)}`;

it('a raw (non-JSON) token in the credential key does not leak into the error', async () => {
  const store = createRedisCredentialStore(redis, { name: 'fastriver:raw' });
  await redis.set('delivery-api-clients:credential:fastriver:raw', SECRET);
  const error = await store.get().then(() => undefined, (e) => e);
  expect(error).toBeInstanceOf(SdkError);
  expect(seen(error)).not.toContain('SECRETVAL');
  expect(seen(error)).not.toContain('tok_SECRE');
});

it('a truncated JSON token does not leak into the error', async () => {
  const store = createRedisCredentialStore(redis, { name: 'fastriver:trunc' });
  await redis.set('delivery-api-clients:credential:fastriver:trunc', `{"value":"${SECRET}`);
  const error = await store.get().then(() => undefined, (e) => e);
  expect(error).toBeInstanceOf(SdkError);
  expect(seen(error)).not.toMatch(/SECRETVAL|0123456789/);
});

it('a JSON null stored gives a typed error, not a bare TypeError', async () => {
  const store = createRedisCredentialStore(redis, { name: 'fastriver:null' });
  await redis.set('delivery-api-clients:credential:fastriver:null', 'null');
  const error = await store.get().then((v) => v, (e) => e);
  // either undefined (treated as absent) or an SdkError; never a TypeError
  expect(error === undefined || error instanceof SdkError).toBe(true);
});

it('renew on a garbage credential key: the renewal still runs or fails typed, without the token', async () => {
  const store = createRedisCredentialStore(redis, { name: 'fastriver:garbage', renewLeaseMs: MIN_LEASE_MS });
  await redis.set('delivery-api-clients:credential:fastriver:garbage', SECRET + '}');
  const out = await store.renew(undefined, async () => ({ value: 'new-token' })).then((v) => v, (e) => e);
  if (out instanceof Error) {
    expect(out).toBeInstanceOf(SdkError);
    expect(seen(out)).not.toMatch(/SECRETVAL/);
  } else expect(out.value).toBe('new-token');
});

it('createRedisLock with leaseMs 0, -1, 1, 99: refused with a UsageError; the shortest lease allowed never gives two holds at once', async () => {
  for (const leaseMs of [0, -1, 1, MIN_LEASE_MS - 1]) {
    expect(() => createRedisLock(redis, { name: 'dilovod:refused', leaseMs }), `leaseMs ${leaseMs}`).toThrow(UsageError);
  }
  for (const leaseMs of [MIN_LEASE_MS]) {
    const r2 = new Redis({ port: redisPort, maxRetriesPerRequest: 1 });
    const name = `dilovod:lease${leaseMs}-${Date.now()}`;
    const l1 = createRedisLock(redis, { name, leaseMs, acquireTimeoutMs: 300 });
    const l2 = createRedisLock(r2, { name, leaseMs, acquireTimeoutMs: 300 });
    let holders = 0;
    let max = 0;
    const use = async (l: typeof l1) => {
      const h = await l.acquire();
      holders++; max = Math.max(max, holders);
      await new Promise((r) => setTimeout(r, 50));
      holders--; h.release();
    };
    const results = await Promise.allSettled([use(l1), use(l2)]);
    for (const r of results) if (r.status === 'rejected') expect(r.reason, `leaseMs ${leaseMs}`).toBeInstanceOf(SdkError);
    r2.disconnect();
    expect(max, `leaseMs ${leaseMs}: two holders at once`).toBeLessThanOrEqual(1);
  }
}, 20_000);
