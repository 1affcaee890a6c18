// Each API's README flow (flows.ts) inside headless Chromium (Debian's `chromium`, as test/docs/portal.test.ts runs
// it), from a page on a local origin of its own: every call to the mocks is cross-origin, so it goes through CORS
// (mocks/cors.ts) as a web app in development would. Requests that would leave this machine are refused.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startMockHost } from '../../mocks/host.ts';
import { listApis } from '#apis';
import { runFlows, type MockUrls } from './flows.ts';
import { bundleFlows, expectFlows } from './support.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
let browser: Browser;
let site: Server;
let origin: string;

beforeAll(async () => {
  const script = await bundleFlows();
  const page = '<!doctype html><meta charset="utf-8"><title>flows</title><script src="/flows.js"></script>';
  site = createServer((req, res) => {
    if (req.url === '/flows.js') res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
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

/** Opens the flows page; `run` calls runFlows in it. Page errors and requests off this machine are collected. */
async function openFlows(): Promise<{ page: Page; problems: string[]; run: (urls: MockUrls) => Promise<Record<string, unknown>> }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname !== '127.0.0.1') {
      problems.push(`request off this machine: ${url.href}`);
      return route.abort();
    }
    return route.continue();
  });
  await page.goto(`${origin}/`);
  const run = (urls: MockUrls) => page.evaluate((given) => (globalThis as unknown as { flows: { runFlows: typeof runFlows } }).flows.runFlows(given), urls);
  return { page, problems, run };
}

describe('the README flows in headless Chromium', () => {
  it('run in Node first, as the reference', async () => {
    expectFlows(await runFlows(inject('mockUrls')));
  }, 60_000);

  it('run in a page of another origin, through CORS, and pass the same checks', async () => {
    const { page, problems, run } = await openFlows();
    const urls = inject('mockUrls');
    for (const url of Object.values(urls)) expect(new URL(url).origin).not.toBe(origin);
    expect(await page.evaluate(() => typeof fetch === 'function' && typeof process === 'undefined')).toBe(true);
    expectFlows(await run(urls));
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('fail as a browser fails them without CORS: a NetworkError, not a crash (the control for the test above)', async () => {
    const host = await startMockHost({ apis: listApis().filter((api) => api.name === 'yandex-fleet'), port: () => 0, cors: false });
    try {
      const { page, run } = await openFlows();
      const results = await run({ 'yandex-fleet': host.servers[0]?.url ?? '' });
      expect(results['yandex-fleet']).toEqual({ failed: expect.stringMatching(/^NetworkError: yandex-fleet listTransactionCategories: .*Failed to fetch/) });
      await page.close();
    } finally {
      await host.close();
    }
  }, 60_000);
});
