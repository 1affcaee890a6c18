// One worker process of the multi-process scenarios (test/redis/workers.test.ts): it gets jobs over IPC, runs a job's
// calls at once through a client wired to the shared Redis, and answers how each call ended.
import { Redis } from 'ioredis';
import { createDellinClient } from '../../src/dellin/index.ts';
import { createDilovodClient } from '../../src/dilovod/index.ts';
import { createFastriverClient } from '../../src/fastriver/index.ts';
import { createRedisCredentialStore, createRedisLock } from '../../src/redis/node.ts';

export interface Job {
  api: 'dilovod' | 'fastriver' | 'dellin';
  baseUrl: string;
  redisUrl: string;
  calls: number;
  /** Dilovod: the object id each call reads (the server may act on one). */
  id?: string;
  leaseMs?: number;
  password?: string;
}

export type Outcome = { ok: true } | { ok: false; name: string; message: string };

const connections = new Map<string, Redis>();
const redisFor = (url: string) => {
  let redis = connections.get(url);
  if (!redis) {
    redis = new Redis(url, { maxRetriesPerRequest: 3 });
    redis.on('error', () => undefined); // reconnects by itself; a command that cannot wait fails with its own error
    connections.set(url, redis);
  }
  return redis;
};

function run(job: Job): Array<Promise<unknown>> {
  const redis = redisFor(job.redisUrl);
  const calls = Array.from({ length: job.calls });
  if (job.api === 'dilovod') {
    const lock = createRedisLock(redis, { name: 'dilovod:test-account', leaseMs: job.leaseMs ?? 1_000 });
    const dilovod = createDilovodClient({ key: 'dilovod-key-0123456789', baseUrl: job.baseUrl, lock, retry: { maxRetries: 0 } });
    return calls.map(() => dilovod.getObject(job.id ?? '1110800000001001'));
  }
  if (job.api === 'fastriver') {
    const tokenStore = createRedisCredentialStore(redis, { name: 'fastriver:bot@company.com' });
    const fastriver = createFastriverClient({ login: 'bot@company.com', password: job.password ?? '' }, { baseUrl: job.baseUrl, tokenStore });
    return calls.map((_, i) => fastriver.deliveryRequests.get(`r${i}`));
  }
  const sessionStore = createRedisCredentialStore(redis, { name: 'dellin:logist@shipper.ru' });
  const dellin = createDellinClient({ appkey: 'APPKEY-0123456789', login: 'logist@shipper.ru', password: job.password ?? '', baseUrl: job.baseUrl, sessionStore });
  return calls.map(() => dellin.deliveryDates({ docID: '2000000000000', address: { search: 'Омск' } } as never));
}

process.on('message', (message: { id: number; job: Job }) => {
  void Promise.allSettled(run(message.job)).then((settled) => {
    const outcomes: Outcome[] = settled.map((result) =>
      result.status === 'fulfilled' ? { ok: true } : { ok: false, name: (result.reason as Error)?.name ?? 'unknown', message: String((result.reason as Error)?.message) },
    );
    process.send?.({ id: message.id, outcomes });
  });
});
process.send?.({ ready: true });
