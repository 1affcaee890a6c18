// Attack: the receivers' argument readers. Dilovod: the allow-list "copied and checked once (≤ 1000 entries, non-empty
// strings, holes refused)", the request "known by brand". Fastriver: parseFastriverCallback takes bytes of any kind,
// text (a leading BOM dropped) or parsed JSON; what throws while read is a DecodeError.
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { DILOVOD_WEBHOOK_IPS, dilovodWebhookHandler, parseDilovodWebhook, UsageError as DilovodUsage, WebhookSourceError } from '../../src/dilovod/webhooks.ts';
import { DecodeError, parseFastriverCallback, UsageError } from '../../src/fastriver/callbacks.ts';

const packet = JSON.stringify({ action: 'objectChanged', params: { objectName: 'documents.saleOrder', id: '1100100000001001' } });
const webhookUrl = `/hook?packet=${encodeURIComponent(packet)}`;

describe('Dilovod allow-list: bounded, holes refused, read once', () => {
  it('a Proxy array that says length 1 when checked and 2000 while copied is refused (the bound of 1000 holds)', async () => {
    let lengthReads = 0;
    const list = new Proxy(['10.0.0.1'], {
      get(target, key, receiver) {
        if (key === 'length') return ++lengthReads === 1 ? 1 : 2000;
        if (typeof key === 'string' && /^\d+$/.test(key)) return Number(key) === 1500 ? '6.6.6.6' : `10.0.${Number(key) >> 8}.${Number(key) & 255}`;
        return Reflect.get(target, key, receiver);
      },
    });
    let made: unknown;
    try {
      made = dilovodWebhookHandler(() => undefined, { allowedIps: list });
    } catch (error) {
      made = error;
    }
    if (made instanceof Error) return expect(made).toBeInstanceOf(DilovodUsage);
    const handler = made as (request: Request, address: string) => Promise<Response>;
    const answer = await handler(new Request(`http://receiver.example${webhookUrl}`), '6.6.6.6');
    expect(answer.status).toBe(403); // entry 1500 of a list longer than 1000 must not open the receiver
  });

  it('same with parseDilovodWebhook: no entry past the bound is ever allowed', () => {
    let lengthReads = 0;
    const list = new Proxy([] as string[], {
      get(target, key, receiver) {
        if (key === 'length') return ++lengthReads === 1 ? 0 : 5000;
        if (typeof key === 'string' && /^\d+$/.test(key)) return '6.6.6.6';
        return Reflect.get(target, key, receiver);
      },
    });
    let thrown: unknown;
    try {
      parseDilovodWebhook(webhookUrl, { remoteAddress: '6.6.6.6', allowedIps: list });
    } catch (error) {
      thrown = error;
    }
    // An empty list (length 0 when checked) allows nobody: a WebhookSourceError, or a UsageError for the lying list.
    expect(thrown instanceof WebhookSourceError || thrown instanceof DilovodUsage).toBe(true);
  });

  it('a hole is refused even when Array.prototype has an entry at that index (prototype pollution)', () => {
    // eslint-disable-next-line no-sparse-arrays
    const list = ['10.0.0.1', , '10.0.0.2'] as string[];
    Object.defineProperty(Array.prototype, '1', { value: '6.6.6.6', configurable: true, writable: true });
    try {
      let thrown: unknown;
      try {
        parseDilovodWebhook(webhookUrl, { remoteAddress: '6.6.6.6', allowedIps: list });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DilovodUsage); // "holes refused"
    } finally {
      delete (Array.prototype as unknown as Record<string, unknown>)['1'];
    }
  });

  it('an entry that is only "::ffff:" is refused (it normalizes to an empty address)', () => {
    expect(() => dilovodWebhookHandler(() => undefined, { allowedIps: ['::ffff:'] })).toThrow(DilovodUsage);
  });

  it('the default list is frozen, and a getter that changes answers is read once (regressions)', () => {
    expect(Object.isFrozen(DILOVOD_WEBHOOK_IPS)).toBe(true);
    let reads = 0;
    const check = { get remoteAddress() { return ++reads === 1 ? '88.198.50.253' : '6.6.6.6'; } };
    expect(parseDilovodWebhook(webhookUrl, check).params.id).toBe('1100100000001001');
    const throwing = { get remoteAddress(): string { throw new Error('boom'); } };
    expect(() => parseDilovodWebhook(webhookUrl, throwing)).toThrow(DilovodUsage);
    const { proxy, revoke } = Proxy.revocable([] as string[], {});
    revoke();
    expect(() => dilovodWebhookHandler(() => undefined, { allowedIps: proxy })).toThrow(DilovodUsage);
  });

  it('IPv6 spellings of an allowed address: fail closed for any other address', () => {
    const allowedIps = ['2001:db8::1'];
    for (const other of ['2001:db8::2', '::ffff:2001:db8::1', '2001:db8::1%eth0', '[2001:db8::1]x', '::1']) {
      expect(() => parseDilovodWebhook(webhookUrl, { remoteAddress: other, allowedIps })).toThrow(WebhookSourceError);
    }
  });

  it('IPv6 spellings of the same address (case, leading zeros, zero runs) are the same address', () => {
    const allowedIps = ['2001:DB8::1'];
    for (const same of ['2001:db8::1', '2001:0db8:0000:0000:0000:0000:0000:0001']) {
      expect(parseDilovodWebhook(webhookUrl, { remoteAddress: same, allowedIps }).params.id).toBe('1100100000001001');
    }
  });
});

describe('Dilovod request known by brand, read by it', () => {
  const check = { remoteAddress: '88.198.50.253' };
  it('a real URL with no packet and an own Symbol.toPrimitive that claims one: the URL is read, not its member', () => {
    const url = new URL('http://receiver.example/hook');
    Object.defineProperty(url, Symbol.toPrimitive, { value: () => `http://x.example${webhookUrl}` });
    expect(() => parseDilovodWebhook(url, check)).toThrow(/packet/);
  });

  it('a URLSearchParams subclass whose getAll forges one packet: its real query is read', () => {
    class Forged extends URLSearchParams { override getAll() { return [packet]; } }
    expect(() => parseDilovodWebhook(new Forged('a=1'), check)).toThrow(/packet/);
  });

  it('a URLSearchParams subclass whose getAll returns no list: a typed error, not a bare TypeError', () => {
    class Broken extends URLSearchParams { override getAll() { return 5 as unknown as string[]; } }
    let thrown: unknown;
    try { parseDilovodWebhook(new Broken(`packet=${encodeURIComponent(packet)}`), check); } catch (error) { thrown = error; }
    expect(thrown === undefined || thrown instanceof DilovodUsage || thrown instanceof DecodeError).toBe(true);
  });

  it('a packet in the hash is no packet; URL and URLSearchParams of another realm are read (regressions)', () => {
    expect(() => parseDilovodWebhook(`/hook#packet=${encodeURIComponent(packet)}`, check)).toThrow(/packet/);
    const foreignUrl = vm.runInNewContext(`new URL(${JSON.stringify(`http://x.example${webhookUrl}`)})`, { URL });
    expect(parseDilovodWebhook(foreignUrl, check).params.id).toBe('1100100000001001');
  });
});

const callback = { data: { type: 'external_callback', id: '3d6f0a8e-1b2c-4d5e-8f90-a1b2c3d4e5f6', attributes: { event: 'delivered' } } };
const callbackText = JSON.stringify(callback);

describe('parseFastriverCallback bodies', () => {
  it('bytes in a SharedArrayBuffer (the promise: bytes of any kind) parse like any other bytes', () => {
    const encoded = new TextEncoder().encode(callbackText);
    const shared = new SharedArrayBuffer(encoded.length);
    new Uint8Array(shared).set(encoded);
    expect(parseFastriverCallback(shared).event).toBe('delivered');
    expect(parseFastriverCallback(new Uint8Array(shared)).event).toBe('delivered');
  });

  it('only one leading BOM is dropped: two BOMs in bytes are not JSON', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, ...new TextEncoder().encode(callbackText)]);
    expect(() => parseFastriverCallback(bytes)).toThrow(DecodeError);
    expect(() => parseFastriverCallback(`\uFEFF\uFEFF${callbackText}`)).toThrow(DecodeError);
    expect(parseFastriverCallback(`\uFEFF${callbackText}`).event).toBe('delivered');
  });

  it('bytes whose own byteLength hides trailing garbage: the whole body is read (and refused)', () => {
    const bytes = new TextEncoder().encode(`${callbackText}{"not":"json"`);
    Object.defineProperty(bytes, 'byteLength', { value: callbackText.length });
    expect(() => parseFastriverCallback(bytes)).toThrow(DecodeError);
  });

  it('a parsed body whose getters answer differently on each read: one read, consistent result, or a DecodeError', () => {
    let idReads = 0;
    let typeReads = 0;
    const data = {
      get type() { return ++typeReads === 1 ? 'external_callback' : 'something_else'; },
      get id() { return ++idReads === 1 ? '3d6f0a8e-1b2c-4d5e-8f90-a1b2c3d4e5f6' : '00000000-0000-0000-0000-000000000000'; },
      attributes: { event: 'delivered' },
    };
    let result: unknown;
    try {
      result = parseFastriverCallback({ data });
    } catch (error) {
      expect(error).toBeInstanceOf(DecodeError);
      return;
    }
    const flat = result as Record<string, unknown>;
    expect(flat.delivery_request_uuid).toBe('3d6f0a8e-1b2c-4d5e-8f90-a1b2c3d4e5f6');
    if ('id' in flat) expect(flat.id).toBe(flat.delivery_request_uuid);
    if ('type' in flat) expect(flat.type).not.toBe('something_else');
  });

  it('an unknown event whose payload getter changes: the payload kept is the one checked', () => {
    let reads = 0;
    const attributes = { get event() { return ++reads === 1 ? 'my_event' : 'delivered'; } };
    let result: unknown;
    try {
      result = parseFastriverCallback({ data: { type: 'external_callback', id: '3d6f0a8e-1b2c-4d5e-8f90-a1b2c3d4e5f6', attributes } });
    } catch (error) {
      expect(error).toBeInstanceOf(DecodeError);
      return;
    }
    const event = result as { event: string; known: boolean; payload?: { data: { attributes: { event: string } } } };
    expect(event.known).toBe(false);
    expect(event.payload?.data.attributes.event).toBe(event.event);
  });

  it('throwing getters, revoked Proxies, detached bytes (regressions)', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(() => parseFastriverCallback(proxy)).toThrow(DecodeError);
    expect(() => parseFastriverCallback({ get data() { throw new Error('boom'); } })).toThrow(DecodeError);
    const view = new TextEncoder().encode(callbackText);
    structuredClone(view.buffer, { transfer: [view.buffer] });
    expect(() => parseFastriverCallback(view)).toThrow(UsageError);
    expect(parseFastriverCallback(vm.runInNewContext(`new TextEncoder().encode(${JSON.stringify(callbackText)})`, { TextEncoder })).event).toBe('delivered');
  });
});
