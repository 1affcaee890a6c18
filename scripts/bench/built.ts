// The code under measurement as users run it: the package built by tsup with the settings of `npm run build` (ESM, no
// types, into build/bench-dist, so a build of dist/ running at the same time is never disturbed), not the TypeScript
// sources through tsx, whose transform adds a `__name(…)` call for every function made at run time (a few µs per call
// here). Two internal modules the benchmarks time alone are built beside it, into build/bench-dist/internal.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'tsup';
import { packageBuild } from '../../tsup.config.ts';
import { projectRoot } from '#apis';

const OUT_DIR = resolve(projectRoot, 'build/bench-dist');
const INTERNAL = { 'fastriver-jsonapi': 'src/fastriver/jsonapi.ts', 'dellin-xml-shapes': 'generated/dellin.xml.ts' };
let built: ReturnType<typeof load> | undefined;
let building: Promise<string> | undefined;

/** Builds once per run; the absolute path of the build. */
export function buildDist(): Promise<string> {
  building ??= (async () => {
    const options = { ...packageBuild, format: ['esm' as const], dts: false };
    await build({ ...options, outDir: OUT_DIR });
    await build({ ...options, entry: INTERNAL, outDir: resolve(OUT_DIR, 'internal'), clean: false });
    return OUT_DIR;
  })();
  return building;
}

/** Builds once per run and imports the entries the benchmarks time, typed as their sources. */
export function loadBuilt(): ReturnType<typeof load> {
  built ??= load();
  return built;
}

async function load() {
  const dir = await buildDist();
  const from = (path: string): Promise<unknown> => import(pathToFileURL(resolve(dir, path)).href);
  return {
    ...((await from('yandex-fleet/index.js')) as typeof import('../../src/yandex-fleet/index.ts')),
    ...((await from('tbank-delivery/index.js')) as typeof import('../../src/tbank-delivery/index.ts')),
    ...((await from('fastriver/index.js')) as typeof import('../../src/fastriver/index.ts')),
    ...((await from('fastriver/callbacks.js')) as typeof import('../../src/fastriver/callbacks.ts')),
    ...((await from('internal/fastriver-jsonapi.js')) as typeof import('../../src/fastriver/jsonapi.ts')),
    ...((await from('dellin/index.js')) as typeof import('../../src/dellin/index.ts')),
    ...((await from('dilovod/index.js')) as typeof import('../../src/dilovod/index.ts')),
    ...((await from('dilovod/webhooks.js')) as typeof import('../../src/dilovod/webhooks.ts')),
    ...((await from('internal/dellin-xml-shapes.js')) as typeof import('../../generated/dellin.xml.ts')),
  };
}
