// `npm run proxy -- <api> <upstream-url>`: Prism's validation proxy for one API in front of a real server. Every
// request is forwarded; what breaks the contract, either way, is printed here and sent back in `sl-violations`.
// PROXY_PORT (default 4020) and HOST (default 127.0.0.1) choose where it listens.
import { listApis } from '#apis';
import { startMock } from '../mocks/host.ts';

const [name, upstream] = process.argv.slice(2);
const api = listApis().find((candidate) => candidate.name === name);
if (!api || !upstream || !URL.canParse(upstream)) {
  console.error(`usage: npm run proxy -- <api> <upstream-url>\n  api: one of ${listApis().map((a) => a.name).join(', ')}`);
  process.exit(2);
}

const host = process.env.HOST ?? '127.0.0.1';
try {
  const proxy = await startMock(api, host, Number(process.env.PROXY_PORT ?? 4020), {
    upstream,
    onViolations: ({ method, path, status, violations }) => console.log(`${method} ${path} -> ${status}\n${violations.map((v) => `  ${v}`).join('\n')}`),
  });
  console.log(`Validating proxy for ${api.name}: ${proxy.url} -> ${upstream}. Ctrl-C stops it.`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void proxy.close().then(() => process.exit(0)));
} catch (error) {
  console.error(`Could not start the proxy: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
