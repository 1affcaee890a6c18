// Attack: upload content that stalls while it is read (an async iterable that never yields again). README: timeoutMs is
// "per attempt, covering headers and body"; "the caller's own abort rejects with the signal's reason". Neither may
// leave the call pending forever.
import { describe, expect, it } from 'vitest';
import { SdkError } from '../../src/core/index.ts';
import { createTbankDeliveryClient } from '../../src/tbank-delivery/index.ts';
import { createFastriverClient } from '../../src/fastriver/index.ts';

const stalled = () => ({
  [Symbol.asyncIterator]() {
    let first = true;
    return {
      next: () => (first ? ((first = false), Promise.resolve({ done: false, value: new Uint8Array([1]) })) : new Promise<IteratorResult<Uint8Array>>(() => undefined)),
    };
  },
});

let calls = 0;
const recording = async () => {
  calls++;
  return new Response(JSON.stringify({ id: 'doc-1' }), { status: 200, headers: { 'content-type': 'application/json' } });
};
const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise.then((value) => ({ settled: true as const, value }), (error: unknown) => ({ settled: true as const, error })), new Promise<{ settled: false }>((resolve) => setTimeout(() => resolve({ settled: false }), ms))]);

describe('upload content that stalls', () => {
  it('T-Bank uploadDocument with timeoutMs 200: a TimeoutError (an SdkError) soon, nothing sent', async () => {
    const tbank = createTbankDeliveryClient({ token: 't', baseUrl: 'https://tbank.example', fetch: recording });
    const before = calls;
    const outcome = await within(tbank.uploadDocument({ taskId: 'task-1', type: 'ACT', content: stalled(), filename: 'a.pdf' }, { timeoutMs: 200 }), 3000);
    expect(outcome.settled).toBe(true);
    if (outcome.settled) expect('error' in outcome && outcome.error).toBeInstanceOf(SdkError);
    expect(calls).toBe(before);
  }, 10_000);

  it('Fastriver documents.upload aborted by the caller: rejects with the signal\'s reason soon, nothing sent', async () => {
    const fastriver = createFastriverClient({ token: 't' }, { baseUrl: 'https://fastriver.example', fetch: recording });
    const controller = new AbortController();
    const before = calls;
    const call = fastriver.documents.upload('3d6f0a8e-1b2c-4d5e-8f90-a1b2c3d4e5f6', { file: stalled(), filename: 'c.pdf' }, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('caller gave up')), 100);
    const outcome = await within(call, 3000);
    expect(outcome.settled).toBe(true);
    if (outcome.settled) expect('error' in outcome ? String(outcome.error) : 'resolved').toMatch(/caller gave up|abort/i);
    expect(calls).toBe(before);
  }, 10_000);
});
