// A caller's abort stops its own call and leaves the others on the same client unharmed, for every client. (Dilovod's
// one-at-a-time queue and Fastriver's single login under 50 concurrent 401s are in their own suites.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { flush, record } from './figures.ts';
import { profiles } from './profiles.ts';

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(async () => {
  await server.close();
  flush(import.meta.filename);
});

describe.each(profiles.map((profile) => [profile.name, profile] as const))('%s', (_, profile) => {
  it('aborting one of three concurrent calls rejects it with the abort and no other', async () => {
    const slow = { delayHeadersMs: 150, headers: { 'content-type': profile.ok.contentType }, body: profile.ok.body };
    server.script(slow, slow, slow);
    const calls = profile.make(server.url, {});
    const controller = new AbortController();
    const results = Promise.allSettled([calls.safe(), calls.safe({ signal: controller.signal }), calls.safe()]);
    setTimeout(() => controller.abort(), 30);
    const [first, aborted, third] = await results;
    expect(first.status).toBe('fulfilled');
    expect(third.status).toBe('fulfilled');
    expect(aborted.status === 'rejected' && aborted.reason).toMatchObject({ name: 'AbortError' });
    record('abort cases');
  });
});
