// 7. Many workers, one account (issue 18): what the Redis lock adds to a Dilovod call against the in-process lock, and
// how many calls 4 worker processes sharing one account get through. Needs redis-server (Debian's package); without it
// the section says it was skipped.
import { Redis } from 'ioredis';
import { createDilovodClient } from '../../src/dilovod/index.ts';
import { createRedisLock } from '../../src/redis/node.ts';
import { dilovodServer } from '../../test/support/counting-servers.ts';
import { hasRedisServer, startRedisServer } from '../../test/support/redis-server.ts';
import { startWorker } from '../../test/support/workers.ts';
import { compare, formatNs, formatRatio, formatRatioSpread, formatSpread, type RunSettings, type Section } from './stats.ts';

const TITLE = '7. Many workers, one account: the shared Dilovod lock';

export async function sharedLock(settings: RunSettings): Promise<Section> {
  if (!hasRedisServer) {
    settings.log('lock: redis-server is not installed (apt-get install redis-server): skipped');
    return { title: TITLE, method: ['Skipped: redis-server is not installed on this machine (`apt-get install redis-server`).'], tables: [], targets: [], notes: [] };
  }
  const redisServer = await startRedisServer();
  const server = await dilovodServer(() => 0);
  const redis = new Redis(redisServer.url);
  try {
    // 1. One process, calls one after the other: the lock's own cost per call.
    const inProcess = createDilovodClient({ key: 'bench-key-0123456789', baseUrl: server.baseUrl });
    const shared = createDilovodClient({ key: 'bench-key-0123456789', baseUrl: server.baseUrl, lock: createRedisLock(redis, { name: 'dilovod:bench', leaseMs: 2_000 }) });
    await shared.getObject('1'); // the first use of an empty Redis keeps the lock closed for one lease (src/redis/node.ts)
    const options = settings.quick ? { rounds: 4, warmupRounds: 1, batchMs: 100 } : { rounds: 15, warmupRounds: 3, batchMs: 300 };
    settings.log(`lock: per-call cost, ${options.rounds} rounds`);
    const result = await compare(
      [
        { name: 'in-process lock', async: true, fn: () => inProcess.getObject('1') },
        { name: 'redis lock', async: true, fn: () => shared.getObject('1') },
      ],
      options,
    );
    const local = result.results.get('in-process lock');
    const remote = result.results.get('redis lock');
    const ratio = result.ratio('redis lock', 'in-process lock');
    const rows = [local, remote].flatMap((r) => (r ? [[r.name, formatNs(r.median), formatSpread(r)]] : []));

    // 2. 4 worker processes × N calls at once, each process's calls concurrent: the account's throughput.
    const calls = settings.quick ? 20 : 50;
    settings.log(`lock: 4 workers × ${calls} calls`);
    const workers = await Promise.all(Array.from({ length: 4 }, startWorker));
    const job = { api: 'dilovod' as const, baseUrl: server.baseUrl, redisUrl: redisServer.url, calls, leaseMs: 2_000 };
    await Promise.all(workers.map((worker) => worker.run({ ...job, calls: 1 }))); // connected, warm
    const started = performance.now();
    const outcomes = (await Promise.all(workers.map((worker) => worker.run(job)))).flat();
    const workersMs = performance.now() - started;
    for (const worker of workers) worker.process.kill();
    const single = performance.now();
    await Promise.all(Array.from({ length: 4 * calls }, () => inProcess.getObject('1')));
    const singleMs = performance.now() - single;
    if (outcomes.some((outcome) => !outcome.ok)) throw new Error('a worker call failed');
    if (server.stats.most !== 1) throw new Error(`${server.stats.most} requests were in flight at once`);
    const perSecond = (count: number, ms: number) => `${Math.round((count / ms) * 1000)} calls/s`;

    return {
      title: TITLE,
      method: [
        'A local Dilovod stand-in that answers at once and counts the requests in flight. One process: `getObject` calls one after the other through the default in-process lock and through `createRedisLock` (ioredis 5.9.3 + redis-semaphore 5.8.0, a redis-server on loopback), interleaved rounds as elsewhere.',
        `Then ${4 * calls} calls: 4 worker processes (forked, tsx) × ${calls} concurrent calls each on one Redis lock, against one process making all ${4 * calls} at once on its in-process lock. The server checks that never more than one request was in flight.`,
      ],
      tables: [
        { heading: 'Per call, one process, calls in sequence', columns: ['lock', 'median', 'p25 – p75'], rows },
        {
          heading: 'Cost of the shared lock',
          columns: ['redis ÷ in-process (p25–p75)', 'added per call'],
          rows: [[`${formatRatio(ratio.median)} (${formatRatioSpread(ratio)})`, local && remote ? formatNs(remote.median - local.median) : '—']],
        },
        {
          heading: 'Throughput of one account',
          columns: ['setup', 'calls', 'wall time', 'throughput'],
          rows: [
            ['4 workers, Redis lock', String(4 * calls), `${workersMs.toFixed(0)} ms`, perSecond(4 * calls, workersMs)],
            ['1 process, in-process lock', String(4 * calls), `${singleMs.toFixed(0)} ms`, perSecond(4 * calls, singleMs)],
          ],
        },
      ],
      targets: [],
      notes: [
        'The Redis lock costs an acquire (SET NX PX) and a release (a script) per request, two loopback round trips, plus polling while another process holds it (every 5 ms by default, `retryIntervalMs`). Dilovod allows one request at a time per account, so more workers add no throughput: the lock only keeps them from breaking the rule.',
      ],
    };
  } finally {
    redis.disconnect();
    await server.close();
    await redisServer.stop();
  }
}
