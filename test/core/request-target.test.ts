// The receivers read a request-target only when a URL parser reads it exactly as it was sent: no target can name a
// host of its own, have its path rewritten, or carry an escape that decodes one way here and another elsewhere.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestTargetUrl } from '../../src/core/receiver.ts';
import { DecodeError } from '../../src/dilovod/index.ts';
import { parseDilovodWebhook } from '../../src/dilovod/webhooks.ts';

const PLACEHOLDER = 'receiver.invalid';

describe('requestTargetUrl', () => {
  it.each([
    ['//', 'a path starting with // reads as a host'],
    ['//:99999/x', 'the same, with a port'],
    ['//[::1/x', 'an unclosed IPv6 host'],
    ['//%zz/', 'an invalid escape after //'],
    ['/%zz', 'an invalid escape'],
    ['/hook?packet=%E0%A4%A', 'a cut escape in the query'],
    ['/a/../b', 'a dot segment the parser rewrites'],
    ['/a/%2e%2e/b', 'an escaped dot segment'],
    ['/a\\b', 'a backslash, read as / by WHATWG URL'],
    ['/ü', 'a raw non-ASCII byte in the path'],
    ['/hook?packet=\u00ff', 'a raw non-ASCII byte in the query'],
    ['/hook#x', 'a fragment (never sent by a client)'],
    ['*', 'asterisk-form'],
    ['x:443', 'authority-form'],
    ['http://x:99999/', 'a port over 65535'],
    ['http://[x]/', 'a host that is none'],
    ['http://user:pass@a/?packet=1', 'userinfo (red team 5: a 500 from the fetch Request)'],
    ['http://u@a/', 'a user name'],
    ['HTTPS://a@b/', 'userinfo, upper-case scheme'],
  ])('refuses %j (%s)', (target) => {
    expect(requestTargetUrl(target)).toBeUndefined();
  });

  it.each(['/', '/hook', '/hook?packet=%7B%22action%22%3A1%7D', '/hook?packet={"action":1}', '/hook?packet=[1]', 'http://x/hook?packet=1', '/a:b@c'])(
    'reads %j',
    (target) => {
      expect(requestTargetUrl(target)).toBeInstanceOf(URL);
    },
  );

  it('never takes a host from an origin-form target, and reads its path exactly as sent', () => {
    const pathChar = fc.constantFrom(...'/abc.%2e5Fzz:@[]\\?#&=+ ü\u0000'.split(''));
    const target = fc.oneof(fc.string(), fc.array(pathChar, { maxLength: 16 }).map((chars) => '/' + chars.join('')));
    fc.assert(
      fc.property(target, (target) => {
        const url = requestTargetUrl(target);
        if (!url || /^https?:\/\//i.test(target)) return;
        expect(url.host).toBe(PLACEHOLDER);
        expect(url.pathname).toBe(target.split('?')[0]);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('duplicated parameters', () => {
  const packet = (id: string) => encodeURIComponent(JSON.stringify({ action: 'objectChanged', params: { objectName: 'documents.saleOrder', id } }));
  it.each([
    `/?packet=${packet('1')}&packet=${packet('2')}`,
    `/?packet=${packet('1')}&packet=${packet('1')}`,
    `/?packet=${packet('1')}&packet=`,
    `/?packet=&packet=${packet('1')}`,
  ])('a webhook with more than one packet is a DecodeError: %s', (url) => {
    expect(() => parseDilovodWebhook(url, { remoteAddress: '127.0.0.1', allowedIps: ['127.0.0.1'] })).toThrow(DecodeError);
  });
});
