// rt5: a 2xx answer with Content-Encoding: gzip that inflates past the default maxResponseBytes (50 MiB; before it, 600 MiB
// inflated into a bare ERR_STRING_TOO_LONG).
// fetch inflates it on the fly; the client must end with a typed error, never a bare RangeError or a crash.
import { afterEach, describe, expect, it } from 'vitest';
import { createGzip } from 'node:zlib';
import { createYandexFleetClient } from '../../src/yandex-fleet/index.ts';
import { InvalidResponseError } from '../../src/core/index.ts';
import { serve, settle, type TestServer } from './helpers.ts';

let servers: TestServer[] = [];
afterEach(async () => { await Promise.all(servers.map((s) => s.close())); servers = []; });

async function bomb(mib: number): Promise<Buffer> {
  const gz = createGzip({ level: 9 });
  const out: Buffer[] = [];
  gz.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((r) => gz.on('end', r));
  gz.write('{"categories":[],"x":"');
  const chunk = Buffer.alloc(1024 * 1024, 0x61);
  for (let i = 0; i < mib; i++) if (!gz.write(chunk)) await new Promise((r) => gz.once('drain', r));
  gz.end('"}');
  await done;
  return Buffer.concat(out);
}

describe('rt5 gzip bomb in a JSON answer', () => {
  it('60 MiB inflated from ~60 KB: a typed error (too large / invalid response), not RangeError: Invalid string length', async () => {
    const body = await bomb(60);
    const s = await serve((req, res) => { res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }); res.end(body); });
    servers.push(s);
    const client = createYandexFleetClient({ apiKey: 'yk-RT5-0123456789', clientId: 'taxi/park/p', language: 'ru', baseUrl: s.url, retry: { maxRetries: 0 }, timeoutMs: 170_000 });
    const r = await settle(client.listTransactionCategories({ query: { park: { id: 'p' } } } as never));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error, String(r.error)).toBeInstanceOf(InvalidResponseError);
  }, 180_000);
});
