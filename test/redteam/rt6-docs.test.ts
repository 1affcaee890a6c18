// Red team 6: the docs portal's code samples as a reader uses them. The portal is built into a temporary folder
// (DOCS_DIR), every x-codeSamples entry is read from the built pages, and each curl sample runs as written (twice in a
// row: the samples say a run can be repeated) against the default stateful mock host; only the mock's port is moved
// to the test's own. A `curl` shim on PATH adds `-sS -w` so each answer's HTTP status can be read.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';

// the mock host runs in this process: samples must run asynchronously, or the event loop cannot answer them
const run = promisify(execFile);
import { chmodSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockHost, type MockHost } from '../../mocks/host.ts';
import { mockPorts } from '../../apis.ts';

const root = join(import.meta.dirname, '../..');
/** Where the curl samples run: the project's mocks/ (their upload fixture) beside them, and their downloads land here, not in the project. */
const work = mkdtempSync(join(tmpdir(), 'rt6-curl-'));
symlinkSync(join(root, 'mocks'), join(work, 'mocks'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const apis = ['tbank-delivery', 'fastriver', 'dellin', 'dilovod', 'yandex-fleet'];
let docs = '';
let shim = '';
let host: MockHost;
const samples: Array<{ api: string; lang: string; source: string; n: number }> = [];

function samplesOf(html: string): Array<{ lang: string; source: string }> {
  const found: Array<{ lang: string; source: string }> = [];
  for (let i = html.indexOf('"x-codeSamples":['); i >= 0; i = html.indexOf('"x-codeSamples":[', i + 1)) {
    // the value is a JSON array inside the page's embedded state: read it bracket by bracket, skipping strings
    const start = i + '"x-codeSamples":'.length;
    let depth = 0;
    let end = start;
    for (let inString = false; end < html.length; end++) {
      const c = html[end];
      if (inString) {
        if (c === '\\') end++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '[' || c === '{') depth++;
      else if (c === ']' || c === '}') {
        depth--;
        if (depth === 0) break;
      }
    }
    try {
      found.push(...(JSON.parse(html.slice(start, end + 1)) as Array<{ lang: string; source: string }>));
    } catch {
      // not a literal array (Redoc's own code mentions the name)
    }
  }
  return found;
}

beforeAll(async () => {
  docs = mkdtempSync(join(tmpdir(), 'rt6-docs-'));
  execFileSync('npx', ['tsx', 'scripts/docs.ts'], { cwd: root, env: { ...process.env, DOCS_DIR: docs }, stdio: 'ignore', timeout: 300_000 });
  for (const api of apis) samplesOf(readFileSync(join(docs, `${api}.html`), 'utf8')).forEach((s, n) => samples.push({ api, n, ...s }));
  shim = mkdtempSync(join(tmpdir(), 'rt6-curl-'));
  const realCurl = execFileSync('sh', ['-c', 'command -v curl'], { encoding: 'utf8' }).trim();
  writeFileSync(join(shim, 'curl'), `#!/bin/sh\nexec ${realCurl} -sS -w '\\nHTTP:%{http_code}\\n' "$@"\n`);
  chmodSync(join(shim, 'curl'), 0o755);
  host = await startMockHost({ port: () => 0, state: true });
}, 400_000);
afterAll(async () => {
  await host?.close();
  rmSync(docs, { recursive: true, force: true });
  rmSync(shim, { recursive: true, force: true });
});

const urlOf = (api: string) => host.servers.find((s) => s.api === api)!.url.replace(/\/$/, '');
const moved = (api: string, text: string) => text.replaceAll(`http://127.0.0.1:${mockPorts[api]}`, urlOf(api));

describe('docs portal code samples', () => {
  it('every operation page carries a TypeScript and a curl sample', () => {
    for (const api of apis) {
      const langs = samples.filter((s) => s.api === api).map((s) => s.lang.toLowerCase());
      expect(langs.filter((l) => l === 'curl' || l === 'shell').length, api).toBeGreaterThan(0);
      expect(langs.filter((l) => l === 'typescript').length, api).toBeGreaterThan(0);
    }
  });

  for (const api of apis) {
    it(`${api}: each curl sample runs as written against the stateful mock, twice, and no answer is an error`, async () => {
      const curls = samples.filter((s) => s.api === api && /^curl$|^shell$/i.test(s.lang) && s.source.includes(`127.0.0.1:${mockPorts[api]}`));
      expect(curls.length).toBeGreaterThan(0);
      const failures: string[] = [];
      for (const sample of curls) {
        for (const round of [1, 2]) {
          let out = '';
          try {
            out = (await run('bash', ['-c', moved(api, sample.source)], { cwd: work, encoding: 'utf8', timeout: 30_000, env: { ...process.env, PATH: `${shim}:${process.env.PATH}` } })).stdout;
          } catch (error) {
            failures.push(`#${sample.n} run ${round}: exit ${(error as { status?: number }).status}`);
            continue;
          }
          const statuses = [...out.matchAll(/HTTP:(\d{3})/g)].map((m) => Number(m[1]));
          const last = out.split(/HTTP:\d{3}/).at(-2) ?? '';
          if (statuses.some((s) => s >= 400)) failures.push(`#${sample.n} run ${round}: HTTP ${statuses.join(',')} ${last.trim().slice(0, 200)}`);
          // Dilovod answers its errors inside HTTP 200
          else if (api === 'dilovod' && /^\s*\{"error"/.test(last)) failures.push(`#${sample.n} run ${round}: HTTP 200 ${last.trim().slice(0, 200)}`);
        }
      }
      expect(failures).toEqual([]);
    }, 240_000);
  }

  it('dilovod: the TypeScript sample reaches its main path against the stateful mock, not only its error branch', async () => {
    const sample = samples.find((s) => s.api === 'dilovod' && s.lang.toLowerCase() === 'typescript' && s.source.includes('createDilovodClient'));
    expect(sample).toBeDefined();
    const file = join(root, `rt6-docs-sample-${process.pid}.tmp.ts`);
    writeFileSync(file, moved('dilovod', sample!.source).replace("'delivery-api-clients/dilovod'", "'./src/dilovod/index.ts'"));
    try {
      const out = (await run('npx', ['tsx', file], { cwd: root, encoding: 'utf8', timeout: 60_000 })).stdout;
      expect(out).not.toContain('Dilovod said:');
      expect(out).toContain('sale order');
    } finally {
      rmSync(file, { force: true });
    }
  }, 120_000);
});
