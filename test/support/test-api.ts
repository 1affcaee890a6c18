// A tiny API for the core's tests, typed the way openapi-typescript would type it.
import { createApiClient, type ClientOptions, type LogEvent, type RequestOptions } from '../../src/core/index.ts';

export const SECRET_KEY = 'sk-test-7f3a9c1e5b2d4f6a8c0e';
export const SECRET_TOKEN = 'tok-secret-91b2c3d4e5f6a7b8';

interface Thing {
  id: string;
  name: string;
}
interface TestError {
  code?: string;
  message: string;
}
type JsonResponses<T> = {
  200: { headers: { [name: string]: unknown }; content: { 'application/json': T } };
  default: { headers: { [name: string]: unknown }; content: { 'application/json': TestError } };
};
type NoParams = { query?: never; header?: never; path?: never; cookie?: never };

export interface TestPaths {
  '/things': {
    parameters: NoParams;
    get: { parameters: NoParams; requestBody?: never; responses: JsonResponses<Thing[]> };
    post: {
      parameters: { query?: never; header?: { 'Idempotency-Key'?: string }; path?: never; cookie?: never };
      requestBody: { content: { 'application/json': { name: string; token?: string } } };
      responses: JsonResponses<Thing>;
    };
  };
}

/** A client of the test API, with fast retries, that records its log events. */
export function createTestClient(baseUrl: string, options: ClientOptions = {}) {
  const events: LogEvent[] = [];
  const api = createApiClient<TestPaths>(
    {
      name: 'test-api',
      defaultBaseUrl: baseUrl,
      secrets: [SECRET_KEY, SECRET_TOKEN],
      idempotencyHeader: 'Idempotency-Key',
      authenticate: (request) => request.headers.set('Authorization', `Bearer ${SECRET_KEY}`),
      describeError: (body) => {
        const error = body as Partial<TestError>;
        return { code: error.code, message: error.message };
      },
    },
    { retry: { baseDelayMs: 1, maxDelayMs: 5 }, logger: (event) => events.push(event), ...options },
  );
  return {
    events,
    raw: api.raw,
    listThings: (options?: RequestOptions) =>
      api.call({ name: 'listThings' }, options, (fetch) => api.raw.GET('/things', { fetch, signal: options?.signal })),
    /** Not safe to repeat unless `withKey`. */
    createThing: (body: { name: string; token?: string }, options?: RequestOptions & { withKey?: boolean }) => {
      const header = options?.withKey ? { 'Idempotency-Key': api.idempotencyKey(options) } : {};
      return api.call({ name: 'createThing' }, options, (fetch) => api.raw.POST('/things', { body, params: { header }, fetch }));
    },
    searchThings: (body: { name: string }, options?: RequestOptions) =>
      api.call({ name: 'searchThings', readOnly: true }, options, (fetch) => api.raw.POST('/things', { body, fetch })),
  };
}
