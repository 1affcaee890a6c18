// 5. Bundle size: each API entry bundled alone with esbuild (esm, minified) and gzipped, vs openapi-fetch alone.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { listApis, projectRoot } from '#apis';
import { formatBytes, type RunSettings, type Section, type Target } from './stats.ts';

/** The allowance over openapi-fetch alone (3 kB = 3,000 bytes, gzipped). */
const ALLOWANCE = 3000;
const GZIP_LEVEL = 9;

interface Bundle {
  minified: number;
  gzipped: number;
  /** Minified bytes by origin: openapi-fetch, fast-xml-parser, src/core, src/<api>, generated/, other. */
  byOrigin: Map<string, number>;
}

const common: BuildOptions = {
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  minify: true,
  write: false,
  metafile: true,
  logLevel: 'silent',
  absWorkingDir: projectRoot,
};

/** fast-xml-parser 5 and the packages it pulls in. */
const XML_PACKAGES = ['fast-xml-parser', 'fast-xml-builder', '@nodable/entities', 'is-unsafe', 'path-expression-matcher', 'strnum', 'anynum', 'xml-naming'];

function origin(path: string): string {
  if (path.includes('node_modules/openapi-fetch/')) return 'openapi-fetch';
  if (XML_PACKAGES.some((name) => path.includes(`node_modules/${name}/`))) return 'fast-xml-parser and its dependencies';
  if (path.includes('node_modules/')) return 'other packages';
  if (path.startsWith('src/core/')) return 'src/core';
  if (path.startsWith('src/')) return 'src/<api>';
  if (path.startsWith('generated/')) return 'generated';
  return 'other';
}

function measure(output: Uint8Array, metafile: Metafile): Bundle {
  const byOrigin = new Map<string, number>();
  for (const out of Object.values(metafile.outputs)) {
    for (const [path, input] of Object.entries(out.inputs)) byOrigin.set(origin(path), (byOrigin.get(origin(path)) ?? 0) + input.bytesInOutput);
  }
  return { minified: output.byteLength, gzipped: gzipSync(output, { level: GZIP_LEVEL }).byteLength, byOrigin };
}

async function bundleEntry(entry: string): Promise<Bundle> {
  const result = await build({ ...common, entryPoints: [entry], outfile: 'bundle.js' });
  const output = result.outputFiles?.[0];
  if (!output || !result.metafile) throw new Error(`esbuild produced nothing for ${entry}`);
  return measure(output.contents, result.metafile);
}

async function bundleSource(contents: string): Promise<Bundle> {
  const result = await build({ ...common, stdin: { contents, resolveDir: projectRoot, loader: 'js', sourcefile: 'entry.js' }, outfile: 'bundle.js' });
  const output = result.outputFiles?.[0];
  if (!output || !result.metafile) throw new Error('esbuild produced nothing');
  return measure(output.contents, result.metafile);
}

/** What each shared module buys (issue 14: each extra KiB accounted for). A module not listed shows as "—". */
const CORE_PURPOSE: Readonly<Record<string, string>> = {
  'transport.ts': 'the request path: answers buffered inside the attempt, replayable bodies, per-attempt timeouts, retries with backoff and Retry-After, the 401 replay, per-call headers and fetch options, the redirect policy, log events',
  'client.ts': 'typed results and errors: ApiError / InvalidResponseError mapping, RFC 7807 problems, withResponse, masked error headers, client options',
  'errors.ts': 'the typed error classes and their toJSON',
  'log.ts': 'logLevel and DELIVERY_API_LOG: console lines without a logger',
  'retry.ts': 'backoff with jitter, Retry-After (seconds and HTTP-date), which requests are safe to repeat, abortable sleep',
  'deadlines.ts': 'one shared timer for every attempt timeout (≈ 5 % of a call, see section 1)',
  'redact.ts': 'masking of every registered secret in texts, bodies and errors',
  'binary.ts': 'uploads and downloads (T-Bank and Fastriver only; tree-shaken elsewhere)',
  'objects.ts': 'plain-object checks for untrusted bodies, ids a JSON number may have rounded refused (issue 13)',
  'coordination.ts': 'the in-process account lock (Dilovod: one request at a time, held until the server is done) and credential store (Fastriver token, Dellin session) shared by clients',
  'paths.ts': 'path ids that would move the request elsewhere (`..`, `%2e%2e`) refused before anything is sent',
  'read-limited.ts': 'maxResponseBytes: a body read up to its limit, after decompression (a gzip bomb stops there)',
  'receiver.ts': 'the webhook and callback receivers on the wire (Dilovod, Fastriver only; tree-shaken elsewhere): 4xx for any malformed request, never a crash',
};

/** Each src/core module minified alone, and gzipped alone (an upper bound of what it adds to a bundle). */
async function coreModules(): Promise<string[][]> {
  const rows: string[][] = [];
  for (const name of readdirSync(resolve(projectRoot, 'src/core')).filter((file) => file.endsWith('.ts') && file !== 'index.ts').sort()) {
    const result = await build({ entryPoints: [`src/core/${name}`], bundle: false, format: 'esm', minify: true, write: false, logLevel: 'silent', absWorkingDir: projectRoot });
    const output = result.outputFiles[0]?.contents ?? new Uint8Array();
    rows.push([`src/core/${name}`, formatBytes(output.byteLength), formatBytes(gzipSync(output, { level: GZIP_LEVEL }).byteLength), CORE_PURPOSE[name] ?? '—']);
  }
  return rows;
}

const XML_PARSERS: Record<string, { name: string; source: string }> = {
  dellin: { name: 'its XML codec', source: "export { decodeXml, encodeXml } from './src/dellin/xml.ts';" },
};

export async function bundleSize(settings: RunSettings): Promise<Section> {
  settings.log('bundle: esbuild');
  const openapiFetch = await bundleSource("export { default } from 'openapi-fetch';");
  const fastXmlParser = await bundleSource("export { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';");
  const both = await bundleSource("export { default } from 'openapi-fetch';\nexport { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';");
  const kb = (bytes: number) => formatBytes(bytes);
  const signed = (bytes: number) => `${bytes >= 0 ? '+' : '−'}${formatBytes(Math.abs(bytes))}`;
  const own = (bundle: Bundle) => (bundle.byOrigin.get('src/core') ?? 0) + (bundle.byOrigin.get('src/<api>') ?? 0) + (bundle.byOrigin.get('generated') ?? 0);
  const rows: string[][] = [
    ['openapi-fetch alone', kb(openapiFetch.minified), kb(openapiFetch.gzipped), '—', '—', '—', '—'],
    ['fast-xml-parser alone (XMLBuilder, XMLParser, XMLValidator: what Dellin used before its own codec)', kb(fastXmlParser.minified), kb(fastXmlParser.gzipped), '—', '—', '—', '—'],
    ['openapi-fetch + fast-xml-parser', kb(both.minified), kb(both.gzipped), '—', '—', '—', '—'],
  ];
  const targets: Target[] = [];
  for (const api of listApis()) {
    const entry = `src/${api.name}/index.ts`;
    const bundle = await bundleEntry(entry);
    // Dellin's allowance includes its XML parser, which is its own codec (src/dellin/xml.ts, with the errors it throws).
    const parser = XML_PARSERS[api.name];
    const base = parser ? await bundleSource(`export { default } from 'openapi-fetch';\n${parser.source}`) : openapiFetch;
    const baseName = parser ? `openapi-fetch + ${parser.name}` : 'openapi-fetch';
    if (parser) rows.push([`openapi-fetch + ${api.name}'s XML codec`, kb(base.minified), kb(base.gzipped), '—', '—', '—', '—']);
    const over = bundle.gzipped - base.gzipped;
    const parts = [...bundle.byOrigin.entries()].filter(([, bytes]) => bytes > 0).map(([name, bytes]) => `${name} ${kb(bytes)}`).join(', ');
    // What an application that calls only the client pays: the factory alone, everything else tree-shaken away.
    const factory = `create${api.name.replace(/(^|-)(\w)/g, (_m, _dash: string, letter: string) => letter.toUpperCase())}Client`;
    const used = await bundleSource(`export { ${factory} } from './${entry}';`);
    rows.push([`\`${entry}\``, kb(bundle.minified), kb(bundle.gzipped), `${signed(over)} vs ${baseName}`, kb(own(bundle)), `${kb(used.gzipped)} (${signed(used.gzipped - base.gzipped)})`, parts]);
    const met = over <= ALLOWANCE;
    targets.push({
      name: `${api.name}: gzipped bundle − ${baseName}`,
      goal: `≤ +${ALLOWANCE.toLocaleString('en')} B`,
      actual: `${signed(over)} (${over.toLocaleString('en')} B; ${kb(bundle.gzipped)} vs ${kb(base.gzipped)})`,
      met,
      note: met ? undefined : `over by ${(over - ALLOWANCE).toLocaleString('en')} B gzipped`,
    });
  }
  return {
    title: '5. Bundle size',
    method: [
      `Each API's entry (\`src/<api>/index.ts\`) bundled alone by esbuild ${(await import('esbuild')).version} (format esm, platform neutral with main fields module/main, minify), then gzipped with zlib at level ${GZIP_LEVEL}; the baseline is \`export { default } from 'openapi-fetch'\` and, for Dellin ("plus its XML parser"), openapi-fetch with Dellin's own XML codec (\`decodeXml\`/\`encodeXml\` from src/dellin/xml.ts and the error classes they throw) bundled together; fast-xml-parser, which Dellin used before, is shown for comparison. The allowance is 3 kB = ${ALLOWANCE.toLocaleString('en')} bytes gzipped. Sizes are deterministic, so there are no rounds.`,
      '"own code" is the minified bytes from src/ and generated/ (esbuild metafile); "factory only" bundles `export { create<Api>Client }` from the entry, what an application that only makes the client pays after tree-shaking (informative; the target is on the whole entry); the last column splits each entry bundle by origin.',
    ],
    tables: [
      { columns: ['bundle', 'minified', 'gzipped', 'gzipped over the baseline', 'own code (min)', 'factory only, gzipped (over the baseline)', 'minified by origin'], rows },
      { heading: 'What the shared core (src/core, in every entry) is made of', columns: ['module', 'minified alone', 'gzipped alone', 'what it buys'], rows: await coreModules() },
    ],
    targets,
    notes: [],
  };
}
