// The README's usage examples run as written against the stateful mocks (the default of `npm start`), their URLs
// swapped for the test's: the runtime-neutral block of each API and the Node-only blocks, here in Node. The same
// runtime-neutral blocks run in Chromium, Bun, Deno, Edge Runtime and workerd in test/runtimes/, with the same checks,
// against the same default session of the same mocks: each block runs six times in one `npm test`, so an example that
// only works on a fresh mock (a listing that finds another run's requests, a transaction created twice) fails.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { describe, expect, inject, it } from 'vitest';
import { projectRoot } from '#apis';
import { expectExampleOutput, NODE_ONLY, readmeBlocks, RUNTIME_NEUTRAL, writeExample } from './support/readme-examples.ts';

async function runExample(name: string): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', writeExample(name, inject('statefulMockUrls'))], { cwd: projectRoot });
  return stdout;
}

describe('README examples, in Node', () => {
  it('are all run: every `// example:` block is one of these (redis: test/redis/readme-example.test.ts)', () => {
    const names = readmeBlocks().flatMap((code) => /^\/\/ example: (.+?) —/.exec(code)?.[1] ?? []);
    expect(names.sort()).toEqual([...RUNTIME_NEUTRAL, ...NODE_ONLY, 'redis'].sort());
  });

  it.each([...RUNTIME_NEUTRAL, ...NODE_ONLY])('%s', async (name) => {
    expectExampleOutput(name, await runExample(name));
  });

  it('type-check under the project settings', () => {
    const files = [...RUNTIME_NEUTRAL, ...NODE_ONLY].map((name) => writeExample(name, inject('statefulMockUrls')));
    const config = ts.getParsedCommandLineOfConfigFile(resolve(projectRoot, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    const program = ts.createProgram(files, config?.options ?? {});
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  }, 120_000);
});
