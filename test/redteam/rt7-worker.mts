// Child process for rt7-redis-workers: N Dilovod calls through a shared Redis lock; prints one JSON line per call.
import { inspect } from 'node:util';
import { Redis } from 'ioredis';
import { createDilovodClient } from '../../src/dilovod/index.ts';
import { createRedisLock } from '../../src/redis/node.ts';

const [redisUrl, baseUrl, calls, leaseMs] = process.argv.slice(2);
const redis = new Redis(redisUrl!, { maxRetriesPerRequest: 3 });
const key = 'DILOVOD-secret-key-0123456789abcdef';
const dilovod = createDilovodClient({ key, baseUrl: baseUrl!, retry: { maxRetries: 0 }, timeoutMs: 20_000, lock: createRedisLock(redis, { name: 'rt7', leaseMs: Number(leaseMs), acquireTimeoutMs: 30_000 }) } as any);
for (let i = 0; i < Number(calls); i++) {
  try {
    await dilovod.getObject('1100100000001001' as any);
    process.stdout.write(JSON.stringify({ ok: true }) + '\n');
  } catch (e: any) {
    const text = `${e?.message} ${inspect(e, { depth: 10 })} ${JSON.stringify(e)} ${String(e?.cause?.stack ?? '')}`;
    process.stdout.write(JSON.stringify({ ok: false, name: e?.name, sdk: typeof e?.api === 'string', leak: text.includes(key) || text.includes(key.slice(0, 12)), msg: String(e?.message).slice(0, 200) }) + '\n');
  }
}
redis.disconnect();
