// Red team 11: ways the mock host bundle (node_modules/.cache/delivery-mocks/host.mjs) can be stale that red team 9
// did not try: inputs reached through symlinks (pnpm, npm link, a symlinked folder), files esbuild reads to resolve
// modules but the manifest does not list (dependency package.json, a nested node_modules copy that now shadows a
// hoisted one). Each case: build, change the tree as a package manager or a user would, build again (what every
// `npm run mocks` does first) and check the bundle holds what the sources now say. All in scratch copies under /tmp.
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { removeScratch, replaceFile, scratchCopy } from './rt9-helpers.ts';
import { bundle, bundleId, bundleText, manifestExists, privateInputs } from './rt11-helpers.ts';

const scratch: string[] = [];
afterAll(() => scratch.forEach(removeScratch), 180_000);
const copy = async () => {
  const p = scratchCopy();
  scratch.push(p);
  await privateInputs(p);
  return p;
};
/** The first build, and proof that it was recorded as fresh (else a later "rebuild" proves nothing). */
const firstBuild = (p: string) => {
  bundle(p);
  expect(manifestExists(p), 'the first build left no manifest').toBe(true);
  const id = bundleId(p);
  bundle(p);
  expect(bundleId(p), 'an unchanged tree rebuilt the bundle').toBe(id);
};
const sh = (cwd: string, script: string) => execFileSync('sh', ['-c', script], { cwd });

describe('rt11 bundle staleness', { timeout: 120_000 }, () => {
  it('pnpm-style: node_modules/content-type is a symlink into a store; an upgrade re-points it (the old version stays in the store)', async () => {
    const p = await copy();
    const store1 = 'node_modules/.pnpm/content-type@1.0.5/node_modules/content-type';
    const store2 = 'node_modules/.pnpm/content-type@1.0.6/node_modules/content-type';
    mkdirSync(join(p, store1, '..'), { recursive: true });
    renameSync(join(p, 'node_modules/content-type'), join(p, store1));
    symlinkSync(join(p, store1), join(p, 'node_modules/content-type'));
    firstBuild(p);
    expect(bundleText(p).includes('invalid media type'), `the bundle does not hold 'invalid media type': stale`).toBe(true);
    // the upgrade: a new store folder, the symlink re-pointed (ln -sfn), the old store folder left as it was
    sh(p, `mkdir -p ${store2} && cp -a ${store1}/. ${store2}/`);
    const src = join(p, store2, 'index.js');
    replaceFile(src, readFileSync(src, 'utf8').replaceAll('invalid media type', 'RT11 upgraded media type'));
    sh(p, `ln -sfn "$PWD/${store2}" node_modules/content-type`);
    bundle(p);
    expect(bundleText(p).includes('RT11 upgraded media type'), `the bundle does not hold 'RT11 upgraded media type': stale`).toBe(true);
  });

  it('npm link / a symlinked mocks folder re-pointed to another checkout of it', async () => {
    const p = await copy();
    renameSync(join(p, 'mocks'), join(p, 'mocks-a'));
    symlinkSync(join(p, 'mocks-a'), join(p, 'mocks'));
    firstBuild(p);
    sh(p, 'cp -a mocks-a mocks-b');
    const faults = join(p, 'mocks-b/faults.ts');
    replaceFile(faults, readFileSync(faults, 'utf8').replaceAll('delay must be a whole number', 'RT11 other checkout: delay'));
    sh(p, `ln -sfn "$PWD/mocks-b" mocks`);
    bundle(p);
    expect(bundleText(p).includes('RT11 other checkout: delay'), `the bundle does not hold 'RT11 other checkout: delay': stale`).toBe(true);
  });

  it('npm installs a different version of a dependency nested under its dependant (node_modules/debug/node_modules/ms); the hoisted one stays', async () => {
    const p = await copy();
    firstBuild(p);
    const nested = join(p, 'node_modules/debug/node_modules/ms');
    mkdirSync(nested, { recursive: true });
    writeFileSync(join(nested, 'package.json'), JSON.stringify({ name: 'ms', version: '9.9.9', main: 'index.js' }));
    writeFileSync(join(nested, 'index.js'), "module.exports = function ms() { return 'RT11 nested ms'; };\n");
    bundle(p);
    expect(bundleText(p).includes('RT11 nested ms'), `the bundle does not hold 'RT11 nested ms': stale`).toBe(true);
  });

  it("a dependency's package.json re-pointed (\"main\" to another file, as a patch or a new release that only renames does)", async () => {
    const p = await copy();
    firstBuild(p);
    const dir = join(p, 'node_modules/content-type');
    writeFileSync(join(dir, 'main2.js'), readFileSync(join(dir, 'index.js'), 'utf8').replaceAll('invalid media type', 'RT11 main2 media type'));
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    pkg.main = 'main2.js';
    replaceFile(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
    bundle(p);
    expect(bundleText(p).includes('RT11 main2 media type'), `the bundle does not hold 'RT11 main2 media type': stale`).toBe(true);
  });

  it('a dependency file deleted and the package reinstalled as it was (same bytes, cp -a keeps mtimes) is still a good bundle', async () => {
    const p = await copy();
    firstBuild(p);
    const f = join(p, 'node_modules/content-type/index.js');
    sh(p, `cp -a ${f} /tmp/rt11-ct-$$ && rm ${f} && mv /tmp/rt11-ct-$$ ${f}`);
    bundle(p);
    expect(bundleText(p).includes('invalid media type'), `the bundle does not hold 'invalid media type': stale`).toBe(true);
    rmSync(join(p, 'node_modules/.cache'), { recursive: true, force: true });
  });
});

describe('rt11 bundle reuse with hard-linked node_modules', { timeout: 120_000 }, () => {
  it('another worktree sharing node_modules by hard links (as this machine does) runs `cp -al` / `rm -rf`: this tree keeps its bundle', async () => {
    const p = await copy();
    firstBuild(p);
    const id = bundleId(p);
    // the other tree: a hard link made and removed to one bundled file (its `cp -al node_modules`, then `rm -rf`):
    // no byte of any input changed, only the shared inode's link count and so its ctime
    const other = `/tmp/rt11-other-${process.pid}`;
    sh(p, `mkdir -p ${other} && ln node_modules/content-type/index.js ${other}/index.js && rm -rf ${other}`);
    bundle(p);
    expect(bundleId(p), 'a link in another tree threw this tree’s bundle away (rebuilt on every start)').toBe(id);
  });
});
