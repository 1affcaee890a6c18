// The README's usage examples run as written, against the mock host (its URL swapped for the test's).
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { describe, expect, inject, it } from 'vitest';
import { mockPorts, projectRoot } from '#apis';

const EXAMPLES = ['dellin', 'dilovod', 'fastriver', 'tbank-delivery', 'yandex-fleet'];
const readme = readFileSync(resolve(projectRoot, 'README.md'), 'utf8');

function example(api: string): string {
  const block = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? '').find((code) => code.startsWith(`// example: ${api}`));
  if (!block) throw new Error(`README has no \`// example: ${api}\` block`);
  return block;
}

/** Writes the example where its relative imports still resolve, pointed at the test's mock. */
function writeExample(api: string): string {
  const code = example(api).replaceAll(`http://127.0.0.1:${mockPorts[api]}`, inject('mockUrls')[api] ?? '');
  mkdirSync(resolve(projectRoot, '.tmp'), { recursive: true });
  const file = resolve(projectRoot, `.tmp/readme-${api}.ts`);
  writeFileSync(file, code.replaceAll("from './src/", "from '../src/"));
  return file;
}

async function runExample(api: string): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', writeExample(api)], { cwd: projectRoot });
  return stdout;
}

describe('README examples', () => {
  it('dellin', async () => {
    const output = await runExample('dellin');
    for (const format of ['json', 'xml']) {
      expect(output).toMatch(new RegExp(`${format} request \\d+ success`));
      expect(output).toMatch(new RegExp(`${format} dates \\d+`));
    }
  });

  it('dilovod', async () => {
    const output = await runExample('dilovod');
    expect(output).toMatch(/document: .+/);
    expect(output).toMatch(/saved as \d{16}/);
    expect(output).toMatch(/goods rows: \d+/);
    expect(output).toMatch(/stock rows: \d+ \[ 'firm', 'good', 'qty', 'amount' \]/);
    expect(output).toContain('sale order:');
    // The error branch is reached: an error inside HTTP 200 becomes a DilovodApiError with the API's message.
    expect(output).toMatch(/Dilovod said: .*Invalid packet.*params\.id/);
    expect(output).toContain('changed: documents.saleOrder 1109100000001038');
  });

  it('fastriver', async () => {
    const output = await runExample('fastriver');
    expect(output).toMatch(/created \S+ \w+/);
    expect(output).toMatch(/status: \w+ delivery: \w+/);
    // The listing prints each request once (the stateless mock answers one example request; a stateful one what exists).
    const listed = /validated, (\d+) in all: \[([^\]]*)\]/.exec(output);
    expect(listed, output).not.toBeNull();
    const ids = [...(listed?.[2] ?? '').matchAll(/'([^']*)'/g)].map((match) => match[1]);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    expect(output).toMatch(/refused: 422 Ошибка валидации \(.*time_interval_id/);
    expect(output).toContain('callback: schedule validated');
  });

  it('type-check under the project settings', () => {
    const files = EXAMPLES.map(writeExample);
    const config = ts.getParsedCommandLineOfConfigFile(resolve(projectRoot, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    const program = ts.createProgram(files, config?.options ?? {});
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  }, 120_000);


  it('tbank-delivery', async () => {
    const output = await runExample('tbank-delivery');
    expect(output).toMatch(/meeting booked: \S+/);
    expect(output).toContain('downloaded акт.pdf: 614 bytes of application/pdf');
    expect(output).toMatch(/task status: \w+/);
  });

  it('yandex-fleet', async () => {
    const output = await runExample('yandex-fleet');
    expect(output).toContain('creatable categories: [');
    expect(output).toMatch(/status: (success|in_progress|fail)/);
    expect(output).toContain('refused: HTTP 400 invalid_request: Request body property amount must match pattern');
    expect(output).toMatch(/categories: \d+, HTTP 200, request id \S+/);
  });
});
