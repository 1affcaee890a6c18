// The fetch-style receivers as the runtimes README names call them (Deno.serve: (request, info); a Worker's fetch:
// (request, env, ctx); Bun: (request, server)), misconfigured allow-lists and limits, and what the 4xx bodies say, in
// the sources and the BUILT package (whose local names terser shortened: no internal name may reach a caller).
import { request as httpRequest, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import * as srcCallbacks from '../../src/fastriver/callbacks.ts';
import * as srcWebhooks from '../../src/dilovod/webhooks.ts';
import { SdkError, UsageError } from '../../src/core/index.ts';
import { builtApp, entry, type Mod } from './rt12-build.ts';

const copies: Record<string, { webhooks: Mod; callbacks: Mod }> = { src: { webhooks: srcWebhooks, callbacks: srcCallbacks } };
beforeAll(async () => {
  const app = await builtApp();
  const [w, c] = await Promise.all([entry(app, '/dilovod/webhooks'), entry(app, '/fastriver/callbacks')]);
  copies.esm = { webhooks: w.esm, callbacks: c.esm };
  copies.cjs = { webhooks: w.cjs, callbacks: c.cjs };
}, 240_000);

const PACKET = encodeURIComponent(JSON.stringify({ action: 'objectChanged', params: { objectName: 'catalogs.goods', id: '1100300000001001' } }));
const CALLBACK = JSON.stringify({ data: { type: 'external_callback', id: 'c0ffee00-0000-4000-8000-000000000000', attributes: { event: 'delivered', delivery_request_status: 'completed' } } });
const DENO_INFO = { remoteAddr: { transport: 'tcp', hostname: '88.198.50.253', port: 40000 }, completed: Promise.resolve() };
const WORKER_ENV = { SECRET: 'x' };

function caught(fn: () => unknown): unknown {
  try {
    return fn();
  } catch (error) {
    return error;
  }
}

for (const name of ['src', 'esm', 'cjs']) {
  describe(`${name}: parseDilovodWebhook and dilovodWebhookHandler with what a runtime or a config really passes`, () => {
    it('remoteAddress not a string (a number, Deno\'s info object, an array, a Symbol): a typed SdkError, not a bare TypeError', () => {
      for (const [label, remoteAddress] of [['a number', 1], ["Deno's info object", DENO_INFO], ['an array', ['88.198.50.253']], ['a Symbol', Symbol('ip')]] as const) {
        const error = caught(() => copies[name]!.webhooks.parseDilovodWebhook(`/?packet=${PACKET}`, { remoteAddress }));
        expect.soft(error, label).toBeInstanceOf(SdkError);
      }
    });

    const BAD_IPS = [['[null]', [null]], ['[1]', [1]], ["'88.198.50.253' (a string)", '88.198.50.253'], ['{}', {}]] as const;
    it('allowedIps [null], [1], a string, {}: a UsageError from parseDilovodWebhook, not a bare TypeError', () => {
      for (const [label, allowedIps] of BAD_IPS) {
        const error = caught(() => copies[name]!.webhooks.parseDilovodWebhook(`/?packet=${PACKET}`, { remoteAddress: '88.198.50.253', allowedIps }));
        expect.soft(error, label).toBeInstanceOf(UsageError);
      }
    });

    it('dilovodWebhookHandler with such allowedIps is refused when made (UsageError), not a 400 on every webhook', async () => {
      for (const [label, allowedIps] of BAD_IPS) {
        let answer: string | undefined;
        let error: unknown;
        try {
          const handler = copies[name]!.webhooks.dilovodWebhookHandler(() => undefined, { allowedIps });
          const response: Response = await handler(new Request(`http://me.example/hook?packet=${PACKET}`), '88.198.50.253');
          answer = `${response.status} ${await response.text()}`;
        } catch (e) {
          error = e;
        }
        expect.soft(answer, label).toBeUndefined();
        expect.soft(error, label).toBeInstanceOf(UsageError);
      }
    });

    it('the handler given to Deno.serve as is ((request, info)) rejects with a UsageError saying how to pass the address', async () => {
      // (The design: a UsageError rather than a 403 for every webhook, which would look like a wrong source.)
      let taken = 0;
      const handler = copies[name]!.webhooks.dilovodWebhookHandler(() => void taken++);
      const error = await handler(new Request(`http://me.example/hook?packet=${PACKET}`), DENO_INFO).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).toContain('info.remoteAddr.hostname');
      expect((error as Error).message).not.toMatch(/is not a function|Cannot read|\.replace|\.map/);
      // …and with the address read as the message says, the same webhook is taken
      const response: Response = await handler(new Request(`http://me.example/hook?packet=${PACKET}`), DENO_INFO.remoteAddr.hostname);
      expect(response.status).toBe(200);
      expect(taken).toBe(1);
    });

    it("a Worker's (request, env, ctx) and Bun's (request, server) reach the Fastriver handler, which answers 200", async () => {
      const seen: unknown[] = [];
      const handler = copies[name]!.callbacks.fastriverCallbackHandler((event: unknown) => void seen.push(event));
      const post = () => new Request('http://me.example/cb', { method: 'POST', body: CALLBACK, headers: { 'content-type': 'application/json' } });
      expect((await handler(post(), WORKER_ENV, { waitUntil() {} })).status).toBe(200);
      expect((await handler(post(), { port: 1, hostname: 'bun' })).status).toBe(200);
      expect((await handler(post())).status).toBe(200);
      expect(seen).toHaveLength(3);
    });

    it('a spoofed X-Forwarded-For / Forwarded / X-Real-IP does not pass the node listener\'s source check', async () => {
      let taken = 0;
      const server = createServer(copies[name]!.webhooks.dilovodWebhookListener(() => void taken++));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const { port } = server.address() as AddressInfo;
        const status = await new Promise<number>((resolve, reject) => {
          const req = httpRequest({ host: '127.0.0.1', port, path: `/hook?packet=${PACKET}`, headers: { 'x-forwarded-for': '88.198.50.253', forwarded: 'for=88.198.50.253', 'x-real-ip': '88.198.50.253' } }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          });
          req.on('error', reject);
          req.end();
        });
        expect(status).toBe(403);
        expect(taken).toBe(0);
      } finally {
        server.close();
      }
    });

    it('fastriverCallbackHandler / Listener with bad maxBodyBytes or bodyTimeoutMs: a UsageError when made', () => {
      for (const [label, options] of [['maxBodyBytes: -1', { maxBodyBytes: -1 }], ["maxBodyBytes: '1024'", { maxBodyBytes: '1024' }], ['maxBodyBytes: NaN', { maxBodyBytes: Number.NaN }], ['bodyTimeoutMs: 0', { bodyTimeoutMs: 0 }], ['bodyTimeoutMs: Infinity', { bodyTimeoutMs: Number.POSITIVE_INFINITY }], ['bodyTimeoutMs: 2**31', { bodyTimeoutMs: 2 ** 31 }]] as const) {
        expect.soft(caught(() => copies[name]!.callbacks.fastriverCallbackHandler(() => undefined, options)), label).toBeInstanceOf(UsageError);
        expect.soft(caught(() => copies[name]!.callbacks.fastriverCallbackListener(() => undefined, options)), label).toBeInstanceOf(UsageError);
      }
    });
  });
}
