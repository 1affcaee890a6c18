// Attack: T-Bank uploadDocument's other inputs next to the content: a `meta` that JSON cannot write (a cycle, a
// BigInt, a throwing toJSON). The promise: bad input is a typed error (SdkError subclass), nothing sent.
import { describe, expect, it } from 'vitest';
import { SdkError } from '../../src/core/index.ts';
import { createTbankDeliveryClient } from '../../src/tbank-delivery/index.ts';

describe('uploadDocument meta that JSON cannot write', () => {
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  const cases: Array<[string, unknown]> = [
    ['a cycle', cyclic],
    ['a BigInt', { n: 1n }],
    ['a throwing toJSON', { toJSON() { throw new Error('no json'); } }],
    ['a revoked Proxy', (() => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy; })()],
  ];
  for (const [name, meta] of cases) {
    it(`${name}: an SdkError, nothing sent`, async () => {
      let calls = 0;
      const tbank = createTbankDeliveryClient({ token: 't', baseUrl: 'https://tbank.example', fetch: async () => (calls++, new Response('{"id":"d"}', { status: 200, headers: { 'content-type': 'application/json' } })) });
      const outcome = await tbank.uploadDocument({ taskId: 'task-1', type: 'ACT', content: new Uint8Array([1]), filename: 'a.pdf', meta: meta as never }).then(() => 'sent', (error: unknown) => error);
      expect(outcome).toBeInstanceOf(SdkError);
      expect(calls).toBe(0);
    });
  }
});
