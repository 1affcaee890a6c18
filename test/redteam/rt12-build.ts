// Shared by the rt12-* attacks: the package built ONCE per test run by tsup with the project's own options
// (tsup.config.ts `packageBuild`) into a temp folder of its own, laid out as an installed package
// (<dir>/node_modules/delivery-api-clients/{package.json,dist}) beside a scratch app, openapi-fetch linked in.
// Several files ask at once: a mkdir lock makes the first build and the others wait.
import { cpSync, existsSync, mkdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'tsup';
import { inject } from 'vitest';
import { packageBuild } from '../../tsup.config.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The scratch app's folder: its node_modules holds the built package. */
export async function builtApp(): Promise<string> {
  const dir = join(tmpdir(), `rt12-build-${inject('runId')}`);
  const app = join(dir, 'app');
  const done = join(dir, 'done');
  const lock = join(dir, 'lock');
  mkdirSync(dir, { recursive: true });
  for (;;) {
    if (existsSync(done)) return app;
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 600_000) rmSync(lock, { recursive: true, force: true });
      await sleep(300);
    }
  }
  try {
    if (existsSync(done)) return app;
    const pkg = join(app, 'node_modules/delivery-api-clients');
    rmSync(app, { recursive: true, force: true });
    mkdirSync(pkg, { recursive: true });
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      await build({ ...packageBuild, outDir: join(pkg, 'dist'), config: false });
    } finally {
      process.chdir(cwd);
    }
    cpSync(join(ROOT, 'package.json'), join(pkg, 'package.json'));
    symlinkSync(join(ROOT, 'node_modules/openapi-fetch'), join(app, 'node_modules/openapi-fetch'));
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'rt12-app', private: true, type: 'module' }));
    writeFileSync(done, '');
    return app;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export type Mod = Record<string, any>;
/** One entry of the built package, as ESM (native import) and CommonJS (require), plus the scratch app's require. */
export async function entry(app: string, sub: string): Promise<{ esm: Mod; cjs: Mod }> {
  const spec = `delivery-api-clients${sub}`;
  const req = createRequire(join(app, 'package.json'));
  const esmPath = req.resolve(spec).replace(/\.cjs$/, '.js');
  const esm = (await import(/* @vite-ignore */ pathToFileURL(esmPath).href)) as Mod;
  return { esm, cjs: req(spec) as Mod };
}

/** What a call did: its value, or its error's class name, name and message (for comparing copies). */
export async function outcome(fn: () => unknown): Promise<unknown> {
  try {
    return { ok: await fn() };
  } catch (error) {
    const e = error as Error;
    return { threw: e?.constructor?.name, name: e?.name, message: e?.message };
  }
}
