// Every client against a server that misbehaves on purpose. Each case checks the error is one of ours (never a bare
// TypeError or SyntaxError), the number of attempts, that a keyed call kept one key (so the server applied it once),
// that a call unsafe to repeat was not repeated, and that nothing was left as an unhandled rejection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, DecodeError, InvalidResponseError, NetworkError, SdkError, TimeoutError } from '../../src/core/index.ts';
import { startFaultServer, type FaultServer, type Step } from '../support/fault-server.ts';
import { profiles, type Profile } from './profiles.ts';
import { flush, record } from './figures.ts';

let server: FaultServer;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  server = await startFaultServer();
  process.on('unhandledRejection', onUnhandled);
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await server.close();
  expect(unhandled).toEqual([]);
  flush(import.meta.filename);
});

const success = (profile: Profile): Step => ({ status: 200, headers: { 'content-type': profile.ok.contentType }, body: profile.ok.body });
const RETRY_FAST = { retry: { baseDelayMs: 1, maxDelayMs: 4 } };

async function outcome(call: () => Promise<unknown>): Promise<{ value?: unknown; error?: unknown }> {
  try {
    return { value: await call() };
  } catch (error) {
    return { error };
  }
}

function expectOurs(error: unknown, type: new (...args: never[]) => SdkError): void {
  expect(error).toBeInstanceOf(type);
  expect(error).toBeInstanceOf(SdkError);
  expect(error?.constructor).not.toBe(TypeError);
  expect(error?.constructor).not.toBe(SyntaxError);
}

interface Case {
  name: string;
  steps: (profile: Profile) => Step[];
  options?: object;
  /** What the safe call must end in: a value, or one of our errors, and after how many attempts. */
  expect: { result: 'ok' | (new (...args: never[]) => SdkError); attempts: number };
}

const cases: Case[] = [
  { name: 'connection reset before headers, then success', steps: (p) => [{ reset: 'before-headers' }, success(p)], expect: { result: 'ok', attempts: 2 } },
  { name: 'connection reset mid-body, every time', steps: () => [{ reset: 'mid-body' }], expect: { result: NetworkError, attempts: 3 } },
  { name: 'a burst of 5xx, then success', steps: (p) => [{ status: 503 }, { status: 500 }, success(p)], expect: { result: 'ok', attempts: 3 } },
  { name: '429 with Retry-After in seconds, then success', steps: (p) => [{ status: 429, headers: { 'retry-after': '0' } }, success(p)], expect: { result: 'ok', attempts: 2 } },
  { name: '429 with Retry-After as a date, then success', steps: (p) => [{ status: 429, headers: { 'retry-after': new Date(0).toUTCString() } }, success(p)], expect: { result: 'ok', attempts: 2 } },
  { name: 'slow headers', steps: () => [{ delayHeadersMs: 1500 }], options: { timeoutMs: 80, retry: { maxRetries: 1, baseDelayMs: 1 } }, expect: { result: TimeoutError, attempts: 2 } },
  { name: 'slow body', steps: () => [{ delayBodyMs: 1500 }], options: { timeoutMs: 80, retry: { maxRetries: 0 } }, expect: { result: TimeoutError, attempts: 1 } },
  { name: 'an HTML error page with 502', steps: () => [{ status: 502, headers: { 'content-type': 'text/html' }, body: '<html><h1>502 Bad Gateway</h1></html>' }], expect: { result: ApiError, attempts: 3 } },
  { name: 'an HTML page with 200', steps: () => [{ status: 200, headers: { 'content-type': 'text/html' }, body: '<html>Welcome to nginx</html>' }], expect: { result: InvalidResponseError, attempts: 1 } },
  { name: 'a wrong content type', steps: () => [{ status: 200, headers: { 'content-type': 'text/plain' }, body: 'OK' }], expect: { result: InvalidResponseError, attempts: 1 } },
  { name: 'an empty body', steps: () => [{ status: 200, body: '' }], expect: { result: InvalidResponseError, attempts: 1 } },
];

describe.each(profiles.map((profile) => [profile.name, profile] as const))('%s', (_, profile) => {
  it.each(cases.map((c) => [c.name, c] as const))('safe call: %s', async (__, c) => {
    server.script(...c.steps(profile));
    const calls = profile.make(server.url, { ...RETRY_FAST, ...c.options });
    const { value, error } = await outcome(calls.safe);
    if (c.expect.result === 'ok') {
      expect(error).toBeUndefined();
      expect(value).toBeDefined();
    } else {
      expectOurs(error, c.expect.result);
      expect((error as SdkError).attempts).toBe(c.expect.attempts);
    }
    expect(server.received).toHaveLength(c.expect.attempts);
    record('fault cases');
    record('attempts', server.received.length);
  });

  it('safe call: a truncated body is a typed error', async () => {
    server.script({ status: 200, headers: { 'content-type': profile.ok.contentType }, body: profile.truncated });
    const { error } = await outcome(profile.make(server.url, RETRY_FAST).safe);
    expect(error).toBeInstanceOf(SdkError);
    expect([InvalidResponseError, DecodeError].some((type) => error instanceof type)).toBe(true);
    record('fault cases');
  });

});

const has = (call: 'unsafe' | 'keyed') => profiles.filter((profile) => profile.make('http://unused.invalid', {})[call]).map((profile) => [profile.name, profile] as const);

describe.each(has('unsafe'))('%s', (_, profile) => {
  it('a call unsafe to repeat is sent once, whatever fails', async () => {
    const unsafe = () => profile.make(server.url, RETRY_FAST).unsafe?.() ?? Promise.resolve();
    for (const steps of [[{ reset: 'before-headers' } as Step], [{ status: 503 } as Step], [{ reset: 'mid-body' } as Step], [{ status: 429, headers: { 'retry-after': '0' } }]]) {
      server.script(...steps, success(profile));
      const { error } = await outcome(unsafe);
      expectOurs(error, SdkError);
      expect(server.received).toHaveLength(1);
      record('fault cases');
      record('attempts', 1);
    }
  });
});

describe.each(has('keyed'))('%s', (_, profile) => {
  it('a keyed call keeps one idempotency key across every attempt, so the server applies it once', async () => {
    server.script({ status: 503 }, { reset: 'before-headers' }, success(profile));
    const { error } = await outcome(() => profile.make(server.url, RETRY_FAST).keyed?.() ?? Promise.resolve());
    expect(error).toBeUndefined();
    const keys = server.received.map((request) => request.headers[profile.keyHeader ?? '']);
    expect(keys).toHaveLength(3);
    // The server's view: one key and one body, so one effect.
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toBeTruthy();
    expect(new Set(server.received.map((request) => request.body)).size).toBe(1);
    record('fault cases');
    record('attempts', 3);
  });
});
