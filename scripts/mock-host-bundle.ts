// The mock host as `npm start` and `npm run mocks` run it: mocks/host.ts with Prism and every other dependency bundled
// by esbuild into one file, node_modules/.cache/delivery-mocks/host.mjs, built by the first start after any of its
// inputs changed and reused after that. Prism is about 2,900 CommonJS files; resolving, reading and compiling them one
// by one (and tsx's hook on every require) was most of a start (issue 15 §7; BENCHMARKS.md, mock host). The tests
// import mocks/host.ts itself; test/mocks/bundle.test.ts runs the README's flows against this bundle.
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin, version as esbuildVersion } from 'esbuild';
import { projectRoot } from '#apis';

type MockHostModule = typeof import('../mocks/host.ts');

const ENTRY = resolve(projectRoot, 'mocks/host.ts');
const CACHE_DIR = resolve(projectRoot, 'node_modules/.cache/delivery-mocks');
export const BUNDLE = join(CACHE_DIR, 'host.mjs');
export const MANIFEST = join(CACHE_DIR, 'host.inputs.json');

/** What the bundle was built from: each input's stamp, and the builder (see isFresh). */
interface Manifest {
  builder: string;
  inputs: Record<string, Stamp>;
}

/**
 * A file's size, modification time and change time. The change time is what no tool puts back (`touch -r`, `cp -p`,
 * `rsync -t` and `tar x` restore the modification time after an edit; any write, copy or move makes a new change time).
 */
type Stamp = [size: number, mtimeMs: number, ctimeMs: number];

async function stampOf(path: string): Promise<Stamp> {
  const info = await stat(path);
  return [info.size, info.mtimeMs, info.ctimeMs];
}

/** esbuild's and Node's versions, and the project's folder: the bundle holds the absolute paths of its files. */
const builder = () => `esbuild ${esbuildVersion}, node ${process.version}, ${projectRoot}`;

/** Read by esbuild but not listed among the bundled files: how modules resolve (`#apis`) and compile, and this file. */
const SETTINGS = ['package.json', 'tsconfig.json', relative(projectRoot, fileURLToPath(import.meta.url))];

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

/** Builds the bundle when it is missing, damaged or older than any input (`force`: always); its path. */
export async function mockHostBundle({ force = false } = {}): Promise<string> {
  if (!force && (await isFresh())) return BUNDLE;
  await mkdir(CACHE_DIR, { recursive: true });
  const started = Date.now();
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
  const bundled = Object.keys(result.metafile.inputs).filter((path) => !path.includes(':'));
  for (const input of [...bundled, ...SETTINGS]) inputs[relative(projectRoot, resolve(projectRoot, input))] = await stampOf(resolve(projectRoot, input));
  await rename(`${BUNDLE}.${process.pid}`, BUNDLE);
  // An input saved while esbuild was reading may be in the bundle as it was before: then no manifest, and the next
  // start builds again.
  if (Object.values(inputs).some(([, mtimeMs, ctimeMs]) => Math.max(mtimeMs, ctimeMs) >= started)) {
    await rm(MANIFEST, { force: true });
    return BUNDLE;
  }
  inputs[relative(projectRoot, BUNDLE)] = await stampOf(BUNDLE); // a bundle cut short or replaced is stale too
  await writeFile(`${MANIFEST}.${process.pid}`, JSON.stringify({ builder: builder(), inputs } satisfies Manifest));
  await rename(`${MANIFEST}.${process.pid}`, MANIFEST);
  return BUNDLE;
}

/** Whether the bundle is still what a build would make: same builder and folder, every input and itself unchanged. */
async function isFresh(): Promise<boolean> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(MANIFEST, 'utf8')) as Manifest;
  } catch {
    return false;
  }
  if (manifest.builder !== builder() || typeof manifest.inputs !== 'object' || manifest.inputs === null) return false;
  const checks = await Promise.all(
    Object.entries(manifest.inputs).map(([path, stamp]) =>
      stampOf(resolve(projectRoot, path)).then(
        (now) => Array.isArray(stamp) && now.every((value, i) => value === stamp[i]),
        () => false,
      ),
    ),
  );
  return checks.length > 0 && checks.every(Boolean);
}

/**
 * mocks/host.ts, from the bundle (built first when stale; built again once when it does not load). A tree where the
 * bundle cannot be written (read-only) starts from the sources instead, slower, and says so.
 */
export async function loadMockHost(): Promise<MockHostModule> {
  try {
    const loaded = await importBundle(await mockHostBundle());
    if (loaded) return loaded;
    const rebuilt = await importBundle(await mockHostBundle({ force: true }), Date.now());
    if (rebuilt) return rebuilt;
    throw new Error('the bundle was built again and still does not load');
  } catch (error) {
    console.warn(`The mock host bundle could not be built (${error instanceof Error ? error.message : String(error)}); starting from the sources.`);
    return import('../mocks/host.ts');
  }
}

/** The bundle's module, or undefined when it does not load as one (`fresh`: a new module instance, not a cached failure). */
async function importBundle(path: string, fresh?: number): Promise<MockHostModule | undefined> {
  try {
    const loaded = (await import(`${pathToFileURL(path).href}${fresh ? `?${fresh}` : ''}`)) as Partial<MockHostModule>;
    return typeof loaded.startMockHost === 'function' ? (loaded as MockHostModule) : undefined;
  } catch {
    return undefined;
  }
}
