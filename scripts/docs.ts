// `npm run docs`: one self-contained Redoc page per API (scripts inlined, telemetry off: it works offline), the specs
// beside them for download, and an index page. Output: build/docs/, or DOCS_DIR (the tests build into their own).
// Each page renders a copy of its spec with a TypeScript and a curl sample on every operation (scripts/code-samples.ts)
// and with Markdown Redoc would show raw made plain (scripts/redoc-markdown.ts); specs/ stays the contract, unchanged.
import { execFile } from 'node:child_process';
import { copyFileSync, createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { marked } from 'marked';
import { parse } from 'yaml';
import { listApis, mockPortFromEnv, projectRoot, type ApiEntry } from '#apis';
import { addCodeSamples, type Spec } from './code-samples.ts';
import { plainForRedoc } from './redoc-markdown.ts';

/** Where the portal is built and served from: build/docs, unless DOCS_DIR names another folder. */
export const docsDir = resolve(projectRoot, process.env.DOCS_DIR ?? 'build/docs');

const CONTENT_TYPES: Readonly<Record<string, string>> = { '.html': 'text/html; charset=utf-8', '.yaml': 'application/yaml; charset=utf-8' };

interface SpecInfo {
  info: { title: string; version: string; summary?: string };
  servers?: Array<{ url: string; description?: string }>;
}

export async function buildDocs(apis: ApiEntry[] = listApis()): Promise<void> {
  rmSync(docsDir, { recursive: true, force: true });
  mkdirSync(join(docsDir, 'specs'), { recursive: true });
  const redocly = join(projectRoot, 'node_modules/@redocly/cli/bin/cli.js');
  const rendered = mkdtempSync(join(tmpdir(), 'docs-specs-'));
  try {
    await Promise.all(
      apis.map(async (api) => {
        copyFileSync(api.specPath, join(docsDir, 'specs', `${api.name}.yaml`));
        const copy = join(rendered, `${api.name}.json`);
        writeFileSync(copy, JSON.stringify(await renderedSpec(api)));
        const page = join(docsDir, `${api.name}.html`);
        await promisify(execFile)(process.execPath, [redocly, 'build-docs', copy, '--inlineBundle', '-o', page], {
          cwd: projectRoot,
          env: { ...process.env, REDOCLY_TELEMETRY: 'off' },
        });
        writeFileSync(page, withPortalStyle(withoutCdnLogo(readFileSync(page, 'utf8'))));
      }),
    );
  } finally {
    rmSync(rendered, { recursive: true, force: true });
  }
  writeFileSync(join(docsDir, 'index.html'), indexPage(apis));
}

/** The copy of a spec the portal renders: code samples on every operation, Markdown Redoc cannot show made plain. */
export async function renderedSpec(api: ApiEntry): Promise<Spec> {
  const spec = parse(readFileSync(api.specPath, 'utf8')) as Spec;
  await addCodeSamples(spec, api.name, mockUrl(api));
  return plainForRedoc(spec);
}

const mockUrl = (api: ApiEntry) => `http://127.0.0.1:${mockPortFromEnv(api)}`;

/**
 * Redoc 3 loads its "API docs by Redocly" logo from cdn.redoc.ly even in an inlined bundle; the portal must work
 * offline and send nothing out, so the logo is swapped for the same words as an inline SVG.
 */
const LOCAL_LOGO = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="64" height="16"><text x="0" y="12" font-family="sans-serif" font-size="12">Redocly</text></svg>')}`;

function withoutCdnLogo(html: string): string {
  return html.replace(/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(-full)?\.svg/g, LOCAL_LOGO);
}

/**
 * Redoc keeps every code block on its lines (`white-space: pre`), so a long line of an example runs past the narrow
 * right panel; in the portal they wrap inside it instead.
 */
const PORTAL_STYLE = '<style>pre, pre * { white-space: pre-wrap !important; overflow-wrap: anywhere; }</style>';

function withPortalStyle(html: string): string {
  return html.replace('</head>', `${PORTAL_STYLE}</head>`);
}

function indexPage(apis: ApiEntry[]): string {
  const rows = apis.map((api) => {
    const spec = parse(readFileSync(api.specPath, 'utf8')) as SpecInfo;
    const servers = (spec.servers ?? []).map((server) => `<li><code>${escape(server.url)}</code>${server.description ? ` — ${inlineMarkdown(server.description)}` : ''}</li>`).join('');
    const mock = mockUrl(api);
    return `<tr>
  <td><a href="${api.name}.html">${escape(spec.info.title)}</a>${spec.info.summary ? `<br><small>${inlineMarkdown(spec.info.summary)}</small>` : ''}</td>
  <td>${escape(spec.info.version)}</td>
  <td><ul>${servers}</ul></td>
  <td><code>${mock}</code></td>
  <td><a href="specs/${api.name}.yaml" download>${api.name}.yaml</a></td>
</tr>`;
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Delivery &amp; accounting APIs</title>
<style>
  body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #222; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border-bottom: 1px solid #ddd; padding: .5rem; text-align: left; vertical-align: top; }
  ul { margin: 0; padding-left: 1rem; }
  code { font-size: 13px; }
</style>
</head>
<body>
<h1>Delivery &amp; accounting APIs</h1>
<p>The contract of each API, as OpenAPI 3.1. Each page works offline. The mocks answer at the URLs below while <code>npm start</code> runs.</p>
<table>
<thead><tr><th>API</th><th>Version</th><th>Servers</th><th>Mock</th><th>Spec</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</body>
</html>
`;
}

/** A spec's Markdown (CommonMark, as OpenAPI says) as inline HTML; the specs are ours, so their HTML is trusted. */
function inlineMarkdown(text: string): string {
  return marked.parseInline(text.trim(), { async: false });
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A static server for the portal's folder; nothing outside it is reachable. */
export function serveDocs(hostname: string, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://docs').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(docsDir, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(docsDir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`Port ${port} for the docs portal is already in use on ${hostname}. Stop what holds it, or set DOCS_PORT to another port.`) : error),
    );
    server.listen(port, hostname, () => resolve(server));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildDocs();
  console.log(`docs written to ${docsDir}`);
}
