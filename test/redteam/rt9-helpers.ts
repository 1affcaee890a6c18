// Red team 9: helpers to run `npm run mocks` (scripts/start.ts --mocks-only) as a QA user does, in the worktree or in
// a scratch copy of the project under /tmp (node_modules hard-linked, its .cache copied for real).
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const APIS = ['tbank-delivery', 'fastriver', 'dellin', 'dilovod', 'yandex-fleet'] as const;
export type Api = (typeof APIS)[number];
export const portVar = (api: string) => `MOCK_PORT_${api.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

export async function freePorts(): Promise<Record<Api, number>> {
  const out = {} as Record<Api, number>;
  for (const api of APIS) out[api] = await freePort();
  return out;
}

export interface Mocks {
  proc: ChildProcess;
  ready: boolean;
  code: number | null;
  out: string;
  err: string;
  urls: Record<Api, string>;
  ports: Record<Api, number>;
  stop(): Promise<void>;
}

/**
 * `node --import tsx <script> --mocks-only` in `cwd` (script: scripts/start.ts of cwd, or an absolute path to start a
 * project from another folder); resolves when ready, or when the process exits.
 */
export async function startMocks(opts: { cwd?: string; script?: string; env?: Record<string, string>; ports?: Record<Api, number>; timeoutMs?: number } = {}): Promise<Mocks> {
  const cwd = opts.cwd ?? ROOT;
  const ports = opts.ports ?? (await freePorts());
  const env: Record<string, string> = { ...(process.env as Record<string, string>), HOST: '127.0.0.1' };
  delete env.NODE_OPTIONS;
  delete env.VITEST;
  delete env.VITEST_WORKER_ID;
  delete env.VITEST_POOL_ID;
  for (const api of APIS) env[portVar(api)] = String(ports[api]);
  Object.assign(env, opts.env ?? {});
  const proc = spawn(process.execPath, ['--import', 'tsx', opts.script ?? 'scripts/start.ts', '--mocks-only'], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const m: Mocks = {
    proc,
    ready: false,
    code: null,
    out: '',
    err: '',
    ports,
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
    const timer = setTimeout(() => res(), opts.timeoutMs ?? 90_000);
    proc.stdout!.on('data', (c) => {
      m.out += c;
      if (/Mocks are ready/.test(m.out)) {
        m.ready = true;
        clearTimeout(timer);
        res();
      }
    });
    proc.stderr!.on('data', (c) => (m.err += c));
    proc.on('exit', (code) => {
      m.code = code ?? -1;
      clearTimeout(timer);
      res();
    });
  });
  return m;
}

/** A scratch copy of the project: sources copied (mtimes kept, as `cp -a` does), node_modules hard-linked, its .cache copied. */
export function scratchCopy(opts: { withCache?: boolean; base?: string } = {}): string {
  const dir = opts.base ?? mkdtempSync('/tmp/rt9-');
  const dest = join(dir, 'project');
  execFileSync('mkdir', ['-p', dest]);
  for (const entry of readdirSync(ROOT)) {
    if (entry === 'node_modules' || entry === '.git') continue;
    execFileSync('cp', ['-a', join(ROOT, entry), join(dest, entry)]);
  }
  execFileSync('mkdir', ['-p', join(dest, 'node_modules')]);
  for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
    if (entry === '.cache') continue;
    execFileSync('cp', ['-al', join(ROOT, 'node_modules', entry), join(dest, 'node_modules', entry)]);
  }
  if (opts.withCache && existsSync(join(ROOT, 'node_modules/.cache'))) {
    execFileSync('cp', ['-a', join(ROOT, 'node_modules/.cache'), join(dest, 'node_modules/.cache')]);
  }
  return dest;
}

export function removeScratch(project: string) {
  rmSync(resolve(project, '..'), { recursive: true, force: true });
}

/** Replaces a (possibly hard-linked) file by a new inode with `content`, so no other tree sees the change. */
export function replaceFile(path: string, content: string | Buffer) {
  rmSync(path, { force: true });
  execFileSync('sh', ['-c', 'cat > "$1"', 'sh', path], { input: content });
}

export const BUNDLE_DIR = (project: string) => join(project, 'node_modules/.cache/delivery-mocks');
