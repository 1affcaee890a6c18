// Red team 11: `npm run mocks` started from another working directory, and files dated in the future (clock skew, a
// tarball or a checkout from a machine whose clock runs ahead). All in scratch copies under /tmp.
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { BUNDLE_DIR, removeScratch, scratchCopy, type Mocks } from './rt9-helpers.ts';
import { bundle, bundleId, manifestExists, privateInputs, startMocksFrom } from './rt11-helpers.ts';

const scratch: string[] = [];
const running: Mocks[] = [];
afterAll(async () => {
  await Promise.all(running.map((m) => m.stop()));
  scratch.forEach(removeScratch);
}, 180_000);
const copy = async () => {
  const p = scratchCopy();
  scratch.push(p);
  await privateInputs(p);
  return p;
};

describe('rt11 bundle: working directory and clock', { timeout: 240_000 }, () => {
  it('started as `node --import tsx /abs/scripts/start.ts --mocks-only` from the mocks folder: the bundle is used, no warning, and reused next time', async () => {
    const p = await copy();
    let m = await startMocksFrom(p, join(p, 'mocks'));
    running.push(m);
    expect(m.ready, m.err).toBe(true);
    expect(m.err).not.toMatch(/could not be built|starting from the sources/);
    const r = await fetch(`${m.urls['tbank-delivery']}/api/v1/delivery/tasks/x`, { headers: { Authorization: 'Bearer qa' } });
    expect(r.status).toBeLessThan(500);
    await m.stop();
    expect(manifestExists(p), 'no manifest: every start from this folder builds again').toBe(true);
    const id = bundleId(p);
    m = await startMocksFrom(p, join(p, 'mocks'));
    running.push(m);
    expect(m.ready, m.err).toBe(true);
    expect(bundleId(p), 'the second start from the same folder rebuilt the bundle').toBe(id);
    await m.stop();
  });

  it('a mock source dated a day ahead (clock skew): the bundle is built once and reused, not rebuilt on every start', async () => {
    const p = await copy();
    execFileSync('touch', ['-d', '+1 day', join(p, 'mocks/faults.ts')]);
    bundle(p);
    const id = bundleId(p);
    bundle(p);
    expect(bundleId(p), 'rebuilt with nothing changed: a future-dated input keeps the manifest from ever being written').toBe(id);
  });

  it('a build run from another folder leaves no half-made host.mjs.<pid> behind in the cache (one per start otherwise)', async () => {
    const p = await copy();
    for (let i = 0; i < 2; i++) {
      execFileSync(process.execPath, ['--import', 'tsx', '-e', `import(${JSON.stringify(join(p, 'scripts/mock-host-bundle.ts'))}).then((m) => m.loadMockHost())`], {
        cwd: join(p, 'mocks'), env: { ...process.env, NODE_OPTIONS: '' }, stdio: 'ignore',
      });
    }
    expect(readdirSync(BUNDLE_DIR(p)).filter((f) => /^host\.(mjs|inputs\.json)\.\d+$/.test(f))).toEqual([]);
  });
});
