// Integers the mock cannot keep exactly (beyond ±(2^53 − 1)) are refused as invalid fields (mocks/safe-integers.ts):
// every integer schema in every request of the five specs is bounded, and each API answers its own 400 naming the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listApis } from '#apis';
import { mockSession } from '../../mocks/admin-client.ts';
import { startMockHost, type MockHost } from '../../mocks/host.ts';
import { loadOperations } from '../../mocks/prism.ts';
import { safeIntegers } from '../../mocks/safe-integers.ts';

/** Every schema object under `node` whose type is (or includes) integer. */
function integerSchemas(node: unknown, found: Array<Record<string, unknown>> = [], seen = new Set<object>()): Array<Record<string, unknown>> {
  if (typeof node !== 'object' || node === null || seen.has(node)) return found;
  seen.add(node);
  const schema = node as Record<string, unknown>;
  if (schema.type === 'integer' || (Array.isArray(schema.type) && schema.type.includes('integer'))) found.push(schema);
  for (const [key, value] of Object.entries(schema)) if (!['examples', 'example', 'default'].includes(key)) integerSchemas(value, found, seen);
  return found;
}

describe.each(listApis().map((api) => [api.name, api.specPath] as const))('%s: integer request fields', (_, specPath) => {
  it('every one is bounded to the safe range, never widened past what the spec says', async () => {
    const loaded = await loadOperations(specPath);
    const original = JSON.stringify(loaded);
    const bounded = safeIntegers(loaded);
    expect(JSON.stringify(loaded)).toBe(original); // a copy: what was loaded is untouched
    loaded.forEach((operation, i) => {
      const before = integerSchemas(operation.request);
      const after = integerSchemas(bounded[i]?.request);
      expect(after).toHaveLength(before.length);
      after.forEach((schema, j) => {
        expect(schema.maximum).toBe(Math.min(Number(before[j]?.maximum ?? Infinity), Number.MAX_SAFE_INTEGER));
        expect(schema.minimum).toBe(Math.max(Number(before[j]?.minimum ?? -Infinity), Number.MIN_SAFE_INTEGER));
      });
    });
  });
});

describe('through the host', () => {
  let host: MockHost;
  beforeAll(async () => {
    host = await startMockHost({ port: () => 0 });
  }, 60_000);
  afterAll(() => host?.close());

  const yandex = (version: string) => {
    const m = mockSession(host.servers.find((s) => s.api === 'yandex-fleet')!.url);
    return m.fetch(
      new Request(`${m.baseUrl}/v3/parks/driver-profiles/transactions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': 'ru', 'x-api-key': 'qa', 'x-client-id': 'taxi/park/p1', 'x-idempotency-token': `tok-${version}-aaaaaaaaaaaaaaaaaaaa` },
        body: `{"park_id":"ee6f33c4562b4e1f8646d157bd70b2c4","contractor_profile_id":"33de650c6a1a40bfa78dd981817da866","amount":"-500","description":"x","version":${version},"data":{"kind":"other","reason":"r"}}`,
      }),
    );
  };

  it.each(['9007199254740992', '9007199254740993', '1e300', '18446744073709551615'])('Yandex version %s: its own 400 naming version', async (version) => {
    const r = await yandex(version);
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/version/) });
  });

  it('the greatest safe integer is still taken as a version (a 400 for no version 1, not for the number)', async () => {
    const r = await yandex('9007199254740991');
    expect(await r.json()).toMatchObject({ code: 'bad_request', message: expect.stringMatching(/9007199254740991/) });
  });
});
