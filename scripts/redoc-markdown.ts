// Markdown the portal's Redoc would show wrong, made plain in the copy of a spec it renders (specs/ keep their Markdown):
// - server descriptions: Redoc prints them as raw text (backticks, `**`) in the Servers panel of each operation;
// - headings in descriptions: Redoc cuts a heading's menu label at its first inline element ("API versions (" for
//   "## API versions (`X-API-VERSION`)"), so a heading is written as its plain text;
// - summaries (of the API, operations, examples): plain text in OpenAPI, shown as they are, so Markdown marks a spec
//   put there are taken out.
import { Lexer, type Token } from 'marked';
import type { Spec } from './code-samples.ts';

/** The text a reader sees of inline Markdown: code spans, emphasis and links keep their words, lose their marks. */
export function plainText(markdown: string): string {
  return words(Lexer.lexInline(markdown)).replace(/\s+/g, ' ').trim();
}

function words(tokens: Token[]): string {
  return tokens
    .map((token) => {
      if ('tokens' in token && token.tokens && token.tokens.length > 0) return words(token.tokens);
      if (token.type === 'br') return ' ';
      return 'text' in token && typeof token.text === 'string' ? token.text : token.raw;
    })
    .join('');
}

/** Rewrites every ATX heading (`## …`) of a Markdown document as plain text; fenced code is left as it is. */
export function plainHeadings(markdown: string): string {
  let fenced = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
      const heading = fenced ? null : /^(\s{0,3}#{1,6}\s+)(.*?)\s*#*\s*$/.exec(line);
      return heading ? `${heading[1]}${plainText(heading[2] ?? '')}` : line;
    })
    .join('\n');
}

/** Keys whose values are data (examples, samples), never descriptions. */
const DATA: ReadonlySet<string> = new Set(['example', 'x-codeSamples', 'enum', 'const', 'default']);

type Described = { description?: unknown; summary?: unknown; [key: string]: unknown };

/** The copy Redoc renders: server descriptions, description headings and summaries as plain text, everywhere. */
export function plainForRedoc<T extends Spec>(spec: T): T {
  const visit = (node: unknown, key?: string): void => {
    if (key !== undefined && DATA.has(key)) return;
    if (Array.isArray(node)) {
      if (key === 'examples') return; // a schema's examples: data
      for (const item of node) {
        if (key === 'servers' && typeof (item as Described).description === 'string') (item as Described).description = plainText((item as Described).description as string);
        visit(item);
      }
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const object = node as Described;
    if (key === 'properties') {
      for (const child of Object.values(object)) visit(child);
      return;
    }
    if (typeof object.description === 'string') object.description = plainHeadings(object.description);
    if (typeof object.summary === 'string') object.summary = plainText(object.summary);
    if (key === 'examples' && !Array.isArray(node)) {
      for (const example of Object.values(object)) if (typeof (example as Described).summary === 'string') (example as Described).summary = plainText((example as Described).summary as string);
      return;
    }
    for (const [childKey, child] of Object.entries(object)) visit(child, childKey);
  };
  visit(spec);
  return spec;
}
