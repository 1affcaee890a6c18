// Retry-After as an HTTP-date (RFC 9110 §5.6.7): the three forms a recipient must accept, all GMT. The parse runs in
// child processes under several TZ values, since the bug this guards against (asctime read as local time) only shows
// away from UTC; each child reports its UTC offsets, so a TZ that failed to apply is caught too.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseHttpDate, parseRetryAfter } from '../../src/core/retry.ts';
import { projectRoot } from '#apis';
import { flush, record } from './figures.ts';

afterAll(() => flush(import.meta.filename));

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** The three forms of one instant (whole seconds), written from its UTC fields. */
function forms(time: number): [imf: string, rfc850: string, asctime: string] {
  const d = new Date(time);
  const clock = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  const [day, month, year] = [d.getUTCDate(), MONTHS[d.getUTCMonth()], d.getUTCFullYear()];
  return [
    `${DAYS[d.getUTCDay()]}, ${two(day)} ${month} ${year} ${clock} GMT`,
    `${LONG_DAYS[d.getUTCDay()]}, ${two(day)}-${month}-${two(year % 100)} ${clock} GMT`,
    `${DAYS[d.getUTCDay()]} ${month} ${String(day).padStart(2, ' ')} ${clock} ${year}`,
  ];
}

const NOW = Date.UTC(2026, 10, 30, 2, 0, 0);
// RFC 850 years have two digits: instants within 49 years of now read back unambiguously.
const instants = fc.sample(fc.integer({ min: Math.ceil((NOW - 49 * 365 * 86_400_000) / 1000), max: Math.floor((NOW + 49 * 365 * 86_400_000) / 1000) }), { numRuns: 300, seed: 13 }).map((s) => s * 1000);
const EXAMPLE = Date.UTC(1994, 10, 6, 8, 49, 37);
const cases = [EXAMPLE, Date.UTC(2024, 1, 29, 23, 59, 59), Date.UTC(2000, 0, 1, 0, 0, 0), ...instants].flatMap((time) => forms(time).map((date) => ({ date, time })));

describe('parseHttpDate', () => {
  it('reads the issue example, asctime, as GMT', () => {
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994')).toBe(EXAMPLE);
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(EXAMPLE);
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT', NOW)).toBe(EXAMPLE);
    expect(parseRetryAfter('Sun Nov  6 08:49:37 1994', EXAMPLE - 5000)).toBe(5000);
  });

  it('reads a two-digit RFC 850 year more than 50 years ahead as the past century', () => {
    expect(parseHttpDate('Saturday, 01-Jan-77 00:00:00 GMT', NOW)).toBe(Date.UTC(1977, 0, 1));
    expect(parseHttpDate('Tuesday, 01-Jan-75 00:00:00 GMT', NOW)).toBe(Date.UTC(2075, 0, 1));
  });

  it('refuses what is not one of the three forms, or not a real date', () => {
    for (const bad of ['Sun, 06 Nov 1994 08:49:37 PST', 'Sun, 6 Nov 1994 08:49:37 GMT', '1994-11-06T08:49:37Z', 'Sun Nov 6 08:49:37 1994', 'Mon, 30 Feb 2026 00:00:00 GMT', 'Sun, 06 Nov 1994 24:00:00 GMT', 'Sun, 06 Nox 1994 08:49:37 GMT', '-5', '']) {
      expect(parseHttpDate(bad, NOW), bad).toBeUndefined();
    }
  });

  it('reads every form of any instant back to that instant (in this process)', () => {
    for (const { date, time } of cases) expect(parseHttpDate(date, NOW), date).toBe(time);
  });

  // Zones with no summer time, summer time, half-hour and +14 offsets. Node carries its own time-zone data (ICU).
  // The children start together: each is mostly waiting for tsx to load.
  const zones = ['UTC', 'America/St_Johns', 'Asia/Kolkata', 'Pacific/Kiritimati', 'America/Los_Angeles'];
  const outputs = new Map(zones.map((zone) => [zone, inZone(zone, { dates: cases.map((c) => c.date), now: NOW })]));
  it.each(zones)('reads every form as GMT with TZ=%s', async (zone) => {
    const output = await outputs.get(zone);
    const { offsets, parsed, dateParse } = JSON.parse(output ?? '') as { offsets: number[]; parsed: Array<number | null>; dateParse: number[] };
    expect(offsets).toEqual({ UTC: [0, 0], 'America/St_Johns': [-210, -150], 'Asia/Kolkata': [330, 330], 'Pacific/Kiritimati': [840, 840], 'America/Los_Angeles': [-480, -420] }[zone]);
    expect(parsed).toEqual(cases.map((c) => c.time));
    // The check can fail: outside UTC, Date.parse reads asctime as local time (the bug this replaces).
    if (zone !== 'UTC') expect(dateParse.some((value, i) => value !== cases[i]?.time)).toBe(true);
    record('time zones');
    record('http-dates parsed', parsed.length);
  });
});

function inZone(zone: string, input: { dates: string[]; now: number }): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['--import', 'tsx', join(projectRoot, 'test/support/http-date-child.ts')], { cwd: projectRoot, env: { ...process.env, TZ: zone } }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
    child.stdin?.end(JSON.stringify(input));
  });
}
