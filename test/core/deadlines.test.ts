// The shared deadline timer behind per-attempt timeouts: each deadline fires once, on time, in order, unless cleared.
import { describe, expect, it } from 'vitest';
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
});
