// Interleaved rounds, medians and spreads: the one measuring loop every comparison uses.
//
// Each variant is calibrated once to a batch size (iterations that take about `batchMs`); then every round runs one
// batch of every variant, in an order that rotates from round to round, so slow drift of a noisy machine (another
// process, a frequency change, a GC) lands on all variants alike. A round gives one number per variant (ns per
// operation, the batch's mean); the report is the median over rounds with the p25–p75 spread, and ratios are taken
// per round (A and B of the same round) and then summarized the same way.

export interface Variant {
  name: string;
  /** One operation; may return a promise (awaited before the next one). `i` counts within the batch. */
  fn: (i: number) => unknown;
  /** Whether `fn` returns a promise. Sync variants run in a tight loop without awaits. */
  async?: boolean;
  /** Runs before each timed batch, outside the timing (for example: fresh copies of an input that gets mutated). */
  setup?: (iterations: number) => void;
  /** Fixed iterations per batch, instead of calibrating. */
  iterations?: number;
}

export interface BenchOptions {
  rounds: number;
  /** Untimed rounds before the timed ones (JIT warm-up, connection pools). */
  warmupRounds: number;
  /** Calibration target for one batch, in milliseconds. */
  batchMs: number;
  /** Upper bound on iterations per batch. */
  maxIterations?: number;
}

export interface Summary {
  median: number;
  p25: number;
  p75: number;
  min: number;
  max: number;
  samples: number[];
}

export interface VariantResult extends Summary {
  name: string;
  iterations: number;
}

export interface Comparison {
  results: Map<string, VariantResult>;
  /** Per-round ratio a/b of two variants, summarized. */
  ratio(a: string, b: string): Summary;
}

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const a = sorted[low] as number;
  const b = sorted[high] as number;
  return a + (b - a) * (position - low);
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((x, y) => x - y);
  return {
    median: quantile(sorted, 0.5),
    p25: quantile(sorted, 0.25),
    p75: quantile(sorted, 0.75),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    samples: [...samples],
  };
}

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Young-generation collections after a setup, so that the inputs it just made are promoted before the timed batch
 * instead of being copied by scavenges on the batch's time. Deliberately no full GC between batches: a forced full
 * GC is a memory-reducing one (it shrinks the young generation and flushes code), which made the next batches up to
 * 3× slower. Enabled at run time, so `tsx scripts/bench/run.ts` needs no --expose-gc.
 */
const promote: () => void = (() => {
  const exposed = (globalThis as { gc?: (options?: { type: 'minor' | 'major' }) => void }).gc;
  let gc = exposed;
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as (options?: { type: 'minor' | 'major' }) => void;
  }
  const collect = gc;
  return () => {
    collect({ type: 'minor' });
    collect({ type: 'minor' });
  };
})();

/** Runs one batch of `variant` and returns nanoseconds per operation. */
async function batch(variant: Variant, iterations: number): Promise<number> {
  if (variant.setup) {
    variant.setup(iterations);
    promote();
  }
  const fn = variant.fn;
  const start = process.hrtime.bigint();
  if (variant.async) {
    for (let i = 0; i < iterations; i++) await fn(i);
  } else {
    for (let i = 0; i < iterations; i++) fn(i);
  }
  const elapsed = Number(process.hrtime.bigint() - start);
  return elapsed / iterations;
}

async function calibrate(variant: Variant, batchMs: number, maxIterations: number): Promise<number> {
  if (variant.iterations !== undefined) return variant.iterations;
  let iterations = 1;
  for (;;) {
    const nsPerOp = await batch(variant, iterations);
    const elapsedMs = (nsPerOp * iterations) / 1e6;
    if (elapsedMs >= batchMs / 4 || iterations >= maxIterations) {
      // The fastest of three more batches sets the size: one slow batch (a GC, a cold path) must not leave the
      // variant with tiny, noisy batches for the whole run.
      let best = nsPerOp;
      for (let i = 0; i < 3; i++) best = Math.min(best, await batch(variant, iterations));
      const wanted = Math.round((batchMs * 1e6) / Math.max(best, 1));
      return Math.max(1, Math.min(maxIterations, wanted));
    }
    iterations = Math.min(maxIterations, iterations * 4);
  }
}

/** Runs every variant in interleaved rounds; see the file comment. */
export async function compare(variants: readonly Variant[], options: BenchOptions): Promise<Comparison> {
  const maxIterations = options.maxIterations ?? 1_000_000;
  const sizes = new Map<string, number>();
  for (const variant of variants) sizes.set(variant.name, await calibrate(variant, options.batchMs, maxIterations));
  const samples = new Map<string, number[]>(variants.map((variant) => [variant.name, []]));
  const total = options.warmupRounds + options.rounds;
  for (let round = 0; round < total; round++) {
    // Rotate the order: each variant runs first, second, … equally often.
    const order = variants.map((_, i) => variants[(i + round) % variants.length] as Variant);
    for (const variant of order) {
      const nsPerOp = await batch(variant, sizes.get(variant.name) ?? 1);
      if (round >= options.warmupRounds) samples.get(variant.name)?.push(nsPerOp);
    }
  }
  const results = new Map<string, VariantResult>(
    variants.map((variant) => [variant.name, { name: variant.name, iterations: sizes.get(variant.name) ?? 1, ...summarize(samples.get(variant.name) ?? []) }]),
  );
  return {
    results,
    ratio(a, b) {
      const left = samples.get(a);
      const right = samples.get(b);
      if (!left || !right) throw new Error(`no samples for ${a} or ${b}`);
      return summarize(left.map((value, i) => value / (right[i] as number)));
    },
  };
}

// ---- formatting -------------------------------------------------------------------------------------------------

/** A duration in nanoseconds, in the unit that reads best. */
export function formatNs(ns: number): string {
  if (!Number.isFinite(ns)) return 'n/a';
  if (ns >= 1e9) return `${(ns / 1e9).toFixed(2)} s`;
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(ns >= 1e8 ? 0 : 2)} ms`;
  if (ns >= 1e3) return `${(ns / 1e3).toFixed(ns >= 1e5 ? 0 : 1)} µs`;
  return `${ns.toFixed(0)} ns`;
}

export function formatSpread(summary: Summary, format: (value: number) => string = formatNs): string {
  return `${format(summary.p25)} – ${format(summary.p75)}`;
}

export function formatRatio(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a';
}

export function formatRatioSpread(summary: Summary): string {
  return `${summary.p25.toFixed(2)}–${summary.p75.toFixed(2)}`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(2)} KiB`;
  return `${bytes} B`;
}

// ---- what every comparison hands back -----------------------------------------------------------------------------

export interface Target {
  /** What is measured, e.g. "yandex-fleet: wrapper vs openapi-fetch". */
  name: string;
  /** The goal, e.g. "≤ 1.05×". */
  goal: string;
  /** The measured value, e.g. "1.12× (p25–p75 1.10–1.15)". */
  actual: string;
  met: boolean;
  /** For a miss: by how much and why. */
  note?: string;
}

export interface Table {
  heading?: string;
  columns: string[];
  rows: string[][];
}

export interface Section {
  title: string;
  /** What was measured and how, a few sentences. */
  method: string[];
  tables: Table[];
  targets: Target[];
  notes: string[];
}

export interface RunSettings {
  quick: boolean;
  /** Progress lines go here (stderr), so the tables stay readable. */
  log: (line: string) => void;
}
