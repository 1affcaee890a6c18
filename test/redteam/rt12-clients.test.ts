// Differential attack through the clients: the BUILT Dellin (XML and JSON) and Fastriver (JSON:API flattening, list,
// listAll) clients against the src clients, each given the same answer by its own `fetch`, for fast-check answers.
// Same value (deep, and as JSON) or the same error class, name and message.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import * as srcDellin from '../../src/dellin/index.ts';
import * as srcFastriver from '../../src/fastriver/index.ts';
import { builtApp, entry, outcome, type Mod } from './rt12-build.ts';

let dellin: { esm: Mod; cjs: Mod };
let fastriver: { esm: Mod; cjs: Mod };
beforeAll(async () => {
  const app = await builtApp();
  [dellin, fastriver] = await Promise.all([entry(app, '/dellin'), entry(app, '/fastriver')]);
}, 240_000);

const SECRETS = ['rt12-appkey-secret', 'rt12-session-secret', 'rt12-token-secret'];
/** What the src side did, by outcome: each property must reach both successes and errors, or it tests nothing. */
const tally: Record<string, number> = {};
type Answer = { status: number; type: string; body: string | Uint8Array };
const answering = (answers: (url: string) => Answer) => async (input: Request | string | URL) => {
  const url = typeof input === 'object' && 'url' in input ? input.url : String(input);
  const a = answers(url);
  return new Response(a.body, { status: a.status, headers: { 'content-type': a.type } });
};

async function same(call: (m: Mod) => Promise<unknown>, src: Mod, built: { esm: Mod; cjs: Mod }) {
  const run = async (m: Mod) => {
    const result = (await outcome(() => call(m))) as { ok?: unknown };
    return 'ok' in result ? { ...result, json: JSON.stringify(result.ok) } : result;
  };
  const expected = await run(src);
  if (!('ok' in (expected as object))) for (const secret of SECRETS) expect((expected as { message: string }).message).not.toContain(secret);
  tally['ok' in (expected as object) ? 'ok' : String((expected as { name: string }).name)] = (tally['ok' in (expected as object) ? 'ok' : String((expected as { name: string }).name)] ?? 0) + 1;
  expect(await run(built.esm)).toEqual(expected);
  expect(await run(built.cjs)).toEqual(expected);
  return expected;
}

/** README's Dellin example body. */
const REQUEST = {
  docID: '2000000000000',
  delivery: { arrival: { address: { search: 'Омск, Ленина, 5' }, produceDate: '2020-11-30', time: { worktimeStart: '10:00', worktimeEnd: '17:00' }, payer: 'receiver' } },
  members: { receiver: { contactPersons: [{ name: 'Иван Иванович' }], phoneNumbers: [{ number: '+79213332211' }] } },
  payment: { type: 'noncash', email: 'buh@example.ru' },
};

describe('Dellin through the built client', () => {
  const text = fc.oneof(fc.constantFrom('200', ' 200 ', '500', '200.0', '2e2', 'true', 'false', '1', '0', 'INF', '-0', '', '&#50;00', '<![CDATA[200]]>', 'x&amp;y', '&#xD;', 'é', 'rt12-session-secret', 'rt12-appkey-&#115;ecret', 'cnQxMi1zZXNzaW9uLXNlY3JldA=='), fc.string({ maxLength: 6 }).map((s) => s.replace(/[<&]/g, '')));
  const count = fc.oneof({ weight: 6, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.constantFrom(0, 2) });
  const el = (name: string, inner: fc.Arbitrary<string>) => fc.tuple(count, inner).map(([n, t]) => `<${name}>${t}</${name}>`.repeat(n));
  const status = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('200', ' 200 ', '\n200\n') }, { weight: 1, arbitrary: text });
  const metadata = fc.tuple(el('status', status), el('generatedAt', text)).map(([s, g]) => `<metadata>${s}${g}</metadata>`);
  const session = fc.tuple(el('expireTime', text), el('expired', text)).map(([e, x]) => `<session>${e}${x}</session>`);
  const dates = fc.tuple(el('dates', text), el('dates', text), el('requestID', text), el('state', text), el('foundAddresses', fc.tuple(el('field', text), el('value', text)).map((p) => p.join(''))), el('information', text)).map((p) => p.join(''));
  const body = fc.tuple(count.chain((n) => fc.array(metadata, { minLength: n, maxLength: n })), fc.oneof(session, dates, fc.constant('')), fc.constantFrom('', '<?xml version="1.0" encoding="UTF-8"?>', '\ufeff', '<?xml version="1.0" encoding="windows-1251"?>'), fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }))
    .map(([md, data, head, withData]) => `${head}<response>${md.join('')}${withData ? `<data>${data}</data>` : ''}</response>`);

  it('sessionInfo, deliveryDates and requestDelivery read the same XML answer the same way', async () => {
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom(200, 200, 200, 400, 500), fc.constantFrom('application/xml', 'text/xml; charset=utf-8', 'application/xml; charset=koi8-r'), async (xml, status, type) => {
        const make = (m: Mod) => m.createDellinClient({ appkey: 'rt12-appkey-secret', sessionID: 'rt12-session-secret', format: 'xml', baseUrl: 'https://dellin.example', retry: { maxRetries: 0 }, fetch: answering(() => ({ status, type, body: xml })) });
        await same((m) => make(m).sessionInfo(), srcDellin, dellin);
        await same((m) => make(m).requestDelivery(REQUEST), srcDellin, dellin);
        await same((m) => make(m).deliveryDates({ docID: '1', delivery: { arrival: { address: { search: 'x' } } } }), srcDellin, dellin);
      }),
      { numRuns: 250 },
    );
    expect(tally.ok).toBeGreaterThan(10);
    expect(tally.DecodeError).toBeGreaterThan(10);
    for (const key of Object.keys(tally)) delete tally[key];
  });

  it('a JSON answer and its XML twin decode alike in src, ESM and CJS', async () => {
    const twin = fc.record({ expireTime: fc.constantFrom('2026-11-30 12:00:00', '1', ' a '), expired: fc.boolean(), status: fc.constant(200) });
    await fc.assert(
      fc.asyncProperty(twin, async ({ expireTime, expired, status }) => {
        const json = JSON.stringify({ metadata: { status, generatedAt: 'g' }, data: { session: { expireTime, expired } } });
        const xml = `<response><metadata><status>${status}</status><generatedAt>g</generatedAt></metadata><data><session><expireTime>${expireTime}</expireTime><expired>${expired}</expired></session></data></response>`;
        const make = (m: Mod, format: string) => m.createDellinClient({ appkey: 'k', sessionID: 's-123456789', format, baseUrl: 'https://dellin.example', fetch: answering(() => (format === 'xml' ? { status: 200, type: 'application/xml', body: xml } : { status: 200, type: 'application/json', body: json })) });
        const a = await same((m) => make(m, 'json').sessionInfo(), srcDellin, dellin);
        const b = await same((m) => make(m, 'xml').sessionInfo(), srcDellin, dellin);
        expect(b).toEqual(a);
      }),
      { numRuns: 60 },
    );
  });
});

describe('Fastriver JSON:API through the built client', () => {
  const id = fc.oneof(fc.constantFrom('a', 'b', '1', '__proto__', 'constructor'), fc.integer({ min: 0, max: 3 }), fc.constant(null), fc.constant(undefined));
  const type = fc.constantFrom('delivery_requests', 'delivery_request', 'deliveries', 'delivery', 'time_intervals', '__proto__', 'x');
  const ident = fc.record({ type, id }, { requiredKeys: [] });
  const resource = fc.record(
    {
      type,
      id,
      attributes: fc.dictionary(fc.constantFrom('status', 'product', 'id', 'type', '__proto__', 'constructor', 'toJSON', 'x'), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
      relationships: fc.dictionary(fc.constantFrom('active_delivery', 'deliveries', 'time_interval', 'delivery_request', '__proto__', 'id'), fc.record({ data: fc.oneof(ident, fc.array(ident, { maxLength: 2 }), fc.constant(null)) }, { requiredKeys: [] }), { maxKeys: 3 }),
    },
    { requiredKeys: ['type'] },
  );
  const doc = fc.record({ data: fc.oneof(resource, fc.array(resource, { maxLength: 3 }), fc.constant(null)), included: fc.array(resource, { maxLength: 4 }), meta: fc.record({ total: fc.oneof(fc.integer({ min: -1, max: 30 }), fc.constant('3')), pages: fc.integer({ min: 0, max: 3 }) }, { requiredKeys: [] }) }, { requiredKeys: [] });

  it('get, list and listAll read the same document the same way (cycles, missing ids, prototype names)', async () => {
    await fc.assert(
      fc.asyncProperty(doc, fc.constantFrom('raw', 'proto'), async (d, form) => {
        let text = JSON.stringify(d);
        if (form === 'proto') text = text.replace(/"x"/g, '"__proto__"');
        const make = (m: Mod) => m.createFastriverClient({ token: 'rt12-token-secret' }, { baseUrl: 'https://fastriver.example', retry: { maxRetries: 0 }, fetch: answering(() => ({ status: 200, type: 'application/vnd.api+json', body: text })) });
        await same((m) => make(m).deliveryRequests.get('a'), srcFastriver, fastriver);
        await same((m) => make(m).deliveryRequests.list({}), srcFastriver, fastriver);
        await same(async (m) => {
          const seen: unknown[] = [];
          for await (const item of make(m).deliveryRequests.listAll({})) {
            seen.push(item);
            if (seen.length > 50) break;
          }
          return seen;
        }, srcFastriver, fastriver);
      }),
      { numRuns: 200 },
    );
    expect(tally.ok).toBeGreaterThan(10);
    expect(tally.DecodeError).toBeGreaterThan(10);

  });
});
