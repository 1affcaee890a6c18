// `npm run proxy`: Prism's validation proxy in front of a server of our own that answers right, then wrong.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '#apis';
import { specExample } from '../support/contract.ts';
import { freePort } from '../support/ports.ts';

const CATEGORIES = '/v2/parks/transactions/categories/list';
let upstream: Server;
let upstreamBody = '';
const seenUpstream: string[] = [];

beforeAll(async () => {
  upstream = createServer((req, res) => {
    seenUpstream.push(`${req.method} ${req.url} ${req.headers['x-api-key']}`);
    res.writeHead(200, { 'content-type': 'application/json' }).end(upstreamBody);
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise((resolve) => upstream.close(resolve)));

describe('npm run proxy', () => {
  it('forwards to the upstream, passes its answers through, and flags the ones that break the contract', async () => {
    const port = await freePort();
    const proxy = spawn(process.execPath, ['--import', 'tsx', 'scripts/proxy.ts', 'yandex-fleet', `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`], {
      cwd: projectRoot,
      env: { ...process.env, PROXY_PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    proxy.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    proxy.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      for (let i = 0; i < 200 && !output.includes('Validating proxy'); i++) await new Promise((r) => setTimeout(r, 50));
      expect(output).toContain(`Validating proxy for yandex-fleet: http://127.0.0.1:${port}`);
      const call = () =>
        fetch(`http://127.0.0.1:${port}${CATEGORIES}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'accept-language': 'ru', 'x-api-key': 'qa-key', 'x-client-id': 'taxi/park/p1' },
          body: JSON.stringify({ query: { park: { id: 'p1' } } }),
        });

      upstreamBody = JSON.stringify(specExample('yandex-fleet', CATEGORIES, 'post', '200'));
      const good = await call();
      expect(good.status).toBe(200);
      expect(good.headers.get('sl-violations')).toBeNull();
      expect(await good.json()).toEqual(JSON.parse(upstreamBody));

      upstreamBody = JSON.stringify({ categories: [{ id: 'card', name: 'Оплата картой' }] });
      const bad = await call();
      expect(await bad.json()).toEqual(JSON.parse(upstreamBody));
      expect(bad.headers.get('sl-violations')).toContain('group_id');
      expect(seenUpstream).toEqual([`POST ${CATEGORIES} qa-key`, `POST ${CATEGORIES} qa-key`]);
      expect(output).toMatch(/POST \/v2\/parks\/transactions\/categories\/list -> 200\n\s+response\.body\.categories\.0: .*group_id/);
    } finally {
      proxy.kill('SIGINT');
    }
  });
});
