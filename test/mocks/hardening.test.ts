// Kinds behind the red-team findings on the mock host, as table and property tests over the units that decide them:
// credential masking in raw text (journal.ts), Retry-After checks (faults.ts), per-session faults, callback refusal.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claimOwnPort, refusalOf } from '../../mocks/callbacks.ts';
import { ArmedFaults, checkFault, faultFromPrefer, FaultError, MAX_DELAY_MS } from '../../mocks/faults.ts';
import { maskCredentials } from '../../mocks/journal.ts';

/** The credential names the five specs use (Fastriver, Dellin, Dilovod, Yandex, T-Bank) and common query spellings. */
const NAMES = ['password', 'appkey', 'sessionID', 'key', 'token', 'access_token', 'refresh_token', 'api_key', 'apikey', 'client_secret'];
/** Each encoding a raw body or query string can carry a named value in. */
const ENCODINGS: Array<[string, (name: string, value: string) => string]> = [
  ['JSON', (n, v) => `{"login":"bot","${n}":"${v}"}`],
  ['broken JSON', (n, v) => `{"login":"bot","${n}": "${v}`],
  ['form', (n, v) => `login=bot&${n}=${encodeURIComponent(v)}`],
  ['query', (n, v) => `?a=1&${n}=${v}`],
  ['XML', (n, v) => `<request><login>a</login><${n}>${v}</${n}></request>`],
  ['JSON in a form field', (n, v) => `packet=${encodeURIComponent(`{"version":"0.25","${n}":"${v}","action":`)}`],
];

const journalled = (body: unknown, query: Record<string, string> = {}) =>
  JSON.stringify(maskCredentials({ headers: { 'content-type': 'text/plain' }, query, body }));

describe('journal masks named credentials in raw text', () => {
  for (const name of NAMES) {
    for (const [encoding, encode] of ENCODINGS) {
      it(`${name} in ${encoding}`, () => {
        const secret = 'Zq9_S3cret-Value';
        expect(journalled(encode(name, secret))).not.toContain('S3cret');
        expect(journalled({ packet: encode(name, secret) })).not.toContain('S3cret');
      });
    }
    it(`${name} as a query parameter`, () => expect(journalled(undefined, { [name]: 'Zq9_S3cret-Value' })).not.toContain('S3cret'));
  }
  it('property: any secret value under any credential name, in any encoding, never survives', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), fc.constantFrom(...ENCODINGS), fc.stringMatching(/^[A-Za-z0-9_.~-]{8,40}$/), (name, [, encode], secret) => {
        expect(journalled(encode(name, secret))).not.toContain(secret);
      }),
    );
  });
  it('keeps what is not a credential', () => expect(journalled('login=bot&city=Moscow')).toContain('Moscow'));
});

describe('Prefer values follow RFC 7240 and the README (rt5: 0x10, 1e3, +5 were taken as delays; a date never was)', () => {
  const DATE = 'Sun, 06 Nov 1994 08:49:37 GMT';
  it.each([
    ['delay=0', { delay: 0 }],
    ['delay=800', { delay: 800 }],
    ['delay=060000', { delay: 60_000 }],
    ['delay="800"', { delay: 800 }],
    ['delay=200; fault=truncate', { delay: 200, kind: 'truncate' }],
    ['fault=503, retry-after=7', { status: 503, retryAfter: '7' }],
    [`fault=503, retry-after="${DATE}"`, { status: 503, retryAfter: DATE }],
    [`fault=429,retry-after="${DATE}" , delay=1`, { status: 429, retryAfter: DATE, delay: 1 }],
    ['code=400, example=invalidAmount, respond-async, wait=10', undefined],
  ])('takes %s', (prefer, fault) => expect(faultFromPrefer(prefer)).toEqual(fault));
  it.each<[string, string]>([
    ...['0x10', '1e3', '0b11', '0o7', '+5', '5.0', '1.5', '-0', '-1', 'Infinity', 'NaN', '', '1_000', '٣', '60001', '9999999'].map((v): [string, string] => [`delay=${v}`, 'delay']),
    [`fault=503, retry-after=${DATE}`, 'quoted'],
    ['fault=503, retry-after="Sun Nov  6 08:49:37 1994"', 'retry-after'],
    ['fault=503, retry-after="Sunday, 06-Nov-94 08:49:37 GMT"', 'retry-after'],
    ['fault=503, retry-after="Sun, 31 Feb 1994 08:49:37 GMT"', 'retry-after'],
    ['fault=503, retry-after="7', 'quoted'],
    ['delay=5"', 'quoted'],
    ['delay = 5 5', 'quoted'],
  ])('refuses %s naming %s', (prefer, named) => expect(() => faultFromPrefer(prefer)).toThrow(new RegExp(named)));
  it('property: a delay is taken exactly when it is 1 to 6 decimal digits up to the limit, and is then that number', () => {
    fc.assert(
      fc.property(fc.oneof(fc.nat(70_000).map(String), fc.string({ maxLength: 8 }), fc.double().map(String)), (value) => {
        const quoted = `delay="${value.replace(/["\\]/g, '\\$&')}"`;
        const whole = /^\d{1,6}$/.test(value) && Number(value) <= MAX_DELAY_MS;
        if (whole) expect(faultFromPrefer(quoted)).toEqual({ delay: Number(value) });
        else expect(() => faultFromPrefer(quoted), value).toThrow(/delay/);
      }),
    );
  });
});

describe('Retry-After of a status fault', () => {
  for (const bad of ['-7', '-5', 'abc', '1.5', '99999999999999999999', '86401', 'Mon, 99 Foo 2026 00:00:00 GMT']) {
    it(`${bad}: refused naming retry-after (Prefer and admin)`, () => {
      expect(() => faultFromPrefer(`fault=503, retry-after=${bad}`)).toThrow(/retry-after/);
      expect(() => checkFault({ status: 503, retryAfter: bad })).toThrow(FaultError);
    });
  }
  for (const good of ['0', '7', '86400']) {
    it(`${good}: accepted`, () => expect(faultFromPrefer(`fault=503, retry-after=${good}`)?.retryAfter).toBe(good));
  }
  it('an HTTP date: accepted (admin)', () => expect(checkFault({ status: 503, retryAfter: 'Wed, 21 Oct 2026 07:28:00 GMT' }).retryAfter).toBeDefined());
  // RFC 7240: through Prefer, a value with a comma is quoted.
  it('an HTTP date: accepted quoted (Prefer)', () => expect(faultFromPrefer('fault=503, retry-after="Wed, 21 Oct 2026 07:28:00 GMT"')?.retryAfter).toBe('Wed, 21 Oct 2026 07:28:00 GMT'));
});

describe('armed faults are per session', () => {
  it('a fault armed in one session never reaches another, the default one included', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (armedIn, other) => {
        fc.pre(armedIn !== other);
        const faults = new ArmedFaults();
        faults.arm(armedIn, { status: 503 });
        expect(faults.take(other, 'GET', '/x')).toBeUndefined();
        expect(faults.take(armedIn, 'GET', '/x')).toEqual({ status: 503 });
        expect(faults.take(armedIn, 'GET', '/x')).toBeUndefined();
      }),
    );
  });
});

describe('callback targets', () => {
  it('the mock host\'s own ports and any /__mock/ path are refused; other local listeners are not', async () => {
    const release = claimOwnPort(47_123);
    try {
      for (const url of ['http://127.0.0.1:47123/cb', 'http://localhost:47123/', 'http://[::1]:47123/x', 'http://127.0.0.1:1/__mock/reset', 'http://example.test/__mock']) {
        expect(await refusalOf(url), url).toBeDefined();
      }
      expect(await refusalOf('http://127.0.0.1:47124/cb')).toBeUndefined();
    } finally {
      release();
    }
    expect(await refusalOf('http://127.0.0.1:47123/cb')).toBeUndefined();
  });

  // rt5: [::ffff:127.0.0.1] and [0:0:0:0:0:ffff:7f00:1] reached the mock itself. Every spelling of an address of this
  // machine (loopback 127/8 and ::1, unspecified, IPv4 in IPv6 mapped or compatible, shorthand, hex, octal, localhost
  // names) is refused on an own port, and only there.
  const hex = (n: number) => n.toString(16);
  const loopbackV4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255)).map(([a, b, c]) => [127, a, b, c] as const);
  const spelling = fc.oneof(
    loopbackV4.map((q) => q.join('.')),
    loopbackV4.map(([, a, b, c]) => `127.${a * 65_536 + b * 256 + c}`),
    loopbackV4.map((q) => q.map((n) => `0x${hex(n)}`).join('.')),
    loopbackV4.map((q) => q.map((n) => `0${n.toString(8)}`).join('.')),
    loopbackV4.map(([, a, b, c]) => String(127 * 2 ** 24 + a * 65_536 + b * 256 + c)),
    loopbackV4.map((q) => `[::ffff:${q.join('.')}]`),
    loopbackV4.map(([, a, b, c]) => `[0:0:0:0:0:ffff:${hex(127 * 256 + a)}:${hex(b * 256 + c)}]`),
    loopbackV4.map(([, a, b, c]) => `[0000:0000:0000:0000:0000:FFFF:${hex(127 * 256 + a).padStart(4, '0')}:${hex(b * 256 + c).padStart(4, '0')}]`),
    loopbackV4.map((q) => `[::${q.join('.')}]`),
    fc.constantFrom('[::1]', '[0:0:0:0:0:0:0:1]', '[::]', '0.0.0.0', '0', 'localhost', 'LOCALHOST.', 'a.localhost', '[::ffff:0.0.0.0]'),
  );
  it('property: any spelling of this machine on an own port is refused, on another port it is not', async () => {
    const release = claimOwnPort(47_125);
    try {
      await fc.assert(
        fc.asyncProperty(spelling, async (host) => {
          expect(await refusalOf(`http://${host}:47125/cb`), host).toMatch(/mock host itself/);
          expect(await refusalOf(`http://${host}:47126/cb`), host).toBeUndefined();
        }),
        { numRuns: 300 },
      );
    } finally {
      release();
    }
  });
  it('a host elsewhere on an own port is not refused (a webhook receiver of another machine)', async () => {
    const release = claimOwnPort(47_127);
    try {
      for (const host of ['192.0.2.1', '[2001:db8::1]', '[::ffff:192.0.2.1]']) expect(await refusalOf(`http://${host}:47127/`), host).toBeUndefined();
    } finally {
      release();
    }
  });
});
