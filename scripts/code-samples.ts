// Code samples for the docs portal, from one source: the TypeScript sample of each operation is read out of
// docs/samples/<api>.ts (type-checked with the project, so it cannot rot), the curl sample is made from the spec's own
// example values, after the admin calls of the stateful mock that the operation `needs` (docs/samples/<api>.ts: the
// resources its example ids name). Both go into the copy of the spec that the portal renders (`x-codeSamples`), never
// into specs/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { projectRoot } from '#apis';
import { packageEntries } from '../tsup.config.ts';
import type { MockStep, SampleSet } from '../docs/samples/define.ts';

/** What the docs import: the package's entry for the API (the samples themselves import ../../src/<api>/index.ts). */
export const PACKAGE_NAME = 'delivery-api-clients';

/** Where a webhook sample's receiver listens, and where the curl sample of that webhook sends the event. */
export const WEBHOOK_RECEIVER = 'http://127.0.0.1:8080';

export interface CodeSample {
  lang: string;
  label: string;
  source: string;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

type Json = Record<string, unknown>;
export interface Operation {
  operationId: string;
  description?: string;
  parameters?: Json[];
  requestBody?: Json;
  responses?: Record<string, Json>;
  security?: Array<Record<string, string[]>>;
  'x-codeSamples'?: CodeSample[];
}
export interface Spec {
  paths?: Record<string, Record<string, unknown>>;
  webhooks?: Record<string, Record<string, unknown>>;
  security?: Array<Record<string, string[]>>;
  components?: { securitySchemes?: Record<string, Json> };
}

/** Every operation of a spec, paths first, then webhooks, with where it lives. */
export function operationsOf(spec: Spec): Array<{ kind: 'path' | 'webhook'; path: string; method: string; operation: Operation; pathItem: Record<string, unknown> }> {
  return (['path', 'webhook'] as const).flatMap((kind) =>
    Object.entries((kind === 'path' ? spec.paths : spec.webhooks) ?? {}).flatMap(([path, pathItem]) =>
      METHODS.filter((method) => pathItem[method]).map((method) => ({ kind, path, method, operation: pathItem[method] as Operation, pathItem })),
    ),
  );
}

// ---------------------------------------------------------------------------------------------------- TypeScript

/** The samples file of an API. */
export const samplesFile = (api: string): string => join(projectRoot, 'docs/samples', `${api}.ts`);

/**
 * Renders each sample of docs/samples/<api>.ts as a reader would write it: the imports it uses (from the package),
 * the client it uses (pointed at `baseUrl`), then its body. A top-level `const name = (baseUrl: string) => …` of the
 * file (another client, shared by samples) is written out where a sample calls `name(baseUrl)`, as the client is.
 * Keys are operationIds.
 */
export function typeScriptSamples(api: string, baseUrl: string): Map<string, string> {
  const file = samplesFile(api);
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const set = findSampleSet(source);
  if (!set) throw new Error(`${file}: no defineSamples<…>()({ client, operations }) call`);
  const property = (name: string) => set.properties.find((node): node is ts.PropertyAssignment => ts.isPropertyAssignment(node) && node.name.getText() === name);
  const client = property('client')?.initializer;
  const operations = property('operations')?.initializer;
  if (!client || !ts.isArrowFunction(client) || ts.isBlock(client.body) || !operations || !ts.isObjectLiteralExpression(operations)) {
    throw new Error(`${file}: expected client: (baseUrl) => create…Client({ …, baseUrl }) and operations: { … }`);
  }
  const clientComment = leadingComments(text, property('client') as ts.Node);
  const clientCode = withBaseUrl(dedent(client.body.getText()), baseUrl);
  const imports = source.statements.filter(ts.isImportDeclaration).filter((node) => !node.importClause?.isTypeOnly);
  const builders = clientBuilders(source);

  const samples = new Map<string, string>();
  for (const member of operations.properties) {
    if (!ts.isMethodDeclaration(member) || !member.body) throw new Error(`${file}: ${member.getText().slice(0, 40)}… is not a method`);
    const written = dedent(text.slice(member.body.getStart() + 1, member.body.getEnd() - 1));
    const body = withBaseUrl(builders.reduce((code, [name, built]) => code.replaceAll(`${name}(baseUrl)`, built), written), baseUrl);
    const clientName = member.parameters[0]?.name.getText();
    const usesClient = clientName !== undefined && clientName !== '_' && new RegExp(`\\b${clientName}\\b`).test(body);
    const code = [usesClient ? `${clientComment}const ${clientName} = ${clientCode};\n` : '', body].join('\n').trim();
    samples.set(member.name.getText(), `${importsFor(imports, api, code)}\n\n${code}\n`);
  }
  return samples;
}

/** The file's `const name = (baseUrl: string) => expression` helpers, each with its expression as written. */
function clientBuilders(source: ts.SourceFile): Array<[string, string]> {
  return source.statements.filter(ts.isVariableStatement).flatMap((statement) =>
    statement.declarationList.declarations.flatMap((declaration) => {
      const arrow = declaration.initializer;
      const [parameter] = arrow && ts.isArrowFunction(arrow) ? arrow.parameters : [];
      if (!arrow || !ts.isArrowFunction(arrow) || ts.isBlock(arrow.body) || parameter?.name.getText() !== 'baseUrl') return [];
      return [[declaration.name.getText(), dedent(arrow.body.getText())] as [string, string]];
    }),
  );
}

function findSampleSet(node: ts.Node): ts.ObjectLiteralExpression | undefined {
  if (ts.isCallExpression(node) && ts.isCallExpression(node.expression) && node.expression.expression.getText() === 'defineSamples') {
    const [argument] = node.arguments;
    return argument && ts.isObjectLiteralExpression(argument) ? argument : undefined;
  }
  return ts.forEachChild(node, findSampleSet);
}

function leadingComments(text: string, node: ts.Node): string {
  const ranges = ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [];
  return ranges.map((range) => `${text.slice(range.pos, range.end).trim()}\n`).join('');
}

/** The project imports the sample uses, rewritten to the package's entries; node: imports as they are. */
function importsFor(imports: ts.ImportDeclaration[], api: string, code: string): string {
  const lines: string[] = [];
  for (const node of imports) {
    const from = (node.moduleSpecifier as ts.StringLiteral).text;
    const bindings = node.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    const names = bindings.elements.map((element) => element.getText()).filter((name) => new RegExp(`\\b${name.replace(/^type /, '')}\\b`).test(code));
    if (names.length === 0) continue;
    const target = from.startsWith('node:') ? from : packageEntry(from, api);
    if (!target) throw new Error(`${samplesFile(api)}: a sample uses ${names.join(', ')} from ${from}, which readers cannot import (use the API's entries or node:)`);
    lines.push(`import { ${names.join(', ')} } from '${target}';`);
  }
  return lines.join('\n');
}

/** A source file that is an entry of the package (`../../src/<api>/index.ts`, `…/callbacks.ts`) as readers import it. */
function packageEntry(from: string, api: string): string | undefined {
  const source = new RegExp(`^\\.\\./\\.\\./(src/${api}/[a-z-]+\\.ts)$`).exec(from)?.[1];
  const entry = Object.entries(packageEntries(projectRoot)).find(([, path]) => path === source)?.[0];
  return entry === undefined ? undefined : `${PACKAGE_NAME}/${entry.replace(/\/index$/, '')}`;
}

/** `baseUrl` written as a shorthand property becomes `baseUrl: '<the mock's URL>'`. */
function withBaseUrl(code: string, baseUrl: string): string {
  return code.replace(/(?<![\w.$'"`])baseUrl(?=\s*[,}])/g, `baseUrl: '${baseUrl}'`);
}

/** Removes the indentation every non-blank line shares (the first line of a node's text has none: it is skipped). */
function dedent(code: string): string {
  const lines = code.replace(/^\s*\n/, '').replace(/\s+$/, '').split('\n');
  const rest = lines.slice(/^\S/.test(lines[0] ?? '') ? 1 : 0).filter((line) => line.trim() !== '');
  const indent = Math.min(...rest.map((line) => /^ */.exec(line)?.[0].length ?? 0));
  return lines.map((line) => (/^ /.test(line) ? line.slice(Number.isFinite(indent) ? indent : 0) : line)).join('\n');
}

// ---------------------------------------------------------------------------------------------------- curl

/** Placeholder credentials: the mocks check that they are there, not what they are. */
const MOCK_CREDENTIAL = { bearer: 'mock-token', apiKey: (name: string) => `mock-${name.toLowerCase()}` };

/** A fixture that stands in for a file field of a multipart example (relative to the project root). */
const UPLOAD_FIXTURE = 'mocks/fixtures/act.pdf';

const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/**
 * A curl command for one operation with the spec's example values: the first example of each parameter and of the
 * request body, the credentials its security asks for, against `baseUrl` (a webhook: the receiver of its TS sample).
 */
export function curlSample(spec: Spec, entry: ReturnType<typeof operationsOf>[number], baseUrl: string): string {
  const { operation, pathItem, method } = entry;
  const parameters = [...((pathItem.parameters as Json[] | undefined) ?? []), ...(operation.parameters ?? [])].map((parameter) => deref(spec, parameter));
  let path = entry.kind === 'webhook' ? '/' : entry.path;
  const query: string[] = [];
  const args: string[] = [];
  for (const parameter of parameters) {
    const value = exampleOf(spec, parameter);
    const name = String(parameter.name);
    if (value === undefined) {
      if (parameter.required) throw new Error(`${operation.operationId}: parameter ${name} has no example`);
      continue;
    }
    if (parameter.in === 'path') path = path.replace(`{${name}}`, encodeURIComponent(String(value)));
    if (parameter.in === 'header') args.push(`-H ${quote(`${name}: ${String(value)}`)}`);
    if (parameter.in === 'query') query.push(...queryPairs(name, value, parameter.style as string | undefined, parameter.explode as boolean | undefined).map(([key, text]) => `--data-urlencode ${quote(`${key}=${text}`)}`));
  }
  if (entry.kind === 'path') args.unshift(...securityHeaders(spec, operation).map((header) => `-H ${quote(header)}`));
  const body = requestBody(spec, operation);
  args.push(...body);
  args.push(...downloadTo(spec, operation));
  const verb = query.length > 0 && method === 'get' ? '-G' : method === 'get' ? '' : `-X ${method.toUpperCase()}`;
  const head = ['curl', verb, quote(`${baseUrl}${path}`)].filter(Boolean).join(' ');
  return [head, ...args, ...query].join(' \\\n  ') + '\n';
}

function deref(spec: Spec, node: Json): Json {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  const target = ref.slice(2).split('/').reduce<unknown>((value, key) => (value as Json | undefined)?.[key.replaceAll('~1', '/').replaceAll('~0', '~')], spec);
  if (typeof target !== 'object' || target === null) throw new Error(`unresolved $ref ${ref}`);
  return deref(spec, target as Json);
}

function exampleOf(spec: Spec, holder: Json): unknown {
  if ('example' in holder) return holder.example;
  const examples = holder.examples as Record<string, Json> | undefined;
  const first = examples && Object.values(examples)[0];
  if (first) return deref(spec, first).value;
  const schema = typeof holder.schema === 'object' && holder.schema !== null ? deref(spec, holder.schema as Json) : undefined;
  if (schema && 'example' in schema) return schema.example;
  if (Array.isArray(schema?.examples)) return schema.examples[0] as unknown;
  return undefined;
}

/** A query parameter as OpenAPI serializes it: deepObject `name[key]=…`; form (the default) exploded by default. */
export function queryPairs(name: string, value: unknown, style = 'form', explode = style === 'form'): Array<[string, string]> {
  if (Array.isArray(value)) return explode ? value.map((item) => [name, String(item)]) : [[name, value.join(',')]];
  if (typeof value !== 'object' || value === null) return [[name, String(value)]];
  const entries = Object.entries(value);
  if (style === 'deepObject') return entries.map(([key, inner]) => [`${name}[${key}]`, String(inner)]);
  return explode ? entries.map(([key, inner]) => [key, String(inner)]) : [[name, entries.flat().join(',')]];
}

function securityHeaders(spec: Spec, operation: Operation): string[] {
  const requirement = (operation.security ?? spec.security ?? [])[0] ?? {};
  return Object.keys(requirement).map((name) => {
    const scheme = spec.components?.securitySchemes?.[name];
    if (scheme?.type === 'http' && scheme.scheme === 'bearer') return `Authorization: Bearer ${MOCK_CREDENTIAL.bearer}`;
    if (scheme?.type === 'apiKey' && scheme.in === 'header') return `${String(scheme.name)}: ${MOCK_CREDENTIAL.apiKey(String(scheme.name))}`;
    throw new Error(`${operation.operationId}: security scheme ${name} has no curl form`);
  });
}

function requestBody(spec: Spec, operation: Operation): string[] {
  if (!operation.requestBody) return [];
  const body = deref(spec, operation.requestBody);
  const [mediaType, content] = Object.entries((body.content as Record<string, Json> | undefined) ?? {})[0] ?? [];
  if (!mediaType || !content) return [];
  const example = exampleOf(spec, content);
  if (example === undefined) throw new Error(`${operation.operationId}: the request body has no example`);
  if (mediaType === 'application/x-www-form-urlencoded') {
    return Object.entries(example as Json).map(([name, value]) => `--data-urlencode ${quote(`${name}=${String(value)}`)}`);
  }
  if (mediaType === 'multipart/form-data') {
    const properties = (deref(spec, (content.schema as Json | undefined) ?? {}).properties ?? {}) as Record<string, Json>;
    return Object.entries(example as Json).map(([name, value]) => {
      const schema = deref(spec, properties[name] ?? {});
      const isFile = schema.format === 'binary' || 'contentMediaType' in schema && schema.contentMediaType !== 'application/json';
      return `-F ${quote(isFile ? `${name}=@${UPLOAD_FIXTURE}` : `${name}=${typeof value === 'string' ? value : JSON.stringify(value)}`)}`;
    });
  }
  const text = typeof example === 'string' ? example.trimEnd() : JSON.stringify(example, null, 2);
  return [`-H ${quote(`Content-Type: ${mediaType}`)}`, `--data-binary ${quote(text)}`];
}

const FILE_EXTENSIONS: Readonly<Record<string, string>> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

/** A success answer that is not text is written to a file rather than the terminal. */
function downloadTo(spec: Spec, operation: Operation): string[] {
  const success = Object.entries(operation.responses ?? {}).find(([status]) => status.startsWith('2'))?.[1];
  const types = Object.keys((success && (deref(spec, success).content as Json | undefined)) ?? {});
  const binary = types.find((type) => !/json|xml|^text\//.test(type));
  return binary ? [`-o ${quote(`download.${FILE_EXTENSIONS[binary] ?? 'bin'}`)}`] : [];
}

/** What an operation needs on the stateful mock, as curl calls of its admin API (mocks/admin.ts). */
function mockStepsCurl(steps: MockStep[], baseUrl: string): string {
  return steps
    .map((step) => {
      const [path, body] = 'seed' in step ? ['seed', step.seed] : ['move', step.move];
      return [`curl -X POST ${quote(`${baseUrl}/__mock/${path}`)}`, `-H ${quote('Content-Type: application/json')}`, `--data-binary ${quote(JSON.stringify(body))}`].join(' \\\n  ') + '\n';
    })
    .join('');
}

/** The `needs` of docs/samples/<api>.ts: what each operation's samples need on the stateful mock first. */
async function sampleNeeds(api: string): Promise<Partial<Record<string, MockStep[]>>> {
  const { default: set } = (await import(pathToFileURL(samplesFile(api)).href)) as { default: SampleSet<unknown, string> };
  return set.needs ?? {};
}

// ---------------------------------------------------------------------------------------------------- the rendered copy

const MOCK_CURL_NOTE = '# Against the local mock (`npm start` or `npm run mocks`), from the project root.';
const NEEDS_CURL_NOTE =
  '# That mock keeps state and knows only what was created: first put in what the call names, with its admin API\n' +
  '# (/__mock/; each run puts it back as it was, so the call can be repeated):';
const CALL_CURL_NOTE = '# The call:';
const NEEDS_TS_NOTE = '// Against the local mock (`npm start`), the resources this names must be there first: see the curl sample.';
const WEBHOOK_CURL_NOTE = '# The event as the API sends it, to the receiver of the TypeScript sample.';

/** Puts a TypeScript and a curl sample on every operation of `spec` (mutates it); fails when a sample is missing. */
export async function addCodeSamples(spec: Spec, api: string, baseUrl: string): Promise<void> {
  const typescript = typeScriptSamples(api, baseUrl);
  const needs = await sampleNeeds(api);
  const entries = operationsOf(spec);
  const known = new Set(entries.map((entry) => entry.operation.operationId));
  const extra = [...typescript.keys(), ...Object.keys(needs)].filter((id) => !known.has(id));
  if (extra.length > 0) throw new Error(`${samplesFile(api)}: samples for operations the spec does not have: ${extra.join(', ')}`);
  for (const entry of entries) {
    const id = entry.operation.operationId;
    const typed = typescript.get(id);
    if (!typed) throw new Error(`${samplesFile(api)}: no sample for operation ${id}`);
    const steps = needs[id] ?? [];
    const sample = steps.length > 0 ? `${NEEDS_TS_NOTE}\n${typed}` : typed;
    const curl =
      entry.kind === 'webhook'
        ? `${WEBHOOK_CURL_NOTE}\n${curlSample(spec, entry, WEBHOOK_RECEIVER)}`
        : steps.length > 0
          ? `${MOCK_CURL_NOTE}\n${NEEDS_CURL_NOTE}\n${mockStepsCurl(steps, baseUrl)}${CALL_CURL_NOTE}\n${curlSample(spec, entry, baseUrl)}`
          : `${MOCK_CURL_NOTE}\n${curlSample(spec, entry, baseUrl)}`;
    // Redoc CE shows a sample when its label is a language listed in redocly.yaml (openapi.codeSamples.languages).
    entry.operation['x-codeSamples'] = [
      { lang: 'TypeScript', label: 'TypeScript', source: sample },
      { lang: 'curl', label: 'curl', source: curl },
    ];
    // A webhook's panel shows its payload and no language menu, so its samples go under its description too.
    if (entry.kind === 'webhook') {
      const description = typeof entry.operation.description === 'string' ? `${entry.operation.description.trimEnd()}\n\n` : '';
      entry.operation.description = `${description}**Receiving it** with this project's parser:\n\n\`\`\`ts\n${sample}\`\`\`\n\n**Trying it**: the example event, sent to that receiver:\n\n\`\`\`sh\n${curl}\`\`\`\n`;
    }
  }
}
