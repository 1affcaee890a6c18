// The README's runtime-neutral example blocks inside headless Chromium (Debian's `chromium`, as
// test/docs/portal.test.ts runs it), each bundled as an ES module and imported by a page on a local origin of its own:
// every call to the mocks is cross-origin, so it goes through CORS (mocks/cors.ts) as a web app in development would.
// What the example prints is read from the page's console events and checked as in Node. Requests that would leave
// this machine are refused.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { listApis } from '../../apis.ts';
import { startMockHost } from '../../mocks/host.ts';
import { expectExampleOutput, RUNTIME_NEUTRAL } from '../support/readme-examples.ts';
import { bundleExample } from './support.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DONE = '[example finished]';
let browser: Browser;
let site: Server;
let origin: string;
/** Modules the page can import, by path (`/<name>.js`). */
const modules = new Map<string, string>();

beforeAll(async () => {
  site = createServer((req, res) => {
    const script = modules.get(req.url ?? '');
    if (script !== undefined) res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><meta charset="utf-8"><title>README examples</title>');
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => site?.close(resolve));
});

/**
 * Imports the bundled example in a fresh page (the import settles once its top-level await does) and returns what it
 * printed: the page's console events up to a marker logged after the import. Page errors and requests off this
 * machine are collected in `problems`.
 */
async function runInPage(name: string, bundle: string): Promise<{ output: string; problems: string[] }> {
  const path = `/${encodeURIComponent(name)}.js`;
  modules.set(path, bundle);
  const page = await browser.newPage();
  const problems: string[] = [];
  const lines: string[] = [];
  let finished: () => void = () => {};
  const done = new Promise<void>((resolve) => (finished = resolve));
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => (message.text() === DONE ? finished() : lines.push(message.text())));
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname !== '127.0.0.1') {
      problems.push(`request off this machine: ${url.href}`);
      return route.abort();
    }
    return route.continue();
  });
  try {
    await page.goto(`${origin}/`);
    expect(await page.evaluate(() => typeof fetch === 'function' && typeof process === 'undefined')).toBe(true);
    // A string, not a function: vitest would rewrite a function's `import()` for Node.
    await page.evaluate(`import(${JSON.stringify(origin + path)}).then(() => console.log(${JSON.stringify(DONE)}))`);
    await done;
    return { output: lines.join('\n'), problems };
  } finally {
    await page.close();
  }
}

describe('the README examples in headless Chromium', () => {
  it.each(RUNTIME_NEUTRAL)('%s: runs in a page of another origin, through CORS, and prints what it prints in Node', async (name) => {
    const urls = inject('statefulMockUrls');
    for (const url of Object.values(urls)) expect(new URL(url).origin).not.toBe(origin);
    const { output, problems } = await runInPage(name, await bundleExample(name, urls));
    expectExampleOutput(name, output);
    expect(problems).toEqual([]);
  }, 60_000);

  it('fail as a browser fails them without CORS: a NetworkError, not a crash (the control for the tests above)', async () => {
    const host = await startMockHost({ apis: listApis().filter((api) => api.name === 'yandex-fleet'), port: () => 0, cors: false });
    try {
      const bundle = await bundleExample('yandex-fleet', { 'yandex-fleet': host.servers[0]?.url ?? '' });
      await expect(runInPage('yandex-fleet without CORS', bundle)).rejects.toThrow(/NetworkError: yandex-fleet listTransactionCategories: .*Failed to fetch/);
    } finally {
      await host.close();
    }
  }, 60_000);
});
