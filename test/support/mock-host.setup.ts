// Vitest global setup: the mock host `npm run mocks` starts, on free ports, shared by every test file. Twice: the
// stateless host (MOCK_STATE=off: every answer is a spec example) for the contract tests that assert examples, and
// the stateful host (the default) for the lifecycle tests, which isolate themselves with X-Mock-Session.
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { startMockHost } from '../../mocks/host.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Stateless mocks by API name. */
    mockUrls: Record<string, string>;
    /** Stateful mocks by API name. */
    statefulMockUrls: Record<string, string>;
    /** This run's own id (test/support/packed.ts keys the packed package by it). */
    runId: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [stateless, stateful] = await Promise.all([startMockHost({ port: () => 0, state: false }), startMockHost({ port: () => 0, state: true })]);
  const urls = (host: typeof stateless) => Object.fromEntries(host.servers.map((server) => [server.api, server.url]));
  project.provide('mockUrls', urls(stateless));
  project.provide('statefulMockUrls', urls(stateful));
  project.provide('runId', `${process.pid}-${Date.now()}`);
  return async () => void (await Promise.all([stateless.close(), stateful.close()]));
}
