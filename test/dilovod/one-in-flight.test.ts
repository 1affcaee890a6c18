// Dilovod's one-request-at-a-time rule (seeds/dilovod) holds at the server, not only in the client: a request whose
// caller gave up keeps the account's slot until the server has answered it or its connection has closed, bounded by
// holdAbandonedMs. Issue 13 item 9: with timeoutMs 100 against a server that needs 300 ms, five queued saveObject calls
// used to put three requests in flight at once.
import { afterEach, describe, expect, it } from 'vitest';
import { CoordinationError, createLocalLock, TimeoutError, type AccountLock } from '../../src/core/index.ts';
import { createDilovodClient, type DilovodClient } from '../../src/dilovod/index.ts';
import { dilovodServer, type CountingServer, type DilovodStats } from '../support/counting-servers.ts';

let server: CountingServer<DilovodStats> | undefined;
afterEach(() => server?.close());

const save = (dilovod: DilovodClient, options?: Parameters<DilovodClient['saveObject']>[1]) =>
  dilovod.saveObject({ header: { id: 'documents.saleOrder' } } as never, options);
const read = (dilovod: DilovodClient, options?: Parameters<DilovodClient['getObject']>[1]) => dilovod.getObject('1110800000001001', options);

/** Every way a caller can stop waiting for a call while its request is at the server. */
const waysToGiveUp: Array<{ way: string; call: (dilovod: DilovodClient) => Promise<unknown>; rejectsWith: (error: unknown) => boolean }> = [
  { way: 'its timeout (a write, not retried)', call: (d) => save(d, { timeoutMs: 100 }), rejectsWith: (e) => e instanceof TimeoutError },
  { way: 'its abort signal', call: (d) => save(d, { signal: AbortSignal.timeout(100) }), rejectsWith: (e) => e instanceof DOMException && e.name === 'TimeoutError' },
  {
    way: 'a retry after a timeout (a read: each retry waits for the attempt before it)',
    call: (d) => read(d, { timeoutMs: 100, maxRetries: 2 }),
    rejectsWith: (e) => e instanceof TimeoutError && e.attempts === 3,
  },
  { way: 'an abort while it waits for its turn', call: (d) => save(d, { signal: AbortSignal.timeout(150) }), rejectsWith: (e) => e instanceof DOMException },
];

describe('a request given up on keeps the slot until the server is done', () => {
  it.each(waysToGiveUp)('five calls given up by $way: never two requests in flight at the server', async ({ call, rejectsWith }) => {
    server = await dilovodServer(() => 300);
    const dilovod = createDilovodClient({ key: 'k-0123456789', baseUrl: server.baseUrl, retry: { baseDelayMs: 1, maxDelayMs: 1 } });
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => call(dilovod)));
    // The next call behind the queue proves the slot came back once the server had finished every request.
    await expect(read(dilovod, { timeoutMs: 2_000 })).resolves.toBeDefined();
    expect(results.every((result) => result.status === 'rejected' && rejectsWith(result.reason))).toBe(true);
    expect(server.stats.most).toBe(1);
  });

  it('the regression: timeoutMs 100, a server needing 300 ms, five saveObject calls: one in flight, each rejected at 100 ms', async () => {
    server = await dilovodServer(() => 300);
    const dilovod = createDilovodClient({ key: 'k-0123456789', baseUrl: server.baseUrl, timeoutMs: 100 });
    const started = performance.now();
    const first = save(dilovod).catch((error: unknown) => ({ error, at: performance.now() - started }));
    const rest = Array.from({ length: 4 }, () => save(dilovod).catch(() => undefined));
    const { error, at } = (await first) as { error: unknown; at: number };
    expect(error).toBeInstanceOf(TimeoutError);
    expect(at).toBeLessThan(250); // the caller is told at its timeout, not when the server is done
    await Promise.all(rest);
    await read(dilovod, { timeoutMs: 5_000 }); // its turn comes once the server is done with all five
    expect(server.stats.most).toBe(1);
    expect(server.stats.requests).toBe(6);
  });

  it('a server that closes the connection without answering frees the slot when it closes', async () => {
    let mode: 'close' | 'json' = 'close';
    server = await dilovodServer(() => 50, () => mode);
    const dilovod = createDilovodClient({ key: 'k-0123456789', baseUrl: server.baseUrl, timeoutMs: 10, retry: { maxRetries: 0 } });
    await Promise.allSettled(Array.from({ length: 3 }, () => save(dilovod)));
    mode = 'json';
    await expect(read(dilovod, { timeoutMs: 2_000 })).resolves.toBeDefined(); // its turn comes once the three are over
    expect(server.stats).toMatchObject({ most: 1, requests: 4 });
  });

  it('a server that never answers keeps the slot for holdAbandonedMs after the caller gave up, then the request is closed', async () => {
    const stats = { first: true };
    server = await dilovodServer(
      () => 1,
      () => (stats.first ? ((stats.first = false), 'hang') : 'json'),
    );
    const dilovod = createDilovodClient({ key: 'k-0123456789', baseUrl: server.baseUrl, timeoutMs: 50, holdAbandonedMs: 300 });
    await expect(save(dilovod)).rejects.toBeInstanceOf(TimeoutError);
    const started = performance.now();
    await read(dilovod, { timeoutMs: 5_000 });
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThan(250); // held for the cap after the caller gave up, not freed at its timeout
    expect(server.stats).toMatchObject({ most: 1, abandoned: 1, requests: 2 });
  });

  it('clients sharing one lock share the rule; raw calls take it too', async () => {
    server = await dilovodServer(() => 20);
    const lock = createLocalLock();
    const a = createDilovodClient({ key: 'k-0123456789', baseUrl: server.baseUrl, lock });
    const b = createDilovodClient({ key: 'k-0123456789', baseUrl: server.baseUrl, lock });
    const form = { body: { packet: JSON.stringify({ version: '0.25', key: 'k-0123456789', action: 'getObject', params: { id: '1' } }) } };
    await Promise.all([read(a), read(b), save(a), save(b), b.raw.POST('/', form as never)]);
    expect(server.stats).toMatchObject({ most: 1, requests: 5 });
  });

  it('a lock that cannot be reached is a CoordinationError with secrets masked, and nothing is sent', async () => {
    server = await dilovodServer();
    const broken: AccountLock = { acquire: async () => Promise.reject(new Error('connect ECONNREFUSED while sending SET k-0123456789')) };
    const dilovod = createDilovodClient({ key: 'k-0123456789', baseUrl: server.baseUrl, lock: broken });
    const error = await read(dilovod).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoordinationError);
    expect(String((error as Error).message)).not.toContain('k-0123456789');
    expect(server.stats.requests).toBe(0);
  });

  it('a lock lost while the request is in flight stops the request with a CoordinationError and frees nothing twice', async () => {
    server = await dilovodServer(() => 300);
    const lost = new AbortController();
    let releases = 0;
    const lock: AccountLock = { acquire: async () => ({ release: () => void (releases += 1), lost: lost.signal }) };
    const dilovod = createDilovodClient({ key: 'k-0123456789', baseUrl: server.baseUrl, lock });
    const call = save(dilovod);
    setTimeout(() => lost.abort(), 50);
    await expect(call).rejects.toBeInstanceOf(CoordinationError);
    expect(releases).toBe(1);
  });
});
