// Issue 14 item 5: importing an entry does no work beyond defining functions. Each entry is imported in a fresh process
// whose web globals (fetch, Request, Response, timers, TextDecoder, crypto, …) record every read: an import may read
// none. Naming Response or Request at module top level (a subclass made at import) loads all of Node's fetch; the time
// it costs is measured in `npm run bench` (import time), the kind of mistake is caught here.
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ENTRIES = readdirSync('src', { withFileTypes: true })
  .filter((dir) => dir.isDirectory())
  .flatMap((dir) => ['index.ts', 'node.ts'].filter((file) => readdirSync(`src/${dir.name}`).includes(file)).map((file) => `src/${dir.name}/${file}`));

/** The web globals read while each module was imported, all in one fresh process (each module runs once). */
async function globalsReadAtImport(paths: string[]): Promise<Record<string, string[]>> {
  const urls = paths.map((path) => pathToFileURL(resolve(path)).href);
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'test/support/import-probe.mjs', ...urls]);
  const report = JSON.parse(stdout) as Record<string, string[]>;
  return Object.fromEntries(paths.map((path, i) => [path, report[urls[i] ?? ''] ?? ['(not imported)']]));
}

describe('nothing happens at import', () => {
  it('no entry reads a web global while it is imported; the probe sees a Response subclass made at import', { timeout: 60_000 }, async () => {
    const fixture = 'test/support/import-probe-fixture.ts';
    const dependencies = 'test/support/import-probe-dependencies.ts';
    const report = await globalsReadAtImport([dependencies, ...ENTRIES, fixture]);
    expect(ENTRIES.length).toBeGreaterThanOrEqual(7);
    expect(report).toEqual({
      [dependencies]: expect.any(Array),
      ...Object.fromEntries(ENTRIES.map((entry) => [entry, []])),
      [fixture]: expect.arrayContaining(['Response']),
    });
  });
});
