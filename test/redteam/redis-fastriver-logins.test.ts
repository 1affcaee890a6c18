// Red team: "one login, and one new login when the API refuses it" for Fastriver workers sharing a Redis store.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createFastriverClient } from '../../src/fastriver/index.ts';
import { createRedisCredentialStore, MIN_LEASE_MS } from '../../src/redis/node.ts';
import { startRedisServer, type RedisServer } from '../support/redis-server.ts';

let redis: RedisServer;
let redisPort = 0;
let api: Server;
let apiUrl = '';
let logins = 0;
let tokenSeq = 0;
const valid = new Set<string>();
const seenAuth: string[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
  redisPort = redis.port;
  api = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      if (req.url === '/authentications') {
        logins++;
        const token = `TOKEN_S3cret_${++tokenSeq}`;
        valid.clear(); // a fresh login invalidates the previous token, as the README says Fastriver may
        valid.add(token);
        setTimeout(() => { res.setHeader('content-type', 'application/json'); res.end(JSON.stringify({ token, expires_at: Math.floor(Date.now() / 1000) + 3600 })); }, 400);
        return;
      }
      const auth = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
      seenAuth.push(auth);
      if (!valid.has(auth)) { res.statusCode = 401; res.setHeader('content-type', 'application/json'); res.end('{"error":"unauthorized"}'); return; }
      res.statusCode = 404; res.setHeader('content-type', 'application/json'); res.end('{"error":"not found"}');
    });
  });
  await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
  apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
}, 30_000);
afterAll(async () => { await redis?.stop(); api?.close(); });

it('four workers starting together log in once', async () => {
  logins = 0;
  const conns = Array.from({ length: 4 }, () => new Redis({ port: redisPort, maxRetriesPerRequest: 1 }));
  const clients = conns.map((r) => createFastriverClient({ login: 'bot@company.com', password: 'PW_S3cret' }, { baseUrl: apiUrl, tokenStore: createRedisCredentialStore(r, { name: 'fastriver:four' }) }));
  const results = await Promise.all(clients.map((c) => c.deliveryRequests.get('f7b1c2d3-0000-4000-8000-000000000001').then(() => 'ok', (e) => e)));
  conns.forEach((c) => c.disconnect());
  for (const r of results) expect(String((r as Error).message ?? r)).not.toContain('S3cret');
  expect(logins).toBe(1);
}, 30_000);

it('a short renewal lease shorter than the login: still one login', async () => {
  logins = 0;
  const conns = Array.from({ length: 3 }, () => new Redis({ port: redisPort, maxRetriesPerRequest: 1 }));
  const clients = conns.map((r) => createFastriverClient({ login: 'bot@company.com', password: 'PW_S3cret' }, { baseUrl: apiUrl, tokenStore: createRedisCredentialStore(r, { name: 'fastriver:short', renewLeaseMs: MIN_LEASE_MS }) }));
  await Promise.all(clients.map((c) => c.deliveryRequests.get('f7b1c2d3-0000-4000-8000-000000000001').then(() => 'ok', (e) => e)));
  conns.forEach((c) => c.disconnect());
  expect(logins).toBe(1);
}, 30_000);

it('after FLUSHALL (token gone), workers holding the old token renew once, not once each', async () => {
  const conns = Array.from({ length: 3 }, () => new Redis({ port: redisPort, maxRetriesPerRequest: 1 }));
  const clients = conns.map((r) => createFastriverClient({ login: 'bot@company.com', password: 'PW_S3cret' }, { baseUrl: apiUrl, tokenStore: createRedisCredentialStore(r, { name: 'fastriver:flush' }) }));
  await clients[0]!.deliveryRequests.get('f7b1c2d3-0000-4000-8000-000000000001').catch(() => undefined);
  await Promise.all(clients.map((c) => c.deliveryRequests.get('f7b1c2d3-0000-4000-8000-000000000001').catch(() => undefined)));
  await conns[0]!.flushall();
  valid.clear(); // and the API refuses the old token
  logins = 0;
  await Promise.all(clients.map((c) => c.deliveryRequests.get('f7b1c2d3-0000-4000-8000-000000000001').then(() => 'ok', (e) => e)));
  conns.forEach((c) => c.disconnect());
  expect(logins).toBe(1);
}, 30_000);
