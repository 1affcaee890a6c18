// Every receiver (Dilovod webhooks, Fastriver callbacks) on a real node:http server, fed raw bytes on a socket: any
// request, however malformed, gets a 4xx (or 405) and the process keeps serving. Node answers some of them itself
// (400 for a request line it cannot parse, 431 for headers over its limit); the rest reach our listener.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dilovodWebhookListener } from '../../src/dilovod/webhooks.ts';
import { fastriverCallbackListener } from '../../src/fastriver/callbacks.ts';
import { flush, record } from './figures.ts';

const RUNS = 300;
vi.setConfig({ testTimeout: 120_000 }); // 300 socket round trips; slow only on a loaded machine
const PACKET = encodeURIComponent('{"action":"objectChanged","params":{"objectName":"documents.saleOrder","id":"1109100000001038"}}');
const CALLBACK = '{"data":{"id":"1","type":"external_callback","attributes":{"event":"schedule"}}}';

interface Receiver {
  name: string;
  server: Server;
  port: number;
  /** A well-formed request and the status it must get, sent after every malformed one. */
  good: { raw: string; status: number };
}
const receivers: Receiver[] = [];
const crashes: unknown[] = [];
const onCrash = (error: unknown) => crashes.push(error);

beforeAll(async () => {
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  const make = async (name: string, listener: Parameters<typeof createServer>[1], good: Receiver['good']) => {
    const server = createServer(listener);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    receivers.push({ name, server, port: (server.address() as AddressInfo).port, good });
  };
  await make('dilovod webhook (loopback allowed)', dilovodWebhookListener(() => undefined, { allowedIps: ['127.0.0.1'] }), {
    raw: `GET /hook?packet=${PACKET} HTTP/1.1\r\nHost: x\r\n\r\n`,
    status: 200,
  });
  // The source check refuses everything here: malformed requests must be answered before it, and regardless of it.
  await make('dilovod webhook (default allow-list)', dilovodWebhookListener(() => undefined), { raw: `GET /hook?packet=${PACKET} HTTP/1.1\r\nHost: x\r\n\r\n`, status: 403 });
  await make('fastriver callback', fastriverCallbackListener(() => undefined, { maxBodyBytes: 4096 }), {
    raw: `POST /callbacks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${CALLBACK.length}\r\n\r\n${CALLBACK}`,
    status: 200,
  });
});
afterAll(async () => {
  process.off('uncaughtException', onCrash);
  process.off('unhandledRejection', onCrash);
  await Promise.all(receivers.map(({ server }) => new Promise((resolve) => server.close(resolve))));
  record('receiver crashes', crashes.length);
  flush(import.meta.filename);
});

/** Writes the bytes, half-closes, and reads every final status the server answered with (1xx interim ones skipped). */
function exchange(port: number, raw: string): Promise<{ statuses: number[]; closedSilently: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.setTimeout(5000, () => {
      socket.destroy();
      reject(new Error(`no answer within 5 s to ${JSON.stringify(raw.slice(0, 200))}`));
    });
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    const done = () => {
      const statuses = [...text.matchAll(/^HTTP\/1\.[01] (\d{3})/gm)].map((match) => Number(match[1])).filter((status) => status >= 200);
      resolve({ statuses, closedSilently: text === '' });
    };
    socket.on('close', done);
    socket.on('error', () => undefined); // a reset after the answer: 'close' still follows
    socket.end(Buffer.from(raw, 'latin1'));
  });
}

/** Node closes a CONNECT without an answer when the server has no 'connect' listener: never our listener's call. */
const isConnect = (raw: string) => /^CONNECT /i.test(raw);

async function expectRefused(receiver: Receiver, raw: string): Promise<void> {
  const { statuses, closedSilently } = await exchange(receiver.port, raw);
  record('receiver raw requests');
  if (closedSilently && isConnect(raw)) return void record('receiver CONNECT closed by Node');
  expect(statuses.length, `an answer to ${JSON.stringify(raw.slice(0, 200))}`).toBeGreaterThan(0);
  for (const status of statuses) expect(status >= 400 && status < 500, `${status} for ${JSON.stringify(raw.slice(0, 200))}`).toBe(true);
  record('receiver 4xx answers');
}

async function expectServing(receiver: Receiver): Promise<void> {
  const { statuses } = await exchange(receiver.port, receiver.good.raw);
  expect(statuses).toEqual([receiver.good.status]);
}

const EXAMPLES = [
  'GET // HTTP/1.1\r\nHost: x\r\n\r\n', // issue 13: this killed the process (TypeError: Invalid URL)
  'GET //?packet=%7B HTTP/1.1\r\nHost: x\r\n\r\n',
  'GET http://x HTTP/1.1\r\nHost: x\r\n\r\n',
  'GET http://x:99999/ HTTP/1.1\r\nHost: x\r\n\r\n',
  'OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n',
  'GET * HTTP/1.1\r\nHost: x\r\n\r\n',
  'GET x:443 HTTP/1.1\r\nHost: x\r\n\r\n',
  'GET /%zz%%?packet=%E0%A4%A HTTP/1.1\r\nHost: x\r\n\r\n',
  'GET /\xff\xfe?packet=\xc3\x28 HTTP/1.1\r\nHost: x\r\n\r\n',
  'TRACE / HTTP/1.1\r\nHost: x\r\n\r\n',
  'TRACK / HTTP/1.1\r\nHost: x\r\n\r\n',
  'CONNECT x:443 HTTP/1.1\r\nHost: x\r\n\r\n',
  'FOO / HTTP/1.1\r\nHost: x\r\n\r\n',
  'get / HTTP/1.1\r\nHost: x\r\n\r\n',
  'DELETE /hook HTTP/1.1\r\nHost: x\r\n\r\n',
  'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n',
  'GET / HTTP/1.1\r\n\r\n',
  `GET /hook?packet=${'%7B'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
  `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
  'GET /hook?packet=1 HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello',
  'POST /hook HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n\r\nabc',
  'POST /hook HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc',
  'POST /hook HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n\xff\xfe{}}',
  'POST /hook HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n',
  'POST /hook HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
  'POST /hook HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n',
  `POST /hook HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2000\r\n${'x'.repeat(0x2000)}\r\n0\r\n\r\n`,
  'POST /hook HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n{}',
  'POST /hook HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nnull',
  'POST /hook HTTP/1.1\r\nHost: x\r\nContent-Length: 28\r\n\r\n{"toString":1,"valueOf":1}\r\n',
  'GET / HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n',
  'GET / HTTP/1.1\r\nHost: x\r\nBad Header: x\r\n\r\n',
  'GET / HTTP/1.1\r\nHost: x\r\nX: a\x00b\r\n\r\n',
  'GET / HTTP/1.1\nHost: x\n\n',
  '\r\n\r\nGET // HTTP/1.1\r\nHost: x\r\n\r\n', // empty lines before the request line are skipped (RFC 9112 §2.2)
  'GET\r\n\r\n',
];

describe.each(['dilovod webhook (loopback allowed)', 'dilovod webhook (default allow-list)', 'fastriver callback'])('%s, raw bytes on a socket', (name) => {
  const receiver = () => receivers.find((each) => each.name === name) as Receiver;

  it('answers a well-formed request', async () => {
    await expectServing(receiver());
  });

  it.each(EXAMPLES.map((raw) => [JSON.stringify(raw.slice(0, 60)), raw]))('refuses %s with a 4xx, then still serves', async (_, raw) => {
    await expectRefused(receiver(), raw);
    await expectServing(receiver());
  });

  it(`refuses ${RUNS} generated request lines and headers with a 4xx, and keeps serving`, async () => {
    const byte = fc.integer({ min: 0, max: 255 }).map((code) => String.fromCharCode(code));
    const bytes = (maxLength: number) => fc.array(byte, { maxLength }).map((chars) => chars.join(''));
    const method = fc.oneof(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'PATCH', 'CONNECT', 'FOO', 'get'), fc.stringMatching(/^[A-Z]{1,10}$/), bytes(6));
    const target = fc.oneof(
      fc.constantFrom('//', '///x', 'http://x', 'https://x/hook?packet=1', '*', 'x:443', '/%zz', '/%', '/hook?packet=%E0%A4%A', '/hook?packet=%7B%22action%22', ''),
      bytes(40),
      bytes(40).map((s) => `/${s}`),
      bytes(40).map((s) => `/hook?packet=${s}`),
      fc.nat({ max: 40_000 }).map((n) => `/hook?packet=${'%7B'.repeat(n / 3)}`),
    );
    const version = fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/1.1x', 'http/1.1', '');
    const headerName = fc.oneof(fc.constantFrom('Host', 'Content-Type', 'Connection', 'X-Forwarded-For', 'Accept-Encoding', 'Expect', 'Upgrade', 'Transfer-Encoding', 'Content-Length'), bytes(12));
    const headerValue = fc.oneof(fc.constantFrom('x', 'close', 'keep-alive', 'application/json', '100-continue', 'chunked', '-1', '1e3', '0x10', '99999999999'), bytes(30), fc.nat({ max: 20_000 }).map((n) => 'v'.repeat(n)));
    const request = fc.record({
      method,
      target,
      version,
      headers: fc.array(fc.tuple(headerName, headerValue), { maxLength: 6 }),
      body: fc.oneof(fc.constant(''), bytes(64), fc.constantFrom(CALLBACK.slice(0, -1), '{"toString":1,"valueOf":1}', '{"data":{"toJSON":1,"__proto__":{"then":1}}}')),
    });
    await fc.assert(
      fc.asyncProperty(request, async ({ method, target, version, headers, body }) => {
        const lines = [`${method} ${target} ${version}`, ...headers.map(([name, value]) => `${name}: ${value}`)];
        await expectRefused(receiver(), `${lines.join('\r\n')}\r\n\r\n${body}`);
      }),
      { numRuns: RUNS },
    );
    await expectServing(receiver());
    expect(crashes).toEqual([]);
  });
});

describe('fastriver callback listener, a body that stops coming', () => {
  it.each([
    ['stalls after 10 of 100 declared bytes', `Content-Length: 100\r\n\r\n${'x'.repeat(10)}`],
    ['a chunked body with no last chunk', 'Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n'],
    ['headers only, then nothing', 'Content-Length: 5\r\n\r\n'],
  ])('%s: 408 once bodyTimeoutMs passed, the socket kept open by the sender', async (_, rest) => {
    const server = createServer(fastriverCallbackListener(() => undefined, { bodyTimeoutMs: 200 }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
      socket.on('error', () => undefined);
      const answer = await new Promise<string>((resolve, reject) => {
        let text = '';
        const timer = setTimeout(() => reject(new Error(`no answer in 5 s; got ${JSON.stringify(text)}`)), 5000);
        socket.on('data', (chunk: Buffer) => {
          text += chunk.toString('latin1');
          if (/\r\n\r\n/.test(text)) (clearTimeout(timer), resolve(text));
        });
        socket.write(`POST /callbacks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n${rest}`); // never ended
      });
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      socket.destroy();
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
