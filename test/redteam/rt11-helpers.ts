// Red team 11: helpers on top of red team 9's (scratch copies under /tmp, node_modules hard-linked).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { APIS, BUNDLE_DIR, freePorts, portVar, type Mocks, type Api } from './rt9-helpers.ts';

/** What `npm run mocks` does first: scripts/mock-host-bundle.ts's mockHostBundle(), in the scratch copy `p`. */
export function bundle(p: string): string {
  return execFileSync(process.execPath, ['--import', 'tsx', '-e', "import('./scripts/mock-host-bundle.ts').then((m) => m.mockHostBundle()).then((path) => console.log(path))"], {
    cwd: p,
    env: { ...process.env, NODE_OPTIONS: '' },
    encoding: 'utf8',
  }).trim();
}
export const bundleText = (p: string) => readFileSync(join(BUNDLE_DIR(p), 'host.mjs'), 'utf8');
export const bundleId = (p: string) => {
  const s = statSync(join(BUNDLE_DIR(p), 'host.mjs'));
  return `${s.ino}:${s.mtimeMs}`;
};

/** `node --import tsx <p>/scripts/start.ts --mocks-only` with any working directory. */
export async function startMocksFrom(p: string, cwd: string, timeoutMs = 90_000): Promise<Mocks> {
  const ports = await freePorts();
  const env: Record<string, string> = { ...(process.env as Record<string, string>), HOST: '127.0.0.1' };
  for (const k of ['NODE_OPTIONS', 'VITEST', 'VITEST_WORKER_ID', 'VITEST_POOL_ID']) delete env[k];
  for (const api of APIS) env[portVar(api)] = String(ports[api]);
  const proc = spawn(process.execPath, ['--import', 'tsx', join(p, 'scripts/start.ts'), '--mocks-only'], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const m: Mocks = {
    proc, ready: false, code: null, out: '', err: '', ports,
    urls: Object.fromEntries(APIS.map((a) => [a, `http://127.0.0.1:${ports[a]}`])) as Record<Api, string>,
    async stop() {
      if (m.code !== null || proc.exitCode !== null) return;
      const done = new Promise<void>((r) => proc.once('exit', () => r()));
      proc.kill('SIGTERM');
      const t = setTimeout(() => proc.kill('SIGKILL'), 5000);
      await done;
      clearTimeout(t);
    },
  };
  await new Promise<void>((res) => {
    const timer = setTimeout(res, timeoutMs);
    proc.stdout!.on('data', (c) => { m.out += c; if (/Mocks are ready/.test(m.out)) { m.ready = true; clearTimeout(timer); res(); } });
    proc.stderr!.on('data', (c) => (m.err += c));
    proc.on('exit', (code) => { m.code = code ?? -1; clearTimeout(timer); res(); });
  });
  return m;
}

/**
 * This machine's worktrees share node_modules by hard links, and a link or unlink anywhere (another tree's `cp -al`,
 * `rm -rf`) changes the shared inode's ctime: the bundle's own freshness rule then never lets a manifest be written.
 * So each scratch copy gets its own inodes for every file esbuild bundles (found by a metafile-only build).
 */
export async function privateInputs(p: string): Promise<void> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [join(p, 'mocks/host.ts')], absWorkingDir: p, bundle: true, platform: 'node', format: 'esm',
    mainFields: ['module', 'main'], write: false, metafile: true, logLevel: 'silent',
  });
  // whole packages (a CommonJS require of a package the ES build reached by `module` lands in its other folder)
  const packages = new Set<string>();
  for (const input of Object.keys(result.metafile.inputs)) {
    const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m) packages.add(m[1]!);
  }
  for (const pkg of packages) {
    const dir = join(p, pkg);
    execFileSync('sh', ['-c', 'cp -a "$1" "$1.rt11" && rm -rf "$1" && mv "$1.rt11" "$1"', 'sh', dir]);
  }
}
export const manifestExists = (p: string) => existsSync(join(BUNDLE_DIR(p), 'host.inputs.json'));
