// The README's `// example: redis` runs as written (type-checked, then run) against the mocks and a real redis-server.
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mockPorts, projectRoot } from '#apis';
import { EXAMPLES_DIR, readmeExample } from '../support/readme-examples.ts';
import { hasRedisServer, startRedisServer, type RedisServer } from '../support/redis-server.ts';

if (!hasRedisServer && process.env.CI) throw new Error('redis-server is missing: .ci/run installs it (apt-get install redis-server)');

describe.skipIf(!hasRedisServer)('README example: redis', () => {
  let redis: RedisServer;
  let file: string;
  beforeAll(async () => {
    redis = await startRedisServer();
    // Against the stateful mocks, as the README says (`npm run mocks`): what it reads, it has created.
    let code = readmeExample('redis');
    for (const api of ['dilovod', 'fastriver', 'dellin']) code = code.replaceAll(`http://127.0.0.1:${mockPorts[api]}`, inject('statefulMockUrls')[api] ?? '');
    mkdirSync(EXAMPLES_DIR, { recursive: true });
    file = resolve(EXAMPLES_DIR, 'readme-redis.ts');
    writeFileSync(file, code.replaceAll("from './src/", "from '../src/"));
  });
  afterAll(() => redis?.stop());

  it('type-checks and runs: one lock, one token, one session, all through Redis', { timeout: 120_000 }, async () => {
    const config = ts.getParsedCommandLineOfConfigFile(resolve(projectRoot, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    const diagnostics = ts.getPreEmitDiagnostics(ts.createProgram([file], config?.options ?? {})).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', file], { cwd: projectRoot, env: { ...process.env, REDIS_URL: redis.url } });
    expect(stdout).toMatch(/^dilovod: saved (\d+) read back \1$/m);
    expect(stdout).toMatch(/^fastriver: read back \w+$/m);
    expect(stdout).toMatch(/dellin dates: \d+/);
  });
});
