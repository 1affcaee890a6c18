// `npm start`: regenerate what is stale, build the docs, start every API's mock and serve the docs portal, then print
// one readiness table (the README's). `npm run mocks` (--mocks-only) starts just the mocks. Ctrl-C stops everything.
// Ports: MOCK_PORT_<API> moves one mock, DOCS_PORT the portal (default 4000), HOST the interface (default 127.0.0.1);
// DOCS_DIR the folder the portal is built into and served from (default build/docs).
import type { Server } from 'node:http';
import { listApis, mockPortFromEnv } from '#apis';
import { readinessTable } from './readiness.ts';
import type { MockHost } from '../mocks/host.ts';
import { loadMockHost } from './mock-host-bundle.ts';

const mocksOnly = process.argv.includes('--mocks-only');
const host = process.env.HOST ?? process.env.MOCK_HOST ?? '127.0.0.1';
const apis = listApis();
let mockHost: MockHost | undefined;
let portal: Server | undefined;

try {
  // Generation and docs load TypeScript and Redocly (about a second and 150 MiB): only `npm start` needs them.
  const docs = mocksOnly ? undefined : await import('./docs.ts');
  if (!mocksOnly) {
    const { generateAll } = await import('./generate.ts');
    const regenerated = await generateAll(false);
    if (regenerated.length > 0) console.log(`regenerated ${regenerated.join(', ')}`);
    await docs?.buildDocs(apis);
  }
  const { startMockHost } = await loadMockHost();
  mockHost = await startMockHost({ apis, host, port: (api) => mockPortFromEnv(api) });
  if (docs) portal = await docs.serveDocs(host, Number(process.env.DOCS_PORT ?? 4000));
  // Ready means answering: one real request to each server (any HTTP status will do) before the table is printed.
  const urls = [...mockHost.servers.map((server) => server.url), ...(portal ? [docsUrl(portal)] : [])];
  await Promise.all(urls.map((url) => fetch(url).then((response) => response.body?.cancel())));
} catch (error) {
  console.error(`Could not start: ${error instanceof Error ? error.message : String(error)}`);
  await stop(1);
}

const portalUrl = portal ? docsUrl(portal) : undefined;
const mockUrls = new Map((mockHost?.servers ?? []).map((server) => [server.api, server.url]));
console.log(readinessTable(apis, (api) => mockUrls.get(api.name) ?? '', portalUrl));
console.log(portalUrl ? `Ready. Docs portal: ${portalUrl}/ — Ctrl-C stops everything.` : 'Mocks are ready. Ctrl-C stops them.');

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop(0));

async function stop(code: number): Promise<never> {
  await Promise.allSettled([mockHost?.close(), portal && new Promise((resolve) => portal?.close(resolve))]);
  portal?.closeAllConnections();
  process.exit(code);
}

function docsUrl(server: Server): string {
  const address = server.address();
  return typeof address === 'object' && address ? `http://${host}:${address.port}` : '';
}
