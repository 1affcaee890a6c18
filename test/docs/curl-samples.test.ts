// Every curl sample of the docs portal runs as written (red team 4). An operation's sample says "Against the local mock
// (`npm start` or `npm run mocks`)", which start the stateful mocks: so it runs there, its own setup steps included,
// every answer 2xx and free of contract violations, and twice (a reader repeats it). A webhook's sample is sent to a
// receiver built with this project's parser, as its TypeScript sample builds one. Only the address moves to the test's
// mock; the session a sample runs in comes from a .curlrc (X-Mock-Session), so the samples stay as the reader sees them.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { listApis, projectRoot, type ApiEntry } from '#apis';
import { mockSession } from '../../mocks/admin-client.ts';
import { addCodeSamples, operationsOf, WEBHOOK_RECEIVER, type Spec } from '../../scripts/code-samples.ts';
import { dilovodWebhookListener } from '../../src/dilovod/webhooks.ts';
import { parseFastriverCallback } from '../../src/fastriver/callbacks.ts';
import { violationsOf } from '../support/stateful.ts';

/** The samples of every operation, pointed at this run's stateful mocks (paths) or at the default receiver (webhooks). */
const samples = (
  await Promise.all(
    listApis().map(async (api: ApiEntry) => {
      const spec = parse(readFileSync(api.specPath, 'utf8')) as Spec;
      await addCodeSamples(spec, api.name, inject('statefulMockUrls')[api.name] ?? '');
      return operationsOf(spec).map((entry) => {
        const curl = entry.operation['x-codeSamples']?.find((sample) => sample.lang === 'curl')?.source ?? '';
        return [`${api.name} ${entry.operation.operationId}`, { api, kind: entry.kind, curl }] as const;
      });
    }),
  )
).flat();

/** A work folder as the project root looks to a sample (its upload fixture under mocks/), where downloads may land. */
const work = mkdtempSync(join(tmpdir(), 'curl-samples-'));
symlinkSync(join(projectRoot, 'mocks'), join(work, 'mocks'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs a sample with bash; every curl in it prints its status and sends `session` in X-Mock-Session. */
function run(source: string, session: string): Promise<{ code: number | null; statuses: string[]; output: string }> {
  const home = mkdtempSync(join(work, 'home-'));
  writeFileSync(join(home, '.curlrc'), `-sS\n-w "\\n__STATUS=%{http_code}\\n"\n--max-time 20\n-H "X-Mock-Session: ${session}"\n`);
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', source], { cwd: work, env: { ...process.env, CURL_HOME: home } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('close', (code) => resolve({ code, statuses: [...output.matchAll(/__STATUS=(\d+)/g)].map((match) => match[1] ?? ''), output }));
  });
}

describe.concurrent('operation curl samples run as written against the default (stateful) mock', () => {
  it.each(samples.filter(([, sample]) => sample.kind === 'path'))('%s', async (name, { api, curl }) => {
    expect(curl).toMatch(/^# Against the local mock \(`npm start` or `npm run mocks`\)/);
    const mock = mockSession(inject('statefulMockUrls')[api.name] ?? '');
    for (const attempt of ['first run', 'repeated']) {
      const { code, statuses, output } = await run(curl, mock.session);
      expect(code, `${name} (${attempt}): ${output}`).toBe(0);
      expect(statuses.length, output).toBeGreaterThan(0);
      expect(statuses.filter((status) => !status.startsWith('2')), `${name} (${attempt})\n${curl}\n---\n${output.slice(-800)}`).toEqual([]);
      // Dilovod reports a failure inside HTTP 200 as {"error": …} (red team 6: the sample's only answer was one).
      if (api.name === 'dilovod') expect(output, `${name} (${attempt})`).not.toMatch(/"error"\s*:/);
    }
    expect(await violationsOf(mock)).toEqual([]);
  });
});

describe('webhook curl samples reach a receiver built with the parsers', () => {
  let receiver: Server;
  let receiverUrl = '';
  const received: string[] = [];

  beforeAll(async () => {
    const dilovod = dilovodWebhookListener((event) => void received.push(`dilovod ${event.params.objectName}`), { allowedIps: ['127.0.0.1', '::ffff:127.0.0.1'] });
    receiver = createServer(async (req, res) => {
      if (req.method === 'GET') return dilovod(req, res);
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      try {
        received.push(`fastriver ${parseFastriverCallback(Buffer.concat(chunks)).event}`);
        res.writeHead(200).end();
      } catch {
        res.writeHead(400).end();
      }
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}`;
  });
  afterAll(() => receiver.close());

  it.each(samples.filter(([, sample]) => sample.kind === 'webhook'))('%s', async (_, { api, curl }) => {
    expect(curl).toContain(WEBHOOK_RECEIVER);
    const { code, statuses, output } = await run(curl.replaceAll(WEBHOOK_RECEIVER, receiverUrl), 'webhooks');
    expect([code, statuses], output).toEqual([0, ['200']]);
    expect(received.at(-1)).toMatch(new RegExp(`^${api.name} `));
  });
});
