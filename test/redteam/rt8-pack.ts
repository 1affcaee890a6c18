// Shared by the rt8-* attacks: this run's packed package (test/support/packed.ts) installed once into a scratch app
// beside it, and its path. Several test files run in parallel: a mkdir lock makes the first one install and the others
// wait for it.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { packedPackage } from '../support/packed.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const ENTRIES = ['', '/yandex-fleet', '/tbank-delivery', '/fastriver', '/fastriver/callbacks', '/dellin', '/dilovod', '/dilovod/webhooks', '/redis/node'];
export const BIN = join(ROOT, 'node_modules/.bin');
let shared = '';
let packedTarball = '';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The tarball of this run (test/support/packed.ts) installed once into a scratch app, shared by the rt8 files. */
export async function installedApp(): Promise<string> {
  ({ tarball: packedTarball } = await packedPackage());
  shared = dirname(packedTarball);
  const app = join(shared, 'app');
  const done = join(shared, 'installed');
  const lock = join(shared, 'install-lock');
  for (;;) {
    if (existsSync(done)) return app;
    try {
      mkdirSync(lock);
      break;
    } catch {
      await sleep(500);
    }
  }
  try {
    if (existsSync(done)) return app;
    rmSync(app, { recursive: true, force: true });
    mkdirSync(app, { recursive: true });
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'rt8-app', version: '1.0.0', private: true, type: 'module' }));
    // the optional peers too: a user of `/redis/node` installs them (README: "needs ioredis")
    execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', packedTarball, 'ioredis@5.9.3', 'redis-semaphore@5.8.0'], { cwd: app, stdio: 'pipe' });
    writeFileSync(done, '');
    return app;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** A private copy of the installed app (to break it, or to add files), removed by the caller. */
export function copyApp(name: string): string {
  const dir = join(shared, `${name}-${process.pid}-${Date.now()}`);
  cpSync(join(shared, 'app'), dir, { recursive: true });
  return dir;
}

export function tarball(): string {
  return packedTarball;
}

export interface Ran { code: number | null; stdout: string; stderr: string }
/** Runs `node <file>` (the script written into dir) and returns its output. */
export function runNode(dir: string, file: string, source: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Ran {
  writeFileSync(join(dir, file), source);
  const r = spawnSync(process.execPath, [...args, file], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The last line of stdout parsed as JSON (scripts print their verdict there). */
export function verdict(r: Ran): any {
  const line = r.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line);
  } catch {
    throw new Error(`no JSON verdict; code ${r.code}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
  }
}
