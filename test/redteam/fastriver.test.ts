// Attacks on parseFastriverCallback and on JSON:API flattening through the Fastriver client against a hostile server.
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFastriverClient, DecodeError, SdkError } from '../../src/fastriver/index.ts';
import { parseFastriverCallback } from '../../src/fastriver/callbacks.ts';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';

const TOKEN = 'tok-SECRET-9f8e7d6c5b4a';
const doc = (attributes: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ data: { id: '7f1f5c0e-0000-4000-8000-000000000001', type: 'external_callback', attributes, ...extra } });

describe('parseFastriverCallback with hostile bodies', () => {
  const bad: Array<[string, unknown]> = [
    ['empty buffer', Buffer.alloc(0)],
    ['invalid UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d])],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(doc({ event: 'schedule' }), 'utf16le')])],
    ['null', 'null'],
    ['array', '[]'],
    ['number', '42'],
    ['data is a string', '{"data":"x"}'],
    ['data is an array', '{"data":[]}'],
    ['attributes null', '{"data":{"id":"1","type":"external_callback","attributes":null}}'],
    ['event not a string', doc({ event: { toString: 1 } })],
    ['deep nesting', '{"data":' + '['.repeat(100000) + ']'.repeat(100000) + '}'],
    ['undefined', undefined],
    ['a Symbol', Symbol('x')],
    ['a function', () => 1],
    ['a Uint16Array', new Uint16Array([0x7b, 0x7d])],
    ['missing id', '{"data":{"type":"external_callback","attributes":{"event":"schedule","delivery_request_status":"validated"}}}'],
    ['id is an object', JSON.stringify({ data: { id: { a: 1 }, type: 'external_callback', attributes: { event: 'schedule', delivery_request_status: 'validated' } } })],
    ['wrong type', JSON.stringify({ data: { id: '1', type: 'delivery_request', attributes: { event: 'schedule', delivery_request_status: 'validated' } } })],
  ];
  for (const [name, body] of bad) {
    it(`refuses ${name} with a DecodeError`, () => {
      let error: unknown;
      let result: unknown;
      try { result = parseFastriverCallback(body); } catch (e) { error = e; }
      expect(error, `resolved to ${inspect(result)}`).toBeInstanceOf(DecodeError);
    });
  }

  it('accepts a UTF-8 BOM or refuses it with DecodeError (no bare SyntaxError)', () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(doc({ event: 'schedule', delivery_request_status: 'validated' }))]);
    try { parseFastriverCallback(body); } catch (e) { expect(e).toBeInstanceOf(DecodeError); }
  });

  it('does not pollute prototypes via __proto__ / constructor attribute names', () => {
    const body = '{"data":{"id":"1","type":"external_callback","attributes":{"event":"schedule","delivery_request_status":"validated","__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}},"__proto__":{"polluted":1}}}';
    let result: any;
    try { result = parseFastriverCallback(body); } catch (e) { expect(e).toBeInstanceOf(DecodeError); }
    expect(({} as any).polluted).toBeUndefined();
    if (result) expect(result.polluted).toBeUndefined();
  });

  it('an unknown event is known:false, not a crash; a prototype name as event is not "known"', () => {
    for (const event of ['toString', '__proto__', 'constructor', 'hasOwnProperty']) {
      let result: any;
      try { result = parseFastriverCallback(doc({ event, delivery_request_status: 'validated' })); } catch (e) { expect(e).toBeInstanceOf(DecodeError); continue; }
      expect(result.known, event).toBe(false);
    }
  });
});

describe('JSON:API flattening through the client against a hostile server', () => {
  let api: FaultServer;
  beforeAll(async () => void (api = await startFaultServer()));
  afterAll(() => api.close());
  /** The hostile server's next answers (a JSON:API document unless `headers` say otherwise). */
  const answer = ({ status = 200, headers = {}, body }: { status?: number; headers?: Record<string, string>; body: string }) =>
    api.script({ status, headers: { 'content-type': 'application/vnd.api+json', ...headers }, body });
  const client = () => createFastriverClient({ token: TOKEN }, { baseUrl: api.url, retry: { maxRetries: 0 }, timeoutMs: 3000 });

  const base = { id: 'r1', type: 'delivery_request', attributes: { status: 'new' } };
  const hostile: Array<[string, unknown]> = [
    ['data null', { data: null }],
    ['data array for a single get', { data: [base] }],
    ['no data', { meta: {} }],
    ['attributes is a string', { data: { ...base, attributes: 'x' } }],
    ['relationship to an id missing from included', { data: { ...base, relationships: { active_delivery: { data: { id: 'nope', type: 'delivery' } } } } }],
    ['relationship data is a number', { data: { ...base, relationships: { active_delivery: { data: 5 } } } }],
    ['included with no id', { data: { ...base, relationships: { active_delivery: { data: { id: 'd', type: 'delivery' } } } }, included: [{ type: 'delivery', attributes: {} }] }],
    ['included is an object', { data: base, included: { a: 1 } }],
    ['attribute named id/type overriding identity', { data: { ...base, attributes: { id: 'evil', type: 'evil', status: 'new' } } }],
  ];
  for (const [name, body] of hostile) {
    it(`${name}: a typed error or a sane object, never a bare TypeError`, async () => {
      answer({ body: JSON.stringify(body) });
      let result: any;
      try { result = await client().deliveryRequests.get('r1'); } catch (e) { expect(e, String(e)).toBeInstanceOf(SdkError); return; }
      expect(result).toBeTypeOf('object');
      expect(result.id).toBe('r1');
      expect(() => JSON.stringify(result)).not.toThrow();
    });
  }

  it('__proto__ attribute / relationship names do not pollute', async () => {
    answer({ body: '{"data":{"id":"r1","type":"delivery_request","attributes":{"__proto__":{"polluted":1},"status":"new"},"relationships":{"__proto__":{"data":{"id":"d","type":"delivery"}},"constructor":{"data":{"id":"d","type":"delivery"}}}},"included":[{"id":"d","type":"delivery","attributes":{"polluted":1}}]}' });
    try { await client().deliveryRequests.get('r1'); } catch (e) { expect(e).toBeInstanceOf(SdkError); }
    expect(({} as any).polluted).toBeUndefined();
  });

  it('a cycle through included serializes and inspects', async () => {
    answer({ body: JSON.stringify({
      data: { ...base, relationships: { active_delivery: { data: { id: 'd', type: 'delivery' } }, deliveries: { data: [{ id: 'd', type: 'delivery' }] } } },
      included: [{ id: 'd', type: 'delivery', attributes: {}, relationships: { delivery_request: { data: { id: 'r1', type: 'delivery_request' } }, self: { data: { id: 'd', type: 'delivery' } } } }],
    }) });
    const result = await client().deliveryRequests.get('r1');
    expect(() => JSON.stringify(result)).not.toThrow();
    expect(() => inspect(result, { depth: 10 })).not.toThrow();
  });

  it('10k-deep included chain does not overflow the stack with a bare RangeError', async () => {
    const included = Array.from({ length: 10000 }, (_, i) => ({ id: `d${i}`, type: 'delivery', attributes: {}, relationships: { next: { data: { id: `d${i + 1}`, type: 'delivery' } } } }));
    answer({ body: JSON.stringify({ data: { ...base, relationships: { active_delivery: { data: { id: 'd0', type: 'delivery' } } } }, included }) });
    let result: any;
    try { result = await client().deliveryRequests.get('r1'); } catch (e) { expect(e, String(e)).toBeInstanceOf(SdkError); return; }
    expect(() => JSON.stringify(result)).not.toThrow();
  });

  it('path traversal in the uuid stays inside the path segment', async () => {
    answer({ body: JSON.stringify({ data: base }) });
    try { await client().deliveryRequests.get('../../authentications?x=1#'); } catch (e) { expect(e).toBeInstanceOf(SdkError); }
    for (const s of api.received) {
      expect(s.url).not.toMatch(/\/authentications/);
    }
  });

  it('the token never appears in an ApiError, its JSON, inspect, or cause chain when the server echoes it', async () => {
    const b64 = Buffer.from(TOKEN).toString('base64');
    answer({ status: 400, headers: { 'x-echo': TOKEN, 'www-authenticate': `Bearer ${TOKEN}` }, body: JSON.stringify({ error: `bad token ${TOKEN} / ${encodeURIComponent(TOKEN)} / ${b64} / ${TOKEN.slice(4)}`, validation_errors: { token: [TOKEN] } }) });
    let error: any;
    try { await client().deliveryRequests.get('r1'); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(SdkError);
    const surfaces = [String(error), error.message, error.stack, JSON.stringify(error), inspect(error, { depth: 20, showHidden: true }), JSON.stringify(error.body), JSON.stringify(error.headers)].join('\n');
    expect(surfaces).not.toContain(TOKEN);
    expect(surfaces).not.toContain(b64);
    expect(surfaces).not.toContain(TOKEN.slice(4));
  });

  it('a non-JSON:API 2xx (HTML, truncated JSON) is an InvalidResponseError-like SdkError', async () => {
    for (const body of ['<html>hi</html>', '{"data":{"id":"r1"', '', '\ufeff{"data":null}']) {
      answer({ headers: { 'content-type': 'text/html' }, body });
      await expect(client().deliveryRequests.get('r1')).rejects.toBeInstanceOf(SdkError);
    }
  });
});
