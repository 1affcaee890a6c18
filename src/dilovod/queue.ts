// Dilovod forbids concurrent requests, so a client's calls run one at a time, in call order. A failed call does not
// stall the ones behind it, and a call aborted while it waits is never sent.

export type SerialQueue = <T>(task: () => Promise<T>, signal?: AbortSignal) => Promise<T>;

export function createSerialQueue(): SerialQueue {
  let tail: Promise<void> = Promise.resolve();
  return <T>(task: () => Promise<T>, signal?: AbortSignal) =>
    new Promise<T>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => reject(signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      tail = tail.then(async () => {
        signal?.removeEventListener('abort', onAbort);
        if (signal?.aborted) return; // already rejected while waiting: skipped, never sent
        try {
          resolve(await task());
        } catch (error) {
          reject(error);
        }
      });
    });
}
