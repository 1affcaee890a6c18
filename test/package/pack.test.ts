// The package as a team installs it: built (`npm run build`, tsup), packed, linted as published packages are (publint,
// @arethetypeswrong/cli), installed into a scratch project, and used there by four kinds of consumer, each of which
// type-checks against the shipped declarations and calls the Yandex Fleet mock: ESM TypeScript (`nodenext`, run after
// tsc; `bundler`, run after esbuild bundles it), CommonJS JavaScript (`require`) and CommonJS TypeScript (`node16`).
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { listApis, projectRoot } from '#apis';
import { packageEntries } from '../../tsup.config.ts';
import { packedPackage } from '../support/packed.ts';

const run = promisify(execFile);
const bin = (name: string) => join(projectRoot, 'node_modules/.bin', name);
const tsc = join(projectRoot, 'node_modules/typescript/bin/tsc');
type Conditions = { import: { types: string; default: string }; require: { types: string; default: string } };
const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
  name: string;
  exports: Record<string, Conditions | string>;
  typesVersions: Record<string, Record<string, string[]>>;
};
const built = packageEntries(projectRoot);
/** Each export key (`.`, `./yandex-fleet`) with the build output it must point at (`index`, `yandex-fleet/index`). */
const entries = Object.keys(built).map((out) => [out === 'index' ? '.' : `./${out.replace(/\/index$/, '')}`, out] as const);
let scratch: string;
let tarball: string;
let files: string[];

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'pack-consumer-'));
  ({ tarball, files } = await packedPackage());
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], { cwd: scratch });
}, 300_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the packed package', { timeout: 120_000 }, () => {
  it('holds the build, the specs, README and LICENSE, and nothing else', () => {
    const outside = files.filter((path) => !/^(dist\/|specs\/[\w-]+\.yaml$|README\.md$|LICENSE$|package\.json$)/.test(path));
    expect(outside).toEqual([]);
    for (const api of listApis()) expect(files).toContain(`specs/${api.name}.yaml`);
  });

  it('depends on exactly the packages its build imports, openapi-fetch by a caret range (a project that uses it too gets one copy)', () => {
    const root = join(scratch, 'node_modules', pkg.name);
    const installed = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; peerDependencies?: Record<string, string>; private?: boolean };
    // Static and dynamic imports and requires, in the minified build too (`from"x"`, `import("x")`).
    const imported = new Set<string>();
    for (const path of files.filter((file) => /^dist\/.*\.c?js$/.test(file))) {
      for (const [, specifier] of readFileSync(join(root, path), 'utf8').matchAll(/\b(?:from|import|require)\s*\(?\s*"([^".][^"]*)"/g)) imported.add(specifier ?? '');
    }
    // Redis's libraries are optional peers (only `delivery-api-clients/redis/node` imports them; ioredis by type only).
    const declared = new Set([...Object.keys(installed.dependencies ?? {}), ...Object.keys(installed.peerDependencies ?? {})]);
    expect([...imported].filter((name) => !declared.has(name))).toEqual([]);
    expect(Object.keys(installed.dependencies ?? {}).filter((name) => !imported.has(name))).toEqual([]);
    // Nothing is loaded at run time with import(): Jest's CommonJS sandbox throws on it, and a bundler that splits code
    // may hand it a namespace without the names it needs (red team 8). content-disposition is bundled in.
    for (const path of files.filter((file) => /^dist\/.*\.c?js$/.test(file))) expect(readFileSync(join(root, path), 'utf8'), path).not.toMatch(/\bimport\s*\(/);
    expect(installed.dependencies?.['openapi-fetch']).toBe('^0.17.0');
    expect(installed.private).toBeUndefined();
  });

  it('exports every built entry with import, require and types conditions, and nothing that is not built', () => {
    const exported = Object.keys(pkg.exports).filter((key) => key !== './specs/*' && key !== './package.json');
    expect(exported.sort()).toEqual(entries.map(([key]) => key).sort());
    expect(entries.map(([key]) => key)).toEqual(expect.arrayContaining(['.', ...listApis().map((api) => `./${api.name}`)]));
    for (const [key, out] of entries) {
      expect(pkg.exports[key]).toEqual({
        import: { types: `./dist/${out}.d.ts`, default: `./dist/${out}.js` },
        require: { types: `./dist/${out}.d.cts`, default: `./dist/${out}.cjs` },
      });
      for (const ext of ['d.ts', 'js', 'd.cts', 'cjs']) expect(files).toContain(`dist/${out}.${ext}`);
      // TypeScript's legacy `node10` resolution reads typesVersions instead of exports.
      if (key !== '.') expect(pkg.typesVersions['*']?.[key.slice(2)]).toEqual([`./dist/${out}.d.cts`]);
    }
    expect(pkg.exports['./specs/*']).toBe('./specs/*');
  });

  it('ships no source maps, no reference to one, and no path of the machine that built it', () => {
    expect(files.filter((path) => path.endsWith('.map'))).toEqual([]);
    for (const path of files.filter((file) => file.startsWith('dist/'))) {
      const text = readFileSync(join(scratch, 'node_modules', pkg.name, path), 'utf8');
      expect(text, path).not.toContain('sourceMappingURL');
      expect(text, path).not.toContain(projectRoot);
    }
  });

  // Issue 14, nothing happens at import: compiling the entry is most of its import (BENCHMARKS.md, section 6), so the
  // build keeps it small, and nothing in it makes V8 do work at parse time that only a call needs.
  it('is built to import fast: local names shortened, the names a user sees kept, no Unicode property escape in a regex literal', async () => {
    const ts = (await import('typescript')).default;
    const code = files.filter((path) => /^dist\/.*\.c?js$/.test(path));
    expect(code.length).toBe(2 * entries.length);
    for (const path of code) {
      const text = readFileSync(join(scratch, 'node_modules', pkg.name, path), 'utf8');
      const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
      const parameters: string[] = [];
      const propertyEscapes: string[] = [];
      const visit = (node: import('typescript').Node): void => {
        if (ts.isParameter(node) && ts.isIdentifier(node.name)) parameters.push(node.name.text);
        // V8 checks a regular expression literal when it parses the file; a \p{…} makes it load ICU's tables.
        if (node.kind === ts.SyntaxKind.RegularExpressionLiteral && /\\[pP]\{/.test(node.getText(source))) propertyEscapes.push(node.getText(source));
        ts.forEachChild(node, visit);
      };
      visit(source);
      expect(propertyEscapes, path).toEqual([]);
      // terser shortened the parameters (tsup leaves a file as it was when terser fails, and says so only in its log)
      expect(parameters.length, path).toBeGreaterThan(10);
      expect(parameters.filter((name) => name.length > 2), path).toEqual([]);
    }
    // Function and class names are kept: stack traces and `error.name` read as in src/. (Not `redis/node`: it loads its
    // optional peers, which this project does not install.)
    for (const [key] of entries.filter(([name]) => !name.endsWith('/node'))) {
      const specifier = `${pkg.name}${key.slice(1)}`;
      const script = `const m = FORMAT; const wrong = Object.entries(m).filter(([k, v]) => typeof v === 'function' && v.name !== k).map(([k, v]) => k + ' is named ' + v.name); console.log(JSON.stringify(wrong));`;
      for (const [flag, load] of [['--input-type=module', `await import('${specifier}')`], ['--input-type=commonjs', `require('${specifier}')`]] as const) {
        const { stdout } = await run(process.execPath, [flag, '-e', script.replace('FORMAT', load)], { cwd: scratch });
        expect(JSON.parse(stdout), `${specifier} ${flag}`).toEqual([]);
      }
    }
  });

  it('passes publint, warnings included', async () => {
    const { stdout } = await run(bin('publint'), ['run', tarball, '--strict', '--level', 'suggestion'], { cwd: scratch });
    expect(stdout).toContain('All good!');
  });

  it('passes @arethetypeswrong/cli for every entry and every resolution mode', async () => {
    // Into a file, not a pipe: attw exits (non-zero on a problem) before a pipe is drained, which cuts its JSON short.
    const out = join(scratch, 'attw.json');
    await run('sh', ['-c', 'exec "$0" "$1" --format json > "$2"', bin('attw'), tarball, out], { cwd: scratch }).catch(() => undefined);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { analysis: { entrypoints: Record<string, unknown> }; problems?: Record<string, unknown[]> };
    expect(Object.values(report.problems ?? {}).flat()).toEqual([]);
    expect(Object.keys(report.analysis.entrypoints)).toEqual(expect.arrayContaining(entries.map(([key]) => key)));
  });

  it('importing one API does not pull in the others', async () => {
    const result = await build({
      stdin: { contents: `export { createYandexFleetClient } from '${pkg.name}/yandex-fleet';`, resolveDir: scratch, loader: 'js' },
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      minify: true,
    });
    const bundle = result.outputFiles[0]?.text ?? '';
    expect(bundle).toContain('fleet-api.taxi.yandex.net');
    for (const other of ['tbank', 'fastriver', 'dellin', 'dilovod']) expect(bundle.toLowerCase()).not.toContain(other);
  });
});

// The same flow in every consumer: a typed call that succeeds, a call the mock refuses (400, caught as the ApiError of
// the package root: one class across entries), and a call with a wrong type that must not compile.
const flow = (header: string, footer: string) => `${header}
declare const process: { argv: string[] };
async function main(): Promise<void> {
  const fleet = createYandexFleetClient({ apiKey: 'k', clientId: 'taxi/park/p1', baseUrl: process.argv[2] });
  const { categories } = await fleet.listTransactionCategories({ query: { park: { id: 'p1' } } });
  const first: TransactionCategory | undefined = categories[0];
  let refused = 0;
  try {
    await fleet.createTransactionV3({ park_id: 'p1', contractor_profile_id: 'c1', amount: '12.12345', data: { kind: 'bonus' } });
  } catch (error) {
    if (error instanceof ApiError) refused = error.status;
  }
  // @ts-expect-error the park id is a string
  if (Number.isNaN(1)) await fleet.listTransactionCategories({ query: { park: { id: 1 } } });
  console.log(JSON.stringify({ categories: categories.length, first: typeof first?.id, refused }));
}
${footer}`;
// TypeScript writes imports either way: a CommonJS build (node16, `type: commonjs`) turns them into require calls.
const imports = `import { createYandexFleetClient, type TransactionCategory } from '${pkg.name}/yandex-fleet';\nimport { ApiError } from '${pkg.name}';`;
const compilerOptions = { strict: true, target: 'es2022', lib: ['es2022', 'dom'], types: [], skipLibCheck: false, outDir: 'out' };

interface Consumer {
  type: 'module' | 'commonjs';
  files: Record<string, string>;
  /** Type-checks and builds; returns the file node runs. */
  prepare(dir: string): Promise<string>;
}

const consumers: Record<string, Consumer> = {
  'ESM TypeScript, moduleResolution nodenext': {
    type: 'module',
    files: {
      'consumer.ts': flow(imports, 'await main();'),
      'tsconfig.json': JSON.stringify({ compilerOptions: { ...compilerOptions, module: 'nodenext', moduleResolution: 'nodenext' }, files: ['consumer.ts'] }),
    },
    prepare: async (dir) => (await run(process.execPath, [tsc, '-p', dir]), 'out/consumer.js'),
  },
  'ESM TypeScript, moduleResolution bundler (bundled by esbuild)': {
    type: 'module',
    files: {
      'consumer.ts': flow(imports, 'await main();'),
      'tsconfig.json': JSON.stringify({ compilerOptions: { ...compilerOptions, module: 'esnext', moduleResolution: 'bundler', noEmit: true }, files: ['consumer.ts'] }),
    },
    prepare: async (dir) => {
      await run(process.execPath, [tsc, '-p', dir]);
      await build({ entryPoints: [join(dir, 'consumer.ts')], bundle: true, format: 'esm', platform: 'neutral', mainFields: ['module', 'main'], outfile: join(dir, 'out/consumer.js') });
      return 'out/consumer.js';
    },
  },
  'CommonJS JavaScript, require': {
    type: 'commonjs',
    files: {
      'consumer.js': `const { createYandexFleetClient } = require('${pkg.name}/yandex-fleet');
const { ApiError } = require('${pkg.name}');
async function main() {
  const fleet = createYandexFleetClient({ apiKey: 'k', clientId: 'taxi/park/p1', baseUrl: process.argv[2] });
  const { categories } = await fleet.listTransactionCategories({ query: { park: { id: 'p1' } } });
  let refused = 0;
  try {
    await fleet.createTransactionV3({ park_id: 'p1', contractor_profile_id: 'c1', amount: '12.12345', data: { kind: 'bonus' } });
  } catch (error) {
    if (error instanceof ApiError) refused = error.status;
  }
  console.log(JSON.stringify({ categories: categories.length, first: typeof categories[0]?.id, refused }));
}
main();
`,
    },
    prepare: async () => 'consumer.js',
  },
  'CommonJS TypeScript, module node16': {
    type: 'commonjs',
    files: {
      'consumer.ts': flow(imports, 'void main();'),
      'tsconfig.json': JSON.stringify({ compilerOptions: { ...compilerOptions, module: 'node16', moduleResolution: 'node16' }, files: ['consumer.ts'] }),
    },
    prepare: async (dir) => {
      await run(process.execPath, [tsc, '-p', dir]);
      // Proof that this really is CommonJS: tsc turned the imports into require calls.
      expect(readFileSync(join(dir, 'out/consumer.js'), 'utf8')).toContain(`require("${pkg.name}/yandex-fleet")`);
      return 'out/consumer.js';
    },
  },
};

describe('consumers of the installed tarball', () => {
  it.each(Object.entries(consumers))('%s: type-checks and calls the mock', async (name, consumer) => {
    const dir = join(scratch, name.replace(/\W+/g, '-'));
    mkdirSync(dir);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: consumer.type }));
    for (const [file, text] of Object.entries(consumer.files)) writeFileSync(join(dir, file), text);
    const main = await consumer.prepare(dir);
    const { stdout } = await run(process.execPath, [main, inject('mockUrls')['yandex-fleet'] ?? ''], { cwd: dir });
    expect(JSON.parse(stdout)).toEqual({ categories: expect.any(Number), first: 'string', refused: 400 });
    expect((JSON.parse(stdout) as { categories: number }).categories).toBeGreaterThan(0);
  }, 120_000);
});
