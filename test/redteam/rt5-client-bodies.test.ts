// rt5: 2xx answers whose body is not what the contract says: JSON:API member collisions, paging that never ends,
// odd download headers, and Dilovod results.
import { afterEach, describe, expect, it } from 'vitest';
import { createFastriverClient } from '../../src/fastriver/index.ts';
import { createDilovodClient } from '../../src/dilovod/index.ts';
import { createTbankDeliveryClient } from '../../src/tbank-delivery/index.ts';
import { SdkError, DecodeError, safeFilename, filenameFromContentDisposition } from '../../src/core/index.ts';
import { serve, settle, type TestServer } from './helpers.ts';

let servers: TestServer[] = [];
afterEach(async () => { await Promise.all(servers.map((s) => s.close())); servers = []; });
const json = async (body: unknown | ((url: string) => unknown), headers: Record<string, string> = {}) => {
  const s = await serve((req, res) => {
    res.writeHead(200, { 'content-type': 'application/vnd.api+json', ...headers });
    res.end(JSON.stringify(typeof body === 'function' ? (body as (u: string) => unknown)(req.url ?? '') : body));
  });
  servers.push(s);
  return s;
};
const fr = (url: string) => createFastriverClient({ token: 'tok-SECRET-123456789' }, { baseUrl: url, retry: { maxRetries: 0 }, timeoutMs: 5000 });
const UUID = 'f7b1c2d3-0000-4000-8000-000000000001';

describe('rt5 Fastriver: attribute and relationship names that collide with identity', () => {
  it('an attribute named "id" does not replace the resource id', async () => {
    const s = await json({ data: { type: 'delivery_request', id: UUID, attributes: { id: 'evil-id', status: 'created' } } });
    const r = await settle(fr(s.url).deliveryRequests.get(UUID));
    if (r.ok) expect((r.value as any).id).toBe(UUID);
    else expect(r.error).toBeInstanceOf(DecodeError);
  });
  it('an attribute named "type" does not replace the resource type', async () => {
    const s = await json({ data: { type: 'delivery_request', id: UUID, attributes: { type: 'document', status: 'created' } } });
    const r = await settle(fr(s.url).deliveryRequests.get(UUID));
    if (r.ok) expect((r.value as any).type).toBe('delivery_request');
    else expect(r.error).toBeInstanceOf(DecodeError);
  });
  it('an attribute and a relationship of the same name: one is silently lost (JSON:API forbids it: DecodeError)', async () => {
    const s = await json({
      data: { type: 'delivery_request', id: UUID, attributes: { status: 'created', deliveries: 'attr-value' }, relationships: { deliveries: { data: [{ type: 'delivery', id: '9' }] } } },
      included: [{ type: 'delivery', id: '9', attributes: { status: 'x' } }],
    });
    const r = await settle(fr(s.url).deliveryRequests.get(UUID));
    expect(r.ok ? r.value : 'rejected').toBe('rejected');
    if (!r.ok) expect(r.error).toBeInstanceOf(DecodeError);
  });
  it('a relationship named "id" does not replace the resource id', async () => {
    const s = await json({ data: { type: 'delivery_request', id: UUID, attributes: { status: 'created' }, relationships: { id: { data: { type: 'delivery', id: '9' } } } }, included: [{ type: 'delivery', id: '9', attributes: {} }] });
    const r = await settle(fr(s.url).deliveryRequests.get(UUID));
    if (r.ok) expect((r.value as any).id).toBe(UUID);
    else expect(r.error).toBeInstanceOf(DecodeError);
  });
  it('included resources typed __proto__ / constructor do not reach prototypes', async () => {
    const s = await json(JSON.parse(`{"data":{"type":"delivery_request","id":"${UUID}","attributes":{"status":"created"},"relationships":{"active_delivery":{"data":{"type":"__proto__","id":"polluted"}},"deliveries":{"data":[{"type":"constructor","id":"prototype"}]}}},"included":[{"type":"__proto__","id":"polluted","attributes":{"polluted":true}},{"type":"constructor","id":"prototype","attributes":{"polluted":true}}]}`));
    const r = await settle(fr(s.url).deliveryRequests.get(UUID));
    expect(({} as any).polluted).toBeUndefined();
    expect((Object.prototype as any).polluted).toBeUndefined();
    if (!r.ok) expect(r.error).toBeInstanceOf(SdkError);
  });
  it('a resource whose id is an object is a DecodeError, not "[object Object]"', async () => {
    const s = await json({ data: { type: 'delivery_request', id: { toString: 'x' }, attributes: { status: 'created' } } });
    const r = await settle(fr(s.url).deliveryRequests.get(UUID));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toBeInstanceOf(SdkError);
  });
});

describe('rt5 Fastriver: paging a server that lies', () => {
  it('listAll over a server answering empty pages with total 1e6 terminates', async () => {
    const s = await json({ data: [], meta: { total: 1_000_000 } });
    const seen: unknown[] = [];
    const run = (async () => { for await (const item of fr(s.url).deliveryRequests.listAll()) seen.push(item); })();
    const outcome = await Promise.race([run.then(() => 'done', (e) => e), new Promise((r) => setTimeout(() => r('looping'), 4000))]);
    const requests = s.seen.length;
    expect({ outcome: typeof outcome === 'string' ? outcome : 'error', requests }).toEqual(expect.objectContaining({ outcome: expect.not.stringMatching('looping') }));
    expect(requests).toBeLessThan(100);
  }, 10000);
  it('listAll over a server that ignores ?page and repeats the same 20 items with total 1e9 stops (or errors) instead of yielding duplicates forever', async () => {
    const items = Array.from({ length: 20 }, (_, i) => ({ type: 'delivery_request', id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, attributes: { status: 'created' } }));
    const s = await json({ data: items, meta: { total: 1_000_000_000 } });
    let yielded = 0;
    const run = (async () => { for await (const _ of fr(s.url).deliveryRequests.listAll()) { yielded++; if (yielded > 2000) throw new Error('runaway'); } })();
    const outcome = await Promise.race([run.then(() => 'done', (e: Error) => (e.message === 'runaway' ? 'runaway' : 'error')), new Promise((r) => setTimeout(() => r('looping'), 4000))]);
    expect(outcome).not.toBe('runaway');
    expect(outcome).not.toBe('looping');
  }, 10000);
  for (const total of ['20', -1, 1.5, 1e308, null, { valueOf: 1 }, true]) {
    it(`meta.total ${JSON.stringify(total)}: a typed error or a finite whole number`, async () => {
      const s = await json({ data: [], meta: { total } });
      const r = await settle(fr(s.url).deliveryRequests.list());
      if (r.ok) { expect(Number.isSafeInteger((r.value as any).total)).toBe(true); expect((r.value as any).total).toBeGreaterThanOrEqual(0); }
      else expect(r.error).toBeInstanceOf(SdkError);
    });
  }
});

describe('rt5 downloads: file names', () => {
  const names: Array<[string, string]> = [
    ['dot-dot', 'attachment; filename=".."'],
    ['dot', 'attachment; filename="."'],
    ['ext dot-dot', "attachment; filename*=UTF-8''%2E%2E"],
    ['spaces dot-dot', 'attachment; filename=" .. "'],
    ['three dots', 'attachment; filename="..."'],
    ['RLO spoof', "attachment; filename*=UTF-8''invoice%E2%80%AEfdp.exe"],
    ['zero-width space', "attachment; filename*=UTF-8''a%E2%80%8Bb.pdf"],
    ['BOM', "attachment; filename*=UTF-8''%EF%BB%BFa.pdf"],
    ['line separator', "attachment; filename*=UTF-8''a%E2%80%A8b.pdf"],
    ['C1 control NEL', "attachment; filename*=UTF-8''a%C2%85b.pdf"],
    ['overlong slash', "attachment; filename*=UTF-8''..%C0%AF..%C0%AFevil"],
    ['fullwidth solidus', "attachment; filename*=UTF-8''..%EF%BC%8F..%EF%BC%8Fevil"],
    ['trailing dot exe', 'attachment; filename="evil.bat."'],
    ['ads stream', 'attachment; filename="a.txt::$DATA"'],
    ['tilde', 'attachment; filename="~"'],
    ['dash option', 'attachment; filename="-rf"'],
  ];
  for (const [name, header] of names) {
    it(`${name}: a safe base name`, async () => {
      let out: unknown;
      try { out = await filenameFromContentDisposition(header); } catch (error) { expect(error).toBeInstanceOf(SdkError); return; }
      if (out === undefined || out === null) return;
      const f = String(out);
      expect(f).not.toMatch(/^\.{1,2}$|^\s*\.+\s*$/);
      expect(f).not.toMatch(/[\/\\\u0000-\u001f\u007f-\u009f\u200b\u200c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/);
      expect(f).not.toMatch(/[.\s]$/);
      expect(f).not.toContain(':');
    });
  }
  for (const n of ['..', '.', ' .. ', '\u202eexe.pdf', 'a\u2028b', 'a\u0085b', 'x.', 'x ']) {
    it(`safeFilename(${JSON.stringify(n)}) is safe`, () => {
      const f = safeFilename(n);
      if (f === undefined || f === null) return;
      expect(f).not.toMatch(/^\.{1,2}$|^\s*\.+\s*$/);
      expect(f).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2028\u2029]/);
      expect(f).not.toMatch(/[.\s]$/);
    });
  }
  it('T-Bank download with filename=".." never hands back a name that leaves the folder', async () => {
    const s = await serve((req, res) => { res.writeHead(200, { 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename=".."' }); res.end('%PDF-1.4'); });
    servers.push(s);
    const tbank = createTbankDeliveryClient({ token: 'qa', baseUrl: s.url });
    const r = await settle(tbank.downloadDocument('doc-1'));
    if (r.ok) expect(r.value.filename ?? 'document').not.toMatch(/^\.{1,2}$/);
  });
  for (const ct of ['', 'application/pdf; charset', '*/*', 'text/html', 'application/json', 'a'.repeat(10000), 'application/pdf\u0000']) {
    it(`T-Bank download with Content-Type ${JSON.stringify(ct.slice(0, 20))} gives bytes or a typed error`, async () => {
      const s = await serve((req, res) => { try { res.writeHead(200, { 'content-type': ct }); } catch { res.writeHead(200); } res.end('%PDF-1.4'); });
      servers.push(s);
      const r = await settle(createTbankDeliveryClient({ token: 'qa', baseUrl: s.url, retry: { maxRetries: 0 } }).downloadDocument('doc-1'));
      if (!r.ok) expect(r.error).toBeInstanceOf(SdkError);
    });
  }
});

describe('rt5 Dilovod: results that are not what the contract says', () => {
  const dil = (url: string) => createDilovodClient({ key: 'dilovod-KEY-0123456789', baseUrl: url, retry: { maxRetries: 0 } });
  const answers: unknown[] = [
    { error: { toString: 1 } },
    { error: ['a', 'b'] },
    { error: '' },
    { error: null, id: 'x' },
    { __proto__: { error: 'inherited' } },
    JSON.parse('{"__proto__":{"error":"x"}}'),
    [{ error: 'in array' }],
    { header: null },
    { header: { id: { toString: 1 } } },
    'string',
    1e400,
  ];
  for (const answer of answers) {
    it(`getObject answered ${JSON.stringify(answer)?.slice(0, 50)}: a value or a typed error`, async () => {
      const s = await serve((req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(typeof answer === 'number' ? '1e400' : JSON.stringify(answer)); });
      servers.push(s);
      const r = await settle(dil(s.url).getObject('1110800000001029'));
      if (!r.ok) expect(r.error, String(r.error)).toBeInstanceOf(SdkError);
    });
  }
  it('an {"error": ""} answer is an error, not a success', async () => {
    const s = await serve((req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"error":""}'); });
    servers.push(s);
    const r = await settle(dil(s.url).saveObject({ header: { id: 'catalogs.units' } } as never));
    expect(r.ok).toBe(false);
  });
  it('an {"error": null, ...} answer to saveObject is not a silent success without an id', async () => {
    const s = await serve((req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"error":null}'); });
    servers.push(s);
    const r = await settle(dil(s.url).saveObject({ header: { id: 'catalogs.units' } } as never));
    if (r.ok) expect((r.value as any)?.id).toBeDefined();
  });
  it('request rows: duplicated column names do not silently drop a column', async () => {
    const s = await serve((req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify({ columns: ['a', 'a'], data: [[1, 2]] })); });
    servers.push(s);
    const r = await settle(dil(s.url).request({ from: 'catalogs.goods', fields: { id: 'a' }, assembleLinks: false } as never));
    if (r.ok) expect(r.value).not.toEqual([{ a: 2 }]);
  });
  it('request rows: column named __proto__ does not pollute and is kept', async () => {
    const s = await serve((req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify({ columns: ['__proto__'], data: [[{ polluted: 1 }]] })); });
    servers.push(s);
    const r = await settle(dil(s.url).request({ from: 'catalogs.goods', fields: { id: '__proto__' }, assembleLinks: false } as never));
    expect(({} as any).polluted).toBeUndefined();
    if (r.ok) { expect(Object.getPrototypeOf((r.value as any)[0])).not.toHaveProperty('polluted'); }
  });
});
