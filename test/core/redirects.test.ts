// The transport's redirect policy, at its edges: the hop limit, a Location that is not a URL, a browser's opaque
// redirect, a scheme change, raw calls, and a body that is not replayable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedirectError } from '../../src/core/index.ts';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { createTestClient, SECRET_KEY } from '../support/test-api.ts';

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());

const to = (location: string, status = 302) => ({ status, headers: { location } });

describe('redirect policy', () => {
  it('follows at most 5 same-origin hops', async () => {
    server.script(to('/things'));
    const error = await createTestClient(server.url).listThings().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect((error as Error).message).toMatch(/more than 5 redirects/);
    expect(server.received).toHaveLength(6);
  });

  it('follows a chain within the origin to its answer', async () => {
    server.script(to('/a', 301), to('/b', 308), to('/c', 307), { status: 200, body: '[]' });
    await expect(createTestClient(server.url).listThings()).resolves.toEqual([]);
    expect(server.received.map((r) => r.url)).toEqual(['/things', '/a', '/b', '/c']);
    expect(server.received.every((r) => r.headers.authorization === `Bearer ${SECRET_KEY}`)).toBe(true);
  });

  it('refuses a Location that is not a URL, and one that changes scheme or port', async () => {
    for (const [location, origin] of [
      ['http://[::1', undefined],
      [server.url.replace('http:', 'https:'), server.url.replace('http:', 'https:')],
      [server.url.replace(/:\d+$/, ':1'), server.url.replace(/:\d+$/, ':1')],
      ['//example.invalid/x', 'http://example.invalid'],
    ] as const) {
      server.script(to(location));
      const error = await createTestClient(server.url).listThings().catch((e: unknown) => e);
      expect(error, location).toBeInstanceOf(RedirectError);
      expect((error as RedirectError).targetOrigin).toBe(origin);
      expect(server.received).toHaveLength(1);
    }
  });

  it('holds raw calls to the same policy', async () => {
    server.script(to('http://example.invalid/x', 307));
    await expect(createTestClient(server.url).raw.GET('/things')).rejects.toBeInstanceOf(RedirectError);
  });

  it('a 307 on a read-only POST re-sends the same body; a keyed POST keeps its key', async () => {
    server.script(to('/moved', 307), { status: 200, body: '[]' });
    await createTestClient(server.url).searchThings({ name: 'x' });
    expect(server.received.map((r) => [r.method, r.url, r.body])).toEqual([
      ['POST', '/things', '{"name":"x"}'],
      ['POST', '/moved', '{"name":"x"}'],
    ]);
    server.script(to('/moved', 308), { status: 200, body: '{"id":"1","name":"x"}' });
    await createTestClient(server.url).createThing({ name: 'x' }, { withKey: true });
    const [first, second] = server.received;
    expect(second?.headers['idempotency-key']).toBe(first?.headers['idempotency-key']);
    expect(second?.body).toBe('{"name":"x"}');
  });

  it("a browser's opaque redirect (status 0, no Location) is a RedirectError", async () => {
    const opaque = { type: 'opaqueredirect', status: 0, ok: false, headers: new Headers(), body: null, redirected: false, url: '' } as unknown as Response;
    const error = await createTestClient('http://127.0.0.1:9', { fetch: async () => opaque }).listThings().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ status: 0, targetOrigin: undefined });
  });

  it('asks fetch not to follow redirects itself', async () => {
    const seen: Array<RequestInit['redirect']> = [];
    const fetch = async (request: Request, init?: RequestInit) => {
      seen.push(init?.redirect);
      return new Response('[]', { status: 200 });
    };
    await createTestClient('http://127.0.0.1:9', { fetch }).listThings();
    expect(seen).toEqual(['manual']);
  });
});
