// `npm run build`: the package's dist/, ESM (.js, .d.ts) and CommonJS (.cjs, .d.cts) of every entry, from the one
// TypeScript source, by tsup (esbuild for the code, rollup-plugin-dts for the types). The entries are found, not listed:
// src/core/index.ts is the package root, src/<api>/index.ts is `delivery-api-clients/<api>`, and each other file named in
// ENTRY_FILES is `delivery-api-clients/<api>/<name>`: the receivers of inbound events (fastriver/callbacks.ts,
// dilovod/webhooks.ts), which a service that only calls the API does not load, and redis/node.ts (Node only).
// package.json's `exports` must name exactly these (test/package/pack.test.ts checks it).
// Each entry is one file with the core inside it (no shared chunks): an ESM import pays a resolve, a read and a link per
// file, which made importing an entry of 4–5 files about 2× importing openapi-fetch (BENCHMARKS.md, import time).
// `instanceof` holds across entries and formats through the error classes' brand (src/core/errors.ts); the types of
// every entry come from shared declaration chunks, so they stay one type. The code is minified (a smaller file compiles
// faster, and compiling is most of an import): esbuild takes out whitespace and simplifies syntax, then terser shortens
// the local names (parameters and variables inside functions). Function, class and top-level names are kept, so stack
// traces and error class names read as in src/. Local names alone took the Fastriver entry's import from 1.49× to
// 1.39× openapi-fetch's (BENCHMARKS.md, import time); esbuild's identifier minifying cannot keep the other names.
// content-disposition (CommonJS) is bundled in, its licence comment kept, and evaluated on the first file name read
// (src/core/binary.ts imports it with `import()`, which esbuild turns into a call inside the file): loading it as a
// package from ES modules cost ≈ 2 ms at import, and a real `import()` at run time fails under Jest's CommonJS sandbox
// and in some code-splitting bundles.
import { existsSync, readdirSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

const ENTRY_FILES = ['index', 'callbacks', 'webhooks', 'node'];

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
  minify: 'terser',
  terserOptions: {
    compress: false,
    module: false, // tsup turns it on for ESM, and with it every top-level name would be shortened too
    toplevel: false,
    mangle: { toplevel: false, keep_fnames: true, keep_classnames: true },
    format: { comments: 'some' }, // licence comments (content-disposition's)
  },
  // No source maps: the CommonJS pass (sucrase, in tsup 8.5) writes maps whose first source is the build machine's
  // absolute path of the file itself, without content. The output keeps src/'s function, class and exported names.
  sourcemap: false,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  tsconfig: 'tsconfig.build.json',
  silent: true,
} satisfies Options;

export default defineConfig(packageBuild);
