// Dellin's session lifecycle against the stateful mock, in JSON and XML: login → calls with the session → logout →
// the session is refused; request_delivery returns a new request id the same way in both formats.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { listApis } from '#apis';
import type { MockSession } from '../../mocks/admin-client.ts';
import { createDellinClient, DellinApiError, type RequestDeliveryInput } from '../../src/dellin/index.ts';
import { statefulSession, violationsOf } from '../support/stateful.ts';

const APPKEY = '4b3a2c1d-7d2f-4e3b-8a6c-1f2e3d4c5b6a';
const examples = (parse(readFileSync(listApis().find((api) => api.name === 'dellin')?.specPath ?? '', 'utf8')) as { components: { examples: Record<string, { value: Record<string, unknown> }> } }).components.examples;
const { appkey: _, sessionID: __, ...order } = structuredClone(examples.RequestDeliveryInline?.value ?? {});

type Order = RequestDeliveryInput<'authorized'>;

let mock: MockSession;
beforeEach(() => {
  mock = statefulSession('dellin');
});
afterEach(async () => {
  expect(await violationsOf(mock)).toEqual([]);
});

describe.each(['json', 'xml'] as const)('dellin lifecycle in %s', (format) => {
  const client = (options: { login?: string; password?: string; sessionID?: string }) => createDellinClient({ appkey: APPKEY, format, baseUrl: mock.baseUrl, fetch: mock.fetch, retry: { baseDelayMs: 1, maxDelayMs: 2 }, ...options });

  it('login issues a session that works until logout; then the session is refused with the documented error', async () => {
    const dellin = client({ login: 'user@example.ru', password: 's3cret-Pa55' });
    const sessionID = await dellin.login();
    expect((await dellin.sessionInfo()).data?.session).toMatchObject({ expired: false });
    await dellin.logout();
    const stale = client({ sessionID });
    const error = await stale.sessionInfo({ maxRetries: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DellinApiError);
    expect(error).toMatchObject({ status: 401, code: '100002' });
  });

  it('an unknown session is refused; request_delivery gets a new request id each time', async () => {
    await expect(client({ sessionID: 'f0f0f0f0-0000-4000-8000-000000000000' }).requestDelivery(order as Order, { maxRetries: 0 })).rejects.toMatchObject({ status: 401 });
    const dellin = client({ login: 'user@example.ru', password: 's3cret-Pa55' });
    const first = await dellin.requestDelivery(order as Order);
    const second = await dellin.requestDelivery(order as Order);
    expect(first.data?.state).toBe('success');
    expect(second.data?.requestID).toBe(Number(first.data?.requestID) + 1);
  });
});

describe.each(['json', 'xml'] as const)('a session is bound to the appkey that opened it (%s; the mock\'s choice)', (format) => {
  const uses = {
    sessionInfo: (c: ReturnType<typeof createDellinClient>) => c.sessionInfo({ maxRetries: 0 }),
    requestDelivery: (c: ReturnType<typeof createDellinClient>) => c.requestDelivery(order as Order, { maxRetries: 0 }),
    logout: (c: ReturnType<typeof createDellinClient>) => c.logout({ maxRetries: 0 }),
  };
  it.each(Object.keys(uses) as Array<keyof typeof uses>)('%s with another appkey: 401 100002; with its own appkey it works', async (use) => {
    const opener = createDellinClient({ appkey: APPKEY, login: 'user@example.ru', password: 's3cret-Pa55', format, baseUrl: mock.baseUrl, fetch: mock.fetch });
    const sessionID = await opener.login();
    const other = createDellinClient({ appkey: 'another-app-key-0000', sessionID, format, baseUrl: mock.baseUrl, fetch: mock.fetch });
    await expect(uses[use](other)).rejects.toMatchObject({ status: 401, code: '100002' });
    await expect(uses[use](createDellinClient({ appkey: APPKEY, sessionID, format, baseUrl: mock.baseUrl, fetch: mock.fetch }))).resolves.toBeDefined();
  });
});

it('request_delivery answers identically over JSON and XML', async () => {
  const over = (format: 'json' | 'xml') =>
    createDellinClient({ appkey: APPKEY, login: 'user@example.ru', password: 's3cret-Pa55', format, baseUrl: mock.baseUrl, fetch: mock.fetch }).requestDelivery(order as Order);
  const json = await over('json');
  const xml = await over('xml');
  const strip = (answer: typeof json) => ({ ...answer, metadata: { ...answer.metadata, generated_at: undefined }, data: { ...answer.data, requestID: undefined } });
  expect(strip(xml)).toEqual(strip(json));
  expect(xml.data?.requestID).toBe(Number(json.data?.requestID) + 1);
});
