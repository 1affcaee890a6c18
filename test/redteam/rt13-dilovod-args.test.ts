// Attack: parseDilovodWebhook / dilovodWebhookHandler with arguments of the wrong kind that pass a first look: an object
// forging Symbol.toStringTag 'URLSearchParams', a check whose getters throw, an allow-list Proxy whose length throws, a
// sparse allow-list of length 2^32-1 (the parse must not scan 4 billion holes), handler options with a throwing getter.
// The promise: a UsageError (an SdkError) naming the argument, never a bare TypeError, never a hang.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { dilovodWebhookHandler, parseDilovodWebhook, SdkError, UsageError, WebhookSourceError } from '../../src/dilovod/webhooks.ts';

const ROOT = join(import.meta.dirname, '../..');
const QUERY = `packet=${encodeURIComponent(JSON.stringify({ action: 'objectChanged', params: { objectName: 'documents.saleOrder', id: '1110000000001001' } }))}`;
const OK = { remoteAddress: '1.2.3.4', allowedIps: ['1.2.3.4'] };

describe('parseDilovodWebhook: forged and hostile arguments', () => {
  it('regression: the real thing parses from text, URL and URLSearchParams', () => {
    const expected = { action: 'objectChanged', params: { objectName: 'documents.saleOrder', id: '1110000000001001' } };
    expect(parseDilovodWebhook(`/dilovod?${QUERY}`, OK)).toEqual(expected);
    expect(parseDilovodWebhook(new URL(`http://x/?${QUERY}`), OK)).toEqual(expected);
    expect(parseDilovodWebhook(new URLSearchParams(QUERY), OK)).toEqual(expected);
    expect(parseDilovodWebhook(`/dilovod?${QUERY}`, { remoteAddress: '::ffff:1.2.3.4', allowedIps: ['1.2.3.4'] })).toEqual(expected);
  });

  it('an object forging the tag "URLSearchParams" is a UsageError, not "query.getAll is not a function"', () => {
    const forged = { [Symbol.toStringTag]: 'URLSearchParams', get: () => null };
    expect(() => parseDilovodWebhook(forged as unknown as URLSearchParams, OK)).toThrow(UsageError);
  });

  it('an object forging the tag "URL" is refused, not read as an empty query (regression: DecodeError today)', () => {
    const forged = { [Symbol.toStringTag]: 'URL', search: `?${QUERY}` };
    expect(() => parseDilovodWebhook(forged as unknown as URL, OK)).toThrow(SdkError);
  });

  it('a check whose remoteAddress getter throws is an SdkError, not the bare TypeError', () => {
    const check = { allowedIps: ['1.2.3.4'], get remoteAddress(): string { throw new TypeError('getter'); } };
    expect(() => parseDilovodWebhook(`/dilovod?${QUERY}`, check)).toThrow(SdkError);
  });

  it('a check whose allowedIps getter throws is an SdkError, not the bare TypeError', () => {
    const check = { remoteAddress: '1.2.3.4', get allowedIps(): string[] { throw new TypeError('getter'); } };
    expect(() => parseDilovodWebhook(`/dilovod?${QUERY}`, check)).toThrow(SdkError);
  });

  it('an allow-list Proxy whose length throws is an SdkError', () => {
    const list = new Proxy(['1.2.3.4'], { get: (target, key) => { if (key === 'length') throw new TypeError('length'); return Reflect.get(target, key); } });
    expect(() => parseDilovodWebhook(`/dilovod?${QUERY}`, { remoteAddress: '1.2.3.4', allowedIps: list })).toThrow(SdkError);
  });

  it('a check Proxy whose every trap throws is an SdkError', () => {
    const check = new Proxy({}, { get() { throw new TypeError('g'); }, has() { throw new TypeError('h'); }, getPrototypeOf() { throw new TypeError('p'); }, ownKeys() { throw new TypeError('o'); } });
    expect(() => parseDilovodWebhook(`/dilovod?${QUERY}`, check as never)).toThrow(SdkError);
  });

  it('an allow-list with a hole (not a list of non-empty strings) is a UsageError, as [undefined, …] is', () => {
    expect(() => parseDilovodWebhook(`/dilovod?${QUERY}`, { remoteAddress: '1.2.3.4', allowedIps: [undefined, '1.2.3.4'] as string[] })).toThrow(UsageError);
    // eslint-disable-next-line no-sparse-arrays
    expect(() => parseDilovodWebhook(`/dilovod?${QUERY}`, { remoteAddress: '1.2.3.4', allowedIps: [, '1.2.3.4'] as string[] })).toThrow(UsageError);
  });

  it('allow-lists that are sets or array-likes: UsageErrors; of another realm: read (regression)', async () => {
    expect(() => parseDilovodWebhook(`/dilovod?${QUERY}`, { remoteAddress: '1.2.3.4', allowedIps: new Set(['1.2.3.4']) as never })).toThrow(UsageError);
    expect(() => parseDilovodWebhook(`/dilovod?${QUERY}`, { remoteAddress: '1.2.3.4', allowedIps: { length: 1, 0: '1.2.3.4' } as never })).toThrow(UsageError);
    expect(() => parseDilovodWebhook(`/dilovod?${QUERY}`, { remoteAddress: '1.2.3.5', allowedIps: ['1.2.3.4'] })).toThrow(WebhookSourceError);
    const vm = await import('node:vm');
    expect(parseDilovodWebhook(`/dilovod?${QUERY}`, { remoteAddress: '1.2.3.4', allowedIps: vm.runInNewContext('["1.2.3.4"]') }).params.id).toBe('1110000000001001');
  });

  it('a sparse allow-list of length 2^32-1 is refused at once, not scanned for minutes (child process, 10 s)', async () => {
    const script = `
      import { parseDilovodWebhook } from ${JSON.stringify(join(ROOT, 'src/dilovod/webhooks.ts'))};
      const list = []; list.length = 2 ** 32 - 1;
      try { parseDilovodWebhook(${JSON.stringify('/dilovod?' + QUERY)}, { remoteAddress: '1.2.3.4', allowedIps: list }); console.log('accepted'); }
      catch (error) { console.log(error.name); }`;
    const outcome = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, timeout: 10_000 })
      .then(({ stdout }) => stdout.trim(), (error: { killed?: boolean; stdout?: string }) => (error.killed ? 'HANG' : String(error.stdout).trim()));
    expect(outcome).toBe('UsageError');
  }, 20_000);
});

describe('dilovodWebhookHandler: hostile options and arguments', () => {
  it('options whose allowedIps getter throws: an SdkError when made, not the bare TypeError', () => {
    expect(() => dilovodWebhookHandler(() => {}, { get allowedIps(): string[] { throw new TypeError('getter'); } })).toThrow(SdkError);
  });

  it('an address that is not text (Deno info, a String object) is a UsageError naming how to get it (regression)', async () => {
    const handle = dilovodWebhookHandler(() => {}, { allowedIps: ['1.2.3.4'] });
    await expect(handle(new Request(`http://x/?${QUERY}`), { hostname: '1.2.3.4' } as never)).rejects.toThrow(/Deno: info\.remoteAddr\.hostname/);
    await expect(handle(new Request(`http://x/?${QUERY}`), new String('1.2.3.4') as never)).rejects.toThrow(UsageError);
  });
});
