// Counts the reliability suite keeps while it runs (cases, attempts, fuzz inputs, secret hits), written per test file
// to build/reliability/ so `npm run reliability` can put the last run's figures into RELIABILITY.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { projectRoot } from '#apis';

const counts: Record<string, number> = {};

export function record(name: string, amount = 1): void {
  counts[name] = (counts[name] ?? 0) + amount;
}

export function flush(testFile: string): void {
  const dir = join(projectRoot, 'build/reliability');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${basename(testFile, '.test.ts')}.json`), JSON.stringify(counts, null, 2));
}
