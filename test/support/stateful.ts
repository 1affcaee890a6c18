// Lifecycle tests: the stateful mocks (the default of `npm start`), one fresh X-Mock-Session per test, so tests running
// in parallel never see each other's resources.
import { inject } from 'vitest';
import { mockSession, type MockSession } from '../../mocks/admin-client.ts';

export function statefulSession(api: string): MockSession {
  const baseUrl = statefulMocks().url[api];
  if (!baseUrl) throw new Error(`no stateful mock for ${api}: is it in redocly.yaml?`);
  return mockSession(baseUrl);
}

/**
 * The run's stateful mock host (test/support/mock-host.setup.ts), shared by every test file, as `npm start` serves
 * it: the URL and the port of each API's mock. For tests that attack the host itself rather than one session.
 */
export function statefulMocks(): { url: Record<string, string>; port: Record<string, number> } {
  const url = inject('statefulMockUrls');
  return { url, port: Object.fromEntries(Object.entries(url).map(([api, base]) => [api, Number(new URL(base).port)])) };
}

/** Every journal entry of the session in which the contract checks found something: a lifecycle test ends with none. */
export async function violationsOf(session: MockSession): Promise<string[]> {
  return (await session.requests()).filter((entry) => entry.violations.length > 0).map((entry) => `${entry.method} ${entry.path} -> ${entry.status}: ${entry.violations.join('; ')}`);
}
