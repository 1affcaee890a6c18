// The pure parts of the core: retry timing and safety, and the redactor.
import { describe, expect, it } from 'vitest';
import { createRedactor, defaultRetryPolicy } from '../../src/core/index.ts';
import { backoffDelay, isRetryableStatus, isSafeToRepeat, parseRetryAfter } from '../../src/core/retry.ts';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-22T10:00:00Z');

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter(' 7 ', now)).toBe(7000);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
  });

  it('reads an HTTP-date relative to now, and never goes negative', () => {
    expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 09:59:00 GMT', now)).toBe(0);
  });

  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  const policy = { ...defaultRetryPolicy, baseDelayMs: 100, maxDelayMs: 1000 };

  it('doubles per retry, with half of it jittered', () => {
    expect(backoffDelay(0, policy, () => 0)).toBe(50);
    expect(backoffDelay(0, policy, () => 1)).toBe(100);
    expect(backoffDelay(2, policy, () => 0)).toBe(200);
    expect(backoffDelay(2, policy, () => 1)).toBe(400);
  });

  it('is capped', () => {
    expect(backoffDelay(20, policy, () => 1)).toBe(1000);
    expect(backoffDelay(20, policy, () => 0)).toBe(500);
  });
});

describe('which requests may be repeated', () => {
  it('idempotent methods, keyed requests and declared reads only', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'get']) expect(isSafeToRepeat(method, false)).toBe(true);
    expect(isSafeToRepeat('POST', false)).toBe(false);
    expect(isSafeToRepeat('PATCH', false)).toBe(false);
    expect(isSafeToRepeat('POST', true)).toBe(true);
    expect(isSafeToRepeat('POST', false, true)).toBe(true);
  });

  it('retries 408, 429 and 5xx only', () => {
    expect([400, 401, 403, 404, 408, 409, 422, 429, 500, 502, 503, 504].filter(isRetryableStatus)).toEqual([408, 429, 500, 502, 503, 504]);
  });
});

describe('redactor', () => {
  it('masks every registered secret in text, body strings and keys', () => {
    const redactor = createRedactor(['s3cr3t-key', undefined, '']);
    redactor.add('session-42abc');
    expect(redactor.text('key=s3cr3t-key&again=s3cr3t-key')).toBe('key=[REDACTED]&again=[REDACTED]');
    expect(redactor.value({ list: ['session-42abc', 1, null], 's3cr3t-key': true })).toEqual({ list: ['[REDACTED]', 1, null], '[REDACTED]': true });
  });

  it('copies hostile keys as plain data without touching any prototype', () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}') as unknown;
    const copy = createRedactor().value(hostile) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('survives cycles', () => {
    const cyclic: Record<string, unknown> = { name: 'a' };
    cyclic.self = cyclic;
    expect(createRedactor().value(cyclic)).toEqual({ name: 'a', self: '[Circular]' });
  });
});
