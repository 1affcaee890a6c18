// Building objects from data off the wire without letting a key change how the process behaves.

/**
 * An Error from any realm: `instanceof Error` sees only this realm's, and an error made in another one (Jest's test
 * sandbox, a vm context, an iframe) would lose its message and cause.
 */
export function isError(value: unknown): value is Error {
  return value instanceof Error || tagOf(value) === 'Error';
}

/**
 * A value's built-in kind (`Error`, `URL`, `Blob`), the same whichever realm made it; `''` for a value that cannot say
 * (a revoked Proxy). An object can claim any kind with Symbol.toStringTag: use it to read, never to trust.
 */
function tagOf(value: unknown): string {
  try {
    return Object.prototype.toString.call(value).slice(8, -1);
  } catch {
    return '';
  }
}

/** Whether a getter of `prototype` takes the value: a brand check that holds across realms and cannot be forged. */
export function hasBrand(value: unknown, prototype: object | undefined, getter: string): boolean {
  try {
    const get = prototype && Object.getOwnPropertyDescriptor(prototype, getter)?.get;
    if (!get) return false;
    get.call(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Bytes as a Uint8Array over the same memory: any ArrayBuffer view (a Buffer, a DataView), an ArrayBuffer or a
 * SharedArrayBuffer, from any realm (`instanceof Uint8Array` sees only this realm's: a Buffer in Jest's sandbox is
 * not one). `'detached'` for bytes transferred away (structuredClone's `transfer`, postMessage); undefined for
 * anything else, whatever its Symbol.toStringTag says.
 */
export function bytesOf(value: unknown): Uint8Array | 'detached' | undefined {
  const view = ArrayBuffer.isView(value) ? viewParts(value) : undefined;
  if (!view && !hasBrand(value, ArrayBuffer.prototype, 'byteLength') && !hasBrand(value, globalThis.SharedArrayBuffer?.prototype, 'byteLength')) return undefined;
  try {
    return view ? new Uint8Array(view.buffer, view.byteOffset, view.byteLength) : new Uint8Array(value as ArrayBuffer);
  } catch {
    return 'detached';
  }
}

/**
 * Where a view's bytes are, read by the built-in getters (a typed array's, else a DataView's), not through the view's
 * own members: a subclass or an own `byteLength` cannot make it look shorter or elsewhere than it is.
 */
function viewParts(value: ArrayBufferView): { buffer: ArrayBufferLike; byteOffset: number; byteLength: number } | undefined {
  for (const prototype of [Object.getPrototypeOf(Uint8Array.prototype) as object, DataView.prototype]) {
    try {
      const read = (name: string) => (Object.getOwnPropertyDescriptor(prototype, name)?.get as (this: unknown) => unknown).call(value);
      return { buffer: read('buffer') as ArrayBufferLike, byteOffset: read('byteOffset') as number, byteLength: read('byteLength') as number };
    } catch {
      // not this kind of view
    }
  }
  return undefined;
}

/** Sets an own data property; plain assignment would let a "__proto__" key from the wire swap the prototype. */
export function defineData(target: object, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else (target as Record<string, unknown>)[key] = value;
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An identifier as text: a string as it is, a JSON number only when it is a whole number from 0 to 2^53 − 1. A larger
 * one may already have been rounded by JSON.parse to another id (11098000000010389 reads as …388), so it is no id.
 */
export function idText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? String(value) : undefined;
}

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

/**
 * A copy of JSON data (plain objects, arrays, strings, finite numbers, booleans, null) at most `maxDepth` levels deep,
 * made without recursion (so no depth reaches the stack limit here, and none reaches it in a recursive consumer of the
 * copy such as JSON.stringify). A string says why when the value is deeper, or is not JSON data (a function, a cycle…).
 */
export function copyJsonData(value: unknown, maxDepth: number): { value: unknown } | string {
  const root: { value?: unknown } = {};
  const stack: Array<[source: unknown, target: Record<string, unknown> | unknown[], key: string, depth: number]> = [[value, root as Record<string, unknown>, 'value', 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [source, target, key, depth] = next;
    let copy: unknown = source;
    if (typeof source === 'object' && source !== null) {
      if (depth >= maxDepth) return `is nested deeper than ${maxDepth} levels`;
      const container: Record<string, unknown> | unknown[] = Array.isArray(source) ? [] : {};
      const members = Object.keys(source);
      // Pushed last to first, so members are copied in their order.
      for (let i = members.length - 1; i >= 0; i--) {
        const member = members[i] as string;
        stack.push([(source as Record<string, unknown>)[member], container, member, depth + 1]);
      }
      copy = container;
    } else if (!(source === null || typeof source === 'string' || typeof source === 'boolean' || (typeof source === 'number' && Number.isFinite(source)))) {
      return `holds ${describeValue(source)}, which is not JSON data`;
    }
    defineData(target, key, copy);
  }
  return { value: root.value };
}

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
