// 4. Mock host: the project's one-process host (`scripts/start.ts --mocks-only`) vs five `prism mock` CLI processes,
// for time until all five APIs answer, resident memory, and requests per second on loopback.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { listApis, portEnvName, projectRoot } from '#apis';
import { formatBytes, formatRatio, summarize, type RunSettings, type Section, type Summary, type Target } from './stats.ts';

const PRISM_CLI = resolve(projectRoot, 'node_modules/@stoplight/prism-cli/dist/index.js');
const READY_TIMEOUT_MS = 120_000;

/** The README's curl example: Yandex Fleet categories list, valid headers and body: a 200 from both. */
const LOAD_PATH = '/v2/parks/transactions/categories/list';
const LOAD_HEADERS = { 'content-type': 'application/json', 'accept-language': 'ru', 'x-api-key': 'qa-key', 'x-client-id': 'taxi/park/p1' };
const LOAD_BODY = '{"query":{"park":{"id":"p1"}}}';

/** Every process this file starts, so that none outlives the run (killed by pid, with its descendants). */
const started = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of started) for (const pid of tree(child.pid)) killPid(pid, 'SIGKILL');
});

function killPid(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

/** A process and its descendants (from /proc/<pid>/task/<tid>/children). */
function tree(pid: number | undefined): number[] {
  if (pid === undefined) return [];
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    const current = out[i] as number;
    try {
      const tasks = readFileSync(`/proc/${current}/task/${current}/children`, 'utf8');
      for (const child of tasks.split(/\s+/).filter(Boolean)) out.push(Number(child));
    } catch {
      // gone, or no children file
    }
  }
  return out;
}

/** Resident memory of a process and its descendants, in bytes (VmRSS from /proc/<pid>/status). */
function rss(pid: number | undefined): number {
  let total = 0;
  for (const member of tree(pid)) {
    try {
      const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${member}/status`, 'utf8'));
      if (match) total += Number(match[1]) * 1024;
    } catch {
      // gone
    }
  }
  return total;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

function launch(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: projectRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  started.add(child);
  // Drain the output (Prism logs every request) and keep the tail for error messages.
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.once('exit', () => started.delete(child));
  Object.defineProperty(child, 'outputTail', { get: () => tail });
  return child;
}

async function stop(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((done) => {
          const pids = tree(child.pid);
          if (child.exitCode !== null || child.signalCode !== null) {
            for (const pid of pids.slice(1)) killPid(pid, 'SIGKILL');
            return done();
          }
          const force = setTimeout(() => {
            for (const pid of tree(child.pid)) killPid(pid, 'SIGKILL');
          }, 5000);
          child.once('exit', () => {
            clearTimeout(force);
            for (const pid of pids.slice(1)) killPid(pid, 'SIGKILL');
            done();
          });
          for (const pid of pids) killPid(pid, 'SIGTERM');
        }),
    ),
  );
}

/** Resolves when `url` answers with any HTTP status. */
async function answers(url: string, children: ChildProcess[], deadline: number): Promise<void> {
  for (;;) {
    for (const child of children) {
      if (child.exitCode !== null) throw new Error(`a mock process exited early (${child.exitCode}): ${(child as ChildProcess & { outputTail?: string }).outputTail ?? ''}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.body?.cancel();
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`${url} did not answer in ${READY_TIMEOUT_MS} ms`);
      await sleep(10);
    }
  }
}

interface Started {
  children: ChildProcess[];
  /** Yandex Fleet's base URL. */
  fleetUrl: string;
  readyMs: number;
}

async function startHost(): Promise<Started> {
  const apis = listApis();
  const ports = new Map<string, number>();
  for (const api of apis) ports.set(api.name, await freePort());
  const env = Object.fromEntries(apis.map((api) => [portEnvName(api.name), String(ports.get(api.name))]));
  const t0 = performance.now();
  const child = launch(['--import', 'tsx', resolve(projectRoot, 'scripts/start.ts'), '--mocks-only'], { ...env, HOST: '127.0.0.1' });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  await Promise.all(apis.map((api) => answers(`http://127.0.0.1:${ports.get(api.name)}/`, [child], deadline)));
  return { children: [child], fleetUrl: `http://127.0.0.1:${ports.get('yandex-fleet')}`, readyMs: performance.now() - t0 };
}

async function startCli(): Promise<Started> {
  const apis = listApis();
  const ports = new Map<string, number>();
  for (const api of apis) ports.set(api.name, await freePort());
  const t0 = performance.now();
  const children = apis.map((api) => launch([PRISM_CLI, 'mock', api.specPath, '-p', String(ports.get(api.name)), '-h', '127.0.0.1', '--errors=false']));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  await Promise.all(apis.map((api) => answers(`http://127.0.0.1:${ports.get(api.name)}/`, children, deadline)));
  return { children, fleetUrl: `http://127.0.0.1:${ports.get('yandex-fleet')}`, readyMs: performance.now() - t0 };
}

/** The spec one Prism CLI serves in the start-up comparison: the smallest, so the quickest for the CLI to load. */
const ONE_SPEC = 'yandex-fleet';

/** One `prism mock` CLI serving one spec, until it answers. */
async function startOneCli(): Promise<Started> {
  const api = listApis().find((candidate) => candidate.name === ONE_SPEC);
  if (!api) throw new Error(`no ${ONE_SPEC} in redocly.yaml`);
  const port = await freePort();
  const t0 = performance.now();
  const child = launch([PRISM_CLI, 'mock', api.specPath, '-p', String(port), '-h', '127.0.0.1', '--errors=false']);
  await answers(`http://127.0.0.1:${port}/`, [child], Date.now() + READY_TIMEOUT_MS);
  return { children: [child], fleetUrl: `http://127.0.0.1:${port}`, readyMs: performance.now() - t0 };
}

const totalRss = (children: ChildProcess[]) => children.reduce((sum, child) => sum + rss(child.pid), 0);

async function checkLoadRequest(baseUrl: string): Promise<void> {
  const response = await fetch(`${baseUrl}${LOAD_PATH}`, { method: 'POST', headers: LOAD_HEADERS, body: LOAD_BODY });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${baseUrl}${LOAD_PATH} answered ${response.status}: ${text.slice(0, 300)}`);
}

async function load(baseUrl: string, connections: number, seconds: number): Promise<{ rps: number; mean: number; p99: number }> {
  const result = await autocannon({
    url: `${baseUrl}${LOAD_PATH}`,
    method: 'POST',
    headers: LOAD_HEADERS,
    body: LOAD_BODY,
    connections,
    pipelining: 1,
    duration: seconds,
  });
  if (result.errors > 0 || result.non2xx > 0 || result['2xx'] === 0) {
    throw new Error(`load on ${baseUrl}: ${result['2xx']} 2xx, ${result.non2xx} non-2xx, ${result.errors} errors`);
  }
  return { rps: result['2xx'] / result.duration, mean: result.latency.average, p99: result.latency.p99 };
}

const HOST = 'mock host (1 process)';
const CLI = '5 × prism mock CLI';
const ONE_CLI = `1 × prism mock CLI (${ONE_SPEC})`;

export async function mockHost(settings: RunSettings): Promise<Section> {
  const rounds = settings.quick ? 1 : 3;
  const seconds = settings.quick ? 2 : 5;
  const ready = { [HOST]: [] as number[], [CLI]: [] as number[] };
  const idle = { [HOST]: [] as number[], [CLI]: [] as number[] };
  const loaded = { [HOST]: [] as number[], [CLI]: [] as number[] };
  const rps = new Map<string, number[]>();
  const latency = new Map<string, Array<[number, number]>>();
  const memoryRatios: number[] = [];
  const oneCliReady: number[] = [];
  const startRatios: number[] = [];
  const rpsRatios = new Map<number, number[]>();
  let everything: ChildProcess[] = [];
  try {
    // Untimed: the first start after a change builds the host's bundle and resolves the specs into the cache
    // (scripts/mock-host-bundle.ts, mocks/prism.ts); every start after that is what is timed, as the CLI's is.
    settings.log('mock host: warm-up start of each side (untimed)');
    for (const warmUp of [await startHost(), await startOneCli()]) await stop(warmUp.children);
    for (let round = 0; round < rounds; round++) {
      // Started one after the other (never both at once), first one, then the other, alternating by round.
      const order = round % 2 === 0 ? ([HOST, CLI] as const) : ([CLI, HOST] as const);
      const running = new Map<string, Started>();
      for (const which of order) {
        settings.log(`mock host: round ${round + 1}/${rounds}, starting ${which}`);
        const s = which === HOST ? await startHost() : await startCli();
        everything.push(...s.children);
        running.set(which, s);
        ready[which].push(s.readyMs);
        await checkLoadRequest(s.fleetUrl); // one real, valid request: a 200
        await sleep(500);
        idle[which].push(totalRss(s.children));
      }
      const host = running.get(HOST) as Started;
      const cli = running.get(CLI) as Started;
      // Start-up against one CLI serving one spec, started alone (the host and the five CLIs are idle meanwhile).
      settings.log(`mock host: round ${round + 1}/${rounds}, starting ${ONE_CLI}`);
      const one = await startOneCli();
      oneCliReady.push(one.readyMs);
      startRatios.push((ready[HOST].at(-1) ?? 0) / one.readyMs);
      await stop(one.children);
      memoryRatios.push((idle[HOST].at(-1) ?? 0) / (idle[CLI].at(-1) ?? 1));
      // Warm both up (JIT, connection handling), untimed.
      await load(host.fleetUrl, 4, 1);
      await load(cli.fleetUrl, 4, 1);
      for (const connections of [1, 16]) {
        const pair = round % 2 === 0 ? [HOST, CLI] : [CLI, HOST];
        const got = new Map<string, number>();
        for (const which of pair) {
          settings.log(`mock host: ${which}, ${connections} connection(s), ${seconds} s`);
          const target = which === HOST ? host : cli;
          // Against the CLI, only the yandex-fleet process takes the load.
          const r = await load(target.fleetUrl, connections, seconds);
          const key = `${which}|${connections}`;
          rps.set(key, [...(rps.get(key) ?? []), r.rps]);
          latency.set(key, [...(latency.get(key) ?? []), [r.mean, r.p99]]);
          got.set(which, r.rps);
        }
        rpsRatios.set(connections, [...(rpsRatios.get(connections) ?? []), (got.get(HOST) ?? 0) / (got.get(CLI) ?? 1)]);
      }
      loaded[HOST].push(totalRss(host.children));
      loaded[CLI].push(totalRss(cli.children));
      await stop([...host.children, ...cli.children]);
      everything = [];
    }
  } finally {
    await stop(everything);
  }

  const s = (values: number[]) => summarize(values);
  const spread = (summary: Summary, format: (value: number) => string) => (summary.samples.length > 1 ? `${format(summary.min)} – ${format(summary.max)}` : '—');
  const ms = (value: number) => `${(value / 1000).toFixed(2)} s`;
  const num = (value: number) => value.toFixed(0);
  const readyHost = s(ready[HOST]);
  const readyCli = s(ready[CLI]);
  const idleHost = s(idle[HOST]);
  const idleCli = s(idle[CLI]);
  const loadedHost = s(loaded[HOST]);
  const loadedCli = s(loaded[CLI]);
  const memoryRatio = s(memoryRatios);
  const readyOne = s(oneCliReady);
  const startRatio = s(startRatios);
  const rows: string[][] = [
    ['time until all five answer', ms(readyHost.median), spread(readyHost, ms), ms(readyCli.median), spread(readyCli, ms), formatRatio(readyHost.median / readyCli.median)],
    [`time until ${ONE_CLI} answers`, '', '', ms(readyOne.median), spread(readyOne, ms), `${formatRatio(startRatio.median)} (host ÷ one CLI)`],
    ['RSS after start (+1 request)', formatBytes(idleHost.median), spread(idleHost, formatBytes), formatBytes(idleCli.median), spread(idleCli, formatBytes), `${formatRatio(memoryRatio.median)}`],
    ['RSS after the load runs', formatBytes(loadedHost.median), spread(loadedHost, formatBytes), formatBytes(loadedCli.median), spread(loadedCli, formatBytes), formatRatio(loadedHost.median / loadedCli.median)],
  ];
  const targets: Target[] = [
    {
      name: 'mock host: time from start until all five APIs answer',
      goal: '≤ 2 s',
      actual: `${ms(readyHost.median)} (${spread(readyHost, ms)})`,
      met: readyHost.median <= 2000,
      note: readyHost.median <= 2000 ? undefined : `over by ${ms(readyHost.median - 2000)}`,
    },
    {
      name: `mock host start-up (all five ready) ÷ ${ONE_CLI} start-up`,
      goal: '≤ 1.00×',
      actual: `${formatRatio(startRatio.median)} (${ms(readyHost.median)} vs ${ms(readyOne.median)})`,
      met: startRatio.median <= 1,
      note: startRatio.median <= 1 ? undefined : `over by ${ms(readyHost.median - readyOne.median)}`,
    },
    {
      name: 'mock host RSS ÷ sum of the five CLI processes',
      goal: '≤ 0.30×',
      actual: `${formatRatio(memoryRatio.median)} (${formatBytes(idleHost.median)} vs ${formatBytes(idleCli.median)})`,
      met: memoryRatio.median <= 0.3,
      note: memoryRatio.median <= 0.3 ? undefined : `over by ${formatBytes(idleHost.median - 0.3 * idleCli.median)}`,
    },
  ];
  for (const connections of [1, 16]) {
    const hostRps = s(rps.get(`${HOST}|${connections}`) ?? []);
    const cliRps = s(rps.get(`${CLI}|${connections}`) ?? []);
    const ratio = s(rpsRatios.get(connections) ?? []);
    const lat = (which: string) => {
      const values = latency.get(`${which}|${connections}`) ?? [];
      return `${summarize(values.map((v) => v[0])).median.toFixed(2)} / ${summarize(values.map((v) => v[1])).median.toFixed(0)} ms`;
    };
    rows.push([`requests/s, ${connections} connection${connections > 1 ? 's' : ''}`, num(hostRps.median), spread(hostRps, num), num(cliRps.median), spread(cliRps, num), formatRatio(ratio.median)]);
    rows.push([`latency mean / p99, ${connections} connection${connections > 1 ? 's' : ''}`, lat(HOST), '', lat(CLI), '', '']);
    targets.push({
      name: `mock host rps ÷ one CLI process, ${connections} connection${connections > 1 ? 's' : ''}`,
      goal: '≥ 1.00×',
      actual: `${formatRatio(ratio.median)} (${num(hostRps.median)} vs ${num(cliRps.median)} rps)`,
      met: ratio.median >= 1,
      note: ratio.median >= 1 ? undefined : `short by ${((1 - ratio.median) * 100).toFixed(0)} %`,
    });
  }
  return {
    title: '4. Mock host',
    method: [
      '`node --import tsx scripts/start.ts --mocks-only` (one process, all five APIs, `MOCK_PORT_<API>` set to free ports) vs five `node node_modules/@stoplight/prism-cli/dist/index.js mock specs/<api>.yaml -p <port> -h 127.0.0.1 --errors=false` processes started together (their log output, one line per request at the default level, goes to a pipe that is drained).',
      `Start-up ratio: each round also spawns one \`prism mock specs/${ONE_SPEC}.yaml\` CLI alone (the smallest spec: the quickest for the CLI) and times it until it answers; the ratio is the host's time until all five answer ÷ that, per round (median). Before the rounds, one untimed start of each: the host's first start after a change builds its bundle (scripts/mock-host-bundle.ts: mocks/host.ts with Prism in one file) and caches the resolved specs, which later starts reuse.`,
      '"Ready" is the time from spawning until every one of the five ports has answered an HTTP request (any status), polled every 10 ms. RSS is VmRSS from /proc/<pid>/status summed over each process and its descendants, read 0.5 s after readiness plus one valid request, and again after the load runs.',
      `Load: autocannon 8.0.0 in this process, loopback only, ${seconds} s per run, 1 and 16 connections, pipelining 1, on the README's request (POST ${LOAD_PATH} with x-api-key, x-client-id, accept-language and a JSON body; a 200 from both, checked before and counted during: any non-2xx or error fails the run). Against the CLI only its yandex-fleet process takes the load. ${rounds} round${rounds > 1 ? 's' : ''}; each round starts both sides (alternating which first), warms both up for 1 s, then runs host and CLI back to back for each connection count (alternating which first).`,
      `${rounds > 1 ? 'Spread is min – max over rounds; ratios are the median of per-round ratios.' : 'One round (quick mode): no spread.'}`,
    ],
    tables: [{ columns: ['measure', HOST, 'spread', CLI, 'spread', 'host ÷ CLI'], rows }],
    targets,
    notes: [],
  };
}
