// rt5: Dilovod `request` answers in the columns/data form whose rows do not fit the columns.
import { afterEach, describe, expect, it } from 'vitest';
import { createDilovodClient } from '../../src/dilovod/index.ts';
import { SdkError } from '../../src/core/index.ts';
import { serve, settle, type TestServer } from './helpers.ts';

let servers: TestServer[] = [];
afterEach(async () => { await Promise.all(servers.map((s) => s.close())); servers = []; });
const query = { from: 'catalogs.goods', fields: { id: 'a', code: 'b' }, assembleLinks: false } as never;

const answers: Array<[string, unknown, 'error' | 'any']> = [
  ['a row shorter than the columns', { columns: ['a', 'b'], data: [[1]] }, 'error'],
  ['a row longer than the columns', { columns: ['a', 'b'], data: [[1, 2, 3]] }, 'error'],
  ['a row that is not an array', { columns: ['a', 'b'], data: [1] }, 'error'],
  ['a row that is an object', { columns: ['a', 'b'], data: [{ a: 1, b: 2 }] }, 'any'],
  ['columns not strings', { columns: [{ toString: 1 }, 2], data: [[1, 2]] }, 'error'],
  ['columns missing', { data: [[1, 2]] }, 'error'],
  ['data missing', { columns: ['a', 'b'] }, 'error'],
  ['columns null', { columns: null, data: [] }, 'error'],
  ['column named constructor', { columns: ['constructor', 'b'], data: [[1, 2]] }, 'any'],
  ['an object of rows, not an array', { 0: { a: 1 } }, 'error'],
  ['an array of non-objects', [1, 'x', null], 'error'],
];

describe('rt5 Dilovod request: rows that do not fit', () => {
  for (const [name, answer, expected] of answers) {
    it(`${name}: ${expected === 'error' ? 'a typed error, not rows with holes' : 'rows or a typed error'}`, async () => {
      const s = await serve((req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify(answer)); });
      servers.push(s);
      const r = await settle(createDilovodClient({ key: 'dk-RT5-0123456789', baseUrl: s.url, retry: { maxRetries: 0 } }).request(query));
      if (!r.ok) expect(r.error, String(r.error)).toBeInstanceOf(SdkError);
      else if (expected === 'error') expect.fail(`resolved to ${JSON.stringify(r.value)}`);
    });
  }
});
