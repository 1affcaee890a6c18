// The in-process defaults of the two coordination interfaces: the account lock (FIFO, one holder) and the credential
// store (single-flight renewal). The Redis ones are held to the same table in test/redis/.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLocalCredentialStore, createLocalLock } from '../../src/core/index.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('createLocalLock', () => {
  it('one holder at a time, in call order, whatever each holder takes and whichever waiters give up', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ work: fc.nat(2), abort: fc.boolean() }), { minLength: 1, maxLength: 20 }), async (tasks) => {
        const lock = createLocalLock();
        let holders = 0;
        let most = 0;
        const order: number[] = [];
        const controllers = tasks.map(() => new AbortController());
        const runs = tasks.map(async ({ work }, i) => {
          const hold = await lock.acquire(controllers[i]?.signal);
          holders += 1;
          most = Math.max(most, holders);
          order.push(i);
          for (let t = 0; t < work; t++) await tick();
          holders -= 1;
          hold.release();
          hold.release(); // a second release frees nothing more
        });
        tasks.forEach(({ abort }, i) => abort && i > 0 && controllers[i]?.abort(new Error('gave up')));
        const results = await Promise.allSettled(runs);
        const kept = tasks.map((task, i) => i).filter((i) => i === 0 || !tasks[i]?.abort);
        expect(most).toBe(1);
        expect(order).toEqual(kept);
        expect(results.filter((result) => result.status === 'rejected')).toHaveLength(tasks.length - kept.length);
      }),
      { numRuns: 50 },
    );
  });

  it('an already aborted signal rejects without waiting', async () => {
    await expect(createLocalLock().acquire(AbortSignal.abort(new Error('no')))).rejects.toThrow('no');
  });
});

describe('createLocalCredentialStore', () => {
  it('50 holders renewing the same stale credential at once: one renewal, everyone gets its result', async () => {
    const store = createLocalCredentialStore({ value: 'old' });
    let renewals = 0;
    const renew = async () => {
      renewals += 1;
      await tick();
      return { value: `new-${renewals}` };
    };
    const results = await Promise.all(Array.from({ length: 50 }, () => store.renew('old', renew)));
    expect(renewals).toBe(1);
    expect(new Set(results.map((result) => result.value))).toEqual(new Set(['new-1']));
    // A holder still on the old value later gets the stored one without a renewal.
    await expect(store.renew('old', renew)).resolves.toEqual({ value: 'new-1' });
    expect(renewals).toBe(1);
  });

  it('a failed renewal leaves the credential as it was and lets the next one try', async () => {
    const store = createLocalCredentialStore();
    await expect(store.renew(undefined, () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    await expect(store.get()).resolves.toBeUndefined();
    await expect(store.renew(undefined, async () => ({ value: 'fresh' }))).resolves.toEqual({ value: 'fresh' });
  });

  it('clear forgets only the credential it names', async () => {
    const store = createLocalCredentialStore({ value: 'a' });
    await store.clear('b');
    await expect(store.get()).resolves.toEqual({ value: 'a' });
    await store.clear('a');
    await expect(store.get()).resolves.toBeUndefined();
  });
});
