// Attack: Fastriver callback receivers' bodyTimeoutMs (408, body cancelled) against slowloris bodies, and odd option
// values (the promise: out-of-range limits are UsageErrors; never a bare TypeError, never a hang). Found: an option
// that cannot be turned into a string (Object.create(null), a throwing toString) escapes as a bare TypeError / its own error.
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fastriverCallbackHandler, fastriverCallbackListener } from '../../src/fastriver/callbacks.ts';
import { SdkError, UsageError } from '../../src/core/index.ts';

const CALLBACK = JSON.stringify({ data: { id: '1', type: 'external_callback', attributes: { event: 'schedule', delivery_request_status: 'validated' } } });
const enc = new TextEncoder();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const within = <T>(p: Promise<T>, ms: number) => Promise.race([p, sleep(ms).then(() => 'HANG' as const)]);

function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('odd option values', () => {
  const odd: Array<[string, unknown]> = [
    ['null-prototype object', Object.create(null)],
    ['object whose toString throws', { toString: () => { throw new Error('toString'); } }],
    ['Symbol', Symbol('ms')],
    ['BigInt', 10n],
    ['NaN', Number.NaN],
    ['numeric string', '100'],
    ['Infinity', Number.POSITIVE_INFINITY],
  ];
  for (const key of ['bodyTimeoutMs', 'maxBodyBytes'] as const) {
    for (const [label, value] of odd) {
      it(`${key} = ${label} is a UsageError`, () => {
        const error = thrownBy(() => fastriverCallbackHandler(() => {}, { [key]: value } as never));
        expect(error).toBeInstanceOf(UsageError);
        const error2 = thrownBy(() => fastriverCallbackListener(() => {}, { [key]: value } as never));
        expect(error2).toBeInstanceOf(UsageError);
      });
    }
  }
  it('options = null: the defaults, not a bare TypeError', () => {
    expect(thrownBy(() => fastriverCallbackHandler(() => {}, null as never))).toBeUndefined();
  });
  it('BUG: onEvent that is not a function is accepted at construction; every callback then gets 500', async () => {
    const error = thrownBy(() => fastriverCallbackHandler(null as never));
    expect(error).toBeInstanceOf(UsageError);
  });
  it('holds: 0 and 2**31 are refused for bodyTimeoutMs', () => {
    expect(thrownBy(() => fastriverCallbackHandler(() => {}, { bodyTimeoutMs: 0 }))).toBeInstanceOf(UsageError);
    expect(thrownBy(() => fastriverCallbackHandler(() => {}, { bodyTimeoutMs: 2 ** 31 }))).toBeInstanceOf(UsageError);
  });
});

describe('fetch-style handler, slow bodies', () => {
  it('holds: a dripping stream gets 408 in about bodyTimeoutMs and is cancelled', async () => {
    let cancelled = false;
    let timer: ReturnType<typeof setInterval> | undefined;
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(enc.encode('{'));
        timer = setInterval(() => { try { c.enqueue(enc.encode(' ')); } catch { /* closed */ } }, 20);
      },
      cancel() { cancelled = true; clearInterval(timer); },
    });
    const started = Date.now();
    const res = await fastriverCallbackHandler(() => {}, { bodyTimeoutMs: 200 })(new Request('http://x/cb', { method: 'POST', body, duplex: 'half' } as RequestInit), undefined);
    clearInterval(timer);
    expect(res.status).toBe(408);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(cancelled).toBe(true);
  });

  it('holds: a stream whose pull and cancel never settle still gets 408 (no hang)', async () => {
    const body = new ReadableStream({ pull: () => new Promise(() => {}), cancel: () => new Promise(() => {}) });
    const res = await within(fastriverCallbackHandler(() => {}, { bodyTimeoutMs: 150 })(new Request('http://x/cb', { method: 'POST', body, duplex: 'half' } as RequestInit), undefined), 2000);
    expect(res === 'HANG' ? res : res.status).toBe(408);
  });

  it('holds: a stream whose cancel throws still gets 408', async () => {
    const body = new ReadableStream({ pull: () => new Promise(() => {}), cancel: () => { throw new Error('cancel'); } });
    const res = await within(fastriverCallbackHandler(() => {}, { bodyTimeoutMs: 150 })(new Request('http://x/cb', { method: 'POST', body, duplex: 'half' } as RequestInit), undefined), 2000);
    expect(res === 'HANG' ? res : res.status).toBe(408);
  });

  it('holds: a slow onEvent (longer than bodyTimeoutMs) is not answered 408 (no duplicate callback)', async () => {
    let calls = 0;
    const res = await fastriverCallbackHandler(async () => { calls++; await sleep(300); }, { bodyTimeoutMs: 100 })(new Request('http://x/cb', { method: 'POST', body: CALLBACK }), undefined);
    expect(res.status).toBe(200);
    expect(calls).toBe(1);
  });

  it('holds: many timed-out requests leave no timer behind (the event loop empties)', async () => {
    const handler = fastriverCallbackHandler(() => {}, { bodyTimeoutMs: 50 });
    const results = await Promise.all(Array.from({ length: 50 }, () => handler(new Request('http://x/cb', { method: 'POST', body: new ReadableStream({ pull: () => new Promise(() => {}) }), duplex: 'half' } as RequestInit), undefined)));
    expect(results.every((r) => r.status === 408)).toBe(true);
    const ok = await handler(new Request('http://x/cb', { method: 'POST', body: CALLBACK }), undefined);
    expect(ok.status).toBe(200);
    // process._getActiveHandles is Node's view of timers still armed
    const timers = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles().filter((h) => (h as { constructor?: { name?: string } })?.constructor?.name === 'Timeout');
    expect(timers.length).toBeLessThan(5);
  });
});

describe('fetch-style handler, odd requests', () => {
  const handler = fastriverCallbackHandler(() => {}, { bodyTimeoutMs: 200 });
  it('holds: an erroring, used, locked or non-byte body stream is a 400, never a throw or a hang', async () => {
    const used = new Request('http://x/', { method: 'POST', body: CALLBACK });
    await used.text();
    const locked = new Request('http://x/', { method: 'POST', body: CALLBACK });
    locked.body!.getReader();
    const requests = [
      new Request('http://x/', { method: 'POST', body: new ReadableStream({ start(c) { c.enqueue(enc.encode('{"a"')); c.error(new Error('mid')); } }), duplex: 'half' } as RequestInit),
      used,
      locked,
      new Request('http://x/', { method: 'POST', body: new ReadableStream({ start(c) { c.enqueue('a string chunk' as never); c.close(); } }), duplex: 'half' } as RequestInit),
    ];
    for (const request of requests) {
      const res = await within(handler(request, undefined), 2000);
      expect(res === 'HANG' ? res : res.status).toBe(400);
    }
  });
  it('BUG (low): something that is not a Request (null, {}: a framework context passed by mistake) throws a bare TypeError', async () => {
    for (const request of [null, {}]) {
      let thrown: unknown;
      try {
        await handler(request as never, undefined);
      } catch (error) {
        thrown = error;
      }
      expect(thrown === undefined || thrown instanceof SdkError).toBe(true);
    }
  });
});

describe('node:http listener, slowloris', () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  async function listen(onEvent: () => void, bodyTimeoutMs: number) {
    server = createServer(fastriverCallbackListener(onEvent, { bodyTimeoutMs }));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  }
  function raw(port: number, parts: string[], gapMs: number): Promise<string> {
    return new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1');
      let out = '';
      socket.on('data', (d) => { out += d; });
      socket.on('error', () => {});
      socket.on('close', () => resolve(out.split('\r\n')[0]!));
      let i = 0;
      const send = () => { if (i < parts.length && !socket.destroyed) { socket.write(parts[i++]!); setTimeout(send, gapMs); } };
      send();
      setTimeout(() => { socket.destroy(); resolve(`HANG ${out.split('\r\n')[0]}`); }, 4000);
    });
  }
  const head = (len: number) => `POST /cb HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: ${len}\r\n\r\n`;

  it('holds: one byte every 15 ms (each gap far under the limit, the whole far over) gets 408', async () => {
    const port = await listen(() => {}, 300);
    expect(await raw(port, [head(CALLBACK.length), ...CALLBACK.split('')], 15)).toBe('HTTP/1.1 408 Request Timeout');
  });

  it('holds: a chunked body that never ends gets 408, and the server keeps serving', async () => {
    let events = 0;
    const port = await listen(() => { events++; }, 300);
    const chunked = 'POST /cb HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n';
    expect(await raw(port, [chunked, '1\r\n{\r\n', '1\r\n \r\n', '1\r\n \r\n', '1\r\n \r\n', '1\r\n \r\n'], 100)).toBe('HTTP/1.1 408 Request Timeout');
    expect(await raw(port, [head(CALLBACK.length) + CALLBACK], 0)).toBe('HTTP/1.1 200 OK');
    expect(events).toBe(1);
  });

  it('holds: Content-Length larger than what is sent, then silence: 408', async () => {
    const port = await listen(() => {}, 300);
    expect(await raw(port, [head(CALLBACK.length + 10) + CALLBACK], 0)).toBe('HTTP/1.1 408 Request Timeout');
  });

  it('holds: a slow onEvent on the listener is answered 200, not 408', async () => {
    const port = await listen(() => sleep(500), 200);
    expect(await raw(port, [head(CALLBACK.length) + CALLBACK], 0)).toBe('HTTP/1.1 200 OK');
  });

  it('holds: no request smuggled after a refusal: the bytes sent after 408/413/405 are never read as a new callback', async () => {
    let events = 0;
    server = createServer(fastriverCallbackListener(() => { events++; }, { bodyTimeoutMs: 300, maxBodyBytes: 1000 }));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const inner = `POST /cb HTTP/1.1\r\nHost: x\r\nContent-Length: ${CALLBACK.length}\r\n\r\n${CALLBACK}`;
    const attempt = (first: string, later: string, waitMs: number) =>
      new Promise<string[]>((resolve) => {
        const socket = connect(port, '127.0.0.1');
        let out = '';
        socket.on('data', (d) => { out += d; });
        socket.on('error', () => {});
        socket.write(first);
        setTimeout(() => { if (!socket.destroyed) socket.write(later, () => {}); }, waitMs);
        setTimeout(() => { socket.destroy(); resolve(out.split('\r\n').filter((l) => l.startsWith('HTTP/'))); }, waitMs + 800);
      });
    expect(await attempt(`POST /cb HTTP/1.1\r\nHost: x\r\nContent-Length: ${inner.length}\r\n\r\n`, inner, 500)).toEqual(['HTTP/1.1 408 Request Timeout']);
    expect(await attempt('POST /cb HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n', inner, 300)).toEqual(['HTTP/1.1 413 Payload Too Large']);
    expect(await attempt(`POST /cb HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n7d0\r\n${'x'.repeat(2000)}\r\n`, `0\r\n\r\n${inner}`, 300)).toEqual(['HTTP/1.1 413 Payload Too Large']);
    expect(await attempt(`GET /cb HTTP/1.1\r\nHost: x\r\nContent-Length: ${inner.length}\r\n\r\n`, inner, 300)).toEqual(['HTTP/1.1 405 Method Not Allowed']);
    expect(events).toBe(0);
  });
});
