// A runtime that lacks a web-standard global the clients use (red team 10: a test sandbox without `performance` made
// every call a NetworkError that blamed the network) is told so, by name, when the client is made.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../src/core/index.ts';
import { createDilovodClient } from '../../src/dilovod/index.ts';
import { createYandexFleetClient } from '../../src/yandex-fleet/index.ts';

afterEach(() => void vi.unstubAllGlobals());
const yandex = (options: Partial<Parameters<typeof createYandexFleetClient>[0]> = {}) => createYandexFleetClient({ apiKey: 'k', clientId: 'taxi/park/p1', ...options });

describe('globals the clients need', () => {
  it.each(['Request', 'Response', 'Headers', 'AbortController', 'TextEncoder', 'TextDecoder', 'performance', 'setTimeout', 'clearTimeout', 'fetch'])('without %s: a UsageError naming it', (name) => {
    vi.stubGlobal(name, undefined);
    let error: unknown;
    try {
      yandex();
    } catch (caught) {
      error = caught;
    }
    vi.unstubAllGlobals();
    expect(error).toBeInstanceOf(UsageError);
    expect(String((error as Error).message)).toContain(name);
  });

  it('fetch and crypto.randomUUID are not needed when options replace them, or (UUIDs) for an API without idempotency keys', () => {
    vi.stubGlobal('fetch', undefined);
    expect(() => yandex({ fetch: async () => new Response('{}'), idempotencyKey: () => 'k' })).not.toThrow();
    vi.stubGlobal('crypto', {});
    expect(() => yandex({ fetch: async () => new Response('{}') })).toThrow(/crypto\.randomUUID/);
    expect(() => yandex({ fetch: async () => new Response('{}'), idempotencyKey: () => 'k' })).not.toThrow();
    expect(() => createDilovodClient({ key: 'k', fetch: async () => new Response('{}') })).not.toThrow();
  });
});
