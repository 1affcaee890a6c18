// The mock host as `npm start` and `npm run mocks` run it: mocks/host.ts with Prism and every other dependency bundled
// by esbuild into one file, node_modules/.cache/delivery-mocks/host.mjs, built by the first start after any of its
// inputs changed and reused after that. Prism is about 2,900 CommonJS files; resolving, reading and compiling them one
// by one (and tsx's hook on every require) was most of a start (issue 15 §7; BENCHMARKS.md, mock host). The tests
// import mocks/host.ts itself; test/mocks/bundle.test.ts runs the README's flows against this bundle.
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin, version as esbuildVersion } from 'esbuild';
import { projectRoot } from '#apis';

type MockHostModule = typeof import('../mocks/host.ts');

const ENTRY = resolve(projectRoot, 'mocks/host.ts');
const CACHE_DIR = resolve(projectRoot, 'node_modules/.cache/delivery-mocks');
export const BUNDLE = join(CACHE_DIR, 'host.mjs');
export const MANIFEST = join(CACHE_DIR, 'host.inputs.json');

/** What the bundle was built from: every input file's size and modification time (this file's too), and the builder's versions. */
interface Manifest {
  builder: string;
  inputs: Record<string, [size: number, mtimeMs: number]>;
}

const builder = () => `esbuild ${esbuildVersion}, node ${process.version}`;

/**
 * Each project file's own `import.meta.url`, written in as its original file URL: the fixtures, the spec cache and the
 * project root are found relative to the file that names them, not to the bundle.
 */
const ownUrls: Plugin = {
  name: 'own-import-meta-url',
  setup(plugin) {
    plugin.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes(`${'/'}node_modules${'/'}`)) return undefined;
      const source = await readFile(args.path, 'utf8');
      return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

/**
 * Prism's faker (for `Prefer: dynamic=true`) with its one locale: `@faker-js/faker`'s index builds a Faker over all 50
 * locales, 5 MB of the bundle, and Prism uses its default, English with English as the fallback, which is exactly
 * what `@faker-js/faker/locale/en` builds. test/mocks/bundle.test.ts compares dynamic answers with the sources'.
 */
const englishFaker: Plugin = {
  name: 'english-faker',
  setup(plugin) {
    plugin.onResolve({ filter: /^@faker-js\/faker$/ }, () => ({ path: 'faker-en', namespace: 'english-faker' }));
    plugin.onLoad({ filter: /.*/, namespace: 'english-faker' }, () => ({
      contents: "const faker = require('@faker-js/faker/locale/en');\nmodule.exports = { __esModule: true, default: faker, faker };",
      loader: 'js',
      resolveDir: projectRoot,
    }));
  },
};

/** Builds the bundle when it is missing or any input changed; its path. */
export async function mockHostBundle(): Promise<string> {
  if (await isFresh()) return BUNDLE;
  await mkdir(CACHE_DIR, { recursive: true });
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // ES builds first: a UMD build (jsonc-parser's main) requires its own files through a parameter no bundler follows.
    mainFields: ['module', 'main'],
    outfile: `${BUNDLE}.${process.pid}`,
    metafile: true,
    logLevel: 'silent',
    plugins: [ownUrls, englishFaker],
    minifyWhitespace: true,
    minifySyntax: true,
    // CommonJS dependencies may still call require (a name only known at run time) or read __dirname.
    banner: {
      js: [
        "import { createRequire as __bundleRequire } from 'node:module';",
        "import { fileURLToPath as __bundlePath } from 'node:url';",
        'const require = __bundleRequire(import.meta.url);',
        'const __filename = __bundlePath(import.meta.url);',
        "const __dirname = __filename.slice(0, __filename.lastIndexOf('/'));",
      ].join('\n'),
    },
  });
  const inputs: Manifest['inputs'] = {};
  // The files bundled, and this one (how they are bundled).
  for (const input of [...Object.keys(result.metafile.inputs).filter((path) => !path.includes(':')), fileURLToPath(import.meta.url)]) {
    const path = resolve(projectRoot, input);
    const info = await stat(path);
    inputs[relative(projectRoot, path)] = [info.size, info.mtimeMs];
  }
  await rename(`${BUNDLE}.${process.pid}`, BUNDLE);
  await writeFile(`${MANIFEST}.${process.pid}`, JSON.stringify({ builder: builder(), inputs } satisfies Manifest));
  await rename(`${MANIFEST}.${process.pid}`, MANIFEST);
  return BUNDLE;
}

async function isFresh(): Promise<boolean> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(MANIFEST, 'utf8')) as Manifest;
    await stat(BUNDLE);
  } catch {
    return false;
  }
  if (manifest.builder !== builder()) return false;
  const checks = await Promise.all(
    Object.entries(manifest.inputs).map(([path, [size, mtimeMs]]) =>
      stat(resolve(projectRoot, path)).then(
        (info) => info.size === size && info.mtimeMs === mtimeMs,
        () => false,
      ),
    ),
  );
  return checks.every(Boolean);
}

/**
 * mocks/host.ts, from the bundle (built first when stale). A tree where the bundle cannot be written (read-only) starts
 * from the sources instead, slower, and says so.
 */
export async function loadMockHost(): Promise<MockHostModule> {
  let bundle: string;
  try {
    bundle = await mockHostBundle();
  } catch (error) {
    console.warn(`The mock host bundle could not be built (${error instanceof Error ? error.message : String(error)}); starting from the sources.`);
    return import('../mocks/host.ts');
  }
  return (await import(pathToFileURL(bundle).href)) as MockHostModule;
}
