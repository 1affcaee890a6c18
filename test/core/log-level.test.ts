// Issue 14 item 7: `logLevel` and DELIVERY_API_LOG switch on one redacted console line per attempt, without a logger.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SdkError, type LogLevel } from '../../src/core/index.ts';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { createTestClient, SECRET_KEY, SECRET_TOKEN } from '../support/test-api.ts';

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

const METHODS = ['error', 'warn', 'info', 'debug', 'log'] as const;

/** Spies on the console; each line as `method: text`. */
function captureConsole(): string[] {
  const lines: string[] = [];
  for (const method of METHODS) vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void lines.push(`${method}: ${args.map(String).join(' ')}`));
  return lines;
}

/** A retried 503 then a 200, a 404, and a raw call with a secret in its query: four attempts, three outcomes. */
async function scenario(client: ReturnType<typeof createTestClient>): Promise<void> {
  server.script({ status: 503 }, { status: 200, body: '[]' });
  await client.listThings();
  server.script({ status: 404, body: '{"message":"none"}' });
  await client.listThings().catch(() => undefined);
  server.script({ status: 200, body: '[]' });
  await client.raw.GET('/things', { params: { query: { token: SECRET_TOKEN } as never } });
}

describe('logLevel: which attempt lines reach the console', () => {
  it.each<[LogLevel, string[]]>([
    ['off', []],
    ['error', ['error']],
    ['warn', ['warn', 'error']],
    ['info', ['warn', 'info', 'error', 'info']],
    ['debug', ['warn', 'info', 'error', 'info']],
  ])('%s', async (logLevel, expected) => {
    const lines = captureConsole();
    await scenario(createTestClient(server.url, { logger: undefined, logLevel }));
    expect(lines.map((line) => line.split(':')[0])).toEqual(expected);
    for (const line of lines) {
      expect(line).toMatch(/^\w+: \[delivery-api-clients\] test-api /);
      expect(line).not.toContain(SECRET_KEY);
      expect(line).not.toContain(SECRET_TOKEN);
      // At debug each line carries the event's fields; below it, only the message.
      expect(line.includes('{"level":')).toBe(logLevel === 'debug');
    }
    if (logLevel === 'info') {
      expect(lines[0]).toMatch(/listThings GET http:\/\/127\.0\.0\.1:\d+\/things -> 503 in \d+ ms; retrying in \d+ ms$/);
      expect(lines[3]).toContain('token=[REDACTED]');
    }
  });

  it('a network failure that ends the call is logged as an error', async () => {
    const lines = captureConsole();
    server.script({ reset: 'before-headers' });
    await createTestClient(server.url, { logger: undefined, logLevel: 'error' })
      .listThings({ maxRetries: 0 })
      .catch(() => undefined);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: \[delivery-api-clients\] test-api listThings: network error/);
  });

  it('filters the events a logger of your own receives too; without a level it receives every one', async () => {
    const warnOnly = createTestClient(server.url, { logLevel: 'warn' });
    await scenario(warnOnly);
    expect(warnOnly.events.map((event) => event.level)).toEqual(['warn', 'error']);
    const all = createTestClient(server.url);
    await scenario(all);
    expect(all.events.map((event) => event.level)).toEqual(['warn', 'info', 'error', 'info']);
  });

  it('refuses a level that is not one of the five, with a typed error', () => {
    expect(() => createTestClient(server.url, { logLevel: 'verbose' as LogLevel })).toThrow(SdkError);
    expect(() => createTestClient(server.url, { logLevel: 'verbose' as LogLevel })).toThrow(/logLevel must be one of off, error, warn, info, debug, not "verbose"/);
  });
});

describe('DELIVERY_API_LOG', () => {
  it('sets the level where there is a process.env (any case); the option wins over it', async () => {
    vi.stubEnv('DELIVERY_API_LOG', 'WARN');
    const lines = captureConsole();
    await scenario(createTestClient(server.url, { logger: undefined }));
    expect(lines.map((line) => line.split(':')[0])).toEqual(['warn', 'error']);
    lines.length = 0;
    await scenario(createTestClient(server.url, { logger: undefined, logLevel: 'off' }));
    expect(lines).toEqual([]);
  });

  it('an unknown value is ignored with one warning, and nothing is logged', async () => {
    vi.stubEnv('DELIVERY_API_LOG', 'loud');
    const lines = captureConsole();
    const client = createTestClient(server.url, { logger: undefined });
    await scenario(client);
    expect(lines).toEqual(['warn: [delivery-api-clients] DELIVERY_API_LOG="loud" ignored: use one of off, error, warn, info, debug']);
  });

  it('is not read where there is no process (a browser, a worker)', async () => {
    vi.stubEnv('DELIVERY_API_LOG', 'debug');
    vi.stubGlobal('process', undefined);
    let client: ReturnType<typeof createTestClient>;
    try {
      client = createTestClient(server.url, { logger: undefined });
    } finally {
      vi.unstubAllGlobals();
    }
    const lines = captureConsole();
    await scenario(client);
    expect(lines).toEqual([]);
  });
});
