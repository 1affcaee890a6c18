// The package as a team installs it: packed, installed into a scratch project, imported entry by entry.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { listApis, projectRoot } from '#apis';

const run = promisify(execFile);
const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { name: string; exports: Record<string, unknown> };
const entries = ['', ...listApis().map((api) => `/${api.name}`)];
let scratch: string;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'pack-consumer-'));
  await run('npm', ['run', 'build'], { cwd: projectRoot });
  const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], { cwd: projectRoot });
  const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(scratch, filename)], { cwd: scratch });
}, 180_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the packed package', () => {
  it('exports the core, every API in redocly.yaml, and the specs', () => {
    expect(Object.keys(pkg.exports)).toEqual(expect.arrayContaining([...entries.map((entry) => `.${entry}`), './specs/*']));
    for (const api of listApis()) expect(readFileSync(join(scratch, 'node_modules', pkg.name, 'specs', `${api.name}.yaml`), 'utf8')).toContain('openapi: 3.1.0');
  });

  it('type-checks a TypeScript consumer importing every entry', async () => {
    const imports = entries.map((entry, i) => `import * as entry${i} from '${pkg.name}${entry}';`).join('\n');
    writeFileSync(
      join(scratch, 'consumer.ts'),
      `${imports}
import { createYandexFleetClient, type Transaction } from '${pkg.name}/yandex-fleet';
import { ApiError } from '${pkg.name}';
const client = createYandexFleetClient({ apiKey: 'k', clientId: 'c' });
export const describe = (t: Transaction): string => (t.created_by.identity === 'dispatcher' ? (t.created_by.dispatcher_name ?? 'a dispatcher') : t.created_by.identity);
export const all = [${entries.map((_, i) => `entry${i}`).join(', ')}, client, ApiError];
`,
    );
    writeFileSync(
      join(scratch, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2023', 'dom'], noEmit: true, skipLibCheck: false, types: [] }, files: ['consumer.ts'] }),
    );
    const tsc = join(projectRoot, 'node_modules/typescript/bin/tsc');
    await expect(run(process.execPath, [tsc, '-p', scratch], { cwd: scratch })).resolves.toBeDefined();
  });

  it('runs a JavaScript consumer against the Yandex mock', async () => {
    writeFileSync(
      join(scratch, 'consumer.mjs'),
      `import { createYandexFleetClient } from '${pkg.name}/yandex-fleet';
const fleet = createYandexFleetClient({ apiKey: 'k', clientId: 'taxi/park/p1', baseUrl: process.argv[2] });
const { categories } = await fleet.listTransactionCategories({ query: { park: { id: 'p1' } } });
console.log(categories.length);
`,
    );
    const { stdout } = await run(process.execPath, ['consumer.mjs', inject('mockUrls')['yandex-fleet'] ?? ''], { cwd: scratch });
    expect(Number(stdout.trim())).toBeGreaterThan(0);
  });

  it('importing one API does not pull in the others', async () => {
    const result = await build({
      stdin: { contents: `export { createYandexFleetClient } from '${pkg.name}/yandex-fleet';`, resolveDir: scratch, loader: 'js' },
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      minify: true,
    });
    const bundle = result.outputFiles[0]?.text ?? '';
    expect(bundle).toContain('fleet-api.taxi.yandex.net');
    for (const other of ['tbank', 'fastriver', 'dellin', 'dilovod']) expect(bundle.toLowerCase()).not.toContain(other);
  });
});
