// Loaded first by test/core/import-side-effects.test.ts: the runtime dependencies of the entries, so that what Node's
// loader reads while it loads a CommonJS package (URLSearchParams, for content-disposition and the Redis entry's
// ioredis and redis-semaphore) is not charged to our code.
import 'content-disposition';
import 'openapi-fetch';
import 'ioredis';
import 'redis-semaphore';
