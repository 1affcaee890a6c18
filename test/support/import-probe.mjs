// Child process for test/core/import-side-effects.test.ts: imports modules (file URLs in argv) one after the other, with
// every web global a module could use at import replaced by an accessor that records the read, and prints the names
// read during each import. A module already loaded by an earlier one is not run again, so each runs exactly once.
const touched = new Set();
const NAMES = ['fetch', 'Request', 'Response', 'Headers', 'FormData', 'Blob', 'File', 'ReadableStream', 'AbortController', 'AbortSignal', 'TextDecoder', 'TextEncoder', 'URL', 'URLSearchParams', 'crypto', 'setTimeout', 'clearTimeout', 'performance', 'console'];
for (const name of NAMES) {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, name);
  if (!descriptor) continue;
  let value = descriptor.get ? undefined : descriptor.value;
  const read = descriptor.get;
  Object.defineProperty(globalThis, name, {
    configurable: true,
    enumerable: descriptor.enumerable,
    get() {
      touched.add(name);
      return read ? read.call(globalThis) : value;
    },
    set(next) {
      value = next;
    },
  });
}
const report = {};
for (const url of process.argv.slice(2)) {
  touched.clear();
  await import(url);
  report[url] = [...touched];
}
process.stdout.write(JSON.stringify(report));
