// What several calls (or several processes) sharing one account coordinate on: a lock for "one request in flight per
// account" (Dilovod, seeds/dilovod: requests must not run in parallel) and a store for the login credential they share
// (Fastriver's token, Dellin's session), renewed by one of them at a time. The defaults here live in one process;
// `delivery-api-clients/redis/node` has the same two interfaces on Redis, for many processes.

/** One request in flight per account. */
export interface AccountLock {
  /**
   * Waits for the account's slot, in call order as far as the implementation can tell it. Rejects with the signal's
   * reason when it aborts while waiting (nothing is then held), or with a `CoordinationError` when the lock cannot be
   * reached.
   */
  acquire(signal?: AbortSignal): Promise<LockHold>;
}

/** A held slot. */
export interface LockHold {
  /** Frees the slot; called once, when the request is over at the server (answered, closed, or given up at the cap). */
  release(): void;
  /**
   * Aborts, with a `CoordinationError`, when the slot is lost while held: the request must stop. A lock with a lease
   * aborts it before the lease can run out whenever it cannot confirm the lease in time (a renewal refused, failed or
   * unanswered), so the request stops before anyone else can hold the slot.
   */
  readonly lost?: AbortSignal;
}

/** A credential several holders share: a token or session id, and when it stops being valid. */
export interface StoredCredential {
  /** The secret itself. Never logged; masked in every error. */
  value: string;
  /** When it expires, in ms since the epoch; undefined when only a refusal (a 401) tells. */
  expiresAtMs?: number;
}

/** A shared credential with single-flight renewal. */
export interface CredentialStore {
  /** The credential every holder uses now, or undefined when none has been stored. */
  get(): Promise<StoredCredential | undefined>;
  /**
   * Replaces the credential `stale` (undefined: there was none): runs `renew` unless the stored credential already
   * differs from `stale` (another holder has renewed it; that one is returned). At most one `renew` runs at a time
   * among everyone sharing the store; the others wait for it and get its result.
   */
  renew(stale: string | undefined, renew: () => Promise<StoredCredential>): Promise<StoredCredential>;
  /** Forgets the credential if it is still `value` (after a logout). */
  clear(value: string): Promise<void>;
}

/** The in-process lock: a FIFO of waiters, one holder at a time. */
export function createLocalLock(): AccountLock {
  const waiting: Array<() => void> = [];
  let held = false;
  const next = () => {
    const wake = waiting.shift();
    if (wake) wake();
    else held = false;
  };
  return {
    acquire(signal) {
      return new Promise<LockHold>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        let released = false;
        const hold: LockHold = {
          release: () => {
            if (released) return;
            released = true;
            next();
          },
        };
        if (!held) {
          held = true;
          return resolve(hold);
        }
        const wake = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(hold);
        };
        const onAbort = () => {
          const at = waiting.indexOf(wake);
          if (at >= 0) waiting.splice(at, 1);
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        waiting.push(wake);
      });
    },
  };
}

/** The in-process store: the credential in memory, one renewal at a time. */
export function createLocalCredentialStore(initial?: StoredCredential): CredentialStore {
  let current = initial;
  let renewing: Promise<StoredCredential> | undefined;
  return {
    get: async () => current,
    async renew(stale, renew) {
      if (renewing) return renewing;
      if (current !== undefined && current.value !== stale) return current;
      renewing = renew()
        .then((fresh) => (current = fresh))
        .finally(() => {
          renewing = undefined;
        });
      return renewing;
    },
    async clear(value) {
      if (current?.value === value) current = undefined;
    },
  };
}

/**
 * How long, by default, a request its caller gave up on (timeout, abort) keeps the account's slot while the server may
 * still be working on it: after this the request is closed and the slot freed. 60 000 ms.
 */
export const DEFAULT_HOLD_ABANDONED_MS = 60_000;

/**
 * Runs one HTTP exchange under a held slot. The result (or failure) goes to the caller as soon as there is one, or as
 * soon as the caller gives up (`gaveUp` aborts: a timeout, the caller's signal). The slot is released only when the
 * exchange itself has settled, answered or closed; an exchange given up on is closed (`attempt` aborted) after
 * `holdAbandonedMs`, or at once when the lock is lost.
 */
export function holdUntilSettled<T>(
  exchange: Promise<T>,
  hold: LockHold,
  attempt: AbortController,
  gaveUp: AbortSignal,
  holdAbandonedMs = DEFAULT_HOLD_ABANDONED_MS,
): Promise<T> {
  let cap: ReturnType<typeof setTimeout> | undefined;
  const onLost = () => attempt.abort(hold.lost?.reason);
  hold.lost?.addEventListener('abort', onLost, { once: true });
  return new Promise<T>((resolve, reject) => {
    const onGiveUp = () => {
      reject(gaveUp.reason);
      cap = setTimeout(() => attempt.abort(gaveUp.reason), holdAbandonedMs);
    };
    gaveUp.addEventListener('abort', onGiveUp, { once: true });
    exchange
      .then(resolve, reject)
      .finally(() => {
        clearTimeout(cap);
        gaveUp.removeEventListener('abort', onGiveUp);
        hold.lost?.removeEventListener('abort', onLost);
        hold.release();
      });
  });
}
