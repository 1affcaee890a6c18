// Red team 9: `npm run mocks` start-up failures must say what is wrong (README: "A port that is taken is named in the
// error, with the variable that moves it"), exit non-zero, not hang, and not dump a stack from the minified bundle.
import { afterAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { ROOT, freePorts, removeScratch, scratchCopy, startMocks, type Mocks } from './rt9-helpers.ts';

const running: Mocks[] = [];
let parseMessage = '';
const scratch: string[] = [];
afterAll(async () => {
  await Promise.all(running.map((m) => m.stop()));
  for (const s of scratch) removeScratch(s);
});
const run = async (...args: Parameters<typeof startMocks>) => {
  const m = await startMocks(...args);
  running.push(m);
  return m;
};
/** A stack frame of the bundle, or any "    at " line, is not what a QA user should be shown. */
const noStack = (text: string) => expect(text).not.toMatch(/^\s+at .+\(.*:\d+:\d+\)$|host\.mjs:\d+/m);

describe('rt9 start-up failures', { timeout: 120_000 }, () => {
  it('a taken port is named, with MOCK_PORT_DELLIN, and the process exits 1', async () => {
    const ports = await freePorts();
    const squatter: Server = createServer();
    await new Promise<void>((r) => squatter.listen(ports.dellin, '127.0.0.1', r));
    const m = await run({ ports });
    squatter.close();
    expect(m.ready).toBe(false);
    expect(m.code).toBe(1);
    expect(m.err).toContain(String(ports.dellin));
    expect(m.err).toContain('MOCK_PORT_DELLIN');
    noStack(m.err + m.out);
  });

  it('HOST that is not an address of this machine is named', async () => {
    const m = await run({ env: { HOST: '192.0.2.1' } });
    expect(m.ready).toBe(false);
    expect(m.code).toBe(1);
    expect(m.err).toMatch(/192\.0\.2\.1/);
    noStack(m.err + m.out);
  });

  it('HOST that is not an address at all (999.1.1.1) is named', async () => {
    const m = await run({ env: { HOST: '999.1.1.1' } });
    expect(m.ready).toBe(false);
    expect(m.code).toBe(1);
    expect(m.err).toMatch(/999\.1\.1\.1/);
    noStack(m.err + m.out);
  });

  it('HOST that does not resolve is named', async () => {
    const m = await run({ env: { HOST: 'no-such-host.invalid' } });
    expect(m.ready).toBe(false);
    expect(m.code).toBe(1);
    expect(m.err).toMatch(/no-such-host\.invalid/);
    noStack(m.err + m.out);
  });

  it('a MOCK_PORT_<API> that is not a port is named, not silently replaced', async () => {
    const ports = await freePorts();
    const m = await run({ ports, env: { MOCK_PORT_FASTRIVER: '70000' } });
    expect(m.ready).toBe(false);
    expect(m.code).toBe(1);
    expect(m.err).toContain('MOCK_PORT_FASTRIVER');
    noStack(m.err + m.out);
  });

  it('MOCK_PORT_<API>=abc is named', async () => {
    const m = await run({ env: { MOCK_PORT_DILOVOD: 'abc' } });
    expect(m.ready).toBe(false);
    expect(m.code).toBe(1);
    expect(m.err).toContain('MOCK_PORT_DILOVOD');
    noStack(m.err + m.out);
  });

  it('a spec that fails to parse names the spec file (scratch copy)', async () => {
    const p = scratchCopy({ withCache: true });
    scratch.push(p);
    const spec = join(p, 'specs/dilovod.yaml');
    writeFileSync(spec, readFileSync(spec, 'utf8').replace('paths:', 'paths: [\n  : : :'));
    const m = await run({ cwd: p });
    expect(m.ready).toBe(false);
    expect(m.code).toBe(1);
    expect(m.err).toMatch(/dilovod\.yaml/);
    noStack(m.err + m.out);
    parseMessage = m.err;
  });
  it('the spec parse failure says it once, at the right place (not "Error parsing X: Error parsing X: … line 1, column 0")', () => {
    expect(parseMessage).not.toBe('');
    expect(parseMessage.match(/Error parsing/g)?.length ?? 0).toBeLessThanOrEqual(1);
    expect(parseMessage).not.toMatch(/line 1, column 0/);
  });

  it('`npm run mocks` from a subfolder of the project starts (npm finds the root)', async () => {
    const ports = await freePorts();
    const env: Record<string, string> = { ...(process.env as Record<string, string>), HOST: '127.0.0.1' };
    for (const [api, port] of Object.entries(ports)) env[`MOCK_PORT_${api.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`] = String(port);
    delete env.VITEST; delete env.VITEST_WORKER_ID; delete env.VITEST_POOL_ID; delete env.NODE_OPTIONS;
    const proc = spawn('npm', ['run', 'mocks'], { cwd: join(ROOT, 'mocks'), env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    proc.stdout!.on('data', (c) => (out += c));
    proc.stderr!.on('data', (c) => (out += c));
    const ready = await new Promise<boolean>((res) => {
      const t = setTimeout(() => res(false), 60_000);
      proc.stdout!.on('data', () => { if (/Mocks are ready/.test(out)) { clearTimeout(t); res(true); } });
      proc.on('exit', () => { clearTimeout(t); res(false); });
    });
    const answered = ready ? (await fetch(`http://127.0.0.1:${ports.dellin}/v3/auth/login.json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status : 0;
    try { process.kill(-proc.pid!, 'SIGTERM'); } catch {}
    await new Promise((r) => setTimeout(r, 500));
    try { process.kill(-proc.pid!, 'SIGKILL'); } catch {}
    expect(ready, out).toBe(true);
    expect(answered).toBe(400);
  });
});
