// Markdown the portal's Redoc shows raw (server descriptions, summaries) or cuts (menu labels from headings) is made
// plain in the copy it renders, for every spec; specs/ keep their Markdown.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { listApis } from '#apis';
import { renderedSpec } from '../../scripts/docs.ts';
import { plainHeadings, plainText } from '../../scripts/redoc-markdown.ts';

describe('plain text of inline Markdown', () => {
  it.each([
    ['a code span', 'mock host (`npm run mocks`)', 'mock host (npm run mocks)'],
    ['strong and emphasis', '**and** _or_ *maybe*', 'and or maybe'],
    ['a link', 'the [Dellin API](https://dev.dellin.ru/api/)', 'the Dellin API'],
    ['a code span with a star', '`filter[*]` **x**', 'filter[*] x'],
    ['plain text', 'Production host', 'Production host'],
  ])('%s', (_, markdown, text) => {
    expect(plainText(markdown)).toBe(text);
  });

  it('rewrites headings only, never fenced code', () => {
    expect(plainHeadings('## API versions (`X-API-VERSION`)\ntext `kept`\n```\n## `kept too`\n```')).toBe('## API versions (X-API-VERSION)\ntext `kept`\n```\n## `kept too`\n```');
  });
});

const copies = await Promise.all(listApis().map(async (api) => [api.name, api, (await renderedSpec(api)) as Record<string, unknown>] as const));
describe.each(copies)('the copy of %s the portal renders', (_, api, rendered) => {
  const found: Array<{ path: string; text: string; kind: 'server' | 'summary' | 'heading' }> = [];
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) return node.forEach((item, i) => walk(item, `${path}/${i}`));
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'x-codeSamples' || key === 'value' || key === 'example') continue;
      if (typeof value === 'string' && key === 'summary') found.push({ path: `${path}/${key}`, text: value, kind: 'summary' });
      if (typeof value === 'string' && key === 'description' && /\/servers\/\d+$/.test(path)) found.push({ path, text: value, kind: 'server' });
      if (typeof value === 'string' && key === 'description') {
        for (const heading of value.replace(/```[\s\S]*?```/g, '').match(/^#{1,6} .*$/gm) ?? []) found.push({ path: `${path}/${key}`, text: heading, kind: 'heading' });
      }
      walk(value, `${path}/${key}`);
    }
  };
  walk(rendered, '');

  it('has server descriptions, summaries and headings to check', () => {
    expect(new Set(found.map((item) => item.kind))).toEqual(new Set(['server', 'summary', 'heading']));
  });

  it('shows them without Markdown marks', () => {
    expect(found.filter((item) => /`|\*\*/.test(item.text))).toEqual([]);
  });

  it('leaves the spec file itself as it was', () => {
    expect(readFileSync(api.specPath, 'utf8')).toContain('(`npm run mocks`)');
    expect(parse(readFileSync(api.specPath, 'utf8'))).not.toHaveProperty('paths./.post.x-codeSamples');
  });
});
