// The pieces of Prism that are not public API (mocks/prism.ts imports them from dist/ files): an upgrade that moves,
// renames or changes one of them fails here, by name, before it breaks the mock host in a less obvious way.
import { describe, expect, it } from 'vitest';
import { listApis } from '#apis';
import { createPrism, examplesMocker, loadOperations, preferencesOf, serializeBody, type IHttpRequest } from '../../mocks/prism.ts';

const request = (headers: Record<string, string>): IHttpRequest => ({ method: 'get', url: { path: '/' }, headers });

describe('Prism internals the mock host relies on', () => {
  it("prism-http-server's getHttpConfigFromRequest reads Prefer code, example and dynamic, and refuses a bad code", () => {
    expect(preferencesOf(request({ prefer: 'code=404, example=notFound, dynamic=false' }))).toEqual({ ok: true, value: { code: 404, exampleKey: 'notFound', dynamic: false, seed: undefined } });
    // The mock's own directives (delay, fault) ride in the same header and must not upset Prism's reading.
    expect(preferencesOf(request({ prefer: 'delay=800, fault=reset' }))).toMatchObject({ ok: true, value: { code: undefined } });
    expect(preferencesOf(request({ prefer: 'code=abc' }))).toMatchObject({ ok: false });
  });

  it("prism-http-server's serialize writes JSON for JSON types and text as it is", () => {
    expect(serializeBody({ a: 1 }, 'application/json')).toBe('{"a":1}');
    expect(serializeBody({ a: 1 }, 'application/vnd.api+json')).toBe('{"a":1}');
    expect(serializeBody('plain', 'text/plain')).toBe('plain');
  });

  it("prism-http's default mocker is a function the host can wrap, and a wrapped answer is validated by Prism", async () => {
    expect(typeof examplesMocker).toBe('function');
    const fleet = listApis().find((api) => api.name === 'yandex-fleet');
    if (!fleet) throw new Error('no yandex-fleet in redocly.yaml');
    const operations = await loadOperations(fleet.specPath);
    const config = { validateRequest: true, validateResponse: true, checkSecurity: true, errors: false, mock: { dynamic: false }, isProxy: false as const, upstreamProxy: undefined };
    const prism = createPrism(config, 'test', ({ resource }) =>
      resource.iid === 'listTransactionCategories' ? { statusCode: 200, headers: { 'content-type': 'application/json' }, body: { categories: 'not a list' } } : undefined,
    );
    const input: IHttpRequest = {
      method: 'post',
      url: { path: '/v2/parks/transactions/categories/list' },
      headers: { 'content-type': 'application/json', 'accept-language': 'ru', 'x-api-key': 'k', 'x-client-id': 'taxi/park/p1' },
      body: { query: { park: { id: 'p1' } } },
    };
    const result = await prism.request(input, operations)();
    if (result._tag === 'Left') throw result.left;
    expect(result.right.output.body).toEqual({ categories: 'not a list' });
    expect(result.right.validations.output.map((v) => v.path?.join('.'))).toContain('body.categories');
  });
});
