// Differential attack: the BUILT package (esbuild + terser, ESM and CommonJS) against the TypeScript sources, on the
// same fast-check inputs. Whatever the sources return or throw (class, name, message), both builds must too.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import * as srcRoot from '../../src/core/index.ts';
import * as srcDellin from '../../src/dellin/index.ts';
import * as srcCallbacks from '../../src/fastriver/callbacks.ts';
import * as srcWebhooks from '../../src/dilovod/webhooks.ts';
import { xmlShapes } from '../../generated/dellin.xml.ts';
import { builtApp, entry, outcome, type Mod } from './rt12-build.ts';

let root: { esm: Mod; cjs: Mod };
let dellin: { esm: Mod; cjs: Mod };
let callbacks: { esm: Mod; cjs: Mod };
let webhooks: { esm: Mod; cjs: Mod };

beforeAll(async () => {
  const app = await builtApp();
  [root, dellin, callbacks, webhooks] = await Promise.all([entry(app, ''), entry(app, '/dellin'), entry(app, '/fastriver/callbacks'), entry(app, '/dilovod/webhooks')]);
}, 240_000);

/** Runs fn against src, ESM and CJS and expects the three outcomes equal. */
async function same(fn: (m: Mod) => unknown, src: Mod, built: { esm: Mod; cjs: Mod }) {
  const expected = await outcome(() => fn(src));
  expect(await outcome(() => fn(built.esm))).toEqual(expected);
  expect(await outcome(() => fn(built.cjs))).toEqual(expected);
}

const NASTY = ['/', '\\', '.', ' ', '..', '\u202e', '\u200b', '\ufeff', '\u2028', '\u00ad', '\u0000', '\u001f', '\u0085', ':', '*', '?', '"', '<', '>', '|', 'CON', 'nul', 'COM¹', 'CONIN$', 'é', '\u{1F600}', '\ud800', '\udc00', 'ǅ', '\u0600', '\u{E0001}', '\u{1D173}', 'x'.repeat(300), '.'.repeat(17)];
const filename = fc.array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'binary', maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 8 })), { maxLength: 12 }).map((parts) => parts.join(''));

describe('built vs src: file names', () => {
  it('safeFilename gives the same name (or error) for any string', async () => {
    await fc.assert(fc.asyncProperty(filename, async (name) => same((m) => m.safeFilename(name), srcRoot, root)), { numRuns: 600 });
  });

  it('safeFilename refuses non-strings with the same typed error', async () => {
    for (const bad of [undefined, null, 1, {}, Symbol('s'), ['a'], new String('a')]) await same((m) => m.safeFilename(bad), srcRoot, root);
  });

  it('filenameFromContentDisposition gives the same name for any header', async () => {
    const header = fc.tuple(
      fc.constantFrom('attachment', 'inline', 'form-data', 'ATTACHMENT', ''),
      fc.array(
        fc.oneof(
          filename.map((n) => `; filename="${n.replace(/["\\]/g, '')}"`),
          filename.map((n) => `; filename*=UTF-8''${encodeURIComponent(n.replace(/[\ud800-\udfff]/g, ''))}`),
          filename.map((n) => `; filename*=${n}`),
          fc.string({ unit: 'binary', maxLength: 20 }),
        ),
        { maxLength: 3 },
      ),
    ).map(([type, params]) => type + params.join(''));
    await fc.assert(fc.asyncProperty(header, async (h) => same((m) => m.filenameFromContentDisposition(h), srcRoot, root)), { numRuns: 400 });
  });

  it('downloadedFile reads the same name and bytes', async () => {
    await fc.assert(
      fc.asyncProperty(filename, async (n) => {
        const value = encodeURIComponent(n.replace(/[\ud800-\udfff]/g, ''));
        const make = () => new Headers({ 'content-disposition': `attachment; filename*=UTF-8''${value}`, 'content-type': 'application/pdf' });
        await same(async (m) => {
          const file = await m.downloadedFile(new Uint8Array([1, 2, 3]).buffer, make());
          return { name: file.filename, type: file.contentType ?? file.type, size: file.bytes?.byteLength ?? file.blob?.size };
        }, srcRoot, root);
      }),
      { numRuns: 100 },
    );
  });
});

describe('built vs src: receivers', () => {
  const uuid = fc.oneof(fc.uuid(), fc.integer(), fc.double(), fc.string({ maxLength: 5 }), fc.constant(null));
  const attributes = fc.record(
    {
      event: fc.oneof(fc.constantFrom('delivered', 'complete', 'completed', 'schedule', '__proto__', 'constructor', ''), fc.string({ maxLength: 6 })),
      delivery_request_status: fc.string({ maxLength: 6 }),
      extra: fc.jsonValue({ maxDepth: 2 }),
    },
    { requiredKeys: ['event'] },
  );
  const included = fc.array(
    fc.record({ type: fc.constantFrom('delivery_request', 'delivery', 'deliveries', 'time_interval', 'time_intervals', '__proto__'), id: uuid, attributes: fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 1 })) }, { requiredKeys: ['type'] }),
    { maxLength: 4 },
  );
  const relationships = fc.dictionary(
    fc.constantFrom('delivery_request', 'time_interval', 'active_delivery', 'deliveries', '__proto__', 'prototype'),
    fc.record({ data: fc.oneof(fc.constant(null), fc.record({ type: fc.constantFrom('delivery_request', 'delivery', 'time_interval'), id: uuid }), fc.array(fc.record({ type: fc.constant('delivery'), id: uuid }), { maxLength: 2 })) }),
  );
  const callback = fc.oneof(
    fc.record({ data: fc.record({ type: fc.constantFrom('external_callback', 'other'), id: uuid, attributes, relationships }, { requiredKeys: ['type', 'id', 'attributes'] }), included }, { requiredKeys: ['data'] }),
    fc.jsonValue({ maxDepth: 4 }),
  );

  it('parseFastriverCallback: same result or error for objects, text and bytes', async () => {
    await fc.assert(
      fc.asyncProperty(callback, fc.constantFrom('object', 'text', 'bytes', 'proto'), async (body, form) => {
        const make = () => {
          const text = JSON.stringify(body) ?? 'undefined';
          if (form === 'text') return text;
          if (form === 'bytes') return new TextEncoder().encode(text);
          if (form === 'proto') return text.replace(/"extra"/, '"__proto__"');
          return JSON.parse(text);
        };
        await same((m) => m.parseFastriverCallback(make()), srcCallbacks, callbacks);
      }),
      { numRuns: 500 },
    );
  });

  it('parseDilovodWebhook: same result or error for any query and source', async () => {
    const packet = fc.oneof(
      fc.record({ action: fc.constantFrom('objectChanged', 'x'), params: fc.record({ objectName: fc.oneof(fc.constantFrom('documents.saleOrder', 'catalogs.goods', '__proto__.x'), fc.string({ maxLength: 8 })), id: fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 21n }).map(String), fc.integer(), fc.double(), fc.string({ maxLength: 4 })) }) }).map((p) => JSON.stringify(p)),
      fc.string({ unit: 'binary', maxLength: 20 }),
    );
    const query = fc.tuple(fc.array(packet, { minLength: 0, maxLength: 2 }), fc.constantFrom('path', 'url', 'params'));
    const ip = fc.oneof(fc.constantFrom('88.198.50.253', '::ffff:88.198.50.253', '::FFFF:88.198.50.253', '88.198.50.25', '', '127.0.0.1'), fc.ipV4(), fc.ipV6(), fc.constant(undefined));
    await fc.assert(
      fc.asyncProperty(query, ip, async ([packets, form], remoteAddress) => {
        const params = new URLSearchParams(packets.map((p): [string, string] => ['packet', p]));
        const make = () => (form === 'params' ? new URLSearchParams(params) : form === 'url' ? new URL(`https://me.example/hook?${params}`) : `/hook?${params}`);
        await same((m) => m.parseDilovodWebhook(make(), { remoteAddress }), srcWebhooks, webhooks);
        await same((m) => m.parseDilovodWebhook(make(), { remoteAddress, allowedIps: ['127.0.0.1', '::1'] }), srcWebhooks, webhooks);
      }),
      { numRuns: 400 },
    );
  });
});

describe('built vs src: Dellin XML codec', () => {
  const ctx = { api: 'dellin', operation: 'rt12', attempts: 0 };
  const shapeNames = Object.keys(xmlShapes);
  const leaf = fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(''), fc.constant(' \r\n '));
  const value = fc.letrec<{ v: unknown }>((tie) => ({
    v: fc.oneof({ depthSize: 'small', maxDepth: 4 }, leaf, fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(fc.oneof(fc.constantFrom('status', 'metadata', 'data', 'errors', 'code', '__proto__', 'a-b', 'x:y', '1a'), fc.string({ maxLength: 4 })), tie('v'), { maxKeys: 4 })),
  })).v;

  it('encodeXml then decodeXml: same text and same decoded value (or error) for any value and shape', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('metadata', 'data', 'status', 'errors', 'appkey', 'sessionID'), value, { maxKeys: 4 }), fc.constantFrom(...shapeNames), async (v, shapeName) => {
        const shape = xmlShapes[shapeName]!;
        await same((m) => m.encodeXml(v, shape.root, ctx), srcDellin, dellin);
        const xml = await outcome(() => srcDellin.encodeXml(v, shape.root, ctx));
        if ('ok' in (xml as object)) await same((m) => m.decodeXml((xml as { ok: string }).ok, shape, ctx), srcDellin, dellin);
      }),
      { numRuns: 400 },
    );
  });

  it('decodeXml: same value (or error) for hand-made XML', async () => {
    const element = fc.letrec<{ e: string }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', maxDepth: 4 },
        fc.constantFrom('200', ' 200 ', 'true', '1', 'false', 'INF', '0o17', '1e3', '-0', '&#65;', '&amp;', '&bogus;', '<![CDATA[x]]>', '', '<!-- c -->', '\r\n', 'é'),
        fc.tuple(fc.constantFrom('status', 'metadata', 'data', 'errors', 'code', 'requestID', 'expired', 'session', '__proto__', 'x'), fc.array(tie('e'), { maxLength: 3 })).map(([n, kids]) => `<${n}>${kids.join('')}</${n}>`),
      ),
    })).e;
    await fc.assert(
      fc.asyncProperty(fc.array(element, { maxLength: 4 }), fc.constantFrom(...shapeNames), async (kids, shapeName) => {
        const shape = xmlShapes[shapeName]!;
        const xml = `<?xml version="1.0"?><${shape.root}>${kids.join('')}</${shape.root}>`;
        await same((m) => m.decodeXml(xml, shape, ctx), srcDellin, dellin);
      }),
      { numRuns: 400 },
    );
  });
});
