// rt5 kinds 1 and 2: strings from requests used as keys (resource ids, kinds, moves, idempotency keys, tokens, sessions,
// journal filters, fields of merged JSON). Whatever the key, prototype names included, the mock never writes to
// Object.prototype, never reads an inherited property as a stored resource (`constructor` is an unknown id like any
// other), and keeps serving. Lifecycles are driven directly (fast, every operation), the admin API over HTTP.
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { lifecycles } from '../../mocks/adapters/index.ts';
import { startMockHost, type MockHost } from '../../mocks/host.ts';
import type { Answer, Call } from '../../mocks/lifecycle.ts';

const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', 'isPrototypeOf', '__defineGetter__', '__lookupGetter__', 'propertyIsEnumerable', 'toLocaleString'];
const key = fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES), fc.string({ maxLength: 12 }));
/** JSON as a request carries it: `{"__proto__": …}` parsed is an own field named `__proto__`, not a prototype. */
const hostile = (k: string) => JSON.parse(`{${JSON.stringify(k)}: {"polluted": "yes"}, "__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}`) as Record<string, unknown>;

const before = Object.getOwnPropertyNames(Object.prototype).sort();
const pollution = () => {
  const now = Object.getOwnPropertyNames(Object.prototype).sort();
  return { added: now.filter((name) => !before.includes(name)), polluted: ({} as { polluted?: unknown }).polluted };
};
afterEach(() => {
  for (const name of Object.getOwnPropertyNames(Object.prototype)) if (!before.includes(name)) delete (Object.prototype as Record<string, unknown>)[name];
});

type Outcome = number | string;

/** A call of one operation, with `id` in every place an operation reads an id from (path, query, body, headers). */
function call(state: unknown, operation: string, id: string, token: string): Call<unknown> {
  return {
    state,
    operation,
    params: { id, uuid: id },
    query: { id, park_id: 'p1', contractor_profile_id: 'c1', version: '1' },
    headers: { authorization: `Bearer ${token}`, 'idempotency-key': id, 'x-idempotency-token': id, 'content-type': 'application/json' },
    body: { ...hostile(id), sessionID: id, taskIds: [id], appointmentId: id, packet: { action: 'getObject', params: { id, header: { id, ...hostile(id) } } } },
    form: [{ name: 'taskId', data: Buffer.from(id) }, { name: 'content', filename: id, type: 'application/pdf', data: Buffer.from(id) }],
    example: () => undefined,
    send: () => undefined,
  };
}

/** Each operation's outcome for `id` in a fresh session (after a login where the API has one): a status, or the error thrown. */
function outcomes(api: string, id: string): Record<string, Outcome> {
  const lifecycle = lifecycles[api]!;
  const state = lifecycle.initial();
  const login = lifecycle.operations.login?.(call(state, 'login', 'x', ''));
  const token = String((login?.body as { token?: unknown } | undefined)?.token ?? 'none');
  const result: Record<string, Outcome> = {};
  for (const [operation, handler] of Object.entries(lifecycle.operations)) {
    if (/^(login|refreshToken|logout)/.test(operation)) continue; // they end the token used by the others
    let answer: Answer | undefined;
    try {
      answer = handler(call(state, operation, id, token));
    } catch (error) {
      result[operation] = `threw ${(error as Error).name}`;
      continue;
    }
    result[operation] = answer?.status ?? 'examples';
  }
  return result;
}

describe.each(Object.keys(lifecycles))('the %s lifecycle with prototype names as keys', (api) => {
  const lifecycle = lifecycles[api]!;
  const unknown = outcomes(api, 'no-such-id-0');

  it('property: every operation answers a prototype name as it answers any unknown id, and pollutes nothing', () => {
    fc.assert(
      fc.property(key, (id) => {
        expect(outcomes(api, id), id).toEqual(outcomes(api, /^no-such-id/.test(id) ? id : 'no-such-id-0'));
        expect(pollution(), id).toEqual({ added: [], polluted: undefined });
      }),
      { numRuns: 60 },
    );
  });

  it('the examples of the attack: built-in names are unknown ids (T-Bank /tasks/{id} and /documents/{id} were 500s)', () => {
    for (const id of PROTOTYPE_NAMES) expect(outcomes(api, id), id).toEqual(unknown);
  });

  it('property: seed and move with any kind, id, target and merged fields leave Object.prototype untouched', () => {
    fc.assert(
      fc.property(key, key, fc.boolean(), (id, to, rightKind) => {
        const state = lifecycle.initial();
        const kinds = { dellin: 'session', dilovod: 'catalogs.goods', fastriver: 'delivery_request', 'tbank-delivery': 'task', 'yandex-fleet': 'transaction' } as Record<string, string>;
        const kind = rightKind ? kinds[api] : id;
        for (const [action, body] of [
          [lifecycle.seed, { kind, resource: { id, ...hostile(id) } }],
          [lifecycle.move, { kind, id, to, header: hostile(to), resolution: to }],
          [lifecycle.move, { kind: kinds[api] === 'catalogs.goods' ? 'object' : kind, id, to: 'changed', header: hostile(id) }],
        ] as const) {
          try {
            action?.call(lifecycle, { state, body: body as Record<string, unknown>, send: () => undefined });
          } catch (error) {
            expect((error as Error).constructor.name, `${api} ${JSON.stringify(body)}: ${String(error)}`).toBe('AdminError');
          }
          expect(pollution(), JSON.stringify(body)).toEqual({ added: [], polluted: undefined });
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('the admin API over HTTP with prototype names in every field and header', () => {
  let host: MockHost;
  beforeAll(async () => {
    host = await startMockHost({ port: () => 0, state: true });
  });
  afterAll(async () => {
    await host.close();
  });

  it('property: any admin call, session or journal filter answers below 500, pollutes nothing, and the mock still serves', async () => {
    const route = fc.constantFrom('POST seed', 'POST move', 'POST faults', 'PUT webhook', 'GET requests', 'GET state', 'POST reset', 'GET callbacks');
    await fc.assert(
      fc.asyncProperty(fc.nat(host.servers.length - 1), route, key, key, async (server, which, k, session) => {
        const [method, path] = which.split(' ') as [string, string];
        const body = { kind: k, id: k, to: k, fault: k, path: k, method: k, url: `http://example.test/${encodeURIComponent(k)}`, resource: hostile(k), header: hostile(k), ...hostile(k) };
        const base = host.servers[server]!.url;
        const response = await fetch(`${base}/__mock/${path}?path=${encodeURIComponent(k)}&method=${encodeURIComponent(k)}`, {
          method,
          headers: { 'content-type': 'application/json', 'x-mock-session': session.replace(/[^\x20-\x7e]/g, '') || 'empty' },
          body: method === 'GET' ? undefined : JSON.stringify(body).replace('"polluted"', '"__proto__":{"polluted":"yes"},"polluted"'),
        });
        const text = await response.text();
        expect(response.status, `${which} ${k}: ${text.slice(0, 200)}`).toBeLessThan(500);
        expect(pollution(), `${which} ${k}`).toEqual({ added: [], polluted: undefined });
      }),
      { numRuns: 80 },
    );
    for (const server of host.servers) expect((await fetch(`${server.url}/__mock/state`)).status).toBe(200);
  });

  it('query parameters named __proto__ or constructor are parameters like any other (the journal keeps them)', async () => {
    const base = host.servers.find((server) => server.api === 'tbank-delivery')!.url;
    const headers = { authorization: 'Bearer q', 'x-mock-session': 'rt5-query' };
    const plain = await fetch(`${base}/api/v1/delivery/tasks/nope`, { headers });
    const odd = await fetch(`${base}/api/v1/delivery/tasks/nope?__proto__=a&__proto__=b&constructor=c`, { headers });
    expect(odd.status, await odd.text()).toBe(plain.status);
    const journal = (await (await fetch(`${base}/__mock/requests`, { headers })).json()) as { requests: Array<{ query: Record<string, unknown> }> };
    expect(journal.requests.at(-1)!.query).toEqual(JSON.parse('{"__proto__":["a","b"],"constructor":"c"}'));
  });
});
