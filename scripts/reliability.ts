// `npm run reliability`: runs the reliability suite (test/reliability) and writes the figures of that run into
// RELIABILITY.md, between its figures markers. The suite itself also runs in `npm test`.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '#apis';

const figuresDir = join(projectRoot, 'build/reliability');
rmSync(figuresDir, { recursive: true, force: true });
execFileSync(process.execPath, [join(projectRoot, 'node_modules/vitest/vitest.mjs'), 'run', 'test/reliability'], { cwd: projectRoot, stdio: 'inherit' });

const totals: Record<string, number> = {};
for (const file of existsSync(figuresDir) ? readdirSync(figuresDir) : []) {
  for (const [name, count] of Object.entries(JSON.parse(readFileSync(join(figuresDir, file), 'utf8')) as Record<string, number>)) {
    totals[name] = (totals[name] ?? 0) + count;
  }
}
const rows = Object.entries(totals)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([name, count]) => `| ${name} | ${count.toLocaleString('en-US')} |`);
const block = [
  '<!-- figures:start -->',
  `Last run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, Node ${process.version}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB.`,
  '',
  '| figure | count |',
  '|---|---|',
  ...rows,
  '<!-- figures:end -->',
].join('\n');
const path = join(projectRoot, 'RELIABILITY.md');
const current = readFileSync(path, 'utf8');
writeFileSync(path, current.replace(/<!-- figures:start -->[\s\S]*<!-- figures:end -->/, block));
console.log(block);
