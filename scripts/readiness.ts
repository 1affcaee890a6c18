// The table `npm start` prints once everything answers: the same Markdown table the README shows (test/docs checks
// that they match), one row per API in the order of their fixed mock ports.
import type { ApiEntry } from '#apis';

/** `| API | mock | docs | spec |` rows; without a portal (`npm run mocks`) only `| API | mock |`. */
export function readinessTable(apis: ApiEntry[], mockUrl: (api: ApiEntry) => string, portalUrl?: string): string {
  const header = portalUrl ? ['API', 'mock', 'docs', 'spec'] : ['API', 'mock'];
  const rows = [...apis]
    .sort((a, b) => a.mockPort - b.mockPort)
    .map((api) => [api.displayName, mockUrl(api), ...(portalUrl ? [`${portalUrl}/${api.name}.html`, `${portalUrl}/specs/${api.name}.yaml`] : [])]);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}
