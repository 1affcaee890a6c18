// Worker processes for the multi-process scenarios and the bench: each runs test/redis/worker.ts (forked, through tsx)
// and answers each job it is sent with how every call ended.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Job, Outcome } from '../redis/worker.ts';

export interface Worker {
  process: ChildProcess;
  run(job: Job): Promise<Outcome[]>;
}

const workerFile = fileURLToPath(new URL('../redis/worker.ts', import.meta.url));

export async function startWorker(): Promise<Worker> {
  const child = fork(workerFile, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting = new Map<number, (outcomes: Outcome[]) => void>();
  let next = 0;
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`worker exited before it was ready (${code ?? signal})`)));
    child.on('message', (message: { ready?: boolean; id?: number; outcomes?: Outcome[] }) => {
      if (message.ready) resolve();
      else if (message.id !== undefined) waiting.get(message.id)?.(message.outcomes ?? []);
    });
  });
  return {
    process: child,
    run: (job) =>
      new Promise((resolve) => {
        const id = next++;
        waiting.set(id, resolve);
        child.send({ id, job });
      }),
  };
}
