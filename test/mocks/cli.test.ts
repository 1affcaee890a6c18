// The commands QA runs: `npm run mocks` (scripts/start.ts --mocks-only) and Prism's own CLI on a spec.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { freePort } from '../support/ports.ts';
import { listApis, portEnvName, projectRoot } from '#apis';
import { specExample } from '../support/contract.ts';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, args, { cwd: projectRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = async (text: string) => {
    for (let i = 0; i < 300 && !output.includes(text); i++) {
      if (child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (!output.includes(text)) throw new Error(`"${text}" never appeared; output:\n${output}`);
  };
  return { child, exited, waitFor, output: () => output };
}

async function portsForAll(): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  for (const api of listApis()) env[portEnvName(api.name)] = String(await freePort());
  return env;
}

const categoriesRequest = {
  method: 'POST',
  headers: { 'content-type': 'application/json', 'accept-language': 'ru', 'x-api-key': 'qa-key', 'x-client-id': 'taxi/park/p1' },
  body: JSON.stringify({ query: { park: { id: 'p1' } } }),
};

describe('npm run mocks', () => {
  it('serves every API, prints the table once they answer, answers with the spec example, and stops on Ctrl-C', async () => {
    const env = await portsForAll();
    const mocks = run(['--import', 'tsx', 'scripts/start.ts', '--mocks-only'], env);
    await mocks.waitFor('Mocks are ready');
    for (const api of listApis()) expect(mocks.output()).toContain(`http://127.0.0.1:${env[portEnvName(api.name)]}`);

    const response = await fetch(`http://127.0.0.1:${env.MOCK_PORT_YANDEX_FLEET}/v2/parks/transactions/categories/list`, categoriesRequest);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(specExample('yandex-fleet', '/v2/parks/transactions/categories/list', 'post', '200'));

    mocks.child.kill('SIGINT');
    expect(await mocks.exited).toBe(0);
  });

  it('names the port and the API when a port is taken', async () => {
    const env = await portsForAll();
    const blocker = createServer().listen(Number(env.MOCK_PORT_YANDEX_FLEET), '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    try {
      const mocks = run(['--import', 'tsx', 'scripts/start.ts', '--mocks-only'], env);
      expect(await mocks.exited).toBe(1);
      expect(mocks.output()).toContain(`Port ${env.MOCK_PORT_YANDEX_FLEET} for the yandex-fleet mock is already in use`);
      expect(mocks.output()).toContain('MOCK_PORT_YANDEX_FLEET');
    } finally {
      blocker.close();
    }
  });
});

describe('prism CLI', () => {
  it('`prism mock specs/yandex-fleet.yaml` serves the same contract', async () => {
    const port = await freePort();
    const prism = run(['node_modules/@stoplight/prism-cli/dist/index.js', 'mock', 'specs/yandex-fleet.yaml', '-p', String(port), '-h', '127.0.0.1']);
    await prism.waitFor('Prism is listening');
    const response = await fetch(`http://127.0.0.1:${port}/v2/parks/transactions/categories/list`, categoriesRequest);
    expect(response.status).toBe(200);
    expect(response.headers.get('sl-violations')).toBeNull();
    expect(await response.json()).toEqual(specExample('yandex-fleet', '/v2/parks/transactions/categories/list', 'post', '200'));
  });
});
