// Prism glue: every piece of Prism the mock host uses comes through this file. Most are public (@stoplight/prism-http's
// index); three live only in `dist/` files that are not part of any package's public API, so they are imported here
// and nowhere else, and test/mocks/prism-internals.test.ts fails when an upgrade moves or changes them:
// - prism-http-server's `getHttpConfigFromRequest` (reads `Prefer: code=, example=, dynamic=` as Prism's CLI does),
// - prism-http-server's `serialize` (writes a body for its content type as Prism's CLI does),
// - prism-http's default mocker (`dist/mocker`), which the host wraps so that state can answer before examples do.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize as v8Serialize } from 'node:v8';
import { createLogger } from '@stoplight/prism-core';
import { createInstance, getHttpOperationsFromSpec, NOT_FOUND, ProblemJsonError, type IHttpConfig, type IHttpRequest, type IHttpResponse, type PrismHttpComponents } from '@stoplight/prism-http';
import * as mockerModule from '@stoplight/prism-http/dist/mocker/index.js';
import { getHttpConfigFromRequest } from '@stoplight/prism-http-server/dist/getHttpConfigFromRequest.js';
import { serialize } from '@stoplight/prism-http-server/dist/serialize.js';
import { DiagnosticSeverity, type IHttpOperation, type IHttpOperationResponse } from '@stoplight/types';
import { parseDocument } from 'yaml';

export { getHttpOperationsFromSpec, ProblemJsonError, type IHttpRequest, type IHttpResponse } from '@stoplight/prism-http';
export type { IHttpOperation } from '@stoplight/types';

const PRISM_VERSION = (createRequire(import.meta.url)('@stoplight/prism-http/package.json') as { version: string }).version;
const CACHE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '.cache', 'delivery-mocks');

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
    const undefinedExample = exampleProblem(args);
    if (undefinedExample) return { _tag: 'Left', left: undefinedExample };
    const example = () => {
      const result = examplesMocker(args)(logger);
      return result._tag === 'Right' ? result.right : undefined;
    };
    const found = answer?.(args, example);
    return found ? { _tag: 'Right', right: found } : examplesMocker(args)(logger);
  };
  return createInstance(config, { logger: createLogger(name, { level: 'silent' }), mock });
}

/**
 * A 404 naming an example the caller asked for (`Prefer: example=…` or `?__example=…`) that the answer Prism would give
 * does not define, as Prism's CLI answers an unknown example; `undefined` when the example is there, or nothing was
 * asked. Checked before Prism's negotiator because that one, asked for `code=400, example=nope`, falls back to the
 * operation's 2xx answer: a 200 carrying the same name, or a bare 500 when that lacks it too. The answer is the one for
 * the status asked (its `NXX` range, else `default`; none: Prism's own 404 for the status stands), without a status
 * the lowest 2xx (else `default`, else the first), as Prism picks it. An invalid request is answered for its violation,
 * whatever example it names, as Prism does.
 */
export function exampleProblem({ resource, input, config }: MockerArguments): ProblemJsonError | undefined {
  const key = config.exampleKey;
  if (key === undefined || input.validations.some((v) => v.severity === DiagnosticSeverity.Error)) return undefined;
  const response = answerFor(resource.responses, config.code);
  if (!response) return undefined;
  const names = (response.contents ?? []).flatMap((content) => (content.examples ?? []).map((example) => example.key));
  if (names.includes(key)) return undefined;
  const known = names.length > 0 ? `; it has ${[...new Set(names)].map((name) => JSON.stringify(name)).join(', ')}` : '; it has none';
  return ProblemJsonError.fromTemplate(NOT_FOUND, `Example ${JSON.stringify(key)} is not defined for the ${response.code} response of ${resource.iid ?? resource.path}${known}.`);
}

function answerFor(responses: IHttpOperationResponse[], code: number | undefined): IHttpOperationResponse | undefined {
  const byCode = (wanted: string) => responses.find((response) => response.code.toUpperCase() === wanted);
  if (code !== undefined) return byCode(String(code)) ?? byCode(`${String(code).charAt(0)}XX`) ?? byCode('DEFAULT');
  const success = responses.filter((response) => /^2(\d\d|XX)$/i.test(response.code)).sort((a, b) => (a.code < b.code ? -1 : 1))[0];
  return success ?? byCode('DEFAULT') ?? responses[0];
}

/**
 * The operations of one spec, as Prism routes them. Resolving a spec's references is most of a mock's start-up
 * (0.2–2 s per spec), so the result is kept in node_modules/.cache/delivery-mocks/, keyed by the spec's bytes and
 * Prism's version (v8 serialization keeps the shared and circular references Prism builds); a cache that cannot be
 * read or written is ignored.
 */
export async function loadOperations(specPath: string): Promise<IHttpOperation[]> {
  const text = await readFile(specPath);
  const key = createHash('sha256').update(PRISM_VERSION).update('\0').update(text).digest('hex').slice(0, 32);
  const file = join(CACHE_DIR, `${basename(specPath)}-${key}.v8`);
  try {
    return deserialize(await readFile(file)) as IHttpOperation[];
  } catch {
    // not cached yet (or unreadable): resolve it
  }
  let operations: IHttpOperation[];
  try {
    operations = await getHttpOperationsFromSpec(specPath);
  } catch (error) {
    throw specProblem(specPath, text.toString('utf8'), error);
  }
  try {
    await mkdir(CACHE_DIR, { recursive: true });
    await writeFile(`${file}.${process.pid}`, v8Serialize(operations));
    await rename(`${file}.${process.pid}`, file);
  } catch {
    // a read-only tree: no cache
  }
  return operations;
}

/**
 * Why a spec could not be loaded, said once and where: a YAML error as the `yaml` package places it (Prism's resolver
 * reports it as "Error parsing <file>: Error parsing <file>: … at line 1, column 0"); anything else in Prism's words,
 * its repeated prefix dropped.
 */
function specProblem(specPath: string, text: string, error: unknown): Error {
  const [yamlError] = parseDocument(text, { prettyErrors: true }).errors;
  if (yamlError) return new Error(`${basename(specPath)} is not valid YAML: ${yamlError.message}`);
  const message = error instanceof Error ? error.message : String(error);
  return new Error(message.replace(/^(Error parsing [^\n]*?: )\1/, '$1'));
}
