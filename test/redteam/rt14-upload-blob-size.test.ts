// Attack: a Blob subclass (a real Blob by brand) whose `size` getter lies. Node's Blob and File constructors read a
// part's length through `size`, and the multipart writer counts Content-Length with it: the upload goes out with a
// length that is not the length of its bytes. Sent over the machine's real fetch to a local node:http server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/index.ts';
import { createTbankDeliveryClient } from '../../src/tbank-delivery/index.ts';
import { serve, type TestServer } from './helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await serve((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: 'doc-1' }));
  });
});
afterAll(() => server.close());

// Defined on the prototype: TypeScript types Blob#size as a property, so it will not take an accessor in the class body.
class LyingSize extends Blob {}
Object.defineProperty(LyingSize.prototype, 'size', { get: () => 1 });

describe('a Blob whose size lies', () => {
  for (const type of ['application/pdf', '']) {
    it(`type ${JSON.stringify(type)}: the four bytes go out whole with a true length, or a UsageError (not a NetworkError: UND_ERR_REQ_CONTENT_LENGTH_MISMATCH)`, async () => {
      const tbank = createTbankDeliveryClient({ token: 't', baseUrl: server.url, retry: { maxRetries: 0 }, timeoutMs: 3000 });
      const before = server.seen.length;
      const outcome = await tbank
        .uploadDocument({ taskId: 'task-1', type: 'ACT', content: new LyingSize(['ABCD'], { type }), filename: 'act.pdf' })
        .then((result) => result, (error: unknown) => error);
      if (outcome instanceof Error) {
        // a content problem, known before anything goes out: a UsageError (a NetworkError says "try again")
        expect(outcome).toBeInstanceOf(UsageError);
        return;
      }
      expect(server.seen.length).toBe(before + 1);
      const seen = server.seen.at(-1)!;
      expect(seen.body).toContain('ABCD');
      if (seen.headers['content-length'] !== undefined) expect(Number(seen.headers['content-length'])).toBe(Buffer.byteLength(seen.body));
    });
  }
});
