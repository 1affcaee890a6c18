// Attack: the lazy loads (content-disposition on the first file name; Dellin's XML shapes on the first XML call)
// from the INSTALLED package: many calls racing the first load, and a content-disposition that cannot load.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyApp, installedApp, runNode, verdict } from './rt8-pack.ts';

let app = '';
const copies: string[] = [];
beforeAll(async () => {
  app = await installedApp();
}, 240_000);
afterAll(() => copies.forEach((d) => rmSync(d, { recursive: true, force: true })));

const server = `
import { createServer } from 'node:http';
const srv = createServer((q, r) => {
  if (q.url.includes('delivery_photos')) { r.writeHead(200, { 'content-type': 'image/jpeg', 'content-disposition': 'inline; filename="photo ' + q.url.split('/').pop().split('?')[0] + '.jpg"' }); return r.end(Buffer.from([0xff, 0xd8, 0xff, 0xd9])); }
  if (q.url.includes('/login') || q.url.includes('auth')) { r.writeHead(200, { 'content-type': 'application/json' }); return r.end(JSON.stringify({ token: 'tok', access_token: 'tok', expires_in: 3600, data: { token: 'tok' } })); }
  const id = q.url.split('/').pop();
  r.writeHead(200, { 'content-type': 'application/pdf', 'content-disposition': "attachment; filename*=UTF-8''%D0%B0%D0%BA%D1%82-" + id + '.pdf' });
  r.end('%PDF-1.4 ' + id);
});
await new Promise((r) => srv.listen(0, '127.0.0.1', r));
const base = 'http://127.0.0.1:' + srv.address().port;
`;

describe('lazy content-disposition, many first calls at once', () => {
  for (const format of ['mjs', 'cjs'] as const) {
    it(`${format}: 60 T-Bank downloads + 60 bare filenameFromContentDisposition calls started together all get their own name`, () => {
      const body = `
const t = createTbankDeliveryClient({ token: 'tok', baseUrl: base });
const ids = Array.from({ length: 60 }, (_, i) => 'd' + i);
const [files, names] = await Promise.all([
  Promise.all(ids.map((id) => t.downloadDocument(id))),
  Promise.all(ids.map((id) => filenameFromContentDisposition('attachment; filename="' + id + '.txt"'))),
]);
srv.close();
console.log(JSON.stringify({ files: files.map((f) => f.filename), names, bytes: files.every((f, i) => new TextDecoder().decode(f.bytes) === '%PDF-1.4 ' + ids[i]) }));`;
      const src =
        format === 'mjs'
          ? `import { createTbankDeliveryClient } from 'delivery-api-clients/tbank-delivery';\nimport { filenameFromContentDisposition } from 'delivery-api-clients';\n${server}${body}`
          : `const { createTbankDeliveryClient } = require('delivery-api-clients/tbank-delivery');\nconst { filenameFromContentDisposition } = require('delivery-api-clients');\n(async () => {\n${server.replace("import { createServer } from 'node:http';", "const { createServer } = require('node:http');")}${body}\n})();`;
      const v = verdict(runNode(app, `race.${format}`, src));
      expect(v.files).toEqual(Array.from({ length: 60 }, (_, i) => `акт-d${i}.pdf`));
      expect(v.names).toEqual(Array.from({ length: 60 }, (_, i) => `d${i}.txt`));
      expect(v.bytes).toBe(true);
    });
  }

  it('Fastriver photo downloads racing the first load (ESM) keep their names', () => {
    const v = verdict(runNode(app, 'photos.mjs', `import { createFastriverClient } from 'delivery-api-clients/fastriver';\n${server}
const f = createFastriverClient({ token: 'tok' }, { baseUrl: base });
const got = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => f.photos.download('u', 'p' + i)));
srv.close();
console.log(JSON.stringify(got.map((g) => g.status === 'fulfilled' ? g.value.filename : 'ERR ' + g.reason?.name + ' ' + g.reason?.message)));`));
    expect(v).toEqual(Array.from({ length: 20 }, (_, i) => `photo p${i}.jpg`));
  });
});

// content-disposition is bundled into the build (tsup.config.ts), so an install without it, or with a broken copy of
// it, reads file names all the same: the package never loads it from node_modules (red team 8 saw untyped errors and a
// valid answer blamed on the server when it did).
describe('content-disposition missing or broken in node_modules', () => {
  const readsNames = (app: string) => {
    const v = verdict(runNode(app, 'names.mjs', `import { createTbankDeliveryClient } from 'delivery-api-clients/tbank-delivery';
import { filenameFromContentDisposition, downloadedFile } from 'delivery-api-clients';\n${server}
const file = await createTbankDeliveryClient({ token: 'tok', baseUrl: base }).downloadDocument('d1', { retry: { maxRetries: 0 } });
srv.close();
const bare = await filenameFromContentDisposition('attachment; filename=a.pdf');
const public_ = await downloadedFile(new ArrayBuffer(2), new Headers({ 'content-disposition': 'attachment; filename="b.pdf"' }));
console.log(JSON.stringify({ download: file.filename, bare, public: public_.filename }));`));
    expect(v).toEqual({ download: 'акт-d1.pdf', bare: 'a.pdf', public: 'b.pdf' });
    const cjs = verdict(runNode(app, 'names.cjs', `const { filenameFromContentDisposition } = require('delivery-api-clients');
filenameFromContentDisposition('attachment; filename=c.pdf').then((name) => console.log(JSON.stringify({ name })), (e) => console.log(JSON.stringify({ error: String(e) })));`));
    expect(cjs).toEqual({ name: 'c.pdf' });
  };

  it('pruned: file names are read all the same (ESM and CJS)', () => {
    const pruned = copyApp('no-cd');
    copies.push(pruned);
    rmSync(join(pruned, 'node_modules/content-disposition'), { recursive: true, force: true });
    readsNames(pruned);
  });

  it('a copy that throws while loading is never loaded', () => {
    const bad = copyApp('bad-cd');
    copies.push(bad);
    // The package no longer depends on it; a project may still have one, broken, beside it.
    mkdirSync(join(bad, 'node_modules/content-disposition/dist'), { recursive: true });
    writeFileSync(join(bad, 'node_modules/content-disposition/package.json'), JSON.stringify({ name: 'content-disposition', version: '2.0.1', main: 'dist/index.js' }));
    writeFileSync(join(bad, 'node_modules/content-disposition/dist/index.js'), 'throw new RangeError("boom at load");');
    readsNames(bad);
  });
});
