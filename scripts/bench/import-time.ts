// 6. Import time: importing each entry of the built package vs importing openapi-fetch alone, each in a fresh Node
// process, interleaved in rounds whose order rotates (issue 14: "nothing happens at import").
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { listApis, projectRoot } from '#apis';
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

export async function importTime(settings: RunSettings): Promise<Section> {
  const dist = await buildDist();
  const entry = (path: string) => pathToFileURL(resolve(dist, path)).href;
  const variants: Array<{ name: string; specifier: string }> = [
    { name: BASELINE, specifier: 'openapi-fetch' },
    { name: 'delivery-api-clients (core)', specifier: entry('index.js') },
    ...listApis().map((api) => ({ name: `delivery-api-clients/${api.name}`, specifier: entry(`${api.name}/index.js`) })),
  ];
  const rounds = settings.quick ? 4 : 25;
  settings.log(`import: ${variants.length} variants × ${rounds} rounds, a fresh process each`);
  for (const variant of variants) importOnce(variant.specifier); // warm-up: file cache, compile cache; not counted
  const series = () => new Map(variants.map((variant) => [variant.name, [] as number[]]));
  const [wall, cpu, wallRatios, cpuRatios] = [series(), series(), series(), series()];
  for (let round = 0; round < rounds; round++) {
    const order = variants.map((_, i) => variants[(i + round) % variants.length] as (typeof variants)[number]);
    const times = new Map(order.map((variant) => [variant.name, importOnce(variant.specifier)]));
    const base = times.get(BASELINE) as { wall: number; cpu: number };
    for (const [name, time] of times) {
      wall.get(name)?.push(time.wall);
      cpu.get(name)?.push(time.cpu);
      wallRatios.get(name)?.push(time.wall / base.wall);
      cpuRatios.get(name)?.push(time.cpu / base.cpu);
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
    const isBase = variant.name === BASELINE;
    const versus = (r: typeof ratio) => (isBase ? '1.00×' : `${formatRatio(r.median)} (${formatRatioSpread(r)})`);
    rows.push([variant.name, ns(time.median), formatSpread(time, ns), versus(ratio), ns(cpuTime.median), versus(cpuRatio)]);
    if (isBase) continue;
    const met = ratio.median <= GOAL;
    targets.push({
      name: `${variant.name}: import vs openapi-fetch alone`,
      goal: `≤ ${GOAL.toFixed(2)}×`,
      actual: `${formatRatio(ratio.median)} (p25–p75 ${formatRatioSpread(ratio)}; ${ns(time.median)})`,
      met,
      note: met ? undefined : `${ns((ratio.median - GOAL) * summarize(wall.get(BASELINE) ?? []).median)} over the goal (CPU time ${formatRatio(cpuRatio.median)})`,
    });
  }
  return {
    title: '6. Import time',
    method: [
      `Each entry of the built package (the build the other comparisons time) and openapi-fetch alone are imported in a fresh \`node\` process that times only the \`await import(…)\` (performance.now() around it, and the process's CPU time over the same span; start-up is left out). ${rounds} rounds after one warm-up import of each; every round imports each variant once, in an order that rotates, and a ratio is taken within the round. Goal (issue 14): ≤ ${GOAL}× openapi-fetch alone, on the wall-time ratio.`,
      'Most of an import is loading modules (resolve, read, compile, link): an entry made of many small files pays per file, which a build that bundles each entry into one file removes.',
    ],
    tables: [{ columns: ['import', 'wall, median', 'wall, p25 – p75', 'wall vs openapi-fetch (p25–p75)', 'CPU, median', 'CPU vs openapi-fetch (p25–p75)'], rows }],
    targets,
    notes: [],
  };
}
