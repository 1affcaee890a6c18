// Faults on demand: a slow answer, a reset connection, a truncated or stalled body, or an error status with
// Retry-After, chosen per request with `Prefer` (beside Prism's `code=` and `example=`) or armed through the admin API
// for the next N requests (a client under test cannot add headers).
import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseHttpDate } from '../src/core/retry.ts';

/** Longest delay served, in ms: a typo must not hang a test run. */
export const MAX_DELAY_MS = 60_000;
/** How long a stalled body stays open before the mock gives up on it, in ms. */
export const STALL_MS = 60_000;

export interface Fault {
  /** Wait this long (ms) before answering. */
  delay?: number;
  /**
   * `reset`: the connection is reset before any answer; `truncate`: the headers promise the whole body but half of it
   * is sent, then the connection closes; `stall`: the headers and half the body are sent, then nothing more.
   */
  kind?: 'reset' | 'truncate' | 'stall';
  /** Answer this status (400–599) instead, with `Retry-After` and a problem+json body. */
  status?: number;
  /** The Retry-After value sent with `status` (whole seconds, or an HTTP date in the IMF-fixdate form). Default "1". */
  retryAfter?: string;
}

export interface ArmedFault extends Fault {
  /** How many of the next requests get it (default 1). */
  count?: number;
  /** Only requests whose path starts with this. */
  path?: string;
  /** Only requests with this method. */
  method?: string;
}

export class FaultError extends Error {}

/** Checks a fault given by a test (admin API body or Prefer); throws FaultError naming what is wrong. */
export function checkFault<T extends Fault>(fault: T): T {
  if (fault.delay !== undefined && !(Number.isInteger(fault.delay) && fault.delay >= 0 && fault.delay <= MAX_DELAY_MS)) {
    throw new FaultError(`delay must be a whole number of ms from 0 to ${MAX_DELAY_MS}, got ${JSON.stringify(fault.delay)}`);
  }
  if (fault.kind !== undefined && !['reset', 'truncate', 'stall'].includes(fault.kind)) {
    throw new FaultError(`fault must be reset, truncate, stall or a status from 400 to 599, got ${JSON.stringify(fault.kind)}`);
  }
  if (fault.status !== undefined && !(Number.isInteger(fault.status) && fault.status >= 400 && fault.status <= 599)) {
    throw new FaultError(`status must be from 400 to 599, got ${JSON.stringify(fault.status)}`);
  }
  if (fault.retryAfter !== undefined && !isRetryAfter(fault.retryAfter)) {
    throw new FaultError(`retry-after must be whole seconds from 0 to ${MAX_RETRY_AFTER_S} or an HTTP date in the IMF-fixdate form (through Prefer: quoted, retry-after="Sun, 06 Nov 1994 08:49:37 GMT"), got ${JSON.stringify(fault.retryAfter)}`);
  }
  return fault;
}

/** Largest Retry-After served, in seconds (one day): larger is a typo, and a client would wait that long. */
export const MAX_RETRY_AFTER_S = 86_400;

/** RFC 9110 §10.2.3: Retry-After is delay-seconds (a non-negative integer) or an HTTP-date, sent as IMF-fixdate (§5.6.7). */
function isRetryAfter(value: unknown): boolean {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 && value <= MAX_RETRY_AFTER_S;
  if (typeof value !== 'string') return false;
  if (/^\d+$/.test(value)) return Number(value) <= MAX_RETRY_AFTER_S;
  return IMF_FIXDATE.test(value) && parseHttpDate(value) !== undefined;
}
const IMF_FIXDATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

// RFC 7240 §2: Prefer = #( token [ "=" word ] *( ";" [ token [ "=" word ] ] ) ), word = token / quoted-string.
const PREFERENCE = /^[ \t]*([!#$%&'*+.^_`|~\w-]+)[ \t]*(?:=[ \t]*(?:([!#$%&'*+.^_`|~\w-]+)|"((?:[^"\\]|\\.)*)"))?[ \t]*$/;
const QUOTING = 'a value with spaces or commas is quoted, e.g. retry-after="Sun, 06 Nov 1994 08:49:37 GMT"';

/**
 * The directives of a `Prefer` header by lower-case name (RFC 7240 §2), `;` parameters read as directives too
 * (`delay=200; fault=truncate`); a quoted value unquoted. Throws FaultError for a header that is not that grammar.
 */
function preferDirectives(prefer: string): Map<string, string> {
  const directives = new Map<string, string>();
  for (const part of splitOutsideQuotes(prefer)) {
    if (part.trim() === '') continue; // RFC 9110 §5.6.1: empty list elements
    const match = PREFERENCE.exec(part);
    if (!match) throw new FaultError(`Prefer: ${JSON.stringify(part.trim())} is not name or name=value (RFC 7240; ${QUOTING})`);
    const [, name = '', token, quoted] = match;
    directives.set(name.toLowerCase(), token ?? quoted?.replace(/\\(.)/g, '$1') ?? '');
  }
  return directives;
}

/** `text` split on `,` and `;` outside quoted strings (an unterminated quote runs to the end, and fails the grammar). */
function splitOutsideQuotes(text: string): string[] {
  const parts = [''];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted && c === '\\') {
      parts[parts.length - 1] += c + (text[++i] ?? '');
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (!quoted && (c === ',' || c === ';')) parts.push('');
    else parts[parts.length - 1] += c;
  }
  return parts;
}

/**
 * The fault a `Prefer` header asks for: `delay=800` (whole ms, decimal digits only), `fault=reset|truncate|stall`,
 * `fault=503` (with `retry-after=5`, or a quoted IMF-fixdate `retry-after="Sun, 06 Nov 1994 08:49:37 GMT"`),
 * combinable (`Prefer: delay=200, fault=truncate`). Prism's own directives (code, example, dynamic) are left to Prism.
 * Throws FaultError naming the directive that is wrong.
 */
export function faultFromPrefer(prefer: string | undefined): Fault | undefined {
  if (!prefer) return undefined;
  const directives = preferDirectives(prefer);
  const fault: Fault = {};
  const delay = directives.get('delay');
  if (delay !== undefined) {
    // `Number()` would take 0x10, 1e3, +5, 5.0 and -0: the README promises milliseconds written as digits.
    if (!/^\d{1,6}$/.test(delay)) throw new FaultError(`delay must be a whole number of ms written in decimal digits, from 0 to ${MAX_DELAY_MS}, got ${JSON.stringify(delay)}`);
    fault.delay = Number(delay);
  }
  const kind = directives.get('fault');
  if (kind !== undefined) {
    if (/^\d+$/.test(kind)) fault.status = Number(kind);
    else fault.kind = kind as Fault['kind'];
  }
  const retryAfter = directives.get('retry-after');
  if (retryAfter !== undefined) fault.retryAfter = retryAfter;
  return Object.keys(fault).length > 0 ? checkFault(fault) : undefined;
}

/**
 * Faults armed for the next requests, per session (X-Mock-Session, README "QA"): a fault armed in one session never hits
 * another. Requests without the header are in the session "default", so a fault armed without the header hits
 * exactly those. Within a session, first armed first served.
 */
export class ArmedFaults {
  readonly #armed = new Map<string, Array<ArmedFault & { count: number }>>();

  arm(session: string, fault: ArmedFault): void {
    const count = fault.count ?? 1;
    if (!(Number.isInteger(count) && count >= 1 && count <= 10_000)) throw new FaultError(`count must be from 1 to 10000, got ${JSON.stringify(fault.count)}`);
    for (const field of ['path', 'method'] as const) {
      if (fault[field] !== undefined && typeof fault[field] !== 'string') throw new FaultError(`${field} must be a string, got ${JSON.stringify(fault[field])}`);
    }
    const armed = this.#armed.get(session) ?? [];
    armed.push({ ...checkFault(fault), count });
    this.#armed.set(session, armed);
  }

  /** The fault for this request of `session`, if one is armed for it (its count goes down by one). */
  take(session: string, method: string, path: string): Fault | undefined {
    const armed = this.#armed.get(session);
    const found = armed?.find((fault) => (!fault.method || fault.method.toUpperCase() === method) && (!fault.path || path.startsWith(fault.path)));
    if (!armed || !found) return undefined;
    found.count -= 1;
    if (found.count === 0) armed.splice(armed.indexOf(found), 1);
    if (armed.length === 0) this.#armed.delete(session);
    const { count: _, path: __, method: ___, ...fault } = found;
    return fault;
  }

  /** Disarms the faults of one session. */
  clear(session: string): void {
    this.#armed.delete(session);
  }
}

/** How a fault reads in the journal: `delay=800, truncate`. */
export const describeFault = (fault: Fault): string =>
  [fault.delay !== undefined ? `delay=${fault.delay}` : '', fault.kind ?? '', fault.status ? String(fault.status) : ''].filter(Boolean).join(', ');

/**
 * Sends an answer through a fault. Returns the status the client saw (0 when it got no answer at all).
 * A status fault replaces the answer; reset, truncate and stall break it on the wire.
 */
export async function sendWithFault(res: ServerResponse, status: number, body: Buffer, fault: Fault | undefined): Promise<number> {
  if (fault?.delay) await sleep(fault.delay);
  if (fault?.kind === 'reset') {
    res.socket?.resetAndDestroy();
    return 0;
  }
  if (fault?.status) {
    const problem = { type: 'about:blank', title: 'Fault injected by the mock', status: fault.status, detail: `Asked for with Prefer or POST /__mock/faults` };
    res.writeHead(fault.status, { 'content-type': 'application/problem+json', 'retry-after': String(fault.retryAfter ?? '1') });
    res.end(JSON.stringify(problem));
    return fault.status;
  }
  if (fault?.kind === 'truncate' || fault?.kind === 'stall') {
    res.statusCode = status;
    res.setHeader('content-length', String(body.length));
    res.flushHeaders();
    res.write(body.subarray(0, Math.floor(body.length / 2)));
    if (fault.kind === 'truncate') {
      // Let the half reach the wire, then close: the client sees fewer bytes than Content-Length promised.
      setImmediate(() => res.socket?.destroy());
    } else {
      const timer = setTimeout(() => res.socket?.destroy(), STALL_MS);
      res.socket?.once('close', () => clearTimeout(timer));
    }
    return status;
  }
  res.statusCode = status;
  res.end(body);
  return status;
}
