// Raw-socket and listener helpers of the receiver, decoder and mock-host attacks.
import { createServer, type Server, type RequestListener } from 'node:http';
import { connect } from 'node:net';

export async function listen(handler: RequestListener): Promise<{ server: Server; port: number; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { server, port, url: `http://127.0.0.1:${port}` };
}

/** Sends raw bytes, resolves with whatever came back before close (or after timeoutMs). */
export function raw(port: number, data: string | Buffer, timeoutMs = 3000): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(chunks).toString('latin1'));
    };
    const timer = setTimeout(done, timeoutMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', done);
    socket.on('error', done);
    socket.on('close', done);
    socket.write(data);
  });
}

export const statusOf = (response: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0);

/** Collects uncaught exceptions / unhandled rejections during fn. */
export async function catchingUncaught(fn: () => Promise<void>): Promise<unknown[]> {
  const seen: unknown[] = [];
  const onError = (error: unknown) => seen.push(error);
  const listeners = process.listeners('uncaughtException');
  const rejListeners = process.listeners('unhandledRejection');
  process.removeAllListeners('uncaughtException');
  process.removeAllListeners('unhandledRejection');
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onError);
  try {
    await fn();
    await new Promise((r) => setTimeout(r, 100));
  } finally {
    process.off('uncaughtException', onError);
    process.off('unhandledRejection', onError);
    for (const l of listeners) process.on('uncaughtException', l);
    for (const l of rejListeners) process.on('unhandledRejection', l);
  }
  return seen;
}
