// The README's usage examples, as the tests run them: each ```ts block that begins `// example: <name> —`, its mock
// URLs pointed at the test's mocks, written beside the project (.tmp/) so its `./src/…` imports still resolve; and what
// its output must show, in every runtime (test/readme.test.ts runs them in Node, test/runtimes/ in the others).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import { mockPorts, projectRoot } from '#apis';

/** The API examples: `<api>` runs wherever fetch runs (main entries only); `<api> (Node)` holds the Node-only parts. */
export const RUNTIME_NEUTRAL = ['tbank-delivery', 'fastriver', 'dilovod', 'dellin', 'yandex-fleet'] as const;
export const NODE_ONLY = ['tbank-delivery (Node)', 'fastriver (Node)', 'dilovod (Node)'] as const;

const apiOf = (name: string) => name.replace(/ \(Node\)$/, '');
const slug = (name: string) => name.replace(/ \(Node\)$/, '-node');
export const EXAMPLES_DIR = resolve(projectRoot, '.tmp');

/** Every ```ts block of the README. */
export function readmeBlocks(): string[] {
  const readme = readFileSync(resolve(projectRoot, 'README.md'), 'utf8');
  return [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
}

/** The block as the README has it. */
export function readmeExample(name: string): string {
  const block = readmeBlocks().find((code) => code.startsWith(`// example: ${name} —`));
  if (!block) throw new Error(`README has no \`// example: ${name} —\` block`);
  return block;
}

/**
 * The block as a test runs it: the mock's `http://127.0.0.1:<port>` replaced by the test's URL of that API (the
 * README's ports are `npm start`'s), and `./src/`, `./mocks/` imports made relative to .tmp/ (EXAMPLES_DIR).
 */
export function exampleSource(name: string, urls: Record<string, string>): string {
  const api = apiOf(name);
  const url = urls[api];
  if (!url) throw new Error(`no mock URL for ${api}`);
  return readmeExample(name)
    .replaceAll(`http://127.0.0.1:${mockPorts[api]}`, url)
    .replaceAll("from './src/", "from '../src/")
    .replaceAll("from './mocks/", "from '../mocks/");
}

/** Writes exampleSource to .tmp/readme-<name>.ts; returns its path. */
export function writeExample(name: string, urls: Record<string, string>): string {
  mkdirSync(EXAMPLES_DIR, { recursive: true });
  const file = resolve(EXAMPLES_DIR, `readme-${slug(name)}.ts`);
  writeFileSync(file, exampleSource(name, urls));
  return file;
}

/** The capture groups of every line matching `pattern`. */
function all(output: string, pattern: RegExp): string[][] {
  return [...output.matchAll(new RegExp(pattern.source, 'gm'))].map((match) => match.slice(1));
}

/** What each example's output must show: the paths it claims, checked on what it printed. */
export function expectExampleOutput(name: string, output: string): void {
  const lines = output.split('\n');
  const line = (pattern: RegExp) => {
    const found = lines.find((text) => pattern.test(text));
    expect(found, `a line matching ${pattern} in:\n${output}`).toBeDefined();
    return pattern.exec(found ?? '')?.slice(1) ?? [];
  };
  const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

  switch (name) {
    case 'tbank-delivery': {
      // The task created is the task read back: its id, the NEW status and the metadata sent.
      const [created] = line(new RegExp(`^task (${uuid}): NEW, order ORD-2025-000187$`));
      line(new RegExp(`^meeting ${uuid} booked: \\S+ to \\S+ \\([1-9]\\d* offered\\)$`));
      line(/^downloaded act\.pdf: [1-9]\d* bytes of application\/pdf, the bytes uploaded$/);
      // After the booking the same task is scheduled, and the document is attached to it.
      line(new RegExp(`^task ${created}: MEETING_SCHEDULED, documents: ${uuid}$`));
      break;
    }
    case 'tbank-delivery (Node)':
      line(/^saved \S+act\.pdf: 614 bytes, the bytes uploaded$/);
      break;

    case 'fastriver': {
      const created = all(output, new RegExp(`^created (${uuid}) validated$`)).map(([id]) => id);
      expect(created, output).toHaveLength(2);
      line(/^status: validated delivery: pending$/);
      // The listing is what this run created: two distinct requests, and a total that counts them.
      const [total, listed = ''] = line(/^order PS-[0-9a-f]{8}: (\d+) requests: (.*)$/);
      const ids = listed.split(', ').map((item) => item.split(' ')[0]);
      expect(new Set(ids).size, listed).toBe(ids.length);
      expect(ids.sort()).toEqual([...created].sort());
      expect(Number(total)).toBe(2);
      expect(listed).toMatch(/credit_card_visa.*, .*debit_card_visa/);
      line(/^refused: 422 Ошибка валидации \(.*time_interval_id/);
      break;
    }
    case 'fastriver (Node)': {
      // The callback the mock sent reached the listener, and names the request just created.
      const [created] = line(new RegExp(`^created (${uuid}) validated$`));
      line(new RegExp(`^callback: accept_delivery validated, request ${created}$`));
      break;
    }

    case 'dilovod': {
      const [saved] = line(/^saved (\d{16}), read back: code TK-20, marked for deletion: 0$/);
      line(/^marked for deletion: 1$/);
      line(/^goods with code TK-20: [1-9]\d*, the one saved among them: true$/);
      line(/^stock rows: \d+ columns: firm, good, qty, amount$/);
      line(/^sale order: \{.*"remarkFromPerson":"call me please"/);
      expect(saved).toMatch(/^11003/);
      // The error branch: an unknown id, answered inside HTTP 200, thrown as DilovodApiError with the gateway's text.
      line(/^Dilovod said: .*1100300099999999.*not found/);
      break;
    }
    case 'dilovod (Node)': {
      const [saved] = line(/^saved (\d{16})$/);
      line(new RegExp(`^changed: catalogs\\.goods ${saved}$`));
      break;
    }

    case 'dellin':
      for (const format of ['json', 'xml']) {
        line(new RegExp(`^${format} session open until \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d$`));
        line(new RegExp(`^${format} request \\d+ success$`));
        line(new RegExp(`^${format} dates [1-9]\\d*$`));
        // logout closed the session: a call with it gets Dellin's 401, error 100002.
        line(new RegExp(`^${format} after logout: 401 100002 \\S`));
      }
      break;

    case 'yandex-fleet':
      line(/^creatable categories: \S/);
      // Created in progress, then polled until it is applied.
      line(/^transaction [0-9a-f]{32}: in_progress( → in_progress)* → success$/);
      line(/^refused: HTTP 400 invalid_request: Request body property amount must match pattern/);
      line(/^categories: [1-9]\d*, HTTP 200, request id \S+$/);
      break;

    default:
      throw new Error(`no expectations for the example ${name}`);
  }
}
