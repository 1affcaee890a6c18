// Secrets must never reach an error, a log line or a snapshot. Every text and body that leaves the core passes here,
// in one masking pass, and masking always comes before any cut.
//
// A secret is found in any of the forms a server may echo it in, mixed freely character by character: as it is,
// percent-encoded (either hex case; `+` for a space, as forms encode it), JSON-escaped (`\"`, `\/`, `\u00e9`),
// XML/HTML-escaped (`&quot;`, `&#233;`), and each escape once more percent-encoded or JSON-escaped (a JSON packet inside
// a form body, as Dilovod sends its key; a JSON string quoted inside another).
//
// Credentials in a URL (`http://user:password@host`) are masked whether registered or not.
//
// A secret of SHORT_SECRET_LENGTH characters or more is also masked in hex and base64/base64url (at any byte offset:
// `Basic base64(user:secret)`), and every run of PIECE_LENGTH of its characters is masked on its own, so a secret an
// echo cuts in pieces (`abcdefghijkl…mnopqrstuvwx`) loses each piece of that length. Pieces shorter than that, and
// encodings other than these (base32, a secret XOR-ed or hashed), are not recognised.
//
// Short secrets: one of fewer than SHORT_SECRET_LENGTH characters (a password `2020`) cannot be masked wherever its
// characters occur without mangling unrelated text (`2020-11-30`). It is masked only as a whole token: where it starts
// and ends at the edge of the text, whitespace, a quote, a percent-escape, or one of `=:,;&|/?#()[]{}<>+`. So
// `"password":"2020"`, `password=2020&` and `password 2020 is wrong` lose it, `2020-11-30` and `a2020b` keep their text.
import { isError } from './objects.ts';

export const REDACTED = '[REDACTED]';
/** Secrets shorter than this are masked only as whole tokens (see above). */
export const SHORT_SECRET_LENGTH = 8;
/** Parsed bodies nested deeper than this are cut there (an error body is for reading, and must survive JSON.stringify). */
export const MAX_DEPTH = 64;

export interface Redactor {
  /** Registers a secret (an API key, a token, a session id); later texts have it masked. Empty and blank values are ignored. */
  add(secret: string | undefined): void;
  /** Masks every registered secret in a text. */
  text(value: string): string;
  /** The first `limit` characters of a text, masked before the cut: a secret across the cut is masked whole. */
  snippet(value: string, limit: number): string;
  /** A deep copy of a parsed body with every registered secret masked in its strings and keys. */
  value(value: unknown): unknown;
  /** Masks, in place, every string an error carries: message, stack, its own fields (deeply), and its causes. */
  error<E extends Error>(error: E): E;
}

export function createRedactor(initial: Iterable<string | undefined> = []): Redactor {
  const secrets = new Set<string>();
  let matchers: Matcher[] = [];

  function add(secret: string | undefined): void {
    if (!secret || !secret.trim() || secrets.has(secret)) return;
    const forms = [secret, ...(secret.length >= SHORT_SECRET_LENGTH ? [...encodedForms(secret), ...piecesOf(secret)] : [])];
    for (const form of forms) secrets.add(form);
    // Longest first, so a secret that contains another is masked whole.
    matchers = [...matchers, ...forms.map(matcherOf)].sort((x, y) => y.length - x.length);
  }

  function text(value: string): string {
    value = withoutUserinfo(value);
    return matchers.length === 0 ? value : mask(value, matchers, value.length);
  }

  function snippet(value: string, limit: number): string {
    value = withoutUserinfo(value);
    if (matchers.length === 0) return value.slice(0, limit);
    if (value.length <= limit) return text(value);
    // A match that starts before the cut ends within `reach` of it: masking this window is masking the whole text.
    const reach = Math.max(...matchers.map((matcher) => matcher.reach));
    return mask(value.slice(0, limit + reach), matchers, limit);
  }

  function value(input: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
    if (typeof input === 'string') return text(input);
    if (input === null || typeof input !== 'object') return input;
    if (depth >= MAX_DEPTH) return '[nested too deep]';
    if (seen.has(input)) return '[Circular]';
    seen.add(input);
    if (Array.isArray(input)) return input.map((item) => value(item, depth + 1, seen));
    // fromEntries defines own properties, so a "__proto__" key stays data and never touches a prototype.
    return Object.fromEntries(Object.entries(input).map(([key, item]) => [text(key), value(item, depth + 1, seen)]));
  }

  function error<E extends Error>(target: E, depth = 0): E {
    target.message = text(target.message);
    if (target.stack) target.stack = text(target.stack);
    const fields = target as unknown as Record<string, unknown>;
    for (const key of Object.keys(target)) fields[key] = value(fields[key]);
    if (target.cause !== undefined) {
      const cause = depth >= 8 ? '[cause chain too long]' : isError(target.cause) ? error(copyError(target.cause), depth + 1) : value(target.cause);
      Object.defineProperty(target, 'cause', { value: cause, writable: true, configurable: true, enumerable: false });
    }
    return target;
  }

  for (const secret of initial) add(secret);
  return { add, text, snippet, value, error: (target) => error(target) };
}

/** The `user:password@` of any URL in a text (undici quotes a URL with credentials in its TypeError), masked whole. */
const USERINFO = /(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>]+@/gi;
const withoutUserinfo = (value: string) => (value.includes('@') ? value.replace(USERINFO, `$1${REDACTED}@`) : value);

/** Every run of this many characters of a secret is masked on its own, so a secret cut in pieces loses each piece. */
export const PIECE_LENGTH = 10;

function piecesOf(secret: string): string[] {
  const pieces = new Set<string>();
  for (let i = 0; i + PIECE_LENGTH < secret.length; i++) pieces.add(secret.slice(i, i + PIECE_LENGTH));
  return [...pieces];
}

/**
 * A secret's UTF-8 bytes in hex (either case) and in base64 and base64url, each at the three byte offsets it may sit at
 * inside a longer encoded text (`Basic base64(user:secret)`): only the characters that depend on the secret's bytes
 * alone, so the form is found whatever surrounds it.
 */
export function encodedForms(secret: string): string[] {
  const bytes = (utf8 ??= new TextEncoder()).encode(secret);
  const hexText = [...bytes].map((byte) => hex(byte, 2)).join('');
  const forms = new Set([hexText, hexText.toLowerCase()]);
  for (const offset of [0, 1, 2]) {
    const padded = new Uint8Array(offset + bytes.length);
    padded.set(bytes, offset);
    const total = padded.length;
    const base64 = btoa(String.fromCharCode(...padded)).replace(/=+$/, '');
    // Skip the characters that mix in the bytes before the secret, and the last one when it mixes in the bytes after.
    const stable = base64.slice([0, 2, 3][offset], total % 3 === 0 ? base64.length : -1);
    forms.add(stable);
    forms.add(stable.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return [...forms].filter((form) => form.length >= SHORT_SECRET_LENGTH);
}

/** A plain copy of an error that is not ours (fetch's, a socket's), so masking it changes nothing the runtime holds. */
function copyError(source: Error): Error {
  const copy = new Error(source.message);
  copy.name = source.name;
  copy.stack = source.stack;
  for (const [key, item] of Object.entries(source)) (copy as unknown as Record<string, unknown>)[key] = item;
  if (source.cause !== undefined) Object.defineProperty(copy, 'cause', { value: source.cause, writable: true, configurable: true, enumerable: false });
  return copy;
}

/** One secret, ready to be found: the forms of each of its characters. */
interface Matcher {
  length: number;
  /** Each character's forms, in order; `exact` for the character itself, the others compare hex digits in either case. */
  chars: Array<Array<{ text: string; lower: string; exact: boolean }>>;
  /** The first code unit of every form of the first character: a text position starting with none of them is skipped. */
  starts: Set<string>;
  short: boolean;
  /** The longest text the secret can take. */
  reach: number;
}

const matcherCache = new Map<string, Matcher>();

/** A secret's matcher; clients made with the same secrets share them (building one takes a fraction of a millisecond). */
function matcherOf(secret: string): Matcher {
  let matcher = matcherCache.get(secret);
  if (!matcher) {
    const chars = [...secret].map((char) => charForms(char).map((form, i) => ({ text: form, lower: form.toLowerCase(), exact: i === 0 })));
    matcher = {
      length: secret.length,
      chars,
      starts: new Set(chars[0]?.map((form) => form.text[0] ?? '')),
      short: secret.length < SHORT_SECRET_LENGTH,
      reach: chars.reduce((sum, forms) => sum + Math.max(...forms.map((form) => form.text.length)), 0),
    };
    if (matcherCache.size >= 256) matcherCache.delete(matcherCache.keys().next().value as string);
    matcherCache.set(secret, matcher);
  }
  return matcher;
}

/**
 * The text with every match that starts before `cut` replaced whole, and nothing of the text from `cut` on. One pass:
 * at each position, each secret is followed through the forms its characters may take (every way at once, so a
 * form that is the prefix of another costs no backtracking).
 */
function mask(value: string, matchers: Matcher[], cut: number): string {
  const candidates = startsOf(matchers);
  let out = '';
  let copied = 0;
  candidates.lastIndex = 0;
  for (let found = candidates.exec(value); found && found.index < cut; found = candidates.exec(value)) {
    const at = found.index;
    for (const matcher of matchers) {
      if (!matcher.starts.has(value[at] as string) || (matcher.short && !tokenEdgeBefore(value, at))) continue;
      const end = matchEnd(value, at, matcher);
      if (end < 0) continue;
      out += value.slice(copied, at) + REDACTED;
      copied = end;
      candidates.lastIndex = end;
      break;
    }
  }
  return copied >= cut ? out : out + value.slice(copied, cut);
}

const startsCache = new WeakMap<Matcher[], RegExp>();

/** Where any secret may start: a character class, which the regular-expression engine scans for far faster than a loop. */
function startsOf(matchers: Matcher[]): RegExp {
  let pattern = startsCache.get(matchers);
  if (!pattern) {
    const units = new Set(matchers.flatMap((matcher) => [...matcher.starts]));
    pattern = new RegExp(`[${[...units].map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`, 'g');
    startsCache.set(matchers, pattern);
  }
  return pattern;
}

function matchEnd(value: string, start: number, matcher: Matcher): number {
  let positions = [start];
  for (const forms of matcher.chars) {
    const next: number[] = [];
    for (const at of positions) {
      for (const form of forms) {
        if (!(form.exact ? value.startsWith(form.text, at) : startsWithIgnoringCase(value, at, form.lower))) continue;
        if (!next.includes(at + form.text.length)) next.push(at + form.text.length);
      }
    }
    if (next.length === 0) return -1;
    positions = next;
  }
  let end = -1;
  for (const at of positions) if (at > end && (!matcher.short || tokenEdgeAfter(value, at))) end = at;
  return end;
}

/** Whether `lower` (a form in lower case: escapes, hex digits) is at `at`, in either case. */
function startsWithIgnoringCase(value: string, at: number, lower: string): boolean {
  if (at + lower.length > value.length) return false;
  for (let i = 0; i < lower.length; i++) {
    const unit = value.charCodeAt(at + i);
    const expected = lower.charCodeAt(i);
    if (unit !== expected && (unit < 65 || unit > 90 || unit + 32 !== expected)) return false;
  }
  return true;
}

const EDGE = new Set([...' \t\n\r\f\v"\'`=:,;&|/?#()[]{}<>+']);
const isHex = (unit: string | undefined) => unit !== undefined && /^[0-9A-Fa-f]$/.test(unit);
const tokenEdgeBefore = (value: string, at: number) => at === 0 || EDGE.has(value[at - 1] as string) || (value[at - 3] === '%' && isHex(value[at - 2]) && isHex(value[at - 1]));
const tokenEdgeAfter = (value: string, at: number) => at >= value.length || EDGE.has(value[at] as string) || (value[at] === '%' && isHex(value[at + 1]) && isHex(value[at + 2]));

const JSON_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '/': '\\/', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
let utf8: InstanceType<typeof TextEncoder> | undefined; // made on first use: nothing happens at import
const hex = (n: number, width: number) => n.toString(16).toUpperCase().padStart(width, '0');
const percentAll = (text: string) => [...(utf8 ??= new TextEncoder()).encode(text)].map((byte) => `%${hex(byte, 2)}`).join('');
const jsonEscaped = (text: string) => JSON.stringify(text).slice(1, -1);
const formEncoded = (text: string) => new URLSearchParams({ v: text }).toString().slice(2);

/** Every form one character (a code point) may take in an echoed text; the first is the character itself. */
const charFormsCache = new Map<string, string[]>();

function charForms(char: string): string[] {
  let forms = charFormsCache.get(char);
  if (!forms) {
    forms = buildCharForms(char);
    if (charFormsCache.size < 4096) charFormsCache.set(char, forms);
  }
  return forms;
}

function buildCharForms(char: string): string[] {
  const code = char.codePointAt(0) ?? 0;
  const units = [...Array(char.length).keys()].map((i) => char.charCodeAt(i));
  const first = new Set<string>([percentAll(char), units.map((unit) => `\\u${hex(unit, 4)}`).join(''), `&#${code};`, `&#x${hex(code, 1)};`]);
  if (char === ' ') first.add('+');
  if (JSON_ESCAPES[char]) first.add(JSON_ESCAPES[char]);
  if (XML_ESCAPES[char]) first.add(XML_ESCAPES[char]);
  const forms = new Set<string>([char, ...first]);
  for (const form of first) for (const again of [percentAll(form), encodeURIComponent(form), formEncoded(form), jsonEscaped(form)]) forms.add(again);
  return [...forms];
}
