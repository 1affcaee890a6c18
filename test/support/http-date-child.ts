// Run by test/reliability/http-date.test.ts in a child process with TZ set: reads HTTP-dates as JSON on stdin and
// prints what parseHttpDate (and, for comparison, Date.parse) makes of them in this process's time zone.
import { parseHttpDate } from '../../src/core/retry.ts';

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const { dates, now } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { dates: string[]; now: number };
process.stdout.write(
  JSON.stringify({
    // Minutes east of UTC at the two instants, to show the zone is really in force (and has summer time, or not).
    offsets: [Date.UTC(2020, 0, 15), Date.UTC(2020, 6, 15)].map((t) => -new Date(t).getTimezoneOffset()),
    parsed: dates.map((date) => parseHttpDate(date, now) ?? null),
    dateParse: dates.map((date) => Date.parse(date)),
  }),
);
