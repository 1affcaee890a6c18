// `npm start`: regenerate what is stale, build the docs, start every API's mock and serve the docs portal, then print
// one readiness table. `npm run mocks` (--mocks-only) starts just the mocks. Ctrl-C stops everything cleanly.
// Ports: MOCK_PORT_<API> moves one mock, DOCS_PORT the portal (default 4000), HOST the interface (default 127.0.0.1).
import type { Server } from 'node:http';
import { listApis, mockPortFromEnv } from './apis.ts';
import { buildDocs, serveDocs } from './docs.ts';
import { generateAll } from './generate.ts';
import { startMockHost, type MockHost } from '../mocks/host.ts';

const mocksOnly = process.argv.includes('--mocks-only');
const host = process.env.HOST ?? process.env.MOCK_HOST ?? '127.0.0.1';
const apis = listApis();
let mockHost: MockHost | undefined;
let portal: Server | undefined;

try {
  if (!mocksOnly) {
    const regenerated = await generateAll(false);
    if (regenerated.length > 0) console.log(`regenerated ${regenerated.join(', ')}`);
    await buildDocs(apis);
  }
  mockHost = await startMockHost({ apis, host, port: (api) => mockPortFromEnv(api) });
  if (!mocksOnly) portal = await serveDocs(host, Number(process.env.DOCS_PORT ?? 4000));
  // Ready means answering: one real request to each server (any HTTP status will do) before the table is printed.
  const urls = [...mockHost.servers.map((server) => server.url), ...(portal ? [docsUrl(portal)] : [])];
  await Promise.all(urls.map((url) => fetch(url).then((response) => response.body?.cancel())));
} catch (error) {
  console.error(`Could not start: ${error instanceof Error ? error.message : String(error)}`);
  await stop(1);
}

const docs = portal ? docsUrl(portal) : undefined;
console.table(
  Object.fromEntries(
    (mockHost?.servers ?? []).map((server) => [
      server.api,
      docs ? { mock: server.url, docs: `${docs}/${server.api}.html`, spec: `${docs}/specs/${server.api}.yaml` } : { mock: server.url },
    ]),
  ),
);
console.log(docs ? `Ready. Docs portal: ${docs}/ — Ctrl-C stops everything.` : 'Mocks are ready. Ctrl-C stops them.');

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
