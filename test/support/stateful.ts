// Lifecycle tests: the stateful mocks (the default of `npm start`), one fresh X-Mock-Session per test, so tests running
// in parallel never see each other's resources.
import { inject } from 'vitest';
import { mockSession, type MockSession } from '../../mocks/admin-client.ts';

export function statefulSession(api: string): MockSession {
  const baseUrl = inject('statefulMockUrls')[api];
  if (!baseUrl) throw new Error(`no stateful mock for ${api}: is it in redocly.yaml?`);
  return mockSession(baseUrl);
}

/** Every journal entry of the session in which the contract checks found something: a lifecycle test ends with none. */
export async function violationsOf(session: MockSession): Promise<string[]> {
  return (await session.requests()).filter((entry) => entry.violations.length > 0).map((entry) => `${entry.method} ${entry.path} -> ${entry.status}: ${entry.violations.join('; ')}`);
}
