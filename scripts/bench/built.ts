// The code under measurement as users run it: built by tsup with the settings of `npm run build` (into build/bench-dist,
// so a build of dist/ running at the same time is never disturbed; ESM only, no types, plus the two internal modules the
// benchmarks time alone), not the TypeScript sources through tsx, whose transform adds a `__name(…)` call for every
// function made at run time (a few µs per call here).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'tsup';
import { packageBuild } from '../../tsup.config.ts';
import { projectRoot } from '../apis.ts';

const OUT_DIR = 'build/bench-dist';
let built: ReturnType<typeof load> | undefined;

/** Builds once per run and imports the entries the benchmarks time, typed as their sources. */
export function loadBuilt(): ReturnType<typeof load> {
  built ??= load();
  return built;
}

async function load() {
  const entry = { ...packageBuild.entry, 'fastriver/jsonapi': 'src/fastriver/jsonapi.ts', 'dellin/xml-shapes': 'generated/dellin.xml.ts' };
  await build({ ...packageBuild, entry, outDir: resolve(projectRoot, OUT_DIR), format: ['esm'], dts: false, sourcemap: false });
  const from = (path: string): Promise<unknown> => import(pathToFileURL(resolve(projectRoot, OUT_DIR, path)).href);
  return {
    ...((await from('yandex-fleet/index.js')) as typeof import('../../src/yandex-fleet/index.ts')),
    ...((await from('tbank-delivery/index.js')) as typeof import('../../src/tbank-delivery/index.ts')),
    ...((await from('fastriver/index.js')) as typeof import('../../src/fastriver/index.ts')),
    ...((await from('fastriver/jsonapi.js')) as typeof import('../../src/fastriver/jsonapi.ts')),
    ...((await from('dellin/index.js')) as typeof import('../../src/dellin/index.ts')),
    ...((await from('dilovod/index.js')) as typeof import('../../src/dilovod/index.ts')),
    ...((await from('dellin/xml-shapes.js')) as typeof import('../../generated/dellin.xml.ts')),
  };
}
