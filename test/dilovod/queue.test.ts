// The serial queue on its own: one task at a time, in order, failures and aborts isolated.
import { describe, expect, it } from 'vitest';
import { createSerialQueue } from '../../src/dilovod/queue.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('createSerialQueue', () => {
  it('runs one task at a time, in call order, each caller getting its own result', async () => {
    const run = createSerialQueue();
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        run(async () => {
          running += 1;
          most = Math.max(most, running);
          order.push(i);
          await tick();
          running -= 1;
          return i * 2;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(order).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(results).toEqual(Array.from({ length: 100 }, (_, i) => i * 2));
  });

  it('a failed task does not stall the queue', async () => {
    const run = createSerialQueue();
    const first = run(async () => {
      throw new Error('boom');
    });
    const second = run(async () => 'ok');
    await expect(first).rejects.toThrow('boom');
    await expect(second).resolves.toBe('ok');
  });

  it('a task aborted while waiting rejects at once and never runs', async () => {
    const run = createSerialQueue();
    const ran: string[] = [];
    let release = () => {};
    const blocker = run(() => new Promise<void>((resolve) => (release = resolve)).then(() => void ran.push('blocker')));
    const controller = new AbortController();
    const waiting = run(async () => void ran.push('aborted one'), controller.signal);
    const after = run(async () => void ran.push('after'));
    controller.abort(new Error('caller gave up'));
    await expect(waiting).rejects.toThrow('caller gave up');
    release();
    await Promise.all([blocker, after]);
    expect(ran).toEqual(['blocker', 'after']);
  });

  it('an already aborted signal rejects without queueing', async () => {
    const run = createSerialQueue();
    await expect(run(async () => 1, AbortSignal.abort(new Error('no')))).rejects.toThrow('no');
  });
});
