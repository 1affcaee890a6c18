// `npm run build`: the package's dist/, ESM (.js, .d.ts) and CommonJS (.cjs, .d.cts) of every entry, from the one
// TypeScript source, by tsup (esbuild for the code, rollup-plugin-dts for the types). The entries are found, not listed:
// src/core/index.ts is the package root, src/<api>/index.ts is `delivery-api-clients/<api>`, and src/<api>/node.ts (the
// Node-only pieces, kept out of the main entries) is `delivery-api-clients/<api>/node`.
// package.json's `exports` must name exactly these (test/package/pack.test.ts checks it).
// Each entry is one file with the core inside it (no shared chunks): an ESM import pays a resolve, a read and a link per
// file, which made importing an entry of 4–5 files about 2× importing openapi-fetch (BENCHMARKS.md, import time).
// `instanceof` holds across entries and formats through the error classes' brand (src/core/errors.ts); the types of
// every entry come from shared declaration chunks, so they stay one type. The code is minified in whitespace and
// syntax only (names are kept, so stack traces and error class names read as in src/): a smaller file compiles faster.
// content-disposition (CommonJS) is bundled in, its licence comment kept, and evaluated on the first file name read
// (src/core/binary.ts imports it with `import()`, which esbuild turns into a call inside the file): loading it as a
// package from ES modules cost ≈ 2 ms at import, and a real `import()` at run time fails under Jest's CommonJS sandbox
// and in some code-splitting bundles.
import { existsSync, readdirSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

const ENTRY_FILES = ['index', 'node'];

/** Output name (without extension) → source file, for every entry of the package. */
export function packageEntries(root = '.'): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const dir of readdirSync(`${root}/src`, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const name of ENTRY_FILES) {
      const source = `src/${dir.name}/${name}.ts`;
      if (!existsSync(`${root}/${source}`)) continue;
      entries[dir.name === 'core' ? name : `${dir.name}/${name}`] = source;
    }
  }
  return entries;
}

export const packageBuild = {
  entry: packageEntries(),
  outDir: 'dist',
  format: ['esm', 'cjs'],
  dts: true,
  splitting: false,
  noExternal: ['content-disposition'],
  minifyWhitespace: true,
  minifySyntax: true,
  // No source maps: the CommonJS pass over split chunks (sucrase, in tsup 8.5) writes maps whose first source is the
  // build machine's absolute path of the file itself, without content. The output is unminified and close to src/.
  sourcemap: false,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  tsconfig: 'tsconfig.build.json',
  silent: true,
} satisfies Options;

export default defineConfig(packageBuild);
