// Building objects from data off the wire without letting a key change how the process behaves.

/** Sets an own data property; plain assignment would let a "__proto__" key from the wire swap the prototype. */
export function defineData(target: object, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else (target as Record<string, unknown>)[key] = value;
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A scalar off the wire as text (a string as it is, a number or boolean written out); undefined for anything else. */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/**
 * Any wire value as text for a message, never throwing: a scalar as {@link scalarText}, a list as its items' texts
 * joined with `, `, anything else as its JSON (an object with members named `toString` or `valueOf` would make
 * `String()` and `join` throw; JSON reads only data). Undefined for null and undefined.
 */
export function textOf(value: unknown, depth = 0): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value) && depth < 4) return value.map((item) => textOf(item, depth + 1)).filter((item) => item !== undefined).join(', ');
  const scalar = scalarText(value);
  if (scalar !== undefined) return scalar;
  try {
    return JSON.stringify(value);
  } catch {
    return `[unreadable ${typeof value}]`; // nested too deep for JSON.stringify
  }
}

/** Per-field messages (`{field: message | [messages]}`, as Fastriver's `validation_errors`) as `field: messages` lines. */
export function fieldMessages(value: unknown): string[] {
  if (isPlainObject(value)) return Object.entries(value).map(([field, messages]) => `${field}: ${textOf(messages) ?? ''}`);
  const text = textOf(value);
  return text ? [text] : [];
}
