// `npm run bench:quick` as a smoke run: every comparison that needs no Prism processes runs to the end, its correctness
// checks hold, and every API is in the tables. Speed is judged by `npm run bench`, never here.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { listApis, projectRoot } from '#apis';

it('the quick benchmark runs and its correctness checks hold', { timeout: 180_000 }, async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/bench/run.ts', '--quick', '--only=call,jsonapi,xml,bundle'], {
    cwd: projectRoot,
    maxBuffer: 16 * 1024 * 1024,
  });
  for (const check of ['decodeXml(response XML) deep-equals the JSON response example', 'decodeXml(encodeXml(request)) deep-equals the request example']) {
    expect(stdout).toMatch(new RegExp(`MET\\s+${check.replace(/[()]/g, '\\$&')}`));
  }
  for (const api of listApis()) {
    expect(stdout).toContain(`src/${api.name}/index.ts`); // bundle size
    expect(stdout).toMatch(new RegExp(`^${api.name}( \\((json|xml)\\))?\\s+\\S+\\s+[\\d.]+× vs`, 'm')); // call overhead
  }
});
