// `npm start` as a reader meets it: the portal in a real headless browser, with the network limited to this machine.
// The portal is built into a temporary folder (DOCS_DIR), so a portal already running from build/docs is never touched.
// Screenshots of each page are kept in build/portal-screenshots/ (CI artefacts).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { freePort } from '../support/ports.ts';
import { listApis, portEnvName, projectRoot, type ApiEntry } from '#apis';
import { operationsOf, PACKAGE_NAME, type Spec } from '../../scripts/code-samples.ts';
import { chromiumPath, missingPrerequisites } from '../../scripts/prerequisites.ts';
import { readinessTable } from '../../scripts/readiness.ts';
import { plainText } from '../../scripts/redoc-markdown.ts';

const SCREENSHOTS = join(projectRoot, 'build/portal-screenshots');
const liveIndex = join(projectRoot, 'build/docs/index.html');
const liveIndexMtime = existsSync(liveIndex) ? statSync(liveIndex).mtimeMs : undefined;
const docsDir = mkdtempSync(join(tmpdir(), 'portal-test-'));
const mockPorts = new Map<string, number>();
let start: ChildProcess;
let browser: Browser;
let portal: string;
let output = '';

beforeAll(async () => {
  const missing = missingPrerequisites();
  if (missing.length > 0) throw new Error(missing.join('\n'));
  const env: NodeJS.ProcessEnv = { ...process.env, DOCS_PORT: String(await freePort()), DOCS_DIR: docsDir };
  for (const api of listApis()) {
    mockPorts.set(api.name, await freePort());
    env[portEnvName(api.name)] = String(mockPorts.get(api.name));
  }
  start = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  start.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  start.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (let i = 0; i < 2700 && !/Docs portal: (\S+)\//.test(output) && start.exitCode === null; i++) await new Promise((r) => setTimeout(r, 100));
  const found = /Docs portal: (\S+)\//.exec(output);
  if (!found?.[1]) throw new Error(`npm start did not get ready:\n${output}`);
  portal = found[1];
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (start && start.exitCode === null) {
    const exited = new Promise((resolve) => start.once('exit', resolve));
    start.kill('SIGINT');
    await exited;
  }
  rmSync(docsDir, { recursive: true, force: true });
});

/** Opens a page, refusing every request that would leave this machine; returns what went wrong on it. */
async function visit(path: string) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const problems: string[] = [];
  const external: string[] = [];
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  page.on('pageerror', (error) => problems.push(error.message));
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) && !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
      external.push(url.href);
      return route.abort();
    }
    return route.continue();
  });
  await page.goto(`${portal}${path}`, { waitUntil: 'networkidle' });
  return { page, problems, external };
}

/** The text a reader sees outside code: any backtick or `**` left there is Markdown that was not rendered. */
async function proseText(page: Page): Promise<string> {
  const text = await page.evaluate(`(() => {
    const body = document.body.cloneNode(true);
    for (const node of body.querySelectorAll('pre, code, script, style, textarea, input')) node.remove();
    return body.textContent;
  })()`);
  return String(text);
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
const specOf = (api: ApiEntry) => parse(readFileSync(api.specPath, 'utf8')) as Spec & { info: { title: string; version: string; description?: string } };

describe('npm start', () => {
  it('prints the README table, with the ports it was given', () => {
    expect(output).toContain(readinessTable(listApis(), (api) => `http://127.0.0.1:${mockPorts.get(api.name)}`, portal));
    expect(output).not.toContain('(index)');
  });

  it('builds the portal into DOCS_DIR, leaving build/docs alone', () => {
    expect(readFileSync(join(docsDir, 'index.html'), 'utf8')).toContain(`http://127.0.0.1:${mockPorts.get('fastriver')}`);
    expect(existsSync(liveIndex) ? statSync(liveIndex).mtimeMs : undefined).toBe(liveIndexMtime);
  });
});

describe('docs portal', () => {
  it('the index lists every API with its version, servers, mock and spec link, its Markdown rendered', async () => {
    const { page, problems, external } = await visit('/');
    for (const api of listApis()) {
      const spec = specOf(api);
      const row = page.locator('tr', { has: page.locator(`a[href="${api.name}.html"]`) });
      await expect(row.textContent()).resolves.toContain(spec.info.title);
      await expect(row.textContent()).resolves.toContain(spec.info.version);
      await expect(row.locator(`a[href="specs/${api.name}.yaml"]`).count()).resolves.toBe(1);
    }
    // The mock server's description says (`npm run mocks`): a code element, not backticks.
    await expect(page.locator('li code', { hasText: /^npm run mocks$/ }).count()).resolves.toBeGreaterThan(0);
    expect(await proseText(page)).not.toMatch(/`|\*\*/);
    const download = await fetch(`${portal}/specs/yandex-fleet.yaml`);
    expect(await download.text()).toBe(readFileSync(listApis().find((api) => api.name === 'yandex-fleet')?.specPath ?? '', 'utf8'));
    await page.screenshot({ path: join(SCREENSHOTS, 'index.png'), fullPage: true });
    expect(problems).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  }, 60_000);


  it.each(listApis().map((api) => [api.name, api] as const))(
    'the %s page renders every operation with its TypeScript and curl samples, full menu labels, no raw Markdown',
    async (_, api) => {
      const spec = specOf(api);
      const operations = operationsOf(spec);
      expect(operations.length).toBeGreaterThan(0);
      const { page, problems, external } = await visit(`/${api.name}.html`);
      await expect(page.locator('body').innerText()).resolves.toContain(spec.info.title);

      // Every heading of the description is a menu item with its whole text (Redoc cut them at the first code span).
      const headings = [...(spec.info.description ?? '').matchAll(/^#{1,6}\s+(.+)$/gm)].map((match) => plainText(match[1] ?? ''));
      expect(headings.length).toBeGreaterThan(0);
      const labels = await page.locator('[class*="menu-item-type"]').allInnerTexts();
      for (const heading of headings) expect(labels.map((label) => label.trim())).toContain(heading);

      expect(await proseText(page)).not.toMatch(/`|\*\*/);
      for (const [i, { kind, operation }] of operations.entries()) {
        const route = `${slug((operation as { tags?: string[] }).tags?.[0] ?? '')}/${operation.operationId.toLowerCase()}`;
        // Redoc 3 routes each operation to its own view: #/<tag>/<operationid>.
        await page.goto(`${portal}/${api.name}.html#/${route}`, { waitUntil: 'commit' });
        await page.getByRole('heading', { name: (operation as { summary?: string }).summary ?? '' }).first().waitFor({ timeout: 10_000 });
        const samples = page.locator(`[id="${route}"] .panel-request-samples`);
        // The first language (TypeScript) is open. A webhook's panel shows its payload: its samples are in its description.
        const code = kind === 'path' ? samples.locator('pre').first() : page.locator(`[id="${route}"] pre`, { hasText: `from '${PACKAGE_NAME}/` }).first();
        await expect(code.innerText()).resolves.toContain(`from '${PACKAGE_NAME}/${api.name}`);
        if (kind === 'webhook') await expect(page.locator(`[id="${route}"] pre`, { hasText: /^curl /m }).count()).resolves.toBe(1);
        if (i === 0 && kind === 'path') {
          await chooseLanguage(samples, 'curl');
          await expect(samples.locator('pre').first().innerText()).resolves.toMatch(/^curl /m);
          // Long lines wrap inside the panel: nothing in it is wider than the panel.
          const overflow = await samples.evaluate((panel) => [...panel.querySelectorAll('*')].filter((node) => node.scrollWidth > node.clientWidth + 1 && panel.ownerDocument.defaultView?.getComputedStyle(node).overflowX !== 'hidden').length);
          expect(overflow).toBe(0);
          await page.screenshot({ path: join(SCREENSHOTS, `${api.name}.png`) });
          await chooseLanguage(samples, 'TypeScript');
        }
      }
      // Every operation visited: what Redoc rendered on the way (servers, example names) shows no Markdown marks.
      expect(await proseText(page)).not.toMatch(/`|\*\*/);
      expect(problems).toEqual([]);
      expect(external).toEqual([]);
      await page.close();
    },
    180_000,
  );
});

/** Picks a language in the language menu of an operation's request-samples panel. */
async function chooseLanguage(samples: Locator, label: string): Promise<void> {
  await samples.getByText(/^(TypeScript|curl|Payload)$/).first().click();
  await samples.page().getByRole('option', { name: label, exact: true }).or(samples.page().getByRole('menuitem', { name: label, exact: true })).first().click();
}
