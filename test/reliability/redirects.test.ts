// Redirects keep credentials home. Every client, every redirect status, every kind of call: a redirect to another
// origin (a second local server on another port, which records all it receives) is refused with a RedirectError
// before anything is sent there; a same-origin redirect is followed with fetch's method rules when the request may be
// repeated, and refused when it would send an unsafe request again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDellinClient } from '../../src/dellin/index.ts';
import { createFastriverClient } from '../../src/fastriver/index.ts';
import { RedirectError, SdkError } from '../../src/core/index.ts';
import { startFaultServer, type FaultServer, type Received, type Step } from '../support/fault-server.ts';
import { flush, record } from './figures.ts';
import { profiles, type Calls } from './profiles.ts';

let home: FaultServer;
let other: FaultServer;
beforeAll(async () => {
  [home, other] = await Promise.all([startFaultServer(), startFaultServer()]);
});
afterAll(async () => {
  await Promise.all([home.close(), other.close()]);
  flush(import.meta.filename);
});

const STATUSES = [301, 302, 303, 307, 308];
const FAST = { retry: { baseDelayMs: 1, maxDelayMs: 2 } };
const redirect = (status: number, location: string): Step => ({ status, headers: { location, 'content-type': 'application/json' }, body: '{}' });

/** Every client as the reliability suite knows it, plus those that log in with a password on their first call. */
const subjects: Array<{ name: string; secrets: string[]; ok: { body: string; contentType: string }; make: (baseUrl: string) => Calls }> = [
  ...profiles.map((profile) => ({ ...profile, make: (baseUrl: string) => profile.make(baseUrl, FAST) })),
  {
    name: 'fastriver (login)',
    secrets: ['FR-SECRET-PASSWORD-a1b2c3d4'],
    ok: profiles.find((p) => p.name === 'fastriver')!.ok,
    make: (baseUrl) => {
      const fastriver = createFastriverClient({ login: 'bot@company.com', password: 'FR-SECRET-PASSWORD-a1b2c3d4' }, { baseUrl, ...FAST });
      return { safe: () => fastriver.deliveryRequests.get('r1') };
    },
  },
  ...(['json', 'xml'] as const).map((format) => ({
    name: `dellin (${format}, login)`,
    secrets: ['DL-SECRET-APPKEY-0f1e2d3c4b5a', 'DL-SECRET-PASSWORD-99aa88bb'],
    ok: profiles.find((p) => p.name === `dellin (${format})`)!.ok,
    make: (baseUrl: string) => {
      const dellin = createDellinClient({ appkey: 'DL-SECRET-APPKEY-0f1e2d3c4b5a', login: 'logist@shipper.ru', password: 'DL-SECRET-PASSWORD-99aa88bb', format, baseUrl, ...FAST });
      return { safe: () => dellin.deliveryDates({ docID: '2000085063763' } as never) };
    },
  })),
];

async function rejection(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error('the call succeeded');
}

/** Every secret anywhere in what a server received: headers (names and values), URLs and bodies. */
const leaks = (received: Received[], secrets: string[]) =>
  received.flatMap((request) => [request.url, request.body, JSON.stringify(request.headers)]).flatMap((text) => secrets.filter((secret) => text.includes(secret)));

const kinds = ['safe', 'unsafe', 'keyed'] as const;

describe.each(subjects.map((subject) => [subject.name, subject] as const))('%s', (_, subject) => {
  const calls = (baseUrl: string) => subject.make(baseUrl);
  const present = kinds.filter((kind) => calls('http://unused.invalid')[kind]);

  it.each(STATUSES.flatMap((status) => present.map((kind) => [status, kind] as const)))('%i to another origin, %s call: refused, nothing sent there', async (status, kind) => {
    home.script(redirect(status, `${other.url}/elsewhere?from=home`));
    other.script({ status: 200, headers: { 'content-type': subject.ok.contentType }, body: subject.ok.body });
    const error = await rejection(() => calls(home.url)[kind]!());
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ status, targetOrigin: other.url });
    expect((error as Error).message).toContain(`HTTP ${status} redirect to ${other.url}`);
    expect(home.received).toHaveLength(1);
    expect(other.received).toEqual([]);
    const hits = leaks(other.received, subject.secrets);
    expect(hits).toEqual([]);
    record('redirect cases');
    record('redirect credential leaks', hits.length);
  });
});

describe.each(profiles.map((profile) => [profile.name, profile] as const))('%s, same origin', (_, profile) => {
  const success: Step = { status: 200, headers: { 'content-type': profile.ok.contentType }, body: profile.ok.body };

  it.each(STATUSES)('%i on a call safe to repeat: followed, with fetch method rules', async (status) => {
    home.script(redirect(status, '/moved?to=here'), success);
    await expect(profile.make(home.url, FAST).safe()).resolves.toBeDefined();
    const [first, second] = home.received as [Received, Received];
    expect(home.received).toHaveLength(2);
    expect(second.url).toBe('/moved?to=here');
    const toGet = status === 303 ? first.method !== 'HEAD' : (status === 301 || status === 302) && first.method === 'POST';
    expect(second.method).toBe(toGet ? 'GET' : first.method);
    expect(second.body).toBe(toGet ? '' : first.body);
    if (toGet) expect(second.headers['content-type']).toBeUndefined();
    // Credentials in headers travel on within the origin (the body ones went with the body, or not at all for a GET).
    for (const name of ['authorization', 'x-api-key']) expect(second.headers[name]).toBe(first.headers[name]);
    record('redirect cases');
  });

  if (profile.make('http://unused.invalid', {}).unsafe) {
    it.each(STATUSES)('%i on a call unsafe to repeat: a GET follows a 303 (and a 301/302 after POST); nothing is sent twice', async (status) => {
      home.script(redirect(status, '/moved'), success);
      const call = profile.make(home.url, FAST).unsafe!;
      if (status === 307 || status === 308) {
        const error = await rejection(call);
        expect(error).toBeInstanceOf(RedirectError);
        expect((error as Error).message).toMatch(/not safe to repeat/);
        expect(home.received).toHaveLength(1);
      } else {
        // The unsafe calls here are all POSTs: 301, 302 and 303 become a GET that repeats nothing.
        await call().catch((error: unknown) => expect(error).toBeInstanceOf(SdkError));
        expect(home.received.map((request) => [request.method, request.body === '' ? 'no body' : 'body'])).toEqual([
          ['POST', 'body'],
          ['GET', 'no body'],
        ]);
      }
      record('redirect cases');
    });
  }
});
