// The README's `// example: redis` runs as written (type-checked, then run) against the mocks and a real redis-server.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mockPorts, projectRoot } from '#apis';
import { hasRedisServer, startRedisServer, type RedisServer } from '../support/redis-server.ts';

if (!hasRedisServer && process.env.CI) throw new Error('redis-server is missing: .ci/run installs it (apt-get install redis-server)');

describe.skipIf(!hasRedisServer)('README example: redis', () => {
  let redis: RedisServer;
  let file: string;
  beforeAll(async () => {
    redis = await startRedisServer();
    const readme = readFileSync(resolve(projectRoot, 'README.md'), 'utf8');
    let code = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? '').find((block) => block.startsWith('// example: redis')) ?? '';
    expect(code).not.toBe('');
    for (const api of ['dilovod', 'fastriver', 'dellin']) code = code.replaceAll(`http://127.0.0.1:${mockPorts[api]}`, inject('mockUrls')[api] ?? '');
    mkdirSync(resolve(projectRoot, '.tmp'), { recursive: true });
    file = resolve(projectRoot, '.tmp/readme-redis.ts');
    writeFileSync(file, code.replaceAll("from './src/", "from '../src/"));
  });
  afterAll(() => redis?.stop());

  it('type-checks and runs: one lock, one token, one session, all through Redis', { timeout: 120_000 }, async () => {
    const config = ts.getParsedCommandLineOfConfigFile(resolve(projectRoot, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    const diagnostics = ts.getPreEmitDiagnostics(ts.createProgram([file], config?.options ?? {})).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', file], { cwd: projectRoot, env: { ...process.env, REDIS_URL: redis.url } });
    expect(stdout).toMatch(/dilovod: .+/);
    expect(stdout).toMatch(/fastriver: \w+/);
    expect(stdout).toMatch(/dellin dates: \d+/);
  });
});
