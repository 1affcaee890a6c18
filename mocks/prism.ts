// Prism glue: every piece of Prism the mock host uses comes through this file. Most are public (@stoplight/prism-http's
// index); three live only in `dist/` files that are not part of any package's public API, so they are imported here
// and nowhere else, and test/mocks/prism-internals.test.ts fails when an upgrade moves or changes them:
// - prism-http-server's `getHttpConfigFromRequest` (reads `Prefer: code=, example=, dynamic=` as Prism's CLI does),
// - prism-http-server's `serialize` (writes a body for its content type as Prism's CLI does),
// - prism-http's default mocker (`dist/mocker`), which the host wraps so that state can answer before examples do.
import { createLogger } from '@stoplight/prism-core';
import { createInstance, getHttpOperationsFromSpec, type IHttpConfig, type IHttpRequest, type IHttpResponse, type PrismHttpComponents } from '@stoplight/prism-http';
import * as mockerModule from '@stoplight/prism-http/dist/mocker/index.js';
import { getHttpConfigFromRequest } from '@stoplight/prism-http-server/dist/getHttpConfigFromRequest.js';
import { serialize } from '@stoplight/prism-http-server/dist/serialize.js';
import type { IHttpOperation } from '@stoplight/types';

export { getHttpOperationsFromSpec, ProblemJsonError, type IHttpRequest, type IHttpResponse } from '@stoplight/prism-http';
export type { IHttpOperation } from '@stoplight/types';

/** Prism's mock component: `(resource, input, config) => Reader<Logger, Either<Error, IHttpResponse>>`. */
export type Mocker = PrismHttpComponents['mock'];
// A CommonJS module: Node hands its whole `exports` as the default, bundlers hand `exports.default`.
const loaded: unknown = (mockerModule as { default?: unknown }).default;
export const examplesMocker = (typeof loaded === 'function' ? loaded : (loaded as { default?: unknown }).default) as Mocker;
export type MockerArguments = Parameters<Mocker>[0];

/** What the `Prefer` header (or Prism's `__code`/`__example` query parameters) asks of the mocker. */
export type Preferences = { code?: number; exampleKey?: string; dynamic?: boolean; seed?: string };

/** Prism's own reading of `Prefer`; a malformed value gives the problem Prism's CLI answers (a 422). */
export function preferencesOf(input: IHttpRequest): { ok: true; value: Preferences } | { ok: false; problem: Error } {
  const result = getHttpConfigFromRequest(input);
  return result._tag === 'Left' ? { ok: false, problem: result.left } : { ok: true, value: result.right };
}

/** A body as Prism's CLI writes it for a content type (JSON for JSON types, text as it is). */
export function serializeBody(body: unknown, contentType: string | undefined): string | undefined {
  return serialize(body, contentType);
}

/**
 * A Prism instance whose mocker asks `answer` first: what it returns is served (and validated by Prism like any mocked
 * answer), `undefined` falls back to Prism's examples. `example()` gives `answer` the example Prism would serve.
 */
export function createPrism(config: IHttpConfig, name: string, answer?: (args: MockerArguments, example: () => IHttpResponse | undefined) => IHttpResponse | undefined) {
  const mock: Mocker = (args) => (logger) => {
    const example = () => {
      const result = examplesMocker(args)(logger);
      return result._tag === 'Right' ? result.right : undefined;
    };
    const found = answer?.(args, example);
    return found ? { _tag: 'Right', right: found } : examplesMocker(args)(logger);
  };
  return createInstance(config, { logger: createLogger(name, { level: 'silent' }), mock });
}

/** The operations of one spec, as Prism routes them. */
export const loadOperations = (specPath: string): Promise<IHttpOperation[]> => getHttpOperationsFromSpec(specPath);
