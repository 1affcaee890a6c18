// Which attempt lines reach the logger: `logLevel` (client option) or DELIVERY_API_LOG (environment), as openai-node's
// logLevel / OPENAI_LOG. Without a logger of your own, lines go to the console, one per attempt, already redacted.
import { UsageError } from './errors.ts';
import type { LogEvent, Logger } from './transport.ts';

export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

/** The environment variable read, where there is a `process.env` (Node, Bun, Deno with env access); never in browsers. */
export const LOG_ENV = 'DELIVERY_API_LOG';

const RANK: Readonly<Record<LogLevel, number>> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };
const isLevel = (value: unknown): value is LogLevel => typeof value === 'string' && Object.hasOwn(RANK, value);

/**
 * The logger a client uses, or undefined when nothing is to be logged (then no line is ever built). The level is the
 * option, else DELIVERY_API_LOG, else `debug` for a logger of your own (every event) and `off` for the console.
 * A logLevel that is not one of the five is a UsageError; an unknown DELIVERY_API_LOG is ignored with a warning.
 */
export function levelledLogger(api: string, logger: Logger | undefined, logLevel: LogLevel | undefined): Logger | undefined {
  if (logLevel !== undefined && !isLevel(logLevel)) {
    throw new UsageError({ api, operation: 'createClient', attempts: 0 }, `logLevel must be one of ${Object.keys(RANK).join(', ')}, not ${JSON.stringify(logLevel)}`);
  }
  const level = logLevel ?? envLevel() ?? (logger ? 'debug' : 'off');
  if (level === 'off') return undefined;
  const sink = logger ?? consoleLogger(level);
  return (event) => {
    if (RANK[event.level] > RANK[level]) return;
    try {
      sink(event);
    } catch {
      // A logger's own failure never changes the call's outcome: the line is dropped.
    }
  };
}

function envLevel(): LogLevel | undefined {
  let value: string | undefined;
  try {
    value = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[LOG_ENV];
  } catch {
    return undefined; // Deno without --allow-env throws NotCapable on any read: as if unset (test/runtimes/servers.test.ts)
  }
  if (value === undefined || value === '') return undefined;
  const level = value.trim().toLowerCase();
  if (isLevel(level)) return level;
  console.warn(`[delivery-api-clients] ${LOG_ENV}=${JSON.stringify(value)} ignored: use one of ${Object.keys(RANK).join(', ')}`);
  return undefined;
}

/** One console line per event: the message; at `debug`, the event's fields after it as JSON. */
function consoleLogger(level: LogLevel): Logger {
  return (event: LogEvent) => {
    const { message, ...fields } = event;
    const line = `[delivery-api-clients] ${message}`;
    console[event.level](level === 'debug' ? `${line} ${JSON.stringify(fields)}` : line);
  };
}
