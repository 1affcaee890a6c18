// `npm run build`: dist/ (ESM + .d.ts) from src/ and generated/. The sources import with `.ts`; tsc rewrites those to
// `.js` in the JavaScript but not in declarations, so the declarations are rewritten here.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { projectRoot } from './apis.ts';

const dist = join(projectRoot, 'dist');
rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [join(projectRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: projectRoot, stdio: 'inherit' });

for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
  const file = join(entry.parentPath, entry.name);
  const source = readFileSync(file, 'utf8');
  const rewritten = source.replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]+)\.ts\2/g, '$1$2$3.js$2');
  if (rewritten !== source) writeFileSync(file, rewritten);
}
console.log('built dist/');
