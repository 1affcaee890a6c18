// `npm run build`: dist/ (ESM + .d.ts) from src/ and generated/. The sources import with `.ts`; tsc rewrites those to
// `.js` in the JavaScript but not in declarations, so the declarations are rewritten here.
// `--out-dir=DIR` builds elsewhere (the benchmarks do, so they never race a build of dist/).
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { projectRoot } from '#apis';

const outDir = process.argv.find((arg) => arg.startsWith('--out-dir='))?.slice('--out-dir='.length);
const dist = outDir ? resolve(projectRoot, outDir) : join(projectRoot, 'dist');
rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [join(projectRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', dist], { cwd: projectRoot, stdio: 'inherit' });

for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
  const file = join(entry.parentPath, entry.name);
  const source = readFileSync(file, 'utf8');
  const rewritten = source.replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]+)\.ts\2/g, '$1$2$3.js$2');
  if (rewritten !== source) writeFileSync(file, rewritten);
}
console.log(`built ${dist}`);
