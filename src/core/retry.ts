// When to try a request again, and how long to wait first.

export interface RetryPolicy {
  /** Retries after the first attempt (0 turns retrying off). */
  maxRetries: number;
  /** The first backoff; each further retry doubles it. */
  baseDelayMs: number;
  /** The cap on one computed backoff. */
  maxDelayMs: number;
  /** A longer Retry-After than this is not waited for: the call fails at once with the error (and its retryAfterMs). */
  maxRetryAfterMs: number;
}

/** The defaults every client starts from (frozen: a change here would reach every client of the process). */
export const defaultRetryPolicy: Readonly<RetryPolicy> = Object.freeze({
  maxRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
});

/** The longest retryAfterMs reported (about 100 years); a Retry-After above it is read as this. */
export const MAX_RETRY_AFTER_MS = 100 * 365 * 24 * 3600 * 1000;

/** setTimeout's largest delay; a longer one fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Why a retry, timeout or size option is unusable, or undefined when it is fine: maxRetries a whole number ≥ 0, delays
 * finite numbers ≥ 0, timeoutMs a number > 0 up to 2^31-1 ms (setTimeout's limit), maxResponseBytes a whole number > 0. NaN (`Number(process.env.UNSET)`)
 * would otherwise mean endless retries or no timeout at all.
 */
export function optionProblem(options: { timeoutMs?: number; retry?: Partial<RetryPolicy>; maxRetries?: number; maxResponseBytes?: number }): string | undefined {
  const bad = (name: string, value: unknown, rule: string) => `${name} must be ${rule}, not ${String(value)}`;
  const { timeoutMs, retry = {}, maxRetries, maxResponseBytes } = options;
  if (maxResponseBytes !== undefined && !(Number.isSafeInteger(maxResponseBytes) && maxResponseBytes > 0)) return bad('maxResponseBytes', maxResponseBytes, 'a whole number of bytes > 0');
  if (timeoutMs !== undefined && !(typeof timeoutMs === 'number' && timeoutMs > 0 && timeoutMs <= MAX_TIMER_MS)) return bad('timeoutMs', timeoutMs, `a number of milliseconds > 0 and ≤ ${MAX_TIMER_MS}`);
  for (const [name, value] of [['maxRetries', maxRetries], ['retry.maxRetries', retry.maxRetries]] as const) {
    if (value !== undefined && !(Number.isInteger(value) && value >= 0)) return bad(name, value, 'a whole number ≥ 0');
  }
  for (const name of ['baseDelayMs', 'maxDelayMs', 'maxRetryAfterMs'] as const) {
    const value = retry[name];
    if (value !== undefined && !(typeof value === 'number' && Number.isFinite(value) && value >= 0)) return bad(`retry.${name}`, value, 'a finite number of milliseconds ≥ 0');
  }
  return undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** A request may be repeated when its method is idempotent, it carries an idempotency key, or the API declares it read-only. */
export function isSafeToRepeat(method: string, hasIdempotencyKey: boolean, declaredReadOnly = false): boolean {
  return SAFE_METHODS.has(method.toUpperCase()) || hasIdempotencyKey || declaredReadOnly;
}

export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP-date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  // Clamped to a finite number: a 5000-digit value is Infinity as a Number, and Infinity is no wait anyone can honour.
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.min(MAX_RETRY_AFTER_MS, Math.round(Number(trimmed) * 1000));
  const date = parseHttpDate(trimmed, now);
  return date === undefined ? undefined : Math.max(0, date - now);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const MONTH = `(?<month>${MONTHS.join('|')})`;
const TIME = '(?<h>\\d{2}):(?<m>\\d{2}):(?<s>\\d{2})';
const HTTP_DATE_FORMS = [
  // IMF-fixdate, the preferred form: `Sun, 06 Nov 1994 08:49:37 GMT`.
  new RegExp(`^${DAY}, (?<day>\\d{2}) ${MONTH} (?<year>\\d{4}) ${TIME} GMT$`),
  // The obsolete RFC 850 form: `Sunday, 06-Nov-94 08:49:37 GMT`.
  new RegExp(`^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (?<day>\\d{2})-${MONTH}-(?<yy>\\d{2}) ${TIME} GMT$`),
  // The obsolete asctime form, which names no zone and is GMT all the same: `Sun Nov  6 08:49:37 1994`.
  new RegExp(`^${DAY} ${MONTH} (?<day>[ \\d]\\d) ${TIME} (?<year>\\d{4})$`),
];

/**
 * An HTTP-date (RFC 9110 §5.6.7) as epoch milliseconds, in the three forms a recipient must accept, every one of them
 * GMT whatever the process's time zone (Date.parse reads the asctime form as local time). A two-digit RFC 850 year more
 * than 50 years ahead of `now` is the most recent past year with those digits, as §5.6.7 says. Undefined for anything
 * else, and for a date that does not exist (30 Feb, 25:00).
 */
export function parseHttpDate(value: string, now = Date.now()): number | undefined {
  const parts = HTTP_DATE_FORMS.map((form) => form.exec(value)?.groups).find(Boolean);
  if (!parts) return undefined;
  const day = Number(parts.day);
  const [hours, minutes, seconds] = [parts.h, parts.m, parts.s].map(Number) as [number, number, number];
  let year = Number(parts.year);
  if (parts.yy !== undefined) {
    const thisYear = new Date(now).getUTCFullYear();
    year = Math.floor(thisYear / 100) * 100 + Number(parts.yy);
    if (year > thisYear + 50) year -= 100;
  }
  if (hours > 23 || minutes > 59 || seconds > 60) return undefined;
  const time = Date.UTC(year, MONTHS.indexOf(parts.month ?? ''), day, hours, minutes, seconds);
  // Date.UTC rolls 30 Feb over into March: a day the month does not have is refused instead.
  return new Date(time).getUTCDate() === day ? time : undefined;
}

/** Exponential backoff with "equal jitter": half the delay is fixed, half random, so retries spread but never bunch at 0. */
export function backoffDelay(retryIndex: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retryIndex);
  return Math.round(exponential / 2 + random() * (exponential / 2));
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
