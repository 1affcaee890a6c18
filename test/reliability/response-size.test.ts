// An answer body larger than maxResponseBytes is not read further, whether its length is declared, chunked, or
// inflated from a small gzip body (a gzip bomb, red team 5: 600 KB that inflated to 600 MiB ended in a bare
// ERR_STRING_TOO_LONG): the call fails with an InvalidResponseError naming the limit, and is not retried (every client).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidResponseError } from '../../src/core/index.ts';
import { profiles } from './profiles.ts';

const LIMIT = 64 * 1024;
const big = Buffer.alloc(LIMIT * 16, 'a');
const forms = {
  'a declared length': (res: import('node:http').ServerResponse) => res.writeHead(200, { 'content-type': 'application/json', 'content-length': big.length }).end(big),
  'chunks without a length': (res: import('node:http').ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    for (let i = 0; i < 16; i++) res.write(big.subarray(i * LIMIT, (i + 1) * LIMIT));
    res.end();
  },
  'gzip inflating past it (the body on the wire is far below it)': (res: import('node:http').ServerResponse) => {
    const zipped = gzipSync(big);
    expect(zipped.length).toBeLessThan(LIMIT / 10);
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': zipped.length }).end(zipped);
  },
};

let url = '';
let requests = 0;
let form: keyof typeof forms = 'a declared length';
const server = createServer((_req, res) => {
  requests += 1;
  forms[form](res);
});
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe.each(profiles.map((profile) => [profile.name, profile] as const))('%s', (_, profile) => {
  it.each(Object.keys(forms) as Array<keyof typeof forms>)('a body over maxResponseBytes as %s: an InvalidResponseError naming the limit, sent once', async (each) => {
    form = each;
    requests = 0;
    const error = await profile.make(url, { maxResponseBytes: LIMIT, retry: { baseDelayMs: 1 } }).safe().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toContain(`maxResponseBytes (${LIMIT} bytes)`);
    expect(requests).toBe(1);
  });

  it('a body of exactly maxResponseBytes is read', async () => {
    form = 'a declared length';
    const error = await profile.make(url, { maxResponseBytes: big.length, retry: { maxRetries: 0 } }).safe().catch((e: unknown) => e);
    expect(String(error)).not.toContain('maxResponseBytes');
  });
});
