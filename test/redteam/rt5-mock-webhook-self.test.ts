// rt5: the mock host refuses webhook targets on its own ports; spellings of loopback that only look different.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockHost, type MockHost } from '../../mocks/host.ts';
import { mockSession } from '../../mocks/admin-client.ts';
import { createDilovodClient } from '../../src/dilovod/index.ts';

let host: MockHost;
let by: Record<string, string>;
beforeAll(async () => {
  host = await startMockHost({ port: () => 0, state: true });
  by = Object.fromEntries(host.servers.map((s) => [s.api, s.url]));
});
afterAll(async () => { await host.close(); });

describe('rt5 mock: a webhook to the mock host itself is refused however loopback is spelled', () => {
  const spellings = (port: string) => [`http://127.0.0.1:${port}/`, `http://127.1:${port}/`, `http://localhost:${port}/`, `http://[::1]:${port}/`, `http://0.0.0.0:${port}/`, `http://127.0.0.2:${port}/`, `http://[::ffff:127.0.0.1]:${port}/`, `http://[0:0:0:0:0:ffff:7f00:1]:${port}/`, `http://[::ffff:7f00:2]:${port}/`, `http://[::127.0.0.1]:${port}/`];
  it('every spelling is refused, never attempted', async () => {
    const mock = mockSession(by.dilovod!);
    const dil = createDilovodClient({ key: 'k', baseUrl: mock.baseUrl, fetch: mock.fetch });
    const saved = (await dil.saveObject({ header: { id: 'catalogs.units', code: 'psi', name: { uk: 'a', ru: 'a' } } } as never)) as { id: string };
    const attempted: string[] = [];
    for (const target of [...spellings(new URL(by.dilovod!).port), ...spellings(new URL(by.fastriver!).port)]) {
      try { await mock.setWebhook(target); } catch { continue; } // refused when set: fine
      await mock.move({ kind: 'object', id: saved.id, to: 'changed' } as never);
      await new Promise((r) => setTimeout(r, 200));
      const last = ((await mock.callbacks()) as Array<{ outcome: string; attempts: unknown[] }>).at(-1)!;
      if (last.outcome !== 'refused' || last.attempts.length > 0) attempted.push(`${target} -> ${last.outcome} ${JSON.stringify(last.attempts)}`);
    }
    expect(attempted).toEqual([]);
  }, 30000);
});
