// Client and per-call options are read once (red team 14): a plain object into a copy, so what it throws while read
// is a UsageError and a getter that answers differently on each read changes nothing; anything else (an instance of
// a class of the caller's) is passed on as it is and read as before.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/index.ts';
import { createYandexFleetClient } from '../../src/yandex-fleet/index.ts';

const seen: Request[] = [];
const fetch = async (request: Request) => {
  seen.push(request);
  return Response.json({ categories: [] });
};
const query = { query: { park: { id: 'p1' } } };

describe('options read once', () => {
  it('an instance of a class of the caller’s, with getters on its prototype, is read as it is', async () => {
    class Settings {
      apiKey = 'yandex-key-options-1234';
      clientId = 'taxi/park/p1';
      fetch = fetch;
      get baseUrl() {
        return 'https://fleet.example';
      }
    }
    seen.length = 0;
    await createYandexFleetClient(new Settings()).listTransactionCategories(query);
    expect(new URL(seen[0]!.url).origin).toBe('https://fleet.example');
  });

  it('a plain getter is read once; one that throws is a UsageError, for client and per-call options alike', async () => {
    let reads = 0;
    const options = {
      apiKey: 'yandex-key-options-1234',
      clientId: 'taxi/park/p1',
      fetch,
      get baseUrl() {
        reads += 1;
        return reads === 1 ? 'https://fleet.example' : 'https://elsewhere.example';
      },
    };
    seen.length = 0;
    const fleet = createYandexFleetClient(options);
    await fleet.listTransactionCategories(query);
    expect(new URL(seen[0]!.url).origin).toBe('https://fleet.example');
    const brokenClient = Object.defineProperty({ ...options }, 'retry', { enumerable: true, get() { throw new Error('no retry'); } });
    expect(() => createYandexFleetClient(brokenClient)).toThrow(UsageError);
    await expect(fleet.listTransactionCategories(Object.assign(Object.create(null), query) as never)).resolves.toBeDefined();
    const throwing = Object.defineProperty({ ...query }, 'signal', { enumerable: true, get() { throw new Error('no signal'); } });
    await expect(fleet.listTransactionCategories(throwing as never)).rejects.toBeInstanceOf(UsageError);
  });
});
