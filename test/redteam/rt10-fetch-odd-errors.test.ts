// Attack: a custom `fetch` that rejects with errors from another realm (node:vm, as Jest's sandbox makes them) or with
// odd objects: Symbol.toStringTag 'Error', Proxies, throwing getters, frozen errors, circular and very deep causes,
// revoked proxies, primitives. The promise: a NetworkError (an SdkError) every time, the cause and ECONNREFUSED kept,
// no secret in message/inspect/JSON, no hang, never the bare odd value.
import { inspect } from 'node:util';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { NetworkError, SdkError } from '../../src/core/index.ts';
import { createYandexFleetClient } from '../../src/yandex-fleet/index.ts';

const SECRET = 'SECRETKEY-123456789-abcdef';

async function failWith(make: () => unknown) {
  const fleet = createYandexFleetClient({
    apiKey: SECRET,
    clientId: 'taxi/park/x',
    baseUrl: 'http://127.0.0.1:9',
    retry: { maxRetries: 0 },
    fetch: async () => {
      throw make();
    },
  });
  const outcome = await Promise.race([
    fleet.listTransactionCategories({ query: { park: { id: 'p' } } }).then(() => 'resolved', (error: unknown) => error),
    new Promise((resolve) => setTimeout(() => resolve('HANG'), 3000)),
  ]);
  return outcome as NetworkError;
}

function seen(error: unknown): string {
  return [inspect(error, { depth: 30, showHidden: true }), JSON.stringify(error), String((error as Error).stack), String((error as Error).message)].join('\n');
}

const cases: Array<[string, () => unknown]> = [
  ['another realm TypeError with ECONNREFUSED cause', () => runInNewContext('const c = new Error("connect ECONNREFUSED 127.0.0.1:9"); c.code = "ECONNREFUSED"; new TypeError("fetch failed", { cause: c })')],
  ['object tagged Error', () => ({ [Symbol.toStringTag]: 'Error', message: 'tagged', code: 'ECONNREFUSED' })],
  ['Proxy whose get throws', () => new Proxy(new TypeError('x'), { get() { throw new Error(`getter ${SECRET}`); } })],
  ['Proxy whose every trap throws', () => new Proxy({}, { get() { throw new Error('g'); }, getPrototypeOf() { throw new Error('p'); }, has() { throw new Error('h'); }, ownKeys() { throw new Error('o'); }, getOwnPropertyDescriptor() { throw new Error('d'); } })],
  ['revoked Proxy', () => { const r = Proxy.revocable(new TypeError('x'), {}); r.revoke(); return r.proxy; }],
  ['message getter throws', () => { const e = new TypeError('x'); Object.defineProperty(e, 'message', { get() { throw new Error('msg'); } }); return e; }],
  ['cause getter throws', () => { const e = new TypeError('fetch failed'); Object.defineProperty(e, 'cause', { get() { throw new Error('cause'); } }); return e; }],
  ['name and stack getters throw', () => { const e = new TypeError('x'); Object.defineProperty(e, 'name', { get() { throw new Error('n'); } }); Object.defineProperty(e, 'stack', { get() { throw new Error('s'); } }); return e; }],
  ['frozen error with frozen cause', () => Object.freeze(new TypeError('fetch failed', { cause: Object.freeze(Object.assign(new Error('c'), { code: 'ECONNREFUSED' })) }))],
  ['circular cause', () => { const a = new TypeError('a') as Error; const b = new Error('b', { cause: a }); a.cause = b; return a; }],
  ['self cause', () => { const a = new TypeError('a') as Error; a.cause = a; return a; }],
  ['100 000-deep cause chain', () => { let e = new Error('root'); for (let i = 0; i < 100_000; i++) e = new Error(`l${i}`, { cause: e }); return new TypeError('fetch failed', { cause: e }); }],
  ['null', () => null],
  ['undefined', () => undefined],
  ['Symbol', () => Symbol('s')],
  ['null-prototype object', () => Object.create(null)],
  ['object whose toPrimitive throws', () => ({ [Symbol.toPrimitive]() { throw new Error('tp'); } })],
  ['string holding the secret', () => `failed ${SECRET}`],
  ['another realm cause holding the secret', () => runInNewContext(`new TypeError("fetch failed", { cause: new Error("${SECRET}") })`)],
  ['another realm cause with secret headers', () => runInNewContext(`const c = new Error("c"); c.headers = { authorization: "${SECRET}" }; new TypeError("fetch failed", { cause: c })`)],
  ['another realm AggregateError', () => runInNewContext(`new AggregateError([new Error("${SECRET}")], "agg")`)],
  ['cause whose stack holds the secret', () => { const c = new Error('c'); c.stack = `Error: c\n    at ${SECRET}`; return new TypeError('x', { cause: c }); }],
];

describe('custom fetch rejecting with odd values', () => {
  for (const [label, make] of cases) {
    it(`holds: ${label} -> NetworkError, no secret, no hang`, async () => {
      const error = await failWith(make);
      expect(error).toBeInstanceOf(NetworkError);
      expect(error).toBeInstanceOf(SdkError);
      const text = seen(error);
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(SECRET.slice(0, 10));
    });
  }

  it('holds: another realm error keeps its cause and ECONNREFUSED', async () => {
    const error = await failWith(cases[0]![1]);
    expect(error.message).toContain('ECONNREFUSED');
    expect((error.cause as { cause?: { code?: string } })?.cause?.code ?? (error.cause as { code?: string })?.code).toBe('ECONNREFUSED');
  });
});
