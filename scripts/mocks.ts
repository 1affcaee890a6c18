// `npm run mocks`: every API's Prism mock in this one process, on its fixed port (MOCK_PORT_<API> overrides one,
// MOCK_HOST the interface). Prints a table once all answer; Ctrl-C stops them cleanly.
import { listApis } from './apis.ts';
import { portEnvName, startMockHost } from '../mocks/host.ts';

const apis = listApis();
const host = process.env.MOCK_HOST ?? '127.0.0.1';
let mockHost;
try {
  mockHost = await startMockHost({
    apis,
    host,
    port: (api) => {
      const override = process.env[portEnvName(api.name)];
      return override === undefined ? api.mockPort : Number(override);
    },
  });
} catch (error) {
  console.error(`Mocks did not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

// Ready means answering: one real request to each mock (any HTTP status will do) before the table is printed.
await Promise.all(mockHost.servers.map((server) => fetch(server.url).then((response) => response.body?.cancel())));
console.table(Object.fromEntries(mockHost.servers.map((server) => [server.api, { mock: server.url }])));
console.log('Mocks are ready. Ctrl-C stops them.');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping mocks…');
    mockHost.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
