// Attack: error identity across copies of the installed package (ESM + CJS in one process, every API entry) and in
// user code that subclasses the error classes. The brand is by class NAME (`static errorName`, else `Function.name`),
// so two different classes with one name are the same class to `instanceof`.
import { beforeAll, describe, expect, it } from 'vitest';
import { installedApp, runNode, verdict } from './rt8-pack.ts';

let app = '';
beforeAll(async () => {
  app = await installedApp();
}, 240_000);

const server = `
import { createServer } from 'node:http';
const srv = createServer((q, r) => { r.writeHead(404, { 'content-type': 'application/json' }); r.end('{"errorCode":"NOT_FOUND","errorMessage":"no such thing","message":"no such thing","error":"no"}'); });
await new Promise((r) => srv.listen(0, '127.0.0.1', r));
const base = 'http://127.0.0.1:' + srv.address().port;
`;

describe('instanceof and name across the ESM and CommonJS copies in one process', () => {
  it('an ApiError from every API entry (ESM and CJS) is instanceof ApiError/SdkError of the root entry in both formats', () => {
    const src = `${server}
import { createRequire } from 'node:module';
import { inspect } from 'node:util';
const require = createRequire(import.meta.url);
const esmRoot = await import('delivery-api-clients'), cjsRoot = require('delivery-api-clients');
const out = [];
for (const load of ['esm', 'cjs']) {
  const get = (s) => load === 'esm' ? import(s) : Promise.resolve(require(s));
  const y = await get('delivery-api-clients/yandex-fleet'), t = await get('delivery-api-clients/tbank-delivery'),
        f = await get('delivery-api-clients/fastriver');
  const calls = {
    tbank: () => t.createTbankDeliveryClient({ token: 'secret-token-123', baseUrl: base }).getTask('x', { retry: { maxRetries: 0 } }),
    yandex: () => y.createYandexFleetClient({ apiKey: 'secret-key-123', clientId: 'taxi/park/1', baseUrl: base }).listTransactionCategories({ query: { park: { id: '1' } } }, { retry: { maxRetries: 0 } }),
    fastriver: () => f.createFastriverClient({ token: 'secret-token-123' }, { baseUrl: base }).deliveryRequests.get('x', { retry: { maxRetries: 0 } }),
  };
  for (const [name, call] of Object.entries(calls)) {
    let e; try { await call(); } catch (err) { e = err; }
    out.push({ load, name, errName: e?.name,
      esmApi: e instanceof esmRoot.ApiError, cjsApi: e instanceof cjsRoot.ApiError,
      esmSdk: e instanceof esmRoot.SdkError, cjsSdk: e instanceof cjsRoot.SdkError,
      notTimeout: !(e instanceof esmRoot.TimeoutError) && !(e instanceof cjsRoot.TimeoutError),
      json: JSON.parse(JSON.stringify(e)).name, inspect: inspect(e).split('\\n')[0].split(':')[0],
      str: String(e).split(':')[0] });
  }
}
srv.close();
console.log(JSON.stringify(out));`;
    const out = verdict(runNode(app, 'mixed.mjs', src));
    expect(out.length).toBe(6);
    for (const o of out) {
      expect(o, JSON.stringify(o)).toMatchObject({ errName: 'ApiError', esmApi: true, cjsApi: true, esmSdk: true, cjsSdk: true, notTimeout: true, json: 'ApiError', inspect: 'ApiError', str: 'ApiError' });
    }
  });

  it('DellinApiError / DilovodApiError from CJS are instanceof the ESM classes and the root ApiError', () => {
    const src = `${server}
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const esmD = await import('delivery-api-clients/dellin'), cjsD = require('delivery-api-clients/dellin');
const root = await import('delivery-api-clients');
let e; try { await cjsD.createDellinClient({ appkey: 'k', sessionID: 's', baseUrl: base }).sessionInfo({ retry: { maxRetries: 0 } }); } catch (err) { e = err; }
srv.close();
console.log(JSON.stringify({ name: e?.name, esm: e instanceof esmD.DellinApiError, cjs: e instanceof cjsD.DellinApiError, root: e instanceof root.ApiError, dil: e instanceof (require('delivery-api-clients/dilovod').DilovodApiError) }));`;
    expect(verdict(runNode(app, 'dellin.mjs', src))).toEqual({ name: 'DellinApiError', esm: true, cjs: true, root: true, dil: false });
  });
});

describe('user code subclassing the error classes', () => {
  const sub = (body: string) => `
import { ApiError, SdkError, TimeoutError, NetworkError } from 'delivery-api-clients';
const ctx = { api: 'x', operation: 'op', attempts: 1 };
${body}`;

  it('class MyError extends ApiError: its name is MyError, instanceof MyError/ApiError/SdkError, not TimeoutError', () => {
    const v = verdict(runNode(app, 's1.mjs', sub(`
class MyError extends ApiError {}
const e = new MyError(ctx, { status: 418, headers: {} });
const plain = new ApiError(ctx, { status: 418, headers: {} });
console.log(JSON.stringify({ name: e.name, my: e instanceof MyError, api: e instanceof ApiError, sdk: e instanceof SdkError, to: e instanceof TimeoutError, plainIsMy: plain instanceof MyError }));`)));
    expect(v).toEqual({ name: 'MyError', my: true, api: true, sdk: true, to: false, plainIsMy: false });
  });

  it('two DIFFERENT user subclasses that happen to share a name are not instanceof each other', () => {
    // Two modules (or two libraries) each declare their own `class HttpError extends ApiError`; a minifier that
    // reuses short names in separate scopes does the same. Plain JS classes never confuse them.
    const v = verdict(runNode(app, 's2.mjs', sub(`
const A = (() => class HttpError extends ApiError {})();
const B = (() => class HttpError extends ApiError {})();
const a = new A(ctx, { status: 404, headers: {} });
console.log(JSON.stringify({ aIsA: a instanceof A, aIsB: a instanceof B }));`)));
    expect(v).toEqual({ aIsA: true, aIsB: false });
  });

  it("a user's own SdkError subclass named TimeoutError is not the package's TimeoutError", () => {
    // Code that branches on `error instanceof TimeoutError` then reads `error.timeoutMs`: undefined here.
    const v = verdict(runNode(app, 's3.mjs', sub(`
class TimeoutError2 extends SdkError { static errorName = 'TimeoutError' }
const mine = (() => { const TimeoutError = class TimeoutError extends SdkError {}; return new TimeoutError('my own timeout', ctx); })();
console.log(JSON.stringify({ viaStatic: new TimeoutError2('x', ctx) instanceof TimeoutError, viaName: mine instanceof TimeoutError, timeoutMs: mine.timeoutMs ?? null }));`)));
    // Within one copy only the prototype counts, whatever errorName a class declares (red team 10); a class that only
    // shares the class name is no TimeoutError either.
    expect(v).toEqual({ viaStatic: false, viaName: false, timeoutMs: null });
  });

  it('a plain object carrying the shared Symbol.for brand is not an ApiError (no status, no message)', () => {
    const v = verdict(runNode(app, 's4.mjs', sub(`
const fake = { [Symbol.for('delivery-api-clients.error-classes')]: ['ApiError', 'SdkError'] };
console.log(JSON.stringify({ api: fake instanceof ApiError, sdk: fake instanceof SdkError }));`)));
    expect(v).toEqual({ api: false, sdk: false });
  });

  it('an anonymous subclass (class extends ApiError {}) still has a usable name, not ""', () => {
    const v = verdict(runNode(app, 's5.mjs', sub(`
const Anon = (() => class extends ApiError {})();
const e = new Anon(ctx, { status: 500, headers: {} });
console.log(JSON.stringify({ name: e.name, str: String(e).slice(0, 12) }));`)));
    expect(v.name).not.toBe('');
    expect(v.str.startsWith(':')).toBe(false);
  });
});

describe('secrets in errors from either copy', () => {
  it('an error whose body echoes the credential: toJSON, util.inspect, String and the stack of the ESM and CJS copies never show it', () => {
    const src = `
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { inspect } from 'node:util';
const require = createRequire(import.meta.url);
const srv = createServer((q, r) => {
  const auth = String(q.headers.authorization ?? q.headers['x-api-key'] ?? '');
  r.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer error="' + auth + '"', 'x-echo': auth });
  r.end(JSON.stringify({ errorCode: 'UNAUTHORIZED', errorMessage: 'bad credential ' + auth, message: auth, hex: Buffer.from(auth).toString('hex'), b64: Buffer.from(auth).toString('base64') }));
});
await new Promise((r) => srv.listen(0, '127.0.0.1', r));
const base = 'http://127.0.0.1:' + srv.address().port;
const views = [];
for (const t of [await import('delivery-api-clients/tbank-delivery'), require('delivery-api-clients/tbank-delivery')]) {
  let e; try { await t.createTbankDeliveryClient({ token: 'Zq7-secret-token-XYZ', baseUrl: base, retry: { maxRetries: 0 } }).getTask('x'); } catch (err) { e = err; }
  views.push(JSON.stringify(e), inspect(e, { depth: 10, showHidden: true }), String(e), String(e?.stack));
}
for (const y of [await import('delivery-api-clients/yandex-fleet'), require('delivery-api-clients/yandex-fleet')]) {
  let e; try { await y.createYandexFleetClient({ apiKey: 'Zq7-secret-token-XYZ', clientId: 'taxi/park/1', baseUrl: base, retry: { maxRetries: 0 } }).listTransactionCategories({ query: { park: { id: '1' } } }); } catch (err) { e = err; }
  views.push(JSON.stringify(e), inspect(e, { depth: 10, showHidden: true }), String(e), String(e?.stack));
}
srv.close();
const all = views.join('\\n');
console.log(JSON.stringify({ n: views.length, plain: all.includes('secret-token'), hex: all.includes(Buffer.from('Zq7-secret-token-XYZ').toString('hex')), b64: all.includes(Buffer.from('Zq7-secret-token-XYZ').toString('base64').slice(0, 16)) }));`;
    expect(verdict(runNode(app, 'secrets.mjs', src))).toEqual({ n: 16, plain: false, hex: false, b64: false });
  });
});
