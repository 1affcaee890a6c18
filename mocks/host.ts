// One Node process serves every API in redocly.yaml with Prism's engine, each on its own port, with request and
// response validation on. Prism's own HTTP server has no hook between the wire and the engine, and XML, form packets,
// binary downloads, state and faults need one, so this file does that server's small job itself.
//
// The one request path (`handle`), in order; each feature lives in its own file:
//   CORS (cors.ts, in createServer) → read the body → admin API (/__mock/, admin.ts) → decode (adapters/<api>.ts) → fault chosen (faults.ts)
//   → Prism: route, validate the request, answer from state (adapters/<api>.lifecycle.ts, state.ts) or from examples,
//     validate the answer (prism.ts) → encode (adapters/<api>.ts) → send through the fault → journal (journal.ts).
// Callbacks and webhooks a lifecycle sends go through callbacks.ts.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DiagnosticSeverity, type HttpMethod } from '@stoplight/types';
import { listApis, portEnvName, type ApiEntry } from '#apis';
import { handleAdmin, ADMIN_PREFIX } from './admin.ts';
import { adapters, lifecycles } from './adapters/index.ts';
import { corsEnabled, handleCors } from './cors.ts';
import { MockInputError, type MockAdapter } from './adapters/types.ts';
import { declaredMediaTypes, mediaTypeProblem, readBody, requestTarget } from './request-guard.ts';
import { claimOwnPort, Outbox } from './callbacks.ts';
import { ArmedFaults, describeFault, faultFromPrefer, FaultError, sendWithFault, type Fault } from './faults.ts';
import { Journal } from './journal.ts';
import type { Answer } from './lifecycle.ts';
import { isMultipart, journalForm, readForm, type FormPart } from './multipart.ts';
import { safeIntegers } from './safe-integers.ts';
import { createPrism, loadOperations, preferencesOf, ProblemJsonError, serializeBody, type IHttpOperation, type IHttpRequest, type IHttpResponse, type MockerArguments } from './prism.ts';
import { sessionOf, SessionStore } from './state.ts';
import { webhookCheck } from './webhooks.ts';

const BODY_LIMIT = 10 * 1024 * 1024;
const MAX_VIOLATIONS_HEADER = 8 * 1024 - 100;

export interface MockServer {
  api: string;
  url: string;
  close(): Promise<void>;
}

export interface MockHostOptions {
  apis?: ApiEntry[];
  host?: string;
  /** Port per API; 0 picks a free one (tests). Defaults to each API's fixed port. */
  port?: (api: ApiEntry) => number;
  /** Answer from state where a lifecycle knows the operation, or from the spec's examples alone (false). Default: MOCK_STATE (on unless `off`). */
  state?: boolean;
  /** CORS for browsers (mocks/cors.ts); default on unless MOCK_CORS=off. */
  cors?: boolean;
}

export interface MockHost {
  servers: MockServer[];
  close(): Promise<void>;
}

/** Whether the mocks keep state, from MOCK_STATE (`off` turns it off; anything else, or unset, keeps it on). */
export const stateFromEnv = (env: NodeJS.ProcessEnv = process.env): boolean => env.MOCK_STATE?.toLowerCase() !== 'off';

export async function startMockHost(options: MockHostOptions = {}): Promise<MockHost> {
  const host = options.host ?? '127.0.0.1';
  // Started together: loading a spec waits on the disk and on the event loop, so the five overlap.
  const started = await Promise.allSettled((options.apis ?? listApis()).map((api) => startMock(api, host, options.port?.(api) ?? api.mockPort, { state: options.state ?? stateFromEnv(), cors: options.cors })));
  const servers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await Promise.all(servers.map((server) => server.close()));
    throw failed.reason;
  }
  return { servers, close: async () => void (await Promise.all(servers.map((server) => server.close()))) };
}

export interface MockOptions {
  /** Validation proxy mode: forward every request to this server and validate both ways, instead of mocking. */
  upstream?: string;
  /** Told of every exchange in which Prism found violations (the proxy prints them for QA). */
  onViolations?: (exchange: { method: string; path: string; status: number; violations: string[] }) => void;
  /** Answer from state where the API's lifecycle knows the operation. Default true; never in proxy mode. */
  state?: boolean;
  /** CORS for browsers (mocks/cors.ts); default on unless MOCK_CORS=off. */
  cors?: boolean;
}

/** What one request was answered with, before faults: kept for the wire and for the journal. */
interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  violations: string[];
  /** The request body as decoded (for the journal). */
  requestBody: unknown;
}

/** Per request: what the stateful mocker needs to know about it (keyed by the request object Prism passes along). */
interface RequestContext {
  session: string;
  form: FormPart[];
  /** The caller named an example or a status (`Prefer: code=`, `example=`): they get exactly that, not state. */
  examplesOnly: boolean;
}

export async function startMock(api: ApiEntry, host: string, port: number, options: MockOptions = {}): Promise<MockServer> {
  const mockAdapter: MockAdapter = adapters[api.name] ?? {};
  // A proxy shows the upstream's real answers: the adapter may read requests, but never invents responses.
  const adapter: MockAdapter = options.upstream ? { ...mockAdapter, invalidRequest: undefined, serializeResponse: undefined } : mockAdapter;
  const lifecycle = options.upstream || options.state === false ? undefined : lifecycles[api.name];
  const loaded = await loadOperations(api.specPath);
  const operations: IHttpOperation[] = safeIntegers(adapter.prepareOperations ? adapter.prepareOperations(loaded) : loaded);
  const declared = declaredMediaTypes(loaded, operations);
  const base = { validateRequest: true, validateResponse: true, checkSecurity: true, errors: false, upstreamProxy: undefined };
  const config = options.upstream
    ? { ...base, mock: { dynamic: false }, isProxy: true as const, upstream: new URL(options.upstream) }
    : { ...base, mock: { dynamic: false }, isProxy: false as const };

  const store = new SessionStore(lifecycle?.initial ?? (() => undefined));
  const journal = new Journal();
  const faults = new ArmedFaults();
  const outbox = new Outbox(webhookCheck(api.specPath));
  const contexts = new WeakMap<IHttpRequest, RequestContext>();
  /** Answers built from state, with what the lifecycle gave for them (bytes to send instead of the body). */
  const fromState = new WeakMap<IHttpResponse, Answer>();

  function answerFromState({ resource, input, config: mockConfig }: MockerArguments, example: () => IHttpResponse | undefined): IHttpResponse | undefined {
    const context = contexts.get(input.data);
    const handler = resource.iid ? lifecycle?.operations[resource.iid] : undefined;
    if (!context || context.examplesOnly || !handler) return undefined;
    if (mockConfig.code !== undefined || input.validations.some((v) => v.severity === DiagnosticSeverity.Error)) return undefined;
    const session = store.get(context.session);
    const request = input.data;
    const answer = handler({
      state: session.state,
      operation: resource.iid ?? '',
      params: pathParams(resource.path, request.url.path),
      query: (request.url.query ?? {}) as Record<string, string | string[]>,
      headers: (request.headers ?? {}) as Record<string, string>,
      body: request.body,
      form: context.form,
      example: () => structuredClone(example()?.body),
      send: (outbound) => outbox.send(session.id, outbound),
    });
    if (!answer) return undefined;
    const response: IHttpResponse = { statusCode: answer.status, headers: { 'content-type': 'application/json', ...answer.headers }, body: answer.body };
    fromState.set(response, answer);
    return response;
  }
  const prism = createPrism(config, api.name, lifecycle ? answerFromState : undefined);

  async function reply(req: IncomingMessage, raw: Buffer, pathname: string, searchParams: URLSearchParams, session: string): Promise<Reply> {
    const contentType = req.headers['content-type'];
    // A multipart body is read once (mocks/multipart.ts); Prism validates a re-encoding its own reader can read.
    const form = isMultipart(contentType) && raw.length > 0 ? readForm(raw, contentType) : undefined;
    let input: IHttpRequest = {
      method: (req.method ?? 'GET').toLowerCase() as HttpMethod,
      url: { path: pathname, baseUrl: searchParams.get('__server') ?? undefined, query: queryOf(searchParams) },
      headers: (form ? { ...req.headers, 'content-type': form.forPrism.contentType } : req.headers) as Record<string, string>,
      body: raw.length === 0 ? undefined : form ? form.forPrism.body : adapter.parseBody ? adapter.parseBody(raw, contentType, pathname) : defaultBody(raw, contentType),
    };
    const requestBody = form ? journalForm(form.parts) : input.body;
    const asked = preferencesOf(input);
    if (!asked.ok) return problemReply(asked.problem, requestBody);
    const examplesOnly = asked.value.code !== undefined || asked.value.exampleKey !== undefined;
    if (adapter.beforeRequest) input = adapter.beforeRequest(input);

    const preferences = preferencesOf(input);
    if (!preferences.ok) return problemReply(preferences.problem, requestBody);
    contexts.set(input, { session, form: form?.parts ?? [], examplesOnly });
    const result = await prism.request(input, operations, { ...config, mock: { ...config.mock, ...preferences.value } })();
    // An example name the answer lacks is Prism's 404 (prism.ts: exampleProblem), like an undefined status.
    if (result._tag === 'Left') return problemReply(result.left, requestBody);

    const { validations } = result.right;
    let output = result.right.output;
    const stateAnswer = fromState.get(output);
    const outputErrors = validations.output.filter((v) => v.severity === DiagnosticSeverity.Error);
    if (stateAnswer && outputErrors.length > 0) {
      // An answer built from state that the spec does not allow is a bug in the mock: said loudly, never served.
      const named = outputErrors.map((v) => `response.${(v.path ?? []).join('.')}: ${v.message}`);
      return {
        ...jsonReply(500, { type: 'about:blank', title: 'The mock built an answer the spec does not allow', status: 500, detail: named.join('; '), violations: named }, 'application/problem+json'),
        violations: named,
        requestBody,
      };
    }
    const violations = [
      ...validations.input.map((v) => ({ location: ['request', ...(v.path ?? [])], severity: severityName(v.severity), code: v.code, message: v.message })),
      ...validations.output.map((v) => ({ location: ['response', ...(v.path ?? [])], severity: severityName(v.severity), code: v.code, message: v.message })),
    ];
    const inputErrors = validations.input.filter((v) => v.severity === DiagnosticSeverity.Error);
    // Only where Prism answers for a validation failure: a 401 for missing credentials stays a 401.
    if (inputErrors.length > 0 && adapter.invalidRequest && (output.statusCode === 400 || output.statusCode === 422)) {
      output = adapter.invalidRequest(inputErrors.map((v) => ({ location: v.path ?? [], message: declared(v.message) })), output);
    }
    const headers: Record<string, string> = {};
    const named = violations.map((v) => `${v.location.join('.')}: ${v.message}`);
    if (violations.length > 0) {
      options.onViolations?.({ method: input.method.toUpperCase(), path: pathname, status: output.statusCode, violations: named });
      const value = JSON.stringify(violations);
      headers['sl-violations'] = value.length > MAX_VIOLATIONS_HEADER ? `Too many violations! ${value.slice(0, MAX_VIOLATIONS_HEADER)}` : value;
    }
    const custom = stateAnswer?.bytes ?? adapter.serializeResponse?.(output, input);
    // Header names in one case, as node:http would merge them (Prism writes `Content-type`).
    for (const [name, value] of Object.entries({ ...output.headers, ...custom?.headers })) headers[name.toLowerCase()] = String(value);
    const body = custom ? custom.body : serializeBody(output.body, headers['content-type']);
    return { status: output.statusCode, headers, body: Buffer.from(body ?? ''), violations: named, requestBody };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // The request guard (request-guard.ts): a malformed request-target or an oversized body is refused before anything
    // else; the path is the target exactly as sent, so `/__mock/` is matched on what the client wrote.
    const { pathname, searchParams } = requestTarget(req.url);
    const raw = await readBody(req, BODY_LIMIT);
    const session = sessionOf(req.headers);
    if (pathname === ADMIN_PREFIX.slice(0, -1) || pathname.startsWith(ADMIN_PREFIX)) {
      const answer = await handleAdmin({ method: req.method ?? 'GET', path: pathname.slice(ADMIN_PREFIX.length), query: searchParams, raw, session }, { store, journal, faults, outbox, lifecycle });
      res.writeHead(answer.status, answer.body === undefined ? {} : { 'content-type': 'application/json' });
      return void res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
    }
    const method = (req.method ?? 'GET').toUpperCase();
    let fault: Fault | undefined;
    let result: Reply;
    try {
      const refused = mediaTypeProblem(req.headers);
      if (refused) throw refused;
      fault = faultFromPrefer(headerOf(req, 'prefer')) ?? faults.take(session, method, pathname);
      result = await reply(req, raw, pathname, searchParams, session);
    } catch (error) {
      result = problemReply(error instanceof MockInputError || error instanceof FaultError ? { name: 'invalid-input', message: error.message, status: error instanceof MockInputError ? error.status : 400 } : error instanceof Error ? error : new Error(String(error)), raw.toString('utf8'));
    }
    for (const [name, value] of Object.entries(result.headers)) res.setHeader(name, value);
    const status = await sendWithFault(res, result.status, result.body, fault);
    journal.record({
      session,
      method,
      path: pathname,
      query: queryOf(searchParams),
      headers: Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')])),
      body: result.requestBody,
      status,
      violations: result.violations,
      ...(fault ? { fault: describeFault(fault) } : {}),
    });
  }

  const cors = corsEnabled(options.cors);
  const server = createServer((req, res) => {
    if (cors && handleCors(req, res)) return;
    handle(req, res).catch((error: unknown) => {
      const reply = problemReply(error instanceof MockInputError ? { name: 'invalid-input', message: error.message, status: error.status } : error instanceof Error ? error : new Error(String(error)), undefined);
      if (res.headersSent) return void res.end();
      // After a refused body the connection is closed: what is left of it is not read.
      if (error instanceof MockInputError && error.status === 413) res.setHeader('connection', 'close');
      res.writeHead(reply.status, reply.headers).end(reply.body);
    });
  });
  // Node's 5 s default races clients that reuse a socket just as it expires (undici: "other side closed") on a loaded
  // machine; a mock may keep idle sockets longer (closed all at once by close()).
  server.keepAliveTimeout = 65_000;
  await listen(server, api, host, port);
  const { port: actualPort } = server.address() as AddressInfo;
  const releasePort = claimOwnPort(actualPort);
  return {
    api: api.name,
    url: `http://${host}:${actualPort}`,
    close: async () => {
      await outbox.close();
      releasePort();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

/** Path parameters of a request, by the operation's path template (`/tasks/{id}` and `/tasks/t-1` → `{ id: 't-1' }`). */
export function pathParams(template: string, path: string): Record<string, string> {
  const names = template.split('/');
  const values = path.split('/');
  const params: Record<string, string> = {};
  names.forEach((name, i) => {
    const match = /^\{(.+)\}$/.exec(name);
    const value = values[i];
    if (match?.[1] && value !== undefined) params[match[1]] = decodeURIComponent(value);
  });
  return params;
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function listen(server: Server, api: ApiEntry, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new Error(`Port ${port} for the ${api.name} mock is already in use on ${host}. Stop what holds it, or set ${portEnvName(api.name)} to another port.`));
      } else {
        reject(error);
      }
    });
    server.listen(port, host, () => resolve());
  });
}

/** As Prism's own server: JSON bodies parsed, anything else handed over as text. */
function defaultBody(raw: Buffer, contentType: string | undefined): unknown {
  const text = raw.toString('utf8');
  if (contentType && /^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    // RFC 8259 §8.1: JSON between systems is UTF-8; a body declared in another charset is not read as if it were.
    const charset = /;\s*charset="?([^";\s]+)/i.exec(contentType)?.[1];
    if (charset && !/^utf-?8$/i.test(charset)) throw new MockInputError(`JSON must be UTF-8, not ${charset}`, 415);
    try {
      return JSON.parse(text);
    } catch {
      throw new MockInputError('request body is not valid JSON');
    }
  }
  return text;
}

/** The query by name; defined, not assigned, so a parameter named `__proto__` is a field like any other. */
function queryOf(params: URLSearchParams): Record<string, string | string[]> {
  return Object.fromEntries(
    [...new Set(params.keys())].map((key) => {
      const values = params.getAll(key);
      return [key, values.length === 1 ? (values[0] as string) : values];
    }),
  );
}

function severityName(severity: number): string {
  return ['Error', 'Warning', 'Information', 'Hint'][severity] ?? 'Error';
}

function jsonReply(status: number, body: unknown, contentType = 'application/json'): Omit<Reply, 'violations' | 'requestBody'> {
  return { status, headers: { 'content-type': contentType }, body: Buffer.from(JSON.stringify(body)) };
}

type Problem = Error & { status?: number; detail?: string; additional?: { headers?: Record<string, string> } };

function problemReply(error: Problem, requestBody: unknown): Reply {
  const reply = jsonReply(error.status ?? 500, ProblemJsonError.toProblemJson(error as ProblemJsonError), 'application/problem+json');
  return { ...reply, headers: { ...reply.headers, ...error.additional?.headers }, violations: [], requestBody };
}
