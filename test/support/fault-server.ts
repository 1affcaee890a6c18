// A local HTTP server that misbehaves on purpose, one scripted step per request, and records what it received.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Step =
  | { status: number; headers?: Record<string, string>; body?: string | Buffer }
  /** Destroys the connection before any response header. */
  | { reset: 'before-headers' }
  /** Sends headers and part of the body, then destroys the connection. */
  | { reset: 'mid-body'; status?: number }
  /** Waits before sending headers. */
  | { delayHeadersMs: number; status?: number; headers?: Record<string, string>; body?: string }
  /** Sends headers at once, then waits before finishing the body. */
  | { delayBodyMs: number; status?: number; body?: string };

export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body as bytes, for multipart and binary checks. */
  bytes: Buffer;
}

export interface FaultServer {
  url: string;
  received: Received[];
  /** Steps for the next requests, in order; the last one repeats. */
  script(...steps: Step[]): void;
  close(): Promise<void>;
}

export async function startFaultServer(): Promise<FaultServer> {
  let steps: Step[] = [{ status: 200, body: '{}' }];
  const received: Received[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const bytes = Buffer.concat(chunks);
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: bytes.toString('utf8'), bytes });
      const step = (steps.length > 1 ? steps.shift() : steps[0]) as Step;
      if ('reset' in step) {
        if (step.reset === 'before-headers') return void req.socket.destroy();
        res.writeHead(step.status ?? 200, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('{"partial":');
        return void later(5, () => req.socket.destroy());
      }
      if ('delayHeadersMs' in step) {
        return void later(step.delayHeadersMs, () => {
          res.writeHead(step.status ?? 200, { 'content-type': 'application/json', ...step.headers });
          res.end(step.body ?? '{}');
        });
      }
      if ('delayBodyMs' in step) {
        res.writeHead(step.status ?? 200, { 'content-type': 'application/json' });
        res.write(' ');
        return void later(step.delayBodyMs, () => res.end(step.body ?? '{}'));
      }
      res.writeHead(step.status, { 'content-type': 'application/json', ...step.headers });
      res.end(step.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    script: (...next) => {
      steps = next;
      received.length = 0;
    },
    close: () =>
      new Promise((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
