// Contract-test harness: the real wrappers talk to the real Prism mocks through this fetch, which records every
// exchange and every violation Prism reports, so a test fails when Prism finds anything invalid.
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { parse } from 'yaml';
import { listApis } from '#apis';
import type { FetchLike } from '../../src/core/index.ts';

export interface Exchange {
  method: string;
  url: string;
  requestHeaders: Headers;
  status: number;
  contentType: string | null;
  violations: string | null;
}

export interface ContractHarness {
  baseUrl: string;
  fetch: FetchLike;
  exchanges: Exchange[];
  /** Prism's `Prefer` header for the next requests (`code=404`, `example=fleetApi`), until reset with undefined. */
  prefer(value: string | undefined): void;
  /** Every exchange in which Prism reported a violation, or answered its own 422 problem to a request it found invalid. */
  violations(): string[];
  /** For tests that send bad input on purpose: the violations so far, forgotten so the after-each check passes. */
  takeViolations(): string[];
}

export function contractHarness(api: string): ContractHarness {
  const baseUrl = inject('mockUrls')[api];
  if (!baseUrl) throw new Error(`no mock for ${api}: is it in redocly.yaml?`);
  const exchanges: Exchange[] = [];
  let preference: string | undefined;
  const fetch: FetchLike = async (input, init) => {
    if (preference) input.headers.set('Prefer', preference);
    const requestHeaders = new Headers(input.headers);
    const response = await globalThis.fetch(input, init);
    exchanges.push({
      method: input.method,
      url: input.url,
      requestHeaders,
      status: response.status,
      contentType: response.headers.get('content-type'),
      violations: response.headers.get('sl-violations'),
    });
    return response;
  };
  const violations = () =>
    exchanges
      .filter((exchange) => exchange.violations !== null || (exchange.status === 422 && exchange.contentType?.includes('problem+json')))
      .map((exchange) => `${exchange.method} ${exchange.url} -> ${exchange.status} ${exchange.violations ?? ''}`);
  return {
    baseUrl,
    fetch,
    exchanges,
    prefer: (value) => void (preference = value),
    violations,
    takeViolations: () => {
      const found = violations();
      exchanges.length = 0;
      return found;
    },
  };
}

type SpecDocument = {
  paths: Record<string, Record<string, { responses: Record<string, SpecResponse> }>>;
  components?: { responses?: Record<string, SpecResponse>; examples?: Record<string, SpecExample> };
};
type SpecExample = { $ref?: string; value?: unknown };
type SpecResponse = { $ref?: string; content?: Record<string, { examples?: Record<string, SpecExample> }> };

/** A named (or the first) response example of an operation, as written in the spec: what the mock must answer. */
export function specExample(api: string, path: string, method: string, status: string, name?: string): unknown {
  const entry = listApis().find((candidate) => candidate.name === api);
  if (!entry) throw new Error(`unknown api ${api}`);
  const spec = parse(readFileSync(entry.specPath, 'utf8')) as SpecDocument;
  let response = spec.paths[path]?.[method]?.responses[status];
  if (response?.$ref) response = spec.components?.responses?.[response.$ref.split('/').at(-1) ?? ''];
  const examples = Object.entries(Object.values(response?.content ?? {})[0]?.examples ?? {});
  const found = name === undefined ? examples[0] : examples.find(([key]) => key === name);
  if (!found) throw new Error(`no example ${name ?? '(first)'} for ${method} ${path} ${status}`);
  const example = found[1].$ref ? spec.components?.examples?.[found[1].$ref.split('/').at(-1) ?? ''] : found[1];
  return example?.value;
}
