// Typed helpers for TypeScript tests driving a mock through its admin API (mocks/admin.ts), one session each:
//
//   const mock = mockSession('http://127.0.0.1:4010');             // a fresh X-Mock-Session id
//   const tbank = createTbankDeliveryClient({ token: 't', baseUrl: mock.baseUrl, fetch: mock.fetch });
//   … await mock.requests({ path: '/api/v1/delivery/tasks', method: 'POST' }) …
import { randomUUID } from 'node:crypto';
import type { Delivery } from './callbacks.ts';
import type { ArmedFault } from './faults.ts';
import type { JournalEntry, JournalFilter } from './journal.ts';
import { SESSION_HEADER } from './state.ts';

export interface MockSession {
  baseUrl: string;
  /** The session id every call below (and `fetch`) sends in X-Mock-Session. */
  session: string;
  /** A fetch for a client under test: adds X-Mock-Session, so the client sees only this session's state. */
  fetch: (input: Request, init?: RequestInit) => Promise<Response>;
  /** The journal of this session, oldest first. */
  requests(filter?: Omit<JournalFilter, 'session'>): Promise<JournalEntry[]>;
  clearRequests(): Promise<void>;
  /** Forgets this session's state, journal, callbacks and webhook URL. */
  reset(): Promise<void>;
  /** Puts a resource into the state as if the API had created it; returns it as stored. */
  seed<T = unknown>(kind: string, resource: Record<string, unknown>): Promise<T>;
  /** Changes a resource as the provider would (`{ kind, id, to, … }`, per API: see the README); returns it. */
  move<T = unknown>(change: { kind: string; id: string; to: string; [field: string]: unknown }): Promise<T>;
  /** This session's state, as the mock keeps it. */
  state<T = unknown>(): Promise<T>;
  /** Breaks the next `count` requests to this mock (any session: a client under test cannot send headers). */
  armFault(fault: ArmedFault & { fault?: 'reset' | 'truncate' | 'stall' | `${number}` }): Promise<void>;
  clearFaults(): Promise<void>;
  /** Where this session's webhooks go (Dilovod's objectChanged). */
  setWebhook(url: string): Promise<void>;
  /** Callbacks and webhooks the mock sent for this session, with every attempt. */
  callbacks(): Promise<Delivery[]>;
}

/** An admin call the mock refused: its status and `error` text. */
export class MockAdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function mockSession(baseUrl: string, session: string = randomUUID()): MockSession {
  const admin = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}/__mock/${path}`, {
      method,
      headers: { [SESSION_HEADER]: session, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok) throw new MockAdminError(response.status, (parsed as { error?: string } | undefined)?.error ?? `HTTP ${response.status}`);
    return parsed as T;
  };
  return {
    baseUrl,
    session,
    fetch: (input, init) => {
      const request = new Request(input, init);
      request.headers.set(SESSION_HEADER, session);
      return fetch(request);
    },
    requests: async (filter = {}) => {
      const query = new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
      return (await admin<{ requests: JournalEntry[] }>('GET', `requests?${query}`)).requests;
    },
    clearRequests: () => admin('DELETE', 'requests'),
    reset: () => admin('POST', 'reset'),
    seed: async <T>(kind: string, resource: Record<string, unknown>) => (await admin<{ resource: T }>('POST', 'seed', { kind, resource })).resource,
    move: async <T>(change: Record<string, unknown>) => (await admin<{ resource: T }>('POST', 'move', change)).resource,
    state: async <T>() => (await admin<{ state: T }>('GET', 'state')).state,
    armFault: (fault) => admin('POST', 'faults', fault),
    clearFaults: () => admin('DELETE', 'faults'),
    setWebhook: (url) => admin('PUT', 'webhook', { url }),
    callbacks: async () => (await admin<{ callbacks: Delivery[] }>('GET', 'callbacks')).callbacks,
  };
}
