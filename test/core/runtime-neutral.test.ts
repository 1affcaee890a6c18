// Issue 14: the main entries run wherever fetch runs. Each is bundled by esbuild for the browser, and the bundle must
// import no Node built-in and touch no Node global except behind a `typeof` guard (openapi-fetch's own
// `typeof process === "object" && process.versions…` check) or as `globalThis.process?.…`. Every entry is checked but
// the `/node` ones (src/redis/node.ts: ioredis speaks TCP); the receivers' entries (`fastriver/callbacks`,
// `dilovod/webhooks`) serve workers too, and their node:http listeners only take the request and response given.
import { builtinModules } from 'node:module';
import { describe, expect, it } from 'vitest';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { packageEntries } from '../../tsup.config.ts';

const NODE_GLOBALS = ['process', 'Buffer', 'global', '__dirname', '__filename', 'require', 'module', 'exports', 'setImmediate', 'clearImmediate'];
const MARK = (name: string) => `__NODE_GLOBAL_${name}__`;
const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

const MAIN_ENTRIES = Object.entries(packageEntries())
  .filter(([name]) => !name.endsWith('node'))
  .map(([, source]) => source);

interface Finding {
  module: string;
  what: string;
}

/** Bundles one entry (a file, or source text) for the browser and lists every Node built-in and unguarded Node global. */
async function nodeDependencies(entry: { file: string } | { source: string }): Promise<Finding[]> {
  const findings: Finding[] = [];
  const builtins: Plugin = {
    name: 'node-builtins',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /.*/ }, (args) => {
        if (!BUILTINS.has(args.path) && !args.path.startsWith('node:')) return undefined;
        findings.push({ module: args.importer, what: `imports the Node built-in "${args.path}"` });
        return { path: args.path, external: true };
      });
    },
  };
  const options: BuildOptions = {
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    plugins: [builtins],
    // Free references only: `globalThis.process` and strings are left alone, `process` and `process.env` are marked.
    define: Object.fromEntries(NODE_GLOBALS.map((name) => [name, MARK(name)])),
  };
  const result = await build('file' in entry ? { ...options, entryPoints: [entry.file] } : { ...options, stdin: { contents: entry.source, resolveDir: process.cwd(), loader: 'ts' } });
  const code = result.outputFiles?.[0]?.text ?? '';
  for (const name of NODE_GLOBALS) {
    const mark = MARK(name);
    for (let at = code.indexOf(mark); at >= 0; at = code.indexOf(mark, at + 1)) {
      if (guarded(code, at, mark)) continue;
      const line = code.slice(code.lastIndexOf('\n', at) + 1, code.indexOf('\n', at)).trim().replaceAll(mark, name);
      findings.push({ module: moduleAt(code, at), what: `uses the Node global "${name}" unguarded: ${line}` });
    }
  }
  return findings;
}

/** `typeof X`, or X later in the same expression as a `typeof X` check (no statement or block boundary in between). */
function guarded(code: string, at: number, mark: string): boolean {
  if (/typeof\s*$/.test(code.slice(Math.max(0, at - 10), at))) return true;
  const check = code.lastIndexOf(`typeof ${mark}`, at);
  return check >= 0 && !/[;{}]/.test(code.slice(check, at));
}

/** esbuild's unminified output starts each module's code with a `// path` comment. */
function moduleAt(code: string, at: number): string {
  const comments = [...code.slice(0, at).matchAll(/^\/\/ (\S+)$/gm)];
  return comments.at(-1)?.[1] ?? 'the entry';
}

const describeFindings = (entry: string, findings: Finding[]) =>
  findings.map((f) => `${entry} is not runtime-neutral: ${f.module} ${f.what} (move it to a /node entry, or guard it with globalThis.process?.…)`);

describe('main entries use only web-standard APIs (bundled for the browser)', () => {
  it('finds every main entry', () => {
    expect(MAIN_ENTRIES).toContain('src/core/index.ts');
    expect(MAIN_ENTRIES.length).toBeGreaterThanOrEqual(6);
  });

  it.each(MAIN_ENTRIES)('%s imports no Node built-in and uses no Node global', async (entry) => {
    expect(describeFindings(entry, await nodeDependencies({ file: entry }))).toEqual([]);
  });
});

describe('the check itself', () => {
  it.each([
    ["import { createServer } from 'node:http'; export const f = createServer;", 'imports the Node built-in "node:http"'],
    ["import { readFileSync } from 'fs'; export const f = readFileSync;", 'imports the Node built-in "fs"'],
    ['export const key = process.env.KEY;', 'uses the Node global "process" unguarded'],
    ["export const bytes = (s: string) => Buffer.from(s, 'utf8');", 'uses the Node global "Buffer" unguarded'],
    ['export const later = (f: () => void) => setImmediate(f);', 'uses the Node global "setImmediate" unguarded'],
    ['export const here = __dirname;', 'uses the Node global "__dirname" unguarded'],
    ["export const g = global; export const load = () => require('x');", 'uses the Node global "global" unguarded'],
    ["export const f = () => { if (typeof process === 'object') {} return process.env; };", 'uses the Node global "process" unguarded'],
  ])('refuses %s', async (source, expected) => {
    const findings = await nodeDependencies({ source });
    expect(findings.map((f) => f.what).join('\n')).toContain(expected);
  });

  it.each([
    'export const level = globalThis.process?.env?.DELIVERY_API_LOG;',
    "export const node = typeof process === 'object' && Number(process?.versions?.node) >= 18 && process.versions.undici;",
    "export const text = 'Buffer, process and require in a string';",
    'export const later = (f: () => void) => setTimeout(f, 0);',
  ])('allows %s', async (source) => {
    expect(await nodeDependencies({ source })).toEqual([]);
  });
});
