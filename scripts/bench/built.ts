// The code under measurement as users run it: compiled by tsc as `npm run build` does (into build/bench-dist, so a build
// of dist/ running at the same time is never disturbed), not the TypeScript sources through tsx, whose transform adds a
// `__name(…)` call for every function made at run time (a few µs per call here).
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../apis.ts';

const OUT_DIR = 'build/bench-dist';
let built: ReturnType<typeof load> | undefined;
let builtDir: string | undefined;

/** Builds once per run; the absolute path of the build. */
export function buildDist(): string {
  if (!builtDir) {
    execFileSync(process.execPath, ['--import', 'tsx', resolve(projectRoot, 'scripts/build.ts'), `--out-dir=${OUT_DIR}`], { cwd: projectRoot, stdio: 'ignore' });
    builtDir = resolve(projectRoot, OUT_DIR);
  }
  return builtDir;
}

/** Builds once per run and imports the entries the benchmarks time, typed as their sources. */
export function loadBuilt(): ReturnType<typeof load> {
  built ??= load();
  return built;
}

async function load() {
  const dir = buildDist();
  const from = (path: string): Promise<unknown> => import(pathToFileURL(resolve(dir, path)).href);
  return {
    ...((await from('src/yandex-fleet/index.js')) as typeof import('../../src/yandex-fleet/index.ts')),
    ...((await from('src/tbank-delivery/index.js')) as typeof import('../../src/tbank-delivery/index.ts')),
    ...((await from('src/fastriver/index.js')) as typeof import('../../src/fastriver/index.ts')),
    ...((await from('src/fastriver/jsonapi.js')) as typeof import('../../src/fastriver/jsonapi.ts')),
    ...((await from('src/dellin/index.js')) as typeof import('../../src/dellin/index.ts')),
    ...((await from('src/dilovod/index.js')) as typeof import('../../src/dilovod/index.ts')),
    ...((await from('generated/dellin.xml.js')) as typeof import('../../generated/dellin.xml.ts')),
  };
}
