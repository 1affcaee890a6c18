// The list of APIs lives once, in redocly.yaml; generation, the mock host, the docs and the tests read it from here,
// as `import … from '#apis'` (package.json "imports"), so no folder imports another folder's file for it.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const projectRoot = dirname(fileURLToPath(import.meta.url));

/** Fixed mock ports, so QA bookmarks and the README stay valid. */
export const mockPorts: Readonly<Record<string, number>> = {
  'tbank-delivery': 4010,
  fastriver: 4011,
  dellin: 4012,
  dilovod: 4013,
  'yandex-fleet': 4014,
};

/** The names people use for each API: the README, `npm start`'s table. */
export const displayNames: Readonly<Record<string, string>> = {
  'tbank-delivery': 'T-Bank partner delivery',
  fastriver: 'Fastriver',
  dellin: 'Dellin',
  dilovod: 'Dilovod',
  'yandex-fleet': 'Yandex Fleet',
};

export interface ApiEntry {
  /** The key in redocly.yaml, also the folder name under src/ and the file name under generated/. */
  name: string;
  /** Absolute path of the OpenAPI document. */
  specPath: string;
  /** Absolute path of the generated types. */
  typesPath: string;
  mockPort: number;
  /** How people name it, e.g. "T-Bank partner delivery". */
  displayName: string;
}

export function listApis(configPath = resolve(projectRoot, 'redocly.yaml')): ApiEntry[] {
  const config = parse(readFileSync(configPath, 'utf8')) as { apis?: Record<string, { root?: string }> };
  return Object.entries(config.apis ?? {}).map(([name, api]) => {
    if (!api.root) throw new Error(`redocly.yaml: api "${name}" has no root`);
    const mockPort = mockPorts[name];
    if (mockPort === undefined) throw new Error(`redocly.yaml: api "${name}" has no mock port in apis.ts`);
    const displayName = displayNames[name];
    if (displayName === undefined) throw new Error(`redocly.yaml: api "${name}" has no display name in apis.ts`);
    return {
      name,
      specPath: resolve(projectRoot, api.root),
      typesPath: resolve(projectRoot, 'generated', `${name}.ts`),
      mockPort,
      displayName,
    };
  });
}

/** The environment variable that moves one API's mock, e.g. MOCK_PORT_YANDEX_FLEET. */
export function portEnvName(api: string): string {
  return `MOCK_PORT_${api.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/** The port an API's mock listens on: its fixed port unless MOCK_PORT_<API> says otherwise. */
export function mockPortFromEnv(api: ApiEntry, env: NodeJS.ProcessEnv = process.env): number {
  const override = env[portEnvName(api.name)];
  if (override === undefined) return api.mockPort;
  const port = Number(override);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${portEnvName(api.name)}=${override} is not a port number`);
  return port;
}
