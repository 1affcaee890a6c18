// Secrets must never reach an error, a log line or a snapshot. Every text and body that leaves the core passes here.

export const REDACTED = '[REDACTED]';

export interface Redactor {
  /** Registers a secret (an API key, a token, a session id); later texts have it masked. Empty values are ignored. */
  add(secret: string | undefined): void;
  /** Masks every registered secret in a text. */
  text(value: string): string;
  /** A deep copy of a parsed body with every registered secret masked in its strings and keys. */
  value(value: unknown): unknown;
}

export function createRedactor(initial: Iterable<string | undefined> = []): Redactor {
  const secrets = new Set<string>();

  function add(secret: string | undefined): void {
    if (secret) secrets.add(secret);
  }

  function text(value: string): string {
    let out = value;
    for (const secret of secrets) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    return out;
  }

  function value(input: unknown, seen = new WeakSet<object>()): unknown {
    if (typeof input === 'string') return text(input);
    if (input === null || typeof input !== 'object') return input;
    if (seen.has(input)) return '[Circular]';
    seen.add(input);
    if (Array.isArray(input)) return input.map((item) => value(item, seen));
    // fromEntries defines own properties, so a "__proto__" key stays data and never touches a prototype.
    return Object.fromEntries(Object.entries(input).map(([key, item]) => [text(key), value(item, seen)]));
  }

  for (const secret of initial) add(secret);
  return { add, text, value };
}
