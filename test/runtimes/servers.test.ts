// Each API's README flow (flows.ts, bundled for the browser platform) in the server runtimes that install from the npm
// registry here: Vercel's Edge Runtime (@edge-runtime/vm, a dev dependency: a workers-style global scope on Node's vm,
// with its own fetch), and Bun, Deno and Cloudflare's workerd (their npm packages ship the binaries, 90-155 MB each, so
// they are installed on first use into test/runtimes/node_modules from test/runtimes/package-lock.json, not by the
// project's npm ci).
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { EdgeVM } from '@edge-runtime/vm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectRoot } from '#apis';
import { freePort } from '../support/ports.ts';
import { bundleFlows, expectFlows } from './support.ts';

const run = promisify(execFile);
const RUNTIMES = join(projectRoot, 'test/runtimes');
const binary = (name: string) => join(RUNTIMES, 'node_modules/.bin', name);
let scratch: string;
let bundle: string;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'runtimes-'));
  bundle = await bundleFlows();
  writeFileSync(join(scratch, 'flows.js'), bundle);
  writeFileSync(
    join(scratch, 'main.mjs'),
    `import './flows.js';\nconsole.log(JSON.stringify(await globalThis.flows.runFlows(${JSON.stringify(inject('mockUrls'))})));\n`,
  );
  if (!['bun', 'deno', 'workerd'].every((name) => existsSync(binary(name)))) {
    await run('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: RUNTIMES });
  }
}, 300_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the README flows in server runtimes', () => {
  it('Edge Runtime (@edge-runtime/vm): no Node globals, its own fetch', async () => {
    const vm = new EdgeVM();
    expect(vm.evaluate<string>('typeof process + " " + typeof require + " " + typeof fetch')).toBe('undefined undefined function');
    vm.evaluate(bundle);
    const results = await vm.evaluate<Promise<string>>(`flows.runFlows(${JSON.stringify(inject('mockUrls'))}).then((results) => JSON.stringify(results))`);
    expectFlows(JSON.parse(results) as Record<string, unknown>);
  }, 60_000);

  it('Bun', async () => {
    const { stdout: version } = await run(binary('bun'), ['--version']);
    expect(version.trim()).toBe('1.4.5');
    const { stdout } = await run(binary('bun'), ['run', 'main.mjs'], { cwd: scratch, env: { ...process.env, BUN_INSTALL_CACHE_DIR: join(scratch, 'bun-cache') } });
    expectFlows(JSON.parse(stdout) as Record<string, unknown>);
  }, 60_000);

  it('Deno, allowed the network of this machine only and no environment access', async () => {
    const env = { ...process.env, DENO_DIR: join(scratch, 'deno-dir'), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' };
    const { stdout } = await run(binary('deno'), ['run', '--no-prompt', '--allow-net=127.0.0.1', 'main.mjs'], { cwd: scratch, env });
    expectFlows(JSON.parse(stdout) as Record<string, unknown>);
  }, 60_000);

  it('Cloudflare workerd: a module worker whose fetch handler runs the flows, outbound network limited to this machine', async () => {
    const port = await freePort();
    writeFileSync(
      join(scratch, 'worker.mjs'),
      "import './flows.js';\nexport default { async fetch(request) { return Response.json(await globalThis.flows.runFlows(await request.json())); } };\n",
    );
    writeFileSync(
      join(scratch, 'workerd.capnp'),
      `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .flows), (name = "loopback", network = (allow = ["local"])) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const flows :Workerd.Worker = (
  modules = [ (name = "worker.mjs", esModule = embed "worker.mjs"), (name = "flows.js", esModule = embed "flows.js") ],
  compatibilityDate = "2025-01-01",
  globalOutbound = "loopback",
);
`,
    );
    const workerd = spawn(binary('workerd'), ['serve', 'workerd.capnp'], { cwd: scratch, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    workerd.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    try {
      const post = () => fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: JSON.stringify(inject('mockUrls')) });
      const retryLater = () => new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 100));
      let response: Response | undefined;
      // Until it listens: a refused connection is retried every 100 ms, for 10 s at most.
      for (let i = 0; i < 100 && !response && workerd.exitCode === null; i++) response = await post().catch(retryLater);
      if (!response) throw new Error(`workerd did not listen: ${errors}`);
      expect(response.status).toBe(200);
      expectFlows((await response.json()) as Record<string, unknown>);
    } finally {
      workerd.kill();
    }
  }, 60_000);
});
