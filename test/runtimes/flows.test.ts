// flows.ts stands for the README examples in the runtimes where the examples themselves cannot run as written (they
// read files and start node:http servers). This keeps it honest: every client method an example calls, its flow calls.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listApis, projectRoot } from '#apis';

const readme = readFileSync(resolve(projectRoot, 'README.md'), 'utf8');
const flowsSource = readFileSync(resolve(projectRoot, 'test/runtimes/flows.ts'), 'utf8');

/** `client.method(` and `client.group.method(` calls on the variable a `create<Api>Client(` call is assigned to. */
function clientCalls(code: string): Set<string> {
  const calls = new Set<string>();
  for (const [, client] of code.matchAll(/const (\w+) = create\w+Client\(/g)) {
    for (const [, chain] of code.matchAll(new RegExp(`\\b${client}\\.([\\w.]+)\\(`, 'g'))) calls.add(chain ?? '');
  }
  return calls;
}

/** The body of one API's flow in flows.ts: from its `async '<api>'(baseUrl)` to the next flow or the end of `flows`. */
function flowOf(api: string): string {
  const start = flowsSource.search(new RegExp(`async '?${api}'?\\(baseUrl\\)`));
  const rest = flowsSource.slice(start + 1);
  const next = rest.search(/\n {2}async '?[\w-]+'?\(baseUrl\)|\n};/);
  return start < 0 ? '' : rest.slice(0, next);
}

describe('flows.ts follows the README', () => {
  it.each(listApis().map((api) => [api.name]))('%s: the flow calls every client method its README example calls', (api) => {
    const example = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? '').find((code) => code.startsWith(`// example: ${api}`)) ?? '';
    const inReadme = clientCalls(example);
    expect(inReadme.size, `README example for ${api}`).toBeGreaterThan(1);
    expect([...clientCalls(flowOf(api))]).toEqual(expect.arrayContaining([...inReadme]));
  });
});
