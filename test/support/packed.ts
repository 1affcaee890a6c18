// The package built and packed once per test run, for every test file that installs it (test/package, the red teams'
// package attacks): `npm run build` writes dist/ in the project, so two files building at once would pack each other's
// half-written build. The first caller builds and packs under a lock; the others wait for its tarball.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inject } from 'vitest';
import { projectRoot } from '#apis';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Packed {
  /** The .tgz, in a folder of this run's own under the system's temp folder. */
  tarball: string;
  /** The paths the tarball holds (`dist/index.js`, …). */
  files: string[];
}

/** This run's packed package (built and packed by the first file that asks). */
export async function packedPackage(): Promise<Packed> {
  const dir = join(tmpdir(), `delivery-api-clients-pack-${inject('runId')}`);
  const done = join(dir, 'packed.json');
  const lock = join(dir, 'lock');
  mkdirSync(dir, { recursive: true });
  for (;;) {
    if (existsSync(done)) return JSON.parse(readFileSync(done, 'utf8')) as Packed;
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
      await sleep(250);
    }
  }
  try {
    if (existsSync(done)) return JSON.parse(readFileSync(done, 'utf8')) as Packed;
    await run('npm', ['run', 'build'], { cwd: projectRoot });
    const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: projectRoot });
    const [packed] = JSON.parse(stdout) as [{ filename: string; files: Array<{ path: string }> }];
    const result: Packed = { tarball: join(dir, packed.filename), files: packed.files.map((file) => file.path) };
    writeFileSync(done, JSON.stringify(result));
    return result;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
