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

// The child times only the dynamic import (process start-up is the same for every variant and is left out). A bare
// specifier resolves from the project root, as an installed package's dependency would.
const CHILD = 'const t = performance.now(); await import(process.argv[1]); process.stdout.write(String(performance.now() - t));';

function importOnce(specifier: string): number {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', CHILD, specifier], { cwd: projectRoot, encoding: 'utf8' });
  const ms = Number(out);
  if (!Number.isFinite(ms)) throw new Error(`import of ${specifier} printed ${JSON.stringify(out)}`);
  return ms;
}

export async function importTime(settings: RunSettings): Promise<Section> {
  const dist = buildDist();
  const entry = (path: string) => pathToFileURL(resolve(dist, path)).href;
  const variants: Array<{ name: string; specifier: string }> = [
    { name: BASELINE, specifier: 'openapi-fetch' },
    { name: 'delivery-api-clients (core)', specifier: entry('src/core/index.js') },
    ...listApis().map((api) => ({ name: `delivery-api-clients/${api.name}`, specifier: entry(`src/${api.name}/index.js`) })),
  ];
  const rounds = settings.quick ? 4 : 25;
  settings.log(`import: ${variants.length} variants × ${rounds} rounds, a fresh process each`);
  for (const variant of variants) importOnce(variant.specifier); // warm-up: file cache, compile cache; not counted
  const samples = new Map(variants.map((variant) => [variant.name, [] as number[]]));
  const ratios = new Map(variants.map((variant) => [variant.name, [] as number[]]));
  for (let round = 0; round < rounds; round++) {
    const order = variants.map((_, i) => variants[(i + round) % variants.length] as (typeof variants)[number]);
    const times = new Map(order.map((variant) => [variant.name, importOnce(variant.specifier)]));
    const base = times.get(BASELINE) as number;
    for (const [name, ms] of times) {
      samples.get(name)?.push(ms);
      ratios.get(name)?.push(ms / base);
    }
  }

  const ns = (ms: number) => formatNs(ms * 1e6);
  const rows: string[][] = [];
  const targets: Target[] = [];
  for (const variant of variants) {
    const time = summarize(samples.get(variant.name) ?? []);
    const ratio = summarize(ratios.get(variant.name) ?? []);
    const isBase = variant.name === BASELINE;
    rows.push([variant.name, ns(time.median), formatSpread(time, ns), isBase ? '1.00×' : `${formatRatio(ratio.median)} (${formatRatioSpread(ratio)})`]);
    if (isBase) continue;
    const met = ratio.median <= GOAL;
    targets.push({
      name: `${variant.name}: import vs openapi-fetch alone`,
      goal: `≤ ${GOAL.toFixed(2)}×`,
      actual: `${formatRatio(ratio.median)} (p25–p75 ${formatRatioSpread(ratio)}; ${ns(time.median)})`,
      met,
      note: met ? undefined : `${ns((ratio.median - GOAL) * summarize(samples.get(BASELINE) ?? []).median)} over the goal`,
    });
  }
  return {
    title: '6. Import time',
    method: [
      `Each entry of the built package (the build the other comparisons time) and openapi-fetch alone are imported in a fresh \`node\` process that times only the \`await import(…)\` (performance.now() around it; start-up is left out). ${rounds} rounds after one warm-up import of each; every round imports each variant once, in an order that rotates, and a ratio is taken within the round. Goal (issue 14): ≤ ${GOAL}× openapi-fetch alone.`,
    ],
    tables: [{ columns: ['import', 'median', 'p25 – p75', 'vs openapi-fetch (p25–p75)'], rows }],
    targets,
    notes: [],
  };
}
