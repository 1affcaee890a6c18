import { afterEach, describe, expect, it } from 'vitest';
import { SdkError } from '../../src/core/index.ts';
import { createFastriverClient } from '../../src/fastriver/index.ts';
import { createTbankDeliveryClient } from '../../src/tbank-delivery/index.ts';
import { serve, settle, type TestServer } from './helpers.ts';

const servers: TestServer[] = [];
afterEach(async () => { await Promise.all(servers.splice(0).map((s) => s.close())); });

const IDS = ['..', '.', '', '%2e%2e', '.%2e', '../../x'];

// An id that the URL parser resolves as a dot segment sends the call (with the credentials) to a different endpoint:
// cancelTask('..') is POST /api/v1/delivery/cancel, updateTask('..') is PUT /api/v1/delivery/.
describe('ids that are dot segments must not retarget the request', () => {
  it('tbank getTask / updateTask / cancelTask / downloadDocument', async () => {
    const api = await serve((_q, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{}'); });
    servers.push(api);
    const tbank = createTbankDeliveryClient({ token: 'tok-secret-123456', baseUrl: api.url, retry: { maxRetries: 0 } });
    const bad: string[] = [];
    const calls: [string, string, (id: string) => Promise<unknown>][] = [
      ['getTask', '/api/v1/delivery/tasks/', (id) => tbank.getTask(id)],
      ['updateTask', '/api/v1/delivery/tasks/', (id) => tbank.updateTask(id, {} as any)],
      ['cancelTask', '/api/v1/delivery/tasks/', (id) => tbank.cancelTask(id, {} as any)],
    ];
    for (const [name, prefix, call] of calls) {
      for (const id of IDS) {
        const before = api.seen.length;
        const r = await settle(call(id));
        if (!r.ok && !(r.error instanceof SdkError)) bad.push(`${name}(${JSON.stringify(id)}) -> bare ${r.error}`);
        const sent = api.seen.slice(before).map((s) => `${s.method} ${s.url}`);
        for (const line of sent) {
          const path = line.split(' ')[1]!;
          const rest = path.slice(prefix.length).split('/')[0]!;
          if (!path.startsWith(prefix) || rest === '' || rest === '.' || rest === '..' || /^(\.|%2e){1,2}$/i.test(rest)) bad.push(`${name}(${JSON.stringify(id)}) -> ${line}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('fastriver deliveryRequests.get / cancel', async () => {
    const api = await serve((_q, res) => { res.writeHead(200, { 'content-type': 'application/vnd.api+json' }); res.end('{"data":{"id":"1","type":"delivery_requests","attributes":{}}}'); });
    servers.push(api);
    const fr = createFastriverClient({ token: 'fr-token-secret-123456' } as any, { baseUrl: api.url, retry: { maxRetries: 0 } });
    const bad: string[] = [];
    for (const id of IDS) {
      for (const [name, call] of [['get', () => fr.deliveryRequests.get(id)], ['confirm', () => fr.deliveryRequests.confirm(id)]] as const) {
        const before = api.seen.length;
        const r = await settle(call());
        if (!r.ok && !(r.error instanceof SdkError)) bad.push(`${name}(${JSON.stringify(id)}) -> bare ${r.error}`);
        for (const s of api.seen.slice(before)) {
          const rest = s.url.split('/delivery_requests/')[1]?.split(/[/?]/)[0];
          if (rest === undefined || rest === '' || /^(\.|%2e){1,2}$/i.test(rest)) bad.push(`${name}(${JSON.stringify(id)}) -> ${s.method} ${s.url}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});
