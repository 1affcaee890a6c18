// 6. Import time: importing each entry of the built package vs importing openapi-fetch alone, each in a fresh Node
// process, interleaved in rounds whose order rotates (issue 14: "nothing happens at import").
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '#apis';
import { packageEntries } from '../../tsup.config.ts';
import { buildDist } from './built.ts';
import { formatNs, formatRatio, formatRatioSpread, formatSpread, summarize, type RunSettings, type Section, type Target } from './stats.ts';

/** The goal: importing an entry costs at most this many times importing openapi-fetch alone. */
const GOAL = 1.5;
const BASELINE = 'openapi-fetch';

// The child times only the dynamic import (process start-up is the same for every variant and is left out): wall time,
// and the CPU time the process spent on it (steadier when other work shares the machine). A bare specifier resolves
// from the project root, as an installed package's dependency would.
const CHILD = [
  'const cpu = process.cpuUsage(), t = performance.now();',
  'await import(process.argv[1]);',
  'const wall = performance.now() - t, used = process.cpuUsage(cpu);',
  'process.stdout.write(JSON.stringify([wall, (used.user + used.system) / 1000]));',
].join(' ');

function importOnce(specifier: string): { wall: number; cpu: number } {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', CHILD, specifier], { cwd: projectRoot, encoding: 'utf8' });
  const [wall, cpu] = JSON.parse(out) as [number, number];
  if (!Number.isFinite(wall) || !Number.isFinite(cpu)) throw new Error(`import of ${specifier} printed ${JSON.stringify(out)}`);
  return { wall, cpu };
}

/**
 * What an entry's import is compared with: openapi-fetch, which every API entry wraps; for `redis/node`, redis-semaphore
 * (and the ioredis it loads), the optional peers it wraps and whose import is nearly all of its own.
 */
const baselineOf = (entry: string) => (entry === 'redis/node' ? 'redis-semaphore' : BASELINE);

export async function importTime(settings: RunSettings): Promise<Section> {
  const dist = await buildDist();
  const entry = (path: string) => pathToFileURL(resolve(dist, path)).href;
  const entries = Object.keys(packageEntries(projectRoot)).sort();
  const variants: Array<{ name: string; specifier: string; baseline?: string }> = [
    { name: BASELINE, specifier: BASELINE },
    { name: 'redis-semaphore', specifier: 'redis-semaphore' },
    ...entries.map((name) => ({
      name: name === 'index' ? 'delivery-api-clients (core)' : `delivery-api-clients/${name.replace(/\/index$/, '')}`,
      specifier: entry(`${name}.js`),
      baseline: baselineOf(name),
    })),
  ];
  const rounds = settings.quick ? 4 : 60;
  settings.log(`import: ${variants.length} variants × ${rounds} rounds, a fresh process each`);
  for (const variant of variants) importOnce(variant.specifier); // warm-up: file cache, compile cache; not counted
  const series = () => new Map(variants.map((variant) => [variant.name, [] as number[]]));
  const [wall, cpu, wallRatios, cpuRatios] = [series(), series(), series(), series()];
  for (let round = 0; round < rounds; round++) {
    const order = variants.map((_, i) => variants[(i + round) % variants.length] as (typeof variants)[number]);
    const times = new Map(order.map((variant) => [variant.name, importOnce(variant.specifier)]));
    for (const variant of variants) {
      const time = times.get(variant.name) as { wall: number; cpu: number };
      const base = times.get(variant.baseline ?? variant.name) as { wall: number; cpu: number };
      wall.get(variant.name)?.push(time.wall);
      cpu.get(variant.name)?.push(time.cpu);
      wallRatios.get(variant.name)?.push(time.wall / base.wall);
      cpuRatios.get(variant.name)?.push(time.cpu / base.cpu);
    }
  }

  const ns = (ms: number) => formatNs(ms * 1e6);
  const rows: string[][] = [];
  const targets: Target[] = [];
  for (const variant of variants) {
    const time = summarize(wall.get(variant.name) ?? []);
    const ratio = summarize(wallRatios.get(variant.name) ?? []);
    const cpuTime = summarize(cpu.get(variant.name) ?? []);
    const cpuRatio = summarize(cpuRatios.get(variant.name) ?? []);
    const versus = (r: typeof ratio) => (variant.baseline ? `${formatRatio(r.median)} (${formatRatioSpread(r)})` : '1.00×');
    rows.push([variant.name, variant.baseline ?? '', ns(time.median), formatSpread(time, ns), versus(ratio), ns(cpuTime.median), versus(cpuRatio)]);
    if (!variant.baseline) continue;
    const met = ratio.median <= GOAL;
    targets.push({
      name: `${variant.name}: import vs ${variant.baseline} alone`,
      goal: `≤ ${GOAL.toFixed(2)}×`,
      actual: `${formatRatio(ratio.median)} (p25–p75 ${formatRatioSpread(ratio)}; ${ns(time.median)})`,
      met,
      note: met ? undefined : `${ns((ratio.median - GOAL) * summarize(wall.get(variant.baseline) ?? []).median)} over the goal (CPU time ${formatRatio(cpuRatio.median)})`,
    });
  }
  return {
    title: '6. Import time',
    method: [
      `Every entry of the built package (the build the other comparisons time), and what it wraps alone, are imported in a fresh \`node\` process that times only the \`await import(…)\` (performance.now() around it, and the process's CPU time over the same span; start-up is left out). An API entry is compared with openapi-fetch; \`redis/node\` with redis-semaphore, the optional peer it wraps (which loads ioredis); the receivers' entries (\`fastriver/callbacks\`, \`dilovod/webhooks\`) load no openapi-fetch and are compared with it all the same. ${rounds} rounds after one warm-up import of each; every round imports each variant once, in an order that rotates, and a ratio is taken within the round. Goal (issue 14): ≤ ${GOAL}× the baseline alone, on the wall-time ratio.`,
      'Most of an import is loading modules (resolve, read, compile, link): an entry made of many small files pays per file, which a build that bundles each entry into one file removes.',
    ],
    tables: [{ columns: ['import', 'baseline', 'wall, median', 'wall, p25 – p75', 'wall vs baseline (p25–p75)', 'CPU, median', 'CPU vs baseline (p25–p75)'], rows }],
    targets,
    notes: [],
  };
}
