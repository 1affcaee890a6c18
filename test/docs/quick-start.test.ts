// The README's Quick Start is true: its table is what `npm start` prints (test/docs/portal.test.ts checks the printed
// one), its prerequisites are the ones `npm test` checks, and a missing one stops `npm test` with one clear message.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { listApis, projectRoot } from '#apis';
import { missingPrerequisites } from '../../scripts/prerequisites.ts';
import { readinessTable } from '../../scripts/readiness.ts';

const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
const quickStart = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('\n## ', readme.indexOf('## Quick start') + 1));

describe('Quick Start', () => {
  it('shows the table npm start prints with the default ports', () => {
    expect(quickStart).toContain(`${readinessTable(listApis(), (api) => `http://127.0.0.1:${api.mockPort}`, 'http://127.0.0.1:4000')}\n`);
  });

  it('names every prerequisite, with the command that installs it', () => {
    expect(quickStart).toContain('Node 20.18 or newer');
    expect(quickStart).toContain('sudo apt-get install chromium curl');
    expect(quickStart).toContain('CHROMIUM_PATH');
  });

  it.each([
    ['no Chromium', { CHROMIUM_PATH: '/nonexistent/chromium' }, '20.20.0', /Chromium, and \/nonexistent\/chromium is not there\. Install it with `sudo apt-get install chromium`/],
    ['an old Node', { CHROMIUM_PATH: process.execPath }, '20.17.1', /Node 20\.18 or newer is needed; this is Node 20\.17\.1/],
    ['Node 18', { CHROMIUM_PATH: process.execPath }, '18.20.0', /Node 20\.18 or newer is needed/],
  ] as const)('%s is named', (_, env, node, message) => {
    const missing = missingPrerequisites({ ...process.env, ...env }, node);
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatch(message);
  });

  it('accepts what is installed (Node 20.18+, Chromium, curl)', () => {
    expect(missingPrerequisites(process.env, '20.18.0')).toEqual([]);
    expect(missingPrerequisites(process.env, '22.1.0')).toEqual([]);
  });

  it('npm test without Chromium stops at once with what to install, not a stack trace', async () => {
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/prerequisites.ts'], {
      cwd: projectRoot,
      env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' },
    });
    const failure = (await run.then(() => undefined, (error: unknown) => error)) as { code?: number; stderr?: string } | undefined;
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/^npm test cannot run yet:\n- The docs-portal test needs Chromium.*sudo apt-get install chromium/);
    expect(failure?.stderr).not.toMatch(/\n\s+at /);
    expect(JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')).scripts.test).toMatch(/^tsx scripts\/prerequisites\.ts && /);
  });
});
