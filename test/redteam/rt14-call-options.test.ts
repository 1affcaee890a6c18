// Attack: options objects of the caller's own that throw while read (client options and per-call options), next to
// the frozen defaults: the promise is a typed error (SdkError subclass), never a bare TypeError or a stray Error.
import { describe, expect, it } from 'vitest';
import { SdkError } from '../../src/core/index.ts';
import { createTbankDeliveryClient } from '../../src/tbank-delivery/index.ts';

const fetchOk = async () => new Response(new Uint8Array([1]), { status: 200 });
const revoked = () => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy; };
const throwingGet = () => new Proxy({}, { get() { throw new Error('getter broke'); } });

async function outcome(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return await run();
  } catch (error) {
    return error;
  }
}

describe('client options that throw while read', () => {
  const cases: Array<[string, () => unknown]> = [
    ['a revoked Proxy as the whole options', revoked],
    ['a Proxy whose get throws as the whole options', throwingGet],
    ['a getter for timeoutMs that throws', () => ({ token: 't', fetch: fetchOk, get timeoutMs(): number { throw new Error('no timeout'); } })],
    ['retry as a revoked Proxy', () => ({ token: 't', fetch: fetchOk, retry: revoked() })],
  ];
  for (const [name, make] of cases) {
    it(`${name}: an SdkError`, async () => {
      const result = await outcome(async () => (createTbankDeliveryClient(make() as never) as ReturnType<typeof createTbankDeliveryClient>).downloadDocument('d'));
      if (!(result instanceof Error)) return; // made and answered: nothing read was thrown
      expect(result).toBeInstanceOf(SdkError);
    });
  }
});

describe('per-call options that throw while read', () => {
  const tbank = createTbankDeliveryClient({ token: 't', baseUrl: 'https://tbank.example', fetch: fetchOk });
  const cases: Array<[string, () => unknown]> = [
    ['a revoked Proxy', revoked],
    ['a Proxy whose get throws', throwingGet],
    ['a signal getter that throws', () => ({ get signal(): AbortSignal { throw new Error('no signal'); } })],
    ['headers as a revoked Proxy', () => ({ headers: revoked() })],
    ['fetchOptions as a Proxy whose get throws', () => ({ fetchOptions: throwingGet() })],
    ['a number', () => 5],
  ];
  for (const [name, make] of cases) {
    it(`${name}: an SdkError, never a bare error`, async () => {
      const result = await outcome(() => tbank.downloadDocument('d', make() as never));
      if (!(result instanceof Error)) return;
      expect(result).toBeInstanceOf(SdkError);
    });
  }
});
