// Vitest global setup: the same mock host `npm run mocks` starts, on free ports, shared by every contract test.
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { startMockHost } from '../../mocks/host.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    mockUrls: Record<string, string>;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const host = await startMockHost({ port: () => 0 });
  project.provide('mockUrls', Object.fromEntries(host.servers.map((server) => [server.api, server.url])));
  return () => host.close();
}
