// A real redis-server (Debian's package; .ci/run installs it) on a free local port, in a temp dir, for one test file.
// Nothing is persisted: a restart is a Redis that has lost its data, the hard case for a lock.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports.ts';

/** Whether redis-server is on this machine (CI installs it; elsewhere the Redis tests say they were skipped). */
export const hasRedisServer = (() => {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

export interface RedisServer {
  port: number;
  url: string;
  /** Kills it (SIGKILL: no save) and starts a new, empty one on the same port after `downMs`. */
  restart(downMs: number): Promise<void>;
  /** Blocks the server for `ms` (DEBUG SLEEP): every command waits, as on an overloaded Redis. */
  stall(ms: number): void;
  stop(): Promise<void>;
}

export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'redis-test-'));
  let child: ChildProcess;
  const launch = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--enable-debug-command', 'local'], {
      stdio: 'ignore',
    });
    for (let tries = 0; !(await answers(port)); tries++) {
      if (tries > 200) throw new Error(`redis-server did not start on port ${port}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const kill = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  await launch();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async restart(downMs) {
      await kill('SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await launch();
    },
    stall(ms) {
      const socket = createConnection(port, '127.0.0.1', () => socket.end(`DEBUG SLEEP ${ms / 1000}\r\nQUIT\r\n`));
      socket.on('error', () => undefined);
      socket.resume();
    },
    async stop() {
      await kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Whether a PING on the port gets PONG. */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection(port, '127.0.0.1', () => socket.write('PING\r\n'));
    socket.setTimeout(500, () => socket.destroy());
    socket.on('data', (data) => {
      resolve(data.toString().startsWith('+PONG'));
      socket.destroy();
    });
    socket.on('error', () => resolve(false));
    socket.on('close', () => resolve(false));
  });
}

/** A TCP relay to a Redis whose link can go silent: the sockets stay open, the bytes stop (a network partition). */
export interface SilenceableLink {
  url: string;
  silence(): void;
  close(): Promise<void>;
}

export async function startSilenceableLink(port: number): Promise<SilenceableLink> {
  let silent = false;
  const sockets: Socket[] = [];
  const server = createServer((client) => {
    const upstream = createConnection(port, '127.0.0.1');
    sockets.push(client, upstream);
    client.on('data', (data) => silent || upstream.write(data));
    upstream.on('data', (data) => silent || client.write(data));
    for (const socket of [client, upstream]) socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return {
    url: `redis://127.0.0.1:${address.port}`,
    silence: () => (silent = true),
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
