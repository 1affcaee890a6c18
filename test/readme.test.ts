// The README's usage examples run as written, against the mock host (its URL swapped for the test's).
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { mockPorts, projectRoot } from '../scripts/apis.ts';

const readme = readFileSync(resolve(projectRoot, 'README.md'), 'utf8');

function example(api: string): string {
  const block = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? '').find((code) => code.startsWith(`// example: ${api}`));
  if (!block) throw new Error(`README has no \`// example: ${api}\` block`);
  return block;
}

async function runExample(api: string): Promise<string> {
  const code = example(api).replaceAll(`http://127.0.0.1:${mockPorts[api]}`, inject('mockUrls')[api] ?? '');
  mkdirSync(resolve(projectRoot, '.tmp'), { recursive: true });
  const file = resolve(projectRoot, `.tmp/readme-${api}.ts`);
  writeFileSync(file, code.replaceAll("from './src/", "from '../src/"));
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', file], { cwd: projectRoot });
  return stdout;
}

describe('README examples', () => {
  it('yandex-fleet', async () => {
    const output = await runExample('yandex-fleet');
    expect(output).toContain('creatable categories: [');
    expect(output).toMatch(/status: (success|in_progress|fail)/);
    expect(output).toContain('refused: HTTP 400 invalid_request: Request body property amount must match pattern');
  });
});
