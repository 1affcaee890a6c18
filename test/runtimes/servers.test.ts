// The README's runtime-neutral example blocks (bundled for the browser platform, test/runtimes/support.ts) in the
// server runtimes that install from the npm registry here: Vercel's Edge Runtime (@edge-runtime/vm, a dev dependency:
// a workers-style global scope on Node's vm, with its own fetch), and Bun, Deno and Cloudflare's workerd (their npm
// packages ship the binaries, 90-155 MB each, so they are installed on first use into test/runtimes/node_modules from
// test/runtimes/package-lock.json, not by the project's npm ci). What an example prints is checked as in Node.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { EdgeVM } from '@edge-runtime/vm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../../apis.ts';
import { freePort } from '../support/ports.ts';
import { expectExampleOutput, RUNTIME_NEUTRAL } from '../support/readme-examples.ts';
import { asAsyncFunction, bundleExample } from './support.ts';

const run = promisify(execFile);
const RUNTIMES = join(projectRoot, 'test/runtimes');
const binary = (name: string) => join(RUNTIMES, 'node_modules/.bin', name);
let scratch: string;
/** Each example's bundle (an ES module with top-level await), by name. */
const bundles = new Map<string, string>();
const file = (name: string) => `${name}.mjs`;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'runtimes-'));
  for (const name of RUNTIME_NEUTRAL) {
    const bundle = await bundleExample(name, inject('statefulMockUrls'));
    bundles.set(name, bundle);
    writeFileSync(join(scratch, file(name)), bundle);
  }
  if (!['bun', 'deno', 'workerd'].every((name) => existsSync(binary(name)))) {
    await run('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: RUNTIMES });
  }
}, 300_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the README examples in Vercel Edge Runtime (@edge-runtime/vm): no Node globals, its own fetch', () => {
  it.each(RUNTIME_NEUTRAL)('%s', async (name) => {
    const lines: string[] = [];
    const vm = new EdgeVM({
      // Its console, captured: the VM runs inside this process.
      extend: (context) => Object.assign(context, { console: { ...context.console, log: (...args: unknown[]) => lines.push(args.map(String).join(' ')) } }),
    });
    expect(vm.evaluate<string>('typeof process + " " + typeof require + " " + typeof fetch')).toBe('undefined undefined function');
    // A script, not a module: the example runs as the body of an async function (its top-level await included).
    await vm.evaluate<Promise<void>>(`${asAsyncFunction(bundles.get(name) ?? '')}\nexample();`);
    expectExampleOutput(name, lines.join('\n'));
  }, 60_000);
});

describe('the README examples in Bun: an ES module with top-level await, its stdout', () => {
  it('is the version installed', async () => {
    expect((await run(binary('bun'), ['--version'])).stdout.trim()).toBe('1.4.5');
  });
  it.each(RUNTIME_NEUTRAL)('%s', async (name) => {
    const { stdout } = await run(binary('bun'), ['run', file(name)], { cwd: scratch, env: { ...process.env, BUN_INSTALL_CACHE_DIR: join(scratch, 'bun-cache') } });
    expectExampleOutput(name, stdout);
  }, 60_000);
});

describe('the README examples in Deno, allowed the network of this machine only and no environment access', () => {
  it.each(RUNTIME_NEUTRAL)('%s', async (name) => {
    const env = { ...process.env, DENO_DIR: join(scratch, 'deno-dir'), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' };
    const { stdout } = await run(binary('deno'), ['run', '--no-prompt', '--allow-net=127.0.0.1', file(name)], { cwd: scratch, env });
    expectExampleOutput(name, stdout);
  }, 60_000);
});

describe('the README examples in Cloudflare workerd: a module worker whose fetch handler runs one, outbound network limited to this machine', () => {
  const DONE = '[example finished]';
  let workerd: ChildProcess;
  let port: number;
  let stdout = '';
  let stderr = '';

  beforeAll(async () => {
    port = await freePort();
    // A worker may not fetch while a module loads, not even one imported by a handler ("Disallowed operation called
    // within global scope"): each example is a function its fetch handler calls, the path naming which.
    const names = [...RUNTIME_NEUTRAL];
    for (const [i, name] of names.entries()) writeFileSync(join(scratch, `worker-example-${i}.js`), `export default ${asAsyncFunction(bundles.get(name) ?? '')}\n`);
    writeFileSync(
      join(scratch, 'worker.mjs'),
      `${names.map((_, i) => `import example${i} from './worker-example-${i}.js';`).join('\n')}
const examples = { ${names.map((name, i) => `${JSON.stringify(`/${name}`)}: example${i}`).join(', ')} };
export default {
  async fetch(request) {
    try {
      await examples[new URL(request.url).pathname]();
      return new Response('ok');
    } catch (error) {
      return new Response(String(error?.stack ?? error), { status: 500 });
    } finally {
      console.log(${JSON.stringify(DONE)});
    }
  },
};
`,
    );
    writeFileSync(
      join(scratch, 'workerd.capnp'),
      `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .examples), (name = "loopback", network = (allow = ["local"])) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const examples :Workerd.Worker = (
  modules = [
    (name = "worker.mjs", esModule = embed "worker.mjs"),
${names.map((_, i) => `    (name = "worker-example-${i}.js", esModule = embed "worker-example-${i}.js"),`).join('\n')}
  ],
  compatibilityDate = "2025-01-01",
  globalOutbound = "loopback",
);
`,
    );
    workerd = spawn(binary('workerd'), ['serve', '--verbose', 'workerd.capnp'], { cwd: scratch, stdio: ['ignore', 'pipe', 'pipe'] });
    workerd.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    workerd.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  }, 30_000);
  afterAll(() => void workerd?.kill());

  /** Runs one example in the worker; returns what it printed (workerd's stdout between the request and the marker). */
  async function runInWorker(name: string): Promise<string> {
    const from = stdout.length;
    const get = () => fetch(`http://127.0.0.1:${port}/${name}`);
    const retryLater = () => new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 100));
    let response: Response | undefined;
    // Until it listens: a refused connection is retried every 100 ms, for 10 s at most.
    for (let i = 0; i < 100 && !response && workerd.exitCode === null; i++) response = await get().catch(retryLater);
    if (!response) throw new Error(`workerd did not listen: ${stderr}`);
    expect(response.status, await response.clone().text()).toBe(200);
    for (let i = 0; i < 50 && !stdout.slice(from).includes(DONE); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    const printed = stdout.slice(from);
    expect(printed, `workerd's stdout (stderr: ${stderr})`).toContain(DONE);
    return printed.slice(0, printed.indexOf(DONE));
  }

  it.each(RUNTIME_NEUTRAL)('%s', async (name) => {
    expectExampleOutput(name, await runInWorker(name));
  }, 60_000);
});
