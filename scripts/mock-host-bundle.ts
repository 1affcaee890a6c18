// The mock host as `npm start` and `npm run mocks` run it: mocks/host.ts with Prism and every other dependency bundled
// by esbuild into one file, node_modules/.cache/delivery-mocks/host.mjs, built by the first start after any of its
// inputs changed and reused after that. Prism is about 2,900 CommonJS files; resolving, reading and compiling them one
// by one (and tsx's hook on every require) was most of a start (issue 15 §7; BENCHMARKS.md, mock host). The tests
// import mocks/host.ts itself; test/mocks/bundle.test.ts runs the README's flows against this bundle.
import { mkdir, readdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin, version as esbuildVersion } from 'esbuild';
import { projectRoot } from '#apis';

type MockHostModule = typeof import('../mocks/host.ts');

const ENTRY = resolve(projectRoot, 'mocks/host.ts');
const CACHE_DIR = resolve(projectRoot, 'node_modules/.cache/delivery-mocks');
export const BUNDLE = join(CACHE_DIR, 'host.mjs');
export const MANIFEST = join(CACHE_DIR, 'host.inputs.json');

/**
 * What the bundle was built from (see isFresh): the builder, and a stamp per input. A project file's stamp is a hash of
 * the very bytes esbuild read (taken as it read them, so an edit saved during a build is seen by the next start; no
 * clock is trusted). A dependency's file, its package.json and every folder an input lies in are stamped by size and
 * modification time: a folder's time moves when an entry in it is added, removed or re-pointed (another version
 * installed beside it, a nested copy that now hides it, a link moved to another checkout). Change times are not used:
 * hard-linked node_modules shared by several worktrees change them without changing a byte.
 */
interface Manifest {
  builder: string;
  inputs: Record<string, string>;
}

const hash = (bytes: string | Uint8Array) => createHash('sha256').update(bytes).digest('base64url');

async function stampOf(path: string): Promise<string> {
  const info = await stat(path);
  if (info.isDirectory() || path.includes(`${sep}node_modules${sep}`)) return `${info.size}:${info.mtimeMs}`;
  return hash(await readFile(path));
}

/** esbuild's and Node's versions, and the project's folder: the bundle holds the absolute paths of its files. */
const builder = () => `esbuild ${esbuildVersion}, node ${process.version}, ${projectRoot}`;

/** Read by esbuild but not listed among the bundled files: how modules resolve (`#apis`) and compile, and this file. */
const SETTINGS = ['package.json', 'tsconfig.json', fileURLToPath(import.meta.url)].map((path) => resolve(projectRoot, path));

/** The hashes of the project files as esbuild read them, by absolute path (filled by ownUrls during a build). */
let readHashes = new Map<string, string>();

/**
 * Each project file's own `import.meta.url`, written in as its original file URL: the fixtures, the spec cache and the
 * project root are found relative to the file that names them, not to the bundle. The bytes read are hashed here.
 */
const ownUrls: Plugin = {
  name: 'own-import-meta-url',
  setup(plugin) {
    plugin.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const source = await readFile(args.path, 'utf8');
      readHashes.set(args.path, hash(source));
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
  const temporary = `${BUNDLE}.${process.pid}`;
  readHashes = new Map();
  try {
    const result = await build({
      entryPoints: [ENTRY],
      absWorkingDir: projectRoot, // the metafile's paths are relative to it, whatever folder the start ran from
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // ES builds first: a UMD build (jsonc-parser's main) requires its own files through a parameter no bundler follows.
      mainFields: ['module', 'main'],
      outfile: temporary,
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
    const files = Object.keys(result.metafile.inputs).filter((path) => !path.includes(':')).map((path) => resolve(projectRoot, path));
    const inputs: Manifest['inputs'] = {};
    for (const path of [...files, ...SETTINGS, ...(await packageFiles(files)), ...folders(files)]) {
      inputs[relative(projectRoot, path)] = readHashes.get(path) ?? (await stampOf(path));
    }
    Object.assign(inputs, await linkTargets());
    await rename(temporary, BUNDLE);
    inputs[relative(projectRoot, BUNDLE)] = await stampOf(BUNDLE); // a bundle cut short or replaced is stale too
    await writeFile(`${MANIFEST}.${process.pid}`, JSON.stringify({ builder: builder(), inputs } satisfies Manifest));
    await rename(`${MANIFEST}.${process.pid}`, MANIFEST);
    return BUNDLE;
  } finally {
    await rm(temporary, { force: true });
  }
}

/**
 * The folders the files lie in, and for a dependency every folder above it up to the project (a package installed,
 * nested or re-linked anywhere on the way changes one of them); never the project's own folder, where dist/, build/
 * and .tmp/ come and go (its links are stamped by linkTargets).
 */
function folders(files: string[]): string[] {
  const found = new Set<string>();
  for (const file of files) {
    for (let dir = dirname(file); dir.startsWith(`${projectRoot}${sep}`) && !found.has(dir); dir = dirname(dir)) {
      found.add(dir);
      if (!file.includes(`${sep}node_modules${sep}`)) break;
    }
  }
  return [...found];
}

/** Where each link in the project's own folder leads (a `mocks` linked to another checkout, re-pointed). */
async function linkTargets(): Promise<Record<string, string>> {
  const targets: Record<string, string> = {};
  for (const entry of await readdir(projectRoot, { withFileTypes: true })) {
    if (entry.isSymbolicLink()) targets[`link:${entry.name}`] = await realpath(join(projectRoot, entry.name)).catch(() => 'dangling');
  }
  return targets;
}

/** The package.json of the package each dependency file belongs to (its `main`, `exports` and `module` steer resolution). */
async function packageFiles(files: string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const file of files.filter((path) => path.includes(`${sep}node_modules${sep}`))) {
    for (let dir = dirname(file); dir.includes(`${sep}node_modules${sep}`); dir = dirname(dir)) {
      const candidate = join(dir, 'package.json');
      if (found.has(candidate)) break;
      if (await stat(candidate).then(() => true, () => false)) {
        found.add(candidate);
        break;
      }
    }
  }
  return [...found];
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
  const links = await linkTargets();
  const recorded = Object.entries(manifest.inputs);
  if (recorded.filter(([key]) => key.startsWith('link:')).length !== Object.keys(links).length) return false;
  const checks = await Promise.all(
    recorded.map(([path, stamp]) =>
      path.startsWith('link:')
        ? links[path] === stamp
        : stampOf(resolve(projectRoot, path)).then(
            (now) => now === stamp,
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
