// Prism's `Prefer` controls on every mock, stateless and stateful (a request that names a status or an example gets
// exactly that, never state): an example name the chosen answer does not define, or a status the operation does not
// declare, is a 404 that names it (as Prism's CLI answers, README "Mocks for QA"); a defined one is served as written.
import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { listApis, type ApiEntry } from '#apis';
import { loadOperations } from '../../mocks/prism.ts';

interface Probe {
  operationId: string;
  path: string;
  init: RequestInit;
  /** A named example of the operation's success answer that is not its first (so Prism's default cannot pass for it). */
  example: string;
  /** A declared error status and one of its named examples that is not that status's first. */
  error: { code: number; example: string };
}

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

/** One valid request per API (the spec's example values, the credentials its security asks for). */
const probes: Record<string, Probe> = {
  dellin: {
    operationId: 'sessionInfo',
    path: '/v3/auth/session_info.json',
    init: json({ appkey: '00000000-0000-0000-0000-000000000000', sessionID: '00000000-0000-0000-0000-000000000000' }),
    example: 'expired',
    error: { code: 400, example: 'notInList' },
  },
  dilovod: {
    operationId: 'callGateway',
    path: '/',
    init: { method: 'POST', body: new URLSearchParams({ packet: JSON.stringify({ version: '0.25', key: 'k', action: 'getObject', params: { id: '1110800000001029' } }) }) },
    example: 'errorNotFound',
    error: { code: 500, example: 'internalError' },
  },
  fastriver: {
    operationId: 'listCities',
    path: '/cities?filter[lat]=60.013964&filter[lon]=30.009201',
    init: { headers: { authorization: 'Bearer qa', 'x-api-version': 'v1' } },
    example: 'byPoint',
    error: { code: 422, example: 'outOfArea' },
  },
  'tbank-delivery': {
    operationId: 'getIntervals',
    path: '/api/v1/delivery/meetings/intervals',
    init: json({ taskIds: ['7c9e6679-7425-40de-944b-e07fc1f90ae7'], address: { fullAddress: 'г. Москва, ул. Тверская, д. 1' } }, { authorization: 'Bearer qa' }),
    example: 'clockTimes',
    error: { code: 422, example: 'taskClosed' },
  },
  'yandex-fleet': {
    operationId: 'listTransactionCategories',
    path: '/v2/parks/transactions/categories/list',
    init: json({ query: { park: { id: 'p1' } } }, { 'accept-language': 'ru', 'x-api-key': 'qa', 'x-client-id': 'taxi/park/p1' }),
    example: 'en',
    error: { code: 400, example: 'invalidAmount' },
  },
};

/** The value of a named example of an operation's answer, as the spec defines it. */
async function exampleValue(api: ApiEntry, operationId: string, code: number, key: string): Promise<unknown> {
  const operation = (await loadOperations(api.specPath)).find((candidate) => candidate.iid === operationId);
  const response = operation?.responses.find((candidate) => candidate.code === String(code));
  const example = response?.contents?.flatMap((content) => content.examples ?? []).find((candidate) => candidate.key === key);
  if (!example || !('value' in example)) throw new Error(`${api.name} ${operationId}: no ${code} example ${key}`);
  return example.value;
}

const apis = listApis();
it('every API has a probe', () => expect(Object.keys(probes).sort()).toEqual(apis.map((api) => api.name).sort()));

describe.each([
  ['stateless', 'mockUrls'],
  ['stateful', 'statefulMockUrls'],
] as const)('Prefer on the %s mocks', (_, urls) => {
  const cases = apis.map((api) => [api.name, api, probes[api.name] as Probe] as const);
  const send = (api: ApiEntry, probe: Probe, prefer: string) => {
    const headers = new Headers(probe.init.headers);
    headers.set('prefer', prefer);
    return fetch(`${inject(urls)[api.name]}${probe.path}`, { ...probe.init, headers });
  };
  const problem = async (response: Response) => ({ status: response.status, detail: ((await response.json()) as { detail?: string }).detail });

  it.each(cases)('%s: an unknown example is a 404 that names it and the examples there are', async (_, api, probe) => {
    expect(await problem(await send(api, probe, 'example=no-such-example'))).toEqual({
      status: 404,
      detail: expect.stringMatching(new RegExp(`^Example "no-such-example" is not defined for the 200 response of ${probe.operationId}; it has .*"${probe.example}"`)),
    });
  });

  it.each(cases)('%s: an unknown example for a declared status is a 404 naming it (Prism alone: the 2xx answer or a 500)', async (_, api, probe) => {
    expect(await problem(await send(api, probe, `code=${probe.error.code}, example=${probe.example}`))).toEqual({
      status: 404,
      detail: expect.stringMatching(new RegExp(`^Example "${probe.example}" is not defined for the ${probe.error.code} response of ${probe.operationId}; it has .*"${probe.error.example}"`)),
    });
  });

  it.each(cases)('%s: an undeclared status is a 404 naming it', async (_, api, probe) => {
    expect(await problem(await send(api, probe, 'code=418'))).toEqual({ status: 404, detail: 'Requested status code 418 is not defined in the document.' });
  });

  it.each(cases)('%s: a defined example, alone or with its status, is served exactly', async (_, api, probe) => {
    const success = await send(api, probe, `example=${probe.example}`);
    expect([success.status, await success.json()]).toEqual([200, await exampleValue(api, probe.operationId, 200, probe.example)]);
    const failure = await send(api, probe, `code=${probe.error.code}, example=${probe.error.example}`);
    expect([failure.status, await failure.json()]).toEqual([probe.error.code, await exampleValue(api, probe.operationId, probe.error.code, probe.error.example)]);
  });

  it('any name that is not an example is a 404 naming it, never another status (property)', async () => {
    const [api, probe] = [apis.find((entry) => entry.name === 'yandex-fleet') as ApiEntry, probes['yandex-fleet'] as Probe];
    // Names as Prefer can carry them (no comma, which separates directives), object-prototype keys among them.
    const name = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'EN', 'en '), fc.stringMatching(/^[\w.~-]{1,24}$/));
    await fc.assert(
      fc.asyncProperty(name.filter((candidate) => !['ru', 'en', 'empty'].includes(candidate.trim())), async (key) => {
        const answer = await problem(await send(api, probe, `example=${key}`));
        expect(answer).toEqual({ status: 404, detail: expect.stringContaining(`Example ${JSON.stringify(key.trim())} is not defined`) });
      }),
      { numRuns: 40 },
    );
  });
});
