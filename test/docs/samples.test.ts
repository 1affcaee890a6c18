// The portal's code samples (scripts/code-samples.ts, docs/samples/): one TypeScript and one curl sample on every
// operation of every spec; the TypeScript ones compile as a reader would paste them and run against the mocks (the curl
// ones run in curl-samples.test.ts).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, inject, it, vi } from 'vitest';
import { parse } from 'yaml';
import { listApis, mockPortFromEnv, projectRoot, type ApiEntry } from '#apis';
import { addCodeSamples, operationsOf, PACKAGE_NAME, queryPairs, WEBHOOK_RECEIVER, type Spec } from '../../scripts/code-samples.ts';
import type { SampleSet } from '../../docs/samples/define.ts';

const apis = listApis();
const specOf = (api: ApiEntry) => parse(readFileSync(api.specPath, 'utf8')) as Spec;
const defaultMock = (api: ApiEntry) => `http://127.0.0.1:${mockPortFromEnv(api, {})}`;

/** Every operation of every spec with its rendered samples (pointed at the default mock port, as the portal shows). */
const rendered = (
  await Promise.all(
    apis.map(async (api) => {
      const spec = specOf(api);
      await addCodeSamples(spec, api.name, defaultMock(api));
      return operationsOf(spec).map((entry) => ({ api, entry, samples: entry.operation['x-codeSamples'] ?? [] }));
    }),
  )
).flat();
const cases = rendered.map((item) => [`${item.api.name} ${item.entry.operation.operationId}`, item] as const);

describe('a sample on every operation', () => {
  it.each(cases)('%s has a TypeScript sample through the client and a curl sample', (_, { api, entry, samples }) => {
    expect(samples.map((sample) => sample.lang)).toEqual(['TypeScript', 'curl']);
    const [typescript, curl] = samples.map((sample) => sample.source);
    expect(typescript).toMatch(new RegExp(`from '${PACKAGE_NAME}/${api.name}(/callbacks|/webhooks)?';`));
    expect(typescript).not.toMatch(/\.\.\/|baseUrl\s*[,}]/); // no path of this repository, no unrendered shorthand
    if (entry.kind === 'path') expect(typescript).toContain(`baseUrl: '${defaultMock(api)}'`);
    expect(curl).toMatch(new RegExp(`^curl .*'${entry.kind === 'path' ? defaultMock(api) : WEBHOOK_RECEIVER}/`, 'm'));
  });

  // Every query style the specs use or may use, serialized as OpenAPI says (the curl samples send them).
  it.each([
    ['deepObject object', 'filter', { status: 'validated', page: 2 }, 'deepObject', undefined, [['filter[status]', 'validated'], ['filter[page]', '2']]],
    ['form exploded object', 'check', { lat: 1.5, lon: 2 }, undefined, undefined, [['lat', '1.5'], ['lon', '2']]],
    ['form object, not exploded', 'check', { lat: 1.5, lon: 2 }, 'form', false, [['check', 'lat,1.5,lon,2']]],
    ['form exploded array', 'id', ['a', 'b'], undefined, undefined, [['id', 'a'], ['id', 'b']]],
    ['form array, not exploded', 'id', ['a', 'b'], 'form', false, [['id', 'a,b']]],
    ['scalar', 'page', 2, undefined, undefined, [['page', '2']]],
  ] as const)('query %s', (_, name, value, style, explode, pairs) => {
    expect(queryPairs(name, value, style, explode)).toEqual(pairs);
  });

  it('a samples file that misses an operation fails the docs build', async () => {
    const api = apis.find((entry) => entry.name === 'yandex-fleet') as ApiEntry;
    const spec = specOf(api);
    spec.paths = { ...spec.paths, '/v9/new': { post: { operationId: 'brandNewOperation', responses: {} } } };
    await expect(addCodeSamples(spec, api.name, defaultMock(api))).rejects.toThrow(/no sample for operation brandNewOperation/);
  });

  it('the TypeScript samples compile as a reader pastes them (importing the package)', () => {
    mkdirSync(join(projectRoot, '.tmp'), { recursive: true });
    const dir = mkdtempSync(join(projectRoot, '.tmp/samples-'));
    try {
      const files = rendered.map(({ api, entry, samples }) => {
        const file = join(dir, `${api.name}-${entry.operation.operationId}.ts`);
        writeFileSync(file, samples[0]?.source ?? '');
        return file;
      });
      const config = ts.getParsedCommandLineOfConfigFile(join(projectRoot, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
      // The package's entries as package.json exports them, resolved to their sources.
      type Target = string | { types?: string; import?: Target };
      const typesOf = (target: Target | undefined): string | undefined => (typeof target === 'object' ? (target.types ?? typesOf(target.import)) : undefined);
      const exports = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { exports: Record<string, Target> }).exports;
      const paths = Object.fromEntries(
        Object.entries(exports).flatMap(([entry, target]) => {
          const types = typesOf(target);
          return types ? [[`${PACKAGE_NAME}${entry.slice(1)}`, [`src/${types.replace(/^\.\/dist\/(src\/)?/, '').replace(/\.d\.ts$/, '.ts')}`]]] : [];
        }),
      );
      const options = { ...config?.options, baseUrl: projectRoot, paths };
      const diagnostics = ts.getPreEmitDiagnostics(ts.createProgram(files, options)).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
      expect(diagnostics).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('the TypeScript samples run against the default (stateful) mocks, after what they need is put in', () => {
  const runnable = cases.filter(([, { entry }]) => entry.kind === 'path');
  it.each(runnable)('%s', async (_, { api, entry }) => {
    const { default: set } = (await import(`../../docs/samples/${api.name}.ts`)) as { default: SampleSet<unknown, string> };
    const baseUrl = inject('statefulMockUrls')[api.name] ?? '';
    // The same admin calls the curl sample shows (docs/samples/<api>.ts `needs`), in the shared session a reader's client uses.
    for (const step of set.needs?.[entry.operation.operationId] ?? []) {
      const [path, body] = 'seed' in step ? ['seed', step.seed] : ['move', step.move];
      const answer = await fetch(`${baseUrl}/__mock/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(answer.status, await answer.text()).toBeLessThan(300);
    }
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      await set.operations[entry.operation.operationId]?.(set.client(baseUrl), baseUrl);
      // A sample's catch branch prints "refused: …" (Dilovod: "Dilovod said: …"): the mock must not take that path.
      expect(log.mock.calls.filter(([first]) => typeof first === 'string' && /^(refused|Dilovod said)/.test(first))).toEqual([]);
    } finally {
      log.mockRestore();
    }
  });
});
