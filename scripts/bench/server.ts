// A local node:http server with canned bodies (the specs' examples) for the call-overhead comparison: keep-alive on,
// 127.0.0.1 only, every request body read to the end before the answer. Run as a file, it serves in its own process
// and prints its port on stdout; it exits when its stdin closes (the parent ended) or on SIGTERM.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { callFixtures } from './fixtures.ts';

interface Route {
  method: string;
  path: RegExp;
  contentType: string;
  body: Buffer;
}

function routes(): Route[] {
  const f = callFixtures();
  const json = (method: string, path: RegExp, body: unknown): Route => ({ method, path, contentType: 'application/json; charset=utf-8', body: Buffer.from(JSON.stringify(body)) });
  return [
    json('POST', /^\/v2\/parks\/transactions\/categories\/list$/, f.yandexFleet.response),
    json('GET', /^\/api\/v1\/delivery\/tasks\/[^/]+$/, f.tbank.response),
    json('GET', /^\/delivery_requests\/[^/]+$/, f.fastriver.response),
    json('POST', /^\/v2\/request_delivery\.json$/, f.dellin.response),
    { method: 'POST', path: /^\/v2\/request_delivery\.xml$/, contentType: 'application/xml; charset=utf-8', body: Buffer.from(f.dellin.responseXml) },
    json('POST', /^\/$/, f.dilovod.response),
  ];
}

export async function startCannedServer(): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const table = routes();
  const server = createServer({ keepAlive: true, keepAliveTimeout: 30_000 }, (req, res) => {
    req.resume(); // read the request body to the end
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const route = table.find((candidate) => candidate.method === req.method && candidate.path.test(path));
      if (!route) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end(`no canned body for ${req.method} ${path}`);
        return;
      }
      res.writeHead(200, { 'content-type': route.contentType, 'content-length': route.body.length });
      res.end(route.body);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url, close } = await startCannedServer();
  process.stdout.write(`${url}\n`);
  const stop = () => void close().then(() => process.exit(0));
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.resume();
  process.once('SIGTERM', stop);
}
