// The mock host as `npm start` and `npm run mocks` run it: the bundle of mocks/host.ts with Prism
// (scripts/mock-host-bundle.ts). The other tests import mocks/host.ts itself, so this one runs the README's flows (every
// API's lifecycle, a callback, a download, XML and form packets) against the bundle, and checks what the bundle
// changes: faker with its English locale only, rebuilt when an input changes and reused when none did.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listApis } from '#apis';
import { startMockHost, type MockHost } from '../../mocks/host.ts';
import { BUNDLE, MANIFEST, mockHostBundle } from '../../scripts/mock-host-bundle.ts';
import { EXAMPLES_DIR, exampleSource, expectExampleOutput, NODE_ONLY, RUNTIME_NEUTRAL } from '../support/readme-examples.ts';

type HostModule = typeof import('../../mocks/host.ts');
/** The slice of faker 6 (Prism's) these checks draw from; its types cannot be resolved through its `exports`. */
interface Faker {
  seed(seed: number): void;
  name: { findName(): string };
  internet: { email(): string; url(): string };
  datatype: { uuid(): string; number(): number };
  lorem: { sentence(): string };
  address: { city(): string };
  company: { companyName(): string };
  phone: { phoneNumber(): string };
  date: { past(years: number, since: string): Date };
}
// Loaded as Prism loads it (require), from Prism's own folder: the faker Prism uses.
const prismRequire = createRequire(createRequire(import.meta.url).resolve('@stoplight/prism-http'));
const allLocales = (prismRequire('@faker-js/faker') as { faker: Faker }).faker;
const englishOnly = prismRequire('@faker-js/faker/locale/en') as Faker;
const urlsOf = (host: MockHost) => Object.fromEntries(host.servers.map((server) => [server.api, server.url]));

let bundled: HostModule;
let stateful: MockHost;
beforeAll(async () => {
  bundled = (await import(pathToFileURL(await mockHostBundle()).href)) as HostModule;
  stateful = await bundled.startMockHost({ port: () => 0, state: true });
}, 120_000);
afterAll(() => stateful?.close());

describe('the bundled mock host', () => {
  it('serves every API', () => {
    expect(stateful.servers.map((server) => server.api).sort()).toEqual(listApis().map((api) => api.name).sort());
  });

  it.each([...RUNTIME_NEUTRAL, ...NODE_ONLY])('runs the README flow %s', async (name) => {
    // Its own file beside test/readme.test.ts's copy (.tmp/readme-<name>.ts), which points at the other mocks.
    mkdirSync(EXAMPLES_DIR, { recursive: true });
    const file = resolve(EXAMPLES_DIR, `bundle-${name.replace(/\W+/g, '-')}.ts`);
    writeFileSync(file, exampleSource(name, urlsOf(stateful)));
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', file]);
    expectExampleOutput(name, stdout);
  }, 60_000);

  it('answers a dynamic example exactly as the sources do (faker with its English locale only)', async () => {
    const sources = await startMockHost({ port: () => 0, state: false, apis: listApis().filter((api) => api.name === 'yandex-fleet') });
    const bundle = await bundled.startMockHost({ port: () => 0, state: false, apis: listApis().filter((api) => api.name === 'yandex-fleet') });
    try {
      const ask = async (host: MockHost, seed: string) => {
        const response = await fetch(`${host.servers[0]?.url}/v2/parks/transactions/categories/list`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'accept-language': 'ru', 'x-api-key': 'k', 'x-client-id': 'taxi/park/p1', prefer: `dynamic=true, seed=${seed}` },
          body: JSON.stringify({ query: { park: { id: 'p1' } } }),
        });
        expect(response.status).toBe(200);
        return response.json();
      };
      const answers = [];
      for (const seed of ['1', 'qa', '20261130']) {
        const answer = await ask(bundle, seed);
        expect(answer).toEqual(await ask(sources, seed));
        answers.push(JSON.stringify(answer));
      }
      expect(new Set(answers).size, 'the answers are generated: each seed gives another').toBe(answers.length);
    } finally {
      await Promise.all([sources.close(), bundle.close()]);
    }
  }, 60_000);

  it("faker's English-only build draws what the all-locales one does, seed for seed", () => {
    const draws = (faker: Faker, seed: number) => {
      faker.seed(seed);
      return [faker.name.findName(), faker.internet.email(), faker.datatype.uuid(), faker.lorem.sentence(), faker.address.city(), faker.company.companyName(), faker.phone.phoneNumber(), faker.date.past(1, '2026-01-01T00:00:00Z').getTime(), faker.datatype.number(), faker.internet.url()];
    };
    for (const seed of [1, 7, 42, 2026]) expect(draws(englishOnly, seed)).toEqual(draws(allLocales, seed));
  });

  it('is rebuilt when an input changed, and reused when none did', async () => {
    const built = statSync(BUNDLE).mtimeMs;
    await mockHostBundle();
    expect(statSync(BUNDLE).mtimeMs).toBe(built);
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as { inputs: Record<string, [number, number]> };
    const [path, [size, mtime]] = Object.entries(manifest.inputs).find(([input]) => input.startsWith('mocks/')) ?? ['', [0, 0]];
    writeFileSync(MANIFEST, JSON.stringify({ ...manifest, inputs: { ...manifest.inputs, [path]: [size + 1, mtime] } }));
    await mockHostBundle();
    expect(statSync(BUNDLE).mtimeMs).toBeGreaterThan(built);
  }, 120_000);
});
