// Per-attempt timeouts without a Node timer per attempt. setTimeout + clearTimeout around every request cost about 5 %
// of a loopback call here (a timer object, its async-hooks bookkeeping, the timer list made and dropped each time);
// undici keeps a shared timer for its own timeouts for the same reason. Deadlines sit in a set, and one timer is armed
// for the earliest: attempts with the same timeout (the usual case) never re-arm it, they only join the set. The timer
// keeps the process alive only while a deadline is pending, as a timer per attempt would. Only Node and Bun give timers
// `ref`/`unref`; browsers, Deno and workers answer setTimeout with a number, where there is no process to keep alive.

export interface Deadline {
  readonly at: number;
  readonly onExpire: () => void;
}

const pending = new Set<Deadline>();
let timer: ReturnType<typeof setTimeout> | undefined;
let armedFor = Number.POSITIVE_INFINITY;

/** Calls `onExpire` once, `ms` from now, unless the deadline is cleared first. */
export function startDeadline(ms: number, onExpire: () => void): Deadline {
  const deadline: Deadline = { at: performance.now() + ms, onExpire };
  pending.add(deadline);
  if (deadline.at < armedFor) arm(deadline.at);
  else keepAlive(timer, true);
  return deadline;
}

export function clearDeadline(deadline: Deadline): void {
  pending.delete(deadline);
  if (pending.size === 0) keepAlive(timer, false);
}

/** `ref`/`unref` where the runtime's timers have them (Node, Bun); a no-op for numeric timer ids and other handles. */
function keepAlive(handle: unknown, keep: boolean): void {
  if (typeof handle !== 'object' || handle === null) return;
  const { ref, unref } = handle as { ref?: unknown; unref?: unknown };
  const method = keep ? ref : unref;
  if (typeof method === 'function') method.call(handle);
}

function arm(at: number): void {
  if (timer) clearTimeout(timer);
  armedFor = at;
  // Node may run a timer up to a millisecond early; a deadline not yet due when it runs simply re-arms it.
  timer = setTimeout(expire, Math.max(1, Math.ceil(at - performance.now())));
}

function expire(): void {
  timer = undefined;
  armedFor = Number.POSITIVE_INFINITY;
  const now = performance.now();
  let next = Number.POSITIVE_INFINITY;
  for (const deadline of pending) {
    if (deadline.at <= now) {
      pending.delete(deadline);
      deadline.onExpire();
    } else if (deadline.at < next) next = deadline.at;
  }
  if (next !== Number.POSITIVE_INFINITY) arm(next);
}
