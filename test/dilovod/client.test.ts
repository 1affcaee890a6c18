// The Dilovod client against a local gateway that records how many requests overlap.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createDilovodClient, DecodeError, DilovodApiError, rowsOf } from '../../src/dilovod/index.ts';

let server: Server;
let baseUrl: string;
let inFlight = 0;
let most = 0;
const order: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    inFlight += 1;
    most = Math.max(most, inFlight);
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const packet = JSON.parse(new URLSearchParams(body).get('packet') ?? '{}') as { params: { id: string } };
      order.push(packet.params.id);
      setTimeout(() => {
        inFlight -= 1;
        const answer = packet.params.id.endsWith('13') ? { error: `Об'єкт ${packet.params.id} не знайдено` } : { header: { id: { id: packet.params.id } } };
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      }, Math.random() * 3);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  most = 0;
  order.length = 0;
});

const id = (i: number) => String(1110800000001000 + i);

describe('one request at a time', () => {
  it('100 concurrent calls: never two in flight, sent in call order, each caller gets its own answer, failures isolated', async () => {
    const dilovod = createDilovodClient({ key: 'k-0123456789', baseUrl });
    const results = await Promise.allSettled(Array.from({ length: 100 }, (_, i) => dilovod.getObject(id(i))));
    expect(most).toBe(1);
    expect(order).toEqual(Array.from({ length: 100 }, (_, i) => id(i)));
    results.forEach((result, i) => {
      if (id(i).endsWith('13')) {
        expect(result.status).toBe('rejected');
        expect(result.status === 'rejected' && result.reason).toBeInstanceOf(DilovodApiError);
      } else {
        expect(result.status === 'fulfilled' && result.value.header.id).toEqual({ id: id(i) });
      }
    });
  });

  it('a call aborted while it waits its turn is never sent', async () => {
    const dilovod = createDilovodClient({ key: 'k-0123456789', baseUrl });
    const controller = new AbortController();
    const first = dilovod.getObject(id(1));
    const aborted = dilovod.getObject(id(2), { signal: controller.signal });
    const third = dilovod.getObject(id(3));
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    await Promise.all([first, third]);
    expect(order).toEqual([id(1), id(3)]);
  });
});

describe('rowsOf', () => {
  it('turns {columns, data} into records, and leaves rows as they are', () => {
    expect(rowsOf({ columns: ['good', 'qty'], data: [['1', '2.000'], ['3', null]] })).toEqual([{ good: '1', qty: '2.000' }, { good: '3', qty: null }]);
    expect(rowsOf([{ a: 1 }])).toEqual([{ a: 1 }]);
    expect(Object.prototype.hasOwnProperty.call(rowsOf({ columns: ['__proto__'], data: [[{ polluted: true }]] })[0], '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  // Issue 16: an answer that is neither shape used to come back as [] (a silent "no rows").
  it.each([
    ['an object', { result: 'ok' }, ''],
    ['a string', 'ok', ''],
    ['null', null, ''],
    ['a row that is no object', [{ a: 1 }, 2], '1'],
    // Red team 5: positional rows that do not match the columns would lose or misplace a value.
    ['a data row shorter than the columns', { columns: ['good', 'qty'], data: [['1', '2'], ['3']] }, 'data.1'],
    ['a data row longer than the columns', { columns: ['good'], data: [['1', '2']] }, 'data.0'],
    ['a column named twice', { columns: ['good', 'good'], data: [['1', '2']] }, 'columns'],
    ['columns that are no names', { columns: [1], data: [] }, 'columns'],
    ['a data row that is no array', { columns: ['a'], data: [['1'], { a: 1 }] }, 'data.1'],
    ['data missing', { columns: ['a'] }, ''],
  ])('%s is a DecodeError saying where', (_, answer, path) => {
    const error = (() => {
      try {
        return rowsOf(answer);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DecodeError);
    expect(error).toMatchObject({ api: 'dilovod', operation: 'request', path });
  });

  it('any JSON value: rows only for the two documented shapes, a DecodeError otherwise, never a silent []', () => {
    const isRows = (v: unknown) => Array.isArray(v) && v.every((row) => typeof row === 'object' && row !== null && !Array.isArray(row));
    const isTable = (v: unknown): boolean => {
      const t = v as { columns?: unknown; data?: unknown };
      const columns = t?.columns;
      return (
        typeof v === 'object' && v !== null && !Array.isArray(v) && Array.isArray(columns) && columns.every((c) => typeof c === 'string') && new Set(columns).size === columns.length &&
        Array.isArray(t.data) && t.data.every((row) => Array.isArray(row) && row.length === columns.length)
      );
    };
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.record({ columns: fc.jsonValue(), data: fc.jsonValue() }), fc.array(fc.jsonValue())), (value) => {
        if (isRows(value) || isTable(value)) {
          expect(rowsOf(value)).toHaveLength(Array.isArray(value) ? value.length : (value as { data: unknown[] }).data.length);
        } else {
          expect(() => rowsOf(value)).toThrow(DecodeError);
        }
      }),
    );
  });

  it('through the client: request answered with an unknown shape rejects with a DecodeError', async () => {
    const dilovod = createDilovodClient({ key: 'k-123456789', baseUrl: 'http://dilovod.invalid', fetch: async () => Response.json({ result: 'ok' }) });
    await expect(dilovod.request({ from: 'catalogs.goods', fields: { id: 'id' } })).rejects.toBeInstanceOf(DecodeError);
  });
});

describe('an error given as bare text inside HTTP 200 (seed 003: "the object\'s id on success, otherwise the error text")', () => {
  const answering = (answer: unknown) =>
    createDilovodClient({ key: 'k', baseUrl: 'http://dilovod.test', fetch: async () => new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } }) });

  it.each([
    ['saveObject', (c: ReturnType<typeof answering>) => c.saveObject({ header: { id: 'catalogs.units' } } as never, { maxRetries: 0 })],
    ['setDelMark', (c: ReturnType<typeof answering>) => c.setDelMark('1110800000001013', { maxRetries: 0 })],
    ['getObject', (c: ReturnType<typeof answering>) => c.getObject('1110800000001013', { maxRetries: 0 })],
  ])('%s: any text but "ok" is a DilovodApiError carrying it', async (_name, call) => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }).filter((text) => text !== 'ok'), fc.nat(), async (text, n) => {
        const error = await call(answering(text)).then(() => undefined, (caught: unknown) => caught);
        expect(error).toBeInstanceOf(DilovodApiError); // any text at all, even empty or blank
        const said = await call(answering(`Помилка ${n}`)).then(() => undefined, (caught: unknown) => caught);
        expect((said as DilovodApiError).apiMessage).toBe(`Помилка ${n}`);
      }),
      { numRuns: 30 },
    );
  });

  it('setDelMark: "ok" is its success', async () => {
    await expect(answering('ok').setDelMark('1110800000001013', { maxRetries: 0 })).resolves.toBe('ok');
  });
});
