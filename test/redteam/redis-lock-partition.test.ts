// Red team: "Many workers, one account". Two workers (two ioredis connections, two createRedisLock) share one Dilovod
// account. Worker A's link to Redis is silently partitioned (TCP stays open, bytes stop) while its request is in flight.
// The README promises: "If the lease of a request in flight cannot be renewed (Redis gone for longer than the lease ...),
// that request is stopped" and "an overlap at Dilovod is worse than a failed call".
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer, Socket as NetSocket, type Socket, type AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { UsageError } from '../../src/core/index.ts';
import { createDilovodClient } from '../../src/dilovod/index.ts';
import { createRedisLock, MIN_LEASE_MS } from '../../src/redis/node.ts';
import { startRedisServer, type RedisServer } from '../support/redis-server.ts';

let redis: RedisServer;
let redisPort = 0;
let dilovod: Server;
let dilovodUrl = '';
let inFlight = 0;
let maxInFlight = 0;

beforeAll(async () => {
  redis = await startRedisServer();
  redisPort = redis.port;
  dilovod = createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let done = false;
    const end = () => {
      if (!done) {
        done = true;
        inFlight--;
      }
    };
    req.resume();
    res.on('close', end);
    setTimeout(() => {
      res.setHeader('content-type', 'application/json');
      res.end('{"error":"slow"}');
      end();
    }, 1200);
  });
  await new Promise<void>((r) => dilovod.listen(0, '127.0.0.1', r));
  dilovodUrl = `http://127.0.0.1:${(dilovod.address() as AddressInfo).port}`;
}, 30_000);

afterAll(async () => {
  await redis?.stop();
  dilovod?.close();
});

/** A TCP proxy to Redis that can be "partitioned": it keeps the sockets open but stops forwarding. */
async function partitionableProxy() {
  let paused = false;
  const sockets: Socket[] = [];
  const server = createNetServer((client) => {
    const upstream = new NetSocket();
    upstream.connect(redisPort, '127.0.0.1');
    sockets.push(client, upstream);
    client.on('data', (d) => { if (!paused) upstream.write(d); });
    upstream.on('data', (d) => { if (!paused) client.write(d); });
    client.on('error', () => undefined);
    upstream.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    partition: () => (paused = true),
    close: () => { sockets.forEach((s) => s.destroy()); server.close(); },
  };
}

it('control: without a partition the two workers never overlap', async () => {
  const redisA = new Redis({ port: redisPort, maxRetriesPerRequest: 1 });
  const redisB = new Redis({ port: redisPort, maxRetriesPerRequest: 1 });
  const name = `dilovod:control-${Date.now()}`;
  const a = createDilovodClient({ key: 'key-a', baseUrl: dilovodUrl, lock: createRedisLock(redisA, { name, leaseMs: 300 }) });
  const b = createDilovodClient({ key: 'key-a', baseUrl: dilovodUrl, lock: createRedisLock(redisB, { name, leaseMs: 300 }) });
  await new Promise((r) => setTimeout(r, 400));
  await Promise.all([a.getObject('1').catch((e) => e), b.getObject('2').catch((e) => e)]);
  redisA.disconnect();
  redisB.disconnect();
  expect(maxInFlight).toBe(1);
  maxInFlight = 0;
}, 30_000);

it('a silently partitioned worker keeps its Dilovod request in flight while another worker gets the lock (overlap)', async () => {
  const proxy = await partitionableProxy();
  const redisA = new Redis({ port: proxy.port, maxRetriesPerRequest: 1 });
  const redisB = new Redis({ port: redisPort, maxRetriesPerRequest: 1 });
  const name = `dilovod:partition-${Date.now()}`;
  const leaseMs = 300;
  const a = createDilovodClient({ key: 'key-a', baseUrl: dilovodUrl, lock: createRedisLock(redisA, { name, leaseMs }) });
  const b = createDilovodClient({ key: 'key-a', baseUrl: dilovodUrl, lock: createRedisLock(redisB, { name, leaseMs }) });
  // Let both pass the "never used" quarantine first.
  await new Promise((r) => setTimeout(r, leaseMs + 100));
  const callA = a.getObject('1110800000001029').then(() => 'ok', (e) => e);
  // wait until A's request has reached Dilovod
  for (let i = 0; i < 100 && inFlight === 0; i++) await new Promise((r) => setTimeout(r, 20));
  expect(inFlight).toBe(1);
  proxy.partition();
  const callB = b.getObject('1110800000001029').then(() => 'ok', (e) => e);
  await Promise.all([callA, callB]);
  redisA.disconnect();
  redisB.disconnect();
  proxy.close();
  expect(maxInFlight, 'two requests for one Dilovod account were in flight at once').toBe(1);
}, 30_000);

it('FLUSHALL (Redis emptied without a reconnect) while a request is in flight does not let a second worker in', async () => {
  maxInFlight = 0;
  const redisA = new Redis({ port: redisPort, maxRetriesPerRequest: 1 });
  const redisB = new Redis({ port: redisPort, maxRetriesPerRequest: 1 });
  const admin = new Redis({ port: redisPort, maxRetriesPerRequest: 1 });
  const name = `dilovod:flush-${Date.now()}`;
  const leaseMs = 600;
  const a = createDilovodClient({ key: 'key-a', baseUrl: dilovodUrl, lock: createRedisLock(redisA, { name, leaseMs }) });
  const b = createDilovodClient({ key: 'key-a', baseUrl: dilovodUrl, lock: createRedisLock(redisB, { name, leaseMs }) });
  await new Promise((r) => setTimeout(r, leaseMs + 100));
  // both workers have used the lock once (so this Redis is "known" to both)
  await a.getObject('1').catch(() => undefined);
  await b.getObject('1').catch(() => undefined);
  maxInFlight = 0;
  const callA = a.getObject('2').then(() => 'ok', (e) => e);
  for (let i = 0; i < 100 && inFlight === 0; i++) await new Promise((r) => setTimeout(r, 20));
  await admin.flushall();
  const callB = b.getObject('3').then(() => 'ok', (e) => e);
  await Promise.all([callA, callB]);
  redisA.disconnect();
  redisB.disconnect();
  admin.disconnect();
  expect(maxInFlight, 'after FLUSHALL two requests for one account were in flight at once').toBe(1);
}, 40_000);

// A 1 ms lease was accepted as is (no minimum, no error): the lease ran out before its first renewal, two holds at once.
it('a 1 ms lease is refused with a UsageError; the shortest lease allowed never lets two Dilovod calls overlap', async () => {
  maxInFlight = 0;
  const redisA = new Redis({ port: redisPort, maxRetriesPerRequest: 1 });
  const redisB = new Redis({ port: redisPort, maxRetriesPerRequest: 1 });
  const name = `dilovod:tiny-${Date.now()}`;
  expect(() => createRedisLock(redisA, { name, leaseMs: 1 })).toThrow(UsageError);
  const a = createDilovodClient({ key: 'key-a', baseUrl: dilovodUrl, lock: createRedisLock(redisA, { name, leaseMs: MIN_LEASE_MS }) });
  const b = createDilovodClient({ key: 'key-a', baseUrl: dilovodUrl, lock: createRedisLock(redisB, { name, leaseMs: MIN_LEASE_MS }) });
  const results = await Promise.all([a.getObject('1').then(() => 'ok', (e) => e), b.getObject('2').then(() => 'ok', (e) => e)]);
  redisA.disconnect();
  redisB.disconnect();
  expect(maxInFlight, `two in flight; results: ${results.map((r) => String(r)).join(" | ")}`).toBe(1);
}, 40_000);
