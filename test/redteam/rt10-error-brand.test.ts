// Attack: the cross-copy `instanceof` brand (`Symbol.for('delivery-api-clients.error-classes')`). The promise: only
// classes that declare `static errorName`, and only Errors the constructor marked, match across copies.
// Forgeries, confusions and what survives toJSON / util.inspect / structuredClone / a worker's postMessage.
import { inspect } from 'node:util';
import { runInNewContext } from 'node:vm';
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError, SdkError, TimeoutError, UsageError } from '../../src/core/index.ts';

const BRAND = Symbol.for('delivery-api-clients.error-classes');
const ctx = { api: 'rt10', operation: 'op', attempts: 1 };

describe('forging the brand', () => {
  it('BUG: a plain object (not an Error) with Symbol.toStringTag "Error" and the brand is instanceof ApiError', () => {
    const forged = { [Symbol.toStringTag]: 'Error', message: 'not an error' };
    Object.defineProperty(forged, BRAND, { value: ['ApiError', 'SdkError'] });
    // "only for Errors": this object has no Error anywhere in its prototype chain
    expect(Object.getPrototypeOf(forged)).toBe(Object.prototype);
    expect(forged instanceof ApiError).toBe(false);
    expect(forged instanceof SdkError).toBe(false);
  });

  it('BUG: a Proxy whose getOwnPropertyDescriptor trap invents the brand is instanceof NetworkError', () => {
    const proxy = new Proxy(new Error('plain'), {
      getOwnPropertyDescriptor: (target, key) =>
        key === BRAND ? { value: ['NetworkError', 'SdkError'], configurable: true, enumerable: false, writable: false } : Reflect.getOwnPropertyDescriptor(target, key),
    });
    expect(proxy instanceof NetworkError).toBe(false);
  });

  it('BUG: any plain Error given the brand by Object.defineProperty passes as an ApiError (not marked by a constructor)', () => {
    const forged = new Error('forged');
    Object.defineProperty(forged, BRAND, { value: ['ApiError', 'SdkError'] });
    // the forged "ApiError" would have none of an ApiError's fields: only errors constructors made count
    expect(forged instanceof ApiError).toBe(false);
  });

  it('BUG: an error from another realm (node:vm) carrying a brand it made itself is instanceof TimeoutError', () => {
    const vmErr = runInNewContext('const e = new Error("vm"); Object.defineProperty(e, Symbol.for("delivery-api-clients.error-classes"), { value: ["TimeoutError"] }); e');
    expect(vmErr instanceof TimeoutError).toBe(false);
  });

  it('BUG: the brand array of a real error is not frozen: pushing "ApiError" onto a NetworkError makes it instanceof ApiError', () => {
    const e = new NetworkError(ctx, 'refused');
    const classes = Object.getOwnPropertyDescriptor(e, BRAND)?.value as string[];
    expect(Object.isFrozen(classes)).toBe(true);
    try {
      classes.push('ApiError');
    } catch {
      /* frozen: fine */
    }
    expect(e instanceof ApiError).toBe(false);
  });

  it('holds: an enumerable brand (what JSON or a plain assignment could produce) is not honoured', () => {
    const e = new Error('x') as Error & Record<symbol, unknown>;
    e[BRAND] = ['ApiError', 'SdkError'];
    expect(e instanceof ApiError).toBe(false);
  });

  it('holds: a Proxy whose traps throw is no NetworkError, and instanceof neither throws nor hangs', () => {
    const p = new Proxy({}, { getPrototypeOf: () => Error.prototype, getOwnPropertyDescriptor: () => { throw new Error('trap'); } });
    expect(p instanceof NetworkError).toBe(false);
  });
});

describe('confusing the names', () => {
  it('BUG: a user subclass of NetworkError that declares errorName "ApiError" is instanceof ApiError in the SAME copy', () => {
    class Mine extends NetworkError {
      static override readonly errorName: string = 'ApiError';
    }
    const e = new Mine(ctx, 'reason');
    // prototype says NetworkError; the name collision with a built-in class makes it an ApiError without status/body
    expect(e instanceof ApiError).toBe(false);
  });

  it('BUG: a user class directly on SdkError naming itself "TimeoutError" is instanceof the real TimeoutError', () => {
    class TimeoutError2 extends SdkError {
      static override readonly errorName: string = 'TimeoutError';
    }
    expect(new TimeoutError2('x', ctx) instanceof TimeoutError).toBe(false);
  });

  it('holds: anonymous subclasses take the parent name; named ones their own', () => {
    const Anon = (() => class extends NetworkError {})();
    expect(new Anon(ctx, 'r').name).toBe('NetworkError');
    expect(new Anon(ctx, 'r') instanceof NetworkError).toBe(true);
    class Named extends NetworkError {}
    expect(new Named(ctx, 'r').name).toBe('Named');
    expect(new Named(ctx, 'r') instanceof ApiError).toBe(false);
  });

  it('BUG: new SdkError(message) without a context (a JS user subclassing it) throws a bare TypeError', () => {
    let thrown: unknown;
    try {
      // @ts-expect-error the context is required by the types, not by JavaScript
      new SdkError('no context');
    } catch (error) {
      thrown = error;
    }
    expect(thrown === undefined || thrown instanceof SdkError).toBe(true);
  });

});

describe('what survives serialisation', () => {
  it('holds: toJSON and util.inspect name the class and never show the brand as a field', () => {
    const e = new ApiError(ctx, { status: 503, body: { a: 1 } });
    expect(JSON.parse(JSON.stringify(e))).toMatchObject({ name: 'ApiError', status: 503 });
    expect(JSON.stringify(e)).not.toContain('SdkError');
    expect(inspect(e)).toMatch(/^ApiError: /);
  });

  it('BUG: toJSON of an error holding a reference to itself overflows the stack (RangeError) instead of a TypeError/"[Circular]"', () => {
    const e = new NetworkError(ctx, 'r') as NetworkError & { self?: unknown };
    e.self = e;
    let thrown: unknown;
    try {
      JSON.stringify(e);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).not.toBeInstanceOf(RangeError);
  });

  // structuredClone and postMessage keep only what the platform keeps of any Error subclass (name, message, stack,
  // cause): a platform limit. The README says to send `error.toJSON()`, which crosses intact.
  it('across threads, error.toJSON() keeps the name and every field (structuredClone and a MessagePort)', async () => {
    const e = new ApiError(ctx, { status: 429, retryAfterMs: 1000, body: null });
    expect(structuredClone(e.toJSON())).toMatchObject({ name: 'ApiError', status: 429, retryAfterMs: 1000 });
    const { port1, port2 } = new MessageChannel();
    const got = new Promise<Record<string, unknown>>((resolve) => port2.once('message', resolve));
    port1.postMessage(e.toJSON());
    const received = await got;
    port1.close();
    port2.close();
    expect(received).toMatchObject({ name: 'ApiError', status: 429 });
  });

  it('holds: redaction of UsageError causes from another realm keeps the cause readable', () => {
    const cause = runInNewContext('new RangeError("bad")');
    const e = new UsageError(ctx, 'reason', cause);
    expect(e.cause).toBe(cause);
    expect(inspect(e)).toContain('bad');
  });
});
