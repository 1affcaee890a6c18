// A JSON number read as an identifier is taken only when JSON.parse cannot have rounded it into another id: a whole
// number from 0 to 2^53 − 1 (red team 5: a Dilovod webhook id 11098000000010389 arrived as …388). Every decoder that
// reads ids goes through idText: the Dilovod webhook, the Fastriver callback and JSON:API identity.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idText } from '../../src/core/objects.ts';
import { DecodeError } from '../../src/dilovod/index.ts';
import { parseDilovodWebhook } from '../../src/dilovod/webhooks.ts';
import { parseFastriverCallback } from '../../src/fastriver/callbacks.ts';
import { flatten } from '../../src/fastriver/jsonapi.ts';

const UNSAFE = ['11098000000010389', '12345678901234567891', '1e21', '1.5', '-1', '9007199254740992'];

describe('idText', () => {
  it('keeps strings, and numbers exactly when they are safe whole numbers ≥ 0', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer(), fc.maxSafeNat(), fc.string(), fc.constantFrom(null, true, {}, [])), (value) => {
        const text = idText(value);
        if (typeof value === 'string') expect(text).toBe(value);
        else if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) expect(Number(text) === value).toBe(true); // -0 is 0
        else expect(text).toBeUndefined();
      }),
      { numRuns: 5000 },
    );
  });
});

describe.each(UNSAFE)('the id %s, as a JSON number', (raw) => {
  it('is refused by the Dilovod webhook', () => {
    const packet = encodeURIComponent(`{"action":"objectChanged","params":{"objectName":"documents.saleOrder","id":${raw}}}`);
    expect(() => parseDilovodWebhook(`/?packet=${packet}`, { remoteAddress: '127.0.0.1', allowedIps: ['127.0.0.1'] })).toThrow(DecodeError);
  });
  it('is refused by the Fastriver callback', () => {
    expect(() => parseFastriverCallback(`{"data":{"id":${raw},"type":"external_callback","attributes":{"event":"schedule"}}}`)).toThrow(DecodeError);
  });
  it('is refused as a JSON:API resource id and as a relationship target', () => {
    expect(() => flatten(JSON.parse(`{"data":{"id":${raw},"type":"delivery"}}`))).toThrow(DecodeError);
    expect(() => flatten(JSON.parse(`{"data":{"id":"1","type":"r","relationships":{"d":{"data":{"id":${raw},"type":"delivery"}}}}}`))).toThrow(DecodeError);
  });
});
