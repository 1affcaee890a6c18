// The shared deadline timer behind per-attempt timeouts: each deadline fires once, on time, in order, unless cleared.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearDeadline, startDeadline } from '../../src/core/deadlines.ts';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('deadlines', () => {
  it('fires each pending deadline once, not before its time, earliest first, and never a cleared one', async () => {
    const fired: Array<[string, number]> = [];
    const started = performance.now();
    const mark = (name: string) => () => fired.push([name, performance.now() - started]);
    startDeadline(120, mark('long'));
    const cleared = startDeadline(40, mark('cleared'));
    startDeadline(60, mark('middle')); // later than the armed 40 ms: only joins the set
    startDeadline(20, mark('short')); // earlier than the armed one: re-arms the timer
    clearDeadline(cleared);
    await wait(200);
    expect(fired.map(([name]) => name)).toEqual(['short', 'middle', 'long']);
    const at = Object.fromEntries(fired);
    expect(at.short).toBeGreaterThanOrEqual(19);
    expect(at['middle']).toBeGreaterThanOrEqual(59);
    expect(at.long).toBeGreaterThanOrEqual(119);
  });

  it('a deadline started while others are due in the same sweep still fires at its own time', async () => {
    const fired: string[] = [];
    startDeadline(10, () => {
      fired.push('first');
      startDeadline(30, () => fired.push('started by the first'));
    });
    startDeadline(10, () => fired.push('second'));
    await wait(25);
    expect(fired).toEqual(['first', 'second']);
    await wait(40);
    expect(fired).toEqual(['first', 'second', 'started by the first']);
  });

  // Issue 14: `timer?.unref is not a function` outside Node. Every kind of handle a runtime's setTimeout answers.
  describe.each([
    ['a number (browsers, Deno, workers)', (id: number) => id],
    ['an object without ref/unref', (id: number) => ({ id })],
    ['an object whose ref/unref are not functions', (id: number) => ({ id, ref: 1, unref: null })],
    ['an object with ref/unref (Node, Bun)', (id: number) => ({ id, ref: vi.fn(), unref: vi.fn() })],
  ])('when setTimeout answers %s', (_, makeHandle) => {
    afterEach(() => vi.unstubAllGlobals());

    it('deadlines fire and clear without touching what the handle lacks', async () => {
      const realSetTimeout = globalThis.setTimeout;
      const realClearTimeout = globalThis.clearTimeout;
      const real = new Map<unknown, ReturnType<typeof setTimeout>>();
      const handles: unknown[] = [];
      let next = 1;
      vi.stubGlobal('setTimeout', (callback: () => void, ms: number) => {
        const handle = makeHandle(next++);
        handles.push(handle);
        real.set(handle, realSetTimeout(callback, ms));
        return handle;
      });
      vi.stubGlobal('clearTimeout', (handle: unknown) => realClearTimeout(real.get(handle)));

      const fired: string[] = [];
      const cleared = startDeadline(5, () => fired.push('cleared'));
      clearDeadline(cleared); // the set is empty: the timer is released (unref where there is one)
      startDeadline(10, () => fired.push('kept')); // a later deadline: the armed timer is held again (ref)
      await wait(40);
      expect(fired).toEqual(['kept']);
      expect(handles.length).toBeGreaterThan(0);
      const first = handles[0] as { ref?: unknown; unref?: unknown };
      if (vi.isMockFunction(first.unref)) expect(first.unref).toHaveBeenCalled();
      if (vi.isMockFunction(first.ref)) expect(first.ref).toHaveBeenCalled();
    });
  });
});
