// Building objects from data off the wire without letting a key change how the process behaves.

/** Sets an own data property; plain assignment would let a "__proto__" key from the wire swap the prototype. */
export function defineData(target: object, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else (target as Record<string, unknown>)[key] = value;
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A short, safe description of any value off the wire, for an error message: a string quoted and cut to 60 characters,
 * a number, boolean or null as itself, anything else by its kind. Never calls a member of the value (an object with a
 * `toString` or `toJSON` member, or nested thousands deep, describes as `an object` like any other).
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
