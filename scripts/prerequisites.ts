// What `npm test` needs beyond `npm ci`, checked before anything runs (`npm test` calls this first): a Node version the
// lockfile's tools run on, the Chromium the docs-portal test drives, and curl (the portal's curl samples are run).
// Each miss is one line saying what to install.
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The browser test/docs/portal.test.ts drives: Debian's `chromium` package, or CHROMIUM_PATH. */
export const chromiumPath = (env: NodeJS.ProcessEnv = process.env): string => env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const MIN_NODE = [20, 18] as const;

/** One sentence per missing prerequisite, saying what to install; empty when all is there. */
export function missingPrerequisites(env: NodeJS.ProcessEnv = process.env, nodeVersion = process.versions.node): string[] {
  const missing: string[] = [];
  const [major = 0, minor = 0] = nodeVersion.split('.').map(Number);
  if (major < MIN_NODE[0] || (major === MIN_NODE[0] && minor < MIN_NODE[1])) {
    missing.push(`Node ${MIN_NODE.join('.')} or newer is needed; this is Node ${nodeVersion}. Install a current Node 20 (or newer) LTS.`);
  }
  const browser = chromiumPath(env);
  try {
    accessSync(browser, constants.X_OK);
  } catch {
    missing.push(
      `The docs-portal test needs Chromium, and ${browser} is not there. Install it with \`sudo apt-get install chromium\` ` +
        '(Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  }
  try {
    execFileSync('curl', ['--version'], { stdio: 'ignore' });
  } catch {
    missing.push('The code-sample test runs the portal\'s curl samples, and curl is not installed. Install it with `sudo apt-get install curl`.');
  }
  return missing;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const missing = missingPrerequisites();
  if (missing.length > 0) {
    console.error(`npm test cannot run yet:\n${missing.map((line) => `- ${line}`).join('\n')}`);
    process.exit(1);
  }
}
