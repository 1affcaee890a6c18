// rt5: Fastriver callbacks that are ambiguous (duplicate members), carry ids a double cannot hold, or collide with
// the names the parser itself adds.
import { describe, expect, it } from 'vitest';
import { DecodeError, SdkError } from '../../src/fastriver/index.ts';
import { parseFastriverCallback } from '../../src/fastriver/callbacks.ts';

const ok = (attributes: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ data: { id: 'f7b1c2d3-0000-4000-8000-000000000001', type: 'external_callback', attributes: { event: 'schedule', ...attributes }, ...extra } });

describe('rt5 parseFastriverCallback: ambiguity and identity', () => {
  // A JSON member named twice: the last is read, as JSON.parse and the JSON parsers of PHP, Python, Go and Java read it
  // (RFC 8259 §4 leaves it to the parser), so the receiver reads what the sender's own stack wrote last (README).
  it('"data" twice in the raw text: the last one is read', () => {
    const text = '{"data":{"id":"a","type":"external_callback","attributes":{"event":"schedule"}},"data":{"id":"b","type":"external_callback","attributes":{"event":"cancel"}}}';
    expect(parseFastriverCallback(text)).toMatchObject({ delivery_request_uuid: 'b', event: 'cancel' });
  });
  it('"event" twice in the raw text: the last one is read', () => {
    const text = '{"data":{"id":"a","type":"external_callback","attributes":{"event":"schedule","event":"cancel"}}}';
    expect(parseFastriverCallback(text)).toMatchObject({ event: 'cancel' });
  });
  it('a numeric data.id above 2^53 is refused, not rounded into another request id', () => {
    const text = '{"data":{"id":12345678901234567891,"type":"external_callback","attributes":{"event":"schedule"}}}';
    let r: any;
    try { r = parseFastriverCallback(text); } catch (error) { expect(error).toBeInstanceOf(DecodeError); return; }
    expect(r.delivery_request_uuid).toBe('12345678901234567891');
  });
  it('a numeric data.id 1e21 / 1.5 / -1 is refused', () => {
    // (`0.1e1` is exactly 1 once parsed, the same id as `1`: not refused.)
    for (const id of ['1e21', '1.5', '-1']) {
      const text = `{"data":{"id":${id},"type":"external_callback","attributes":{"event":"schedule"}}}`;
      expect(() => parseFastriverCallback(text), id).toThrow(DecodeError);
    }
  });
  it('an attribute named "id" does not change the event id', () => {
    const r = (() => { try { return parseFastriverCallback(ok({ id: 'evil' })); } catch (e) { return e; } })() as any;
    if (r instanceof Error) { expect(r).toBeInstanceOf(DecodeError); return; }
    expect(r.id).toBe('f7b1c2d3-0000-4000-8000-000000000001');
  });
  it('attributes named known / delivery_request_uuid / payload / type do not override what the parser sets', () => {
    const r = (() => { try { return parseFastriverCallback(ok({ known: false, delivery_request_uuid: 'other', type: 'x', payload: 'p' })); } catch (e) { return e; } })() as any;
    if (r instanceof Error) { expect(r).toBeInstanceOf(DecodeError); return; }
    expect(r.known).toBe(true);
    expect(r.delivery_request_uuid).toBe('f7b1c2d3-0000-4000-8000-000000000001');
    expect(r.type).toBe('external_callback');
  });
  it('an unknown event with an attribute "payload" keeps the real payload', () => {
    const r = parseFastriverCallback(ok({ event: 'zzz', payload: 'fake' })) as any;
    expect(r.known).toBe(false);
    expect(r.payload?.data?.id).toBe('f7b1c2d3-0000-4000-8000-000000000001');
  });
  it('event named __proto__ / constructor / toString is taken as an unknown event without touching prototypes', () => {
    for (const event of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const r = parseFastriverCallback(JSON.stringify(ok({ event }))) as any;
      expect(r.event).toBe(event);
      expect(r.known, event).toBe(false);
    }
  });
  it('a Uint8Array subarray (offset view) is read from its own bytes only', () => {
    const text = JSON.stringify(ok({}));
    const buf = new TextEncoder().encode('XXXX' + text + 'YYYY');
    const r = parseFastriverCallback(buf.subarray(4, 4 + text.length)) as any;
    expect(r.event).toBe('schedule');
  });
  it('an ArrayBuffer / DataView / Buffer body is read or refused typed', () => {
    const text = JSON.stringify(ok({}));
    for (const body of [new TextEncoder().encode(text).buffer, new DataView(new TextEncoder().encode(text).buffer), Buffer.from(text), new Uint16Array(4), new Blob([text])]) {
      try { parseFastriverCallback(body); } catch (error) { expect(error, String(error)).toBeInstanceOf(SdkError); }
    }
  });
  it('a UTF-8 BOM before the JSON: taken (RFC 8259 allows ignoring it) or a DecodeError', () => {
    try { expect((parseFastriverCallback('\ufeff' + JSON.stringify(ok({}))) as any).event).toBe('schedule'); } catch (error) { expect(error).toBeInstanceOf(DecodeError); }
  });
  it('a lone surrogate in a string (valid JSON, invalid Unicode) is refused or kept as-is, never crashes', () => {
    const text = '{"data":{"id":"a","type":"external_callback","attributes":{"event":"schedule","note":"\\ud800"}}}';
    try { parseFastriverCallback(text); } catch (error) { expect(error).toBeInstanceOf(DecodeError); }
  });
  it('included resources with the same type and id twice (conflicting attributes) are ambiguous: refused', () => {
    const body = { ...ok({}, { relationships: { delivery_request: { data: { type: 'delivery_request', id: 'r1' } } } }), included: [
      { type: 'delivery_request', id: 'r1', attributes: { status: 'validated' } },
      { type: 'delivery_request', id: 'r1', attributes: { status: 'cancelled' } },
    ] };
    expect(() => parseFastriverCallback(body)).toThrow(DecodeError);
  });
});
