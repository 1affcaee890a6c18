// Supply chain: no high or critical advisory in what a user installs (`npm audit --omit=dev`), checked whenever the
// registry's advisory service answers; when it does not, the test says so and is skipped rather than passed.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { projectRoot } from '#apis';
import { flush, record } from './figures.ts';

afterAll(() => flush(import.meta.filename));

interface AuditReport {
  message?: string;
  statusCode?: number;
  metadata?: { vulnerabilities: Record<'info' | 'low' | 'moderate' | 'high' | 'critical', number> };
}

it('npm audit --omit=dev reports no high or critical advisory', async (context) => {
  // npm audit exits non-zero when it finds advisories, and when it cannot ask; the JSON on stdout tells which.
  const stdout = await promisify(execFile)('npm', ['audit', '--omit=dev', '--json'], { cwd: projectRoot, timeout: 60_000 }).then(
    (result) => result.stdout,
    (error: { stdout?: string }) => error.stdout ?? '',
  );
  let report: AuditReport;
  try {
    report = JSON.parse(stdout) as AuditReport;
  } catch {
    report = { message: 'npm audit printed no JSON' };
  }
  if (!report.metadata) {
    const reason = `npm audit could not be checked: the registry's advisory service did not answer (${report.message ?? 'no report'})`;
    console.warn(reason);
    record('audit unavailable');
    context.skip(reason);
    return;
  }
  const { high, critical } = report.metadata.vulnerabilities;
  record('audit high', high);
  record('audit critical', critical);
  expect({ high, critical }).toEqual({ high: 0, critical: 0 });
});
