// The request journal: what a mock received and answered, for a test to assert what its client sent
// (`GET /__mock/requests`). Credentials are masked before an entry is stored: header values whole, and in the body
// every field whose name says it is a secret, and that same value wherever else it appears; in raw text (a body the mock
// could not parse, a packet string, the query) every value after a secret name, in JSON, form, query and XML encodings.
import { createRedactor, REDACTED } from '../src/core/redact.ts';

/** Entries kept at most per mock; the oldest go first. */
const MAX_ENTRIES = 1000;
/** Headers that carry credentials (Bearer tokens, API keys, cookies). */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'x-api-key', 'x-client-id']);
/** Body fields that carry credentials: Fastriver's password and tokens, Dellin's appkey and sessionID, Dilovod's key. */
const SECRET_FIELD = /pass(word)?|token|secret|^key$|api_?key|appkey|session_?id/i;
export const MASK = REDACTED;
/** The same names as SECRET_FIELD, as they appear inside raw text (an unparsable body, a query string, a packet). */
const SECRET_NAME = String.raw`[\w.-]*(?:pass(?:word)?|token|secret|api_?key|appkey|session_?id)[\w.-]*|key`;
/**
 * Where a named credential's value sits in raw text, one pattern per encoding the five specs use (value = group 1):
 * JSON (`"password":"…"`, also unterminated or a number), form and query (`password=…`), XML (`<appkey>…</appkey>`).
 */
const SECRET_IN_TEXT = [
  new RegExp(String.raw`"(?:${SECRET_NAME})"\s*:\s*"((?:[^"\\]|\\.)*)`, 'gi'),
  new RegExp(String.raw`"(?:${SECRET_NAME})"\s*:\s*(-?[\d.eE+]+)`, 'gi'),
  new RegExp(String.raw`(?:^|[&?;\s])(?:${SECRET_NAME})=([^&\s]*)`, 'gi'),
  new RegExp(String.raw`<(?:[\w-]+:)?(?:${SECRET_NAME})(?:\s[^>]*)?>([^<]*)`, 'gi'),
];

export interface JournalEntry {
  /** 1, 2, …: the order the mock received requests in. */
  id: number;
  /** ISO time the request arrived. */
  at: string;
  session: string;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  /** The body as the mock read it (JSON parsed; XML and form packets decoded), credentials masked. */
  body: unknown;
  status: number;
  /** What the contract checks found wrong, in the request or in the answer (`response.body.id: must be string`). */
  violations: string[];
  /** The fault served instead of a plain answer, if any (`delay=800`, `reset`, `503`). */
  fault?: string;
}

export type JournalInput = Omit<JournalEntry, 'id' | 'at'>;

export interface JournalFilter {
  /** An exact path, or a prefix ending in `*` (`/delivery_requests/*`). */
  path?: string;
  method?: string;
  session?: string;
}

export class Journal {
  #entries: JournalEntry[] = [];
  #next = 1;

  record(input: JournalInput): JournalEntry {
    const entry = { id: this.#next++, at: new Date().toISOString(), ...maskCredentials(input) };
    this.#entries.push(entry);
    if (this.#entries.length > MAX_ENTRIES) this.#entries.splice(0, this.#entries.length - MAX_ENTRIES);
    return entry;
  }

  list(filter: JournalFilter = {}): JournalEntry[] {
    const method = filter.method?.toUpperCase();
    const path = filter.path;
    return this.#entries.filter(
      (entry) =>
        (!method || entry.method === method) &&
        (!filter.session || entry.session === filter.session) &&
        (!path || (path.endsWith('*') ? entry.path.startsWith(path.slice(0, -1)) : entry.path === path)),
    );
  }

  /** Forgets the entries of one session, or all of them. */
  clear(session?: string): void {
    this.#entries = session === undefined ? [] : this.#entries.filter((entry) => entry.session !== session);
  }
}

/** A copy with credential headers and secret body fields masked, and their values masked wherever else they appear. */
export function maskCredentials<T extends { headers: Record<string, string>; body: unknown; query?: Record<string, string | string[]> }>(input: T): T {
  const redactor = createRedactor();
  for (const [name, value] of Object.entries(input.headers)) {
    if (!SECRET_HEADERS.has(name.toLowerCase())) continue;
    redactor.add(value);
    redactor.add(/^\w+ (.+)$/.exec(value)?.[1]); // the credential after `Bearer ` / `Basic `, alone
  }
  const add = (value: string) => redactor.add(value);
  collectSecrets(input.body, add);
  collectSecrets(input.query, add);
  const headers = Object.fromEntries(Object.entries(input.headers).map(([name, value]) => [name, SECRET_HEADERS.has(name.toLowerCase()) ? MASK : redactor.text(value)]));
  const masked = { ...input, headers, body: maskFields(redactor.value(input.body)) };
  if (input.query) masked.query = maskFields(redactor.value(input.query)) as Record<string, string | string[]>;
  return masked;
}

/** Values of named credentials in raw text, in every encoding of SECRET_IN_TEXT, also once percent-decoded. */
export function secretsInText(text: string): string[] {
  const texts = [text];
  try {
    const decoded = decodeURIComponent(text.replace(/\+/g, ' '));
    if (decoded !== text) texts.push(decoded);
  } catch {
    // not percent-encoded: the text as it is
  }
  return texts.flatMap((one) => SECRET_IN_TEXT.flatMap((pattern) => [...one.matchAll(pattern)].map((match) => match[1] ?? ''))).filter((value) => value !== '');
}

function collectSecrets(value: unknown, add: (secret: string) => void): void {
  if (typeof value === 'string') for (const secret of secretsInText(value)) add(secret);
  if (typeof value !== 'object' || value === null) return;
  for (const [key, item] of Object.entries(value)) {
    if (SECRET_FIELD.test(key) && (typeof item === 'string' || typeof item === 'number')) add(String(item));
    else collectSecrets(item, add);
  }
}

function maskFields(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(maskFields);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, SECRET_FIELD.test(key) && (typeof item === 'string' || typeof item === 'number') ? MASK : maskFields(item)]));
}
