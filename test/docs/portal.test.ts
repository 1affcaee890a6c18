// `npm start` as a reader meets it: the portal in a real headless browser, with the network limited to this machine.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { freePort } from '../support/ports.ts';
import { listApis, portEnvName, projectRoot } from '#apis';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
let start: ChildProcess;
let browser: Browser;
let portal: string;

beforeAll(async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, DOCS_PORT: String(await freePort()) };
  for (const api of listApis()) env[portEnvName(api.name)] = String(await freePort());
  start = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  start.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  start.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (let i = 0; i < 600 && !/Docs portal: (\S+)\//.test(output) && start.exitCode === null; i++) await new Promise((r) => setTimeout(r, 100));
  const found = /Docs portal: (\S+)\//.exec(output);
  if (!found?.[1]) throw new Error(`npm start did not get ready:\n${output}`);
  portal = found[1];
  for (const api of listApis()) expect(output).toContain(`${portal}/${api.name}.html`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  if (start && start.exitCode === null) {
    const exited = new Promise((resolve) => start.once('exit', resolve));
    start.kill('SIGINT');
    await exited;
  }
});

/** Opens a page, refusing every request that would leave this machine; returns what went wrong on it. */
async function visit(path: string) {
  const page = await browser.newPage();
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

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-');

describe('docs portal', () => {
  it('the index lists every API with its version, servers, mock and spec link', async () => {
    const { page, problems, external } = await visit('/');
    for (const api of listApis()) {
      const spec = parse(readFileSync(api.specPath, 'utf8')) as { info: { title: string; version: string } };
      const row = page.locator('tr', { has: page.locator(`a[href="${api.name}.html"]`) });
      await expect(row.textContent()).resolves.toContain(spec.info.title);
      await expect(row.textContent()).resolves.toContain(spec.info.version);
      await expect(row.locator(`a[href="specs/${api.name}.yaml"]`).count()).resolves.toBe(1);
    }
    const download = await fetch(`${portal}/specs/yandex-fleet.yaml`);
    expect(await download.text()).toBe(readFileSync(listApis().find((api) => api.name === 'yandex-fleet')?.specPath ?? '', 'utf8'));
    expect(problems).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it.each(listApis().map((api) => [api.name, api] as const))('the %s page renders every operation, offline and without errors', async (_, api) => {
    type Operation = { operationId: string; summary: string; tags: string[] };
    const spec = parse(readFileSync(api.specPath, 'utf8')) as { paths: Record<string, Record<string, Operation>>; webhooks?: Record<string, Record<string, Operation>> };
    const methods = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'];
    const operations = [...Object.values(spec.paths), ...Object.values(spec.webhooks ?? {})].flatMap((item) => methods.flatMap((method) => item[method] ?? []));
    expect(operations.length).toBeGreaterThan(0);
    const { page, problems, external } = await visit(`/${api.name}.html`);
    await expect(page.locator('body').innerText()).resolves.toContain((spec as unknown as { info: { title: string } }).info.title);
    for (const operation of operations) {
      // Redoc 3 routes each operation to its own view: #/<tag>/<operationid>.
      await page.goto(`${portal}/${api.name}.html#/${slug(operation.tags[0] ?? '')}/${operation.operationId.toLowerCase()}`, { waitUntil: 'networkidle' });
      await page.getByRole('heading', { name: operation.summary }).first().waitFor({ timeout: 10_000 });
    }
    expect(problems).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });
});
