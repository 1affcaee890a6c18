// Every client's failing paths, run with recognisable fake secrets: no error message, toString, JSON, util.inspect or
// log line may contain one. A server that echoes the secrets back in its error bodies is the worst case, so it does.
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogEvent } from '../../src/core/index.ts';
import { encodeXml } from '../../src/dellin/xml.ts';
import { startFaultServer, type FaultServer, type Step } from '../support/fault-server.ts';
import { flush, record } from './figures.ts';
import { profiles, type Profile } from './profiles.ts';

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(async () => {
  await server.close();
  flush(import.meta.filename);
});

/** An error body in every shape the five APIs use, each field carrying the secrets. */
function echo(profile: Profile): { body: string; type: string } {
  const said = `rejected ${profile.secrets.join(' and ')}`;
  const body = { error: said, message: said, code: said, errorMessage: said, errorCode: 'E', errorId: said, metadata: { status: 401, detail: said }, errors: [{ code: 1, title: said, detail: said, badValues: profile.secrets }] };
  return profile.name === 'dellin (xml)' ? { body: encodeXml(body, 'response'), type: 'application/xml' } : { body: JSON.stringify(body), type: 'application/json' };
}

const failures = (profile: Profile): Array<[string, Step[], object?]> => {
  const { body, type } = echo(profile);
  return [
    ['an error status echoing the secrets', [{ status: 401, headers: { 'content-type': type }, body }]],
    ...(profile.errorsInside200 ? [['the same inside an HTTP 200', [{ status: 200, headers: { 'content-type': type }, body }]] as [string, Step[]]] : []),
    ['an HTML page echoing them, retried', [{ status: 503, headers: { 'content-type': 'text/html' }, body: `<p>${profile.secrets.join(' ')}</p>` }]],
    ['a reset connection', [{ reset: 'before-headers' }]],
    ['a timeout', [{ delayHeadersMs: 1000 }], { timeoutMs: 50 }],
    ['a truncated body', [{ status: 200, headers: { 'content-type': profile.ok.contentType }, body: `${profile.truncated}${profile.secrets[0]}` }]],
  ];
};

describe.each(profiles.map((profile) => [profile.name, profile] as const))('%s', (_, profile) => {
  it.each(failures(profile).map(([name, steps, options]) => [name, steps, options] as const))('%s: no secret in the error or the logs', async (__, steps, options) => {
    server.script(...steps);
    const events: LogEvent[] = [];
    const calls = profile.make(server.url, { retry: { baseDelayMs: 1, maxDelayMs: 2 }, logger: (event) => events.push(event), ...options });
    const outcomes = await Promise.allSettled([calls.safe(), ...(calls.unsafe ? [calls.unsafe()] : []), ...(calls.keyed ? [calls.keyed()] : [])]);
    const errors = outcomes.flatMap((result) => (result.status === 'rejected' ? [result.reason as Error] : []));
    expect(errors.length).toBeGreaterThan(0);
    const printed = [...errors.flatMap((error) => [error.message, String(error), JSON.stringify(error), inspect(error, { depth: 10 }), error.stack ?? '']), ...events.map((event) => JSON.stringify(event))];
    const hits = printed.flatMap((text) => profile.secrets.filter((secret) => text.includes(secret)));
    record('texts searched', printed.length);
    record('secret hits', hits.length);
    expect(hits).toEqual([]);
  });
});
