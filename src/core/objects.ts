// Building objects from data off the wire without letting a key change how the process behaves.

/** Sets an own data property; plain assignment would let a "__proto__" key from the wire swap the prototype. */
export function defineData(target: object, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else (target as Record<string, unknown>)[key] = value;
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
