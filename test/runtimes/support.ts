// What the runtime tests share: the README's runtime-neutral example blocks (test/support/readme-examples.ts, the same
// source and URL rewriting test/readme.test.ts runs in Node), each bundled by esbuild as a browser would get it.
import { mkdirSync } from 'node:fs';
import { build } from 'esbuild';
import { EXAMPLES_DIR, exampleSource } from '../support/readme-examples.ts';

/**
 * One README block with the main entries it imports, as one ES module with its top-level await kept (format `esm`,
 * platform `browser`: a Node built-in would fail the build). `process.env` is `{}`, as a browser bundler defines it,
 * so `process.env.KEY ?? 'mock-key'` reads the default where there is no `process`.
 */
export async function bundleExample(name: string, urls: Record<string, string>): Promise<string> {
  // esbuild resolves the block's `../src/` imports from EXAMPLES_DIR, which must exist (a fresh clone has no .tmp/).
  mkdirSync(EXAMPLES_DIR, { recursive: true });
  const result = await build({
    stdin: { contents: exampleSource(name, urls), resolveDir: EXAMPLES_DIR, sourcefile: `readme-${name}.ts`, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    define: { 'process.env': '{}' },
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

/**
 * The bundle as the body of an async function, for runtimes that run code per request rather than per module: a
 * worker may not fetch during module evaluation (workerd refuses I/O in the global scope), and the Edge Runtime VM
 * evaluates scripts. The bundle has no import or export left, so its module body is a valid function body.
 */
export function asAsyncFunction(bundle: string): string {
  if (/^\s*(import|export)\b/m.test(bundle)) throw new Error('the bundle still imports or exports: it is no function body');
  return `async function example() {\n${bundle}\n}`;
}
