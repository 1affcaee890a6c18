// Red team 11: helpers on top of red team 9's (scratch copies under /tmp, node_modules hard-linked).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLE_DIR, startMocks, type Mocks } from './rt9-helpers.ts';

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
export const startMocksFrom = (p: string, cwd: string, timeoutMs = 90_000): Promise<Mocks> => startMocks({ cwd, script: join(p, 'scripts/start.ts'), timeoutMs });

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
