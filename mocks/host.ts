// One Node process serves every API in redocly.yaml with Prism's engine, each on its own port, with request and
// response validation on. Prism's own HTTP server (prism-http-server) has no hook between the wire and the engine, and
// XML, form packets and binary downloads need one, so this file does that server's small job itself, with adapters.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '@stoplight/prism-core';
import { createInstance, getHttpOperationsFromSpec, ProblemJsonError, type IHttpConfig, type IHttpRequest } from '@stoplight/prism-http';
import { getHttpConfigFromRequest } from '@stoplight/prism-http-server/dist/getHttpConfigFromRequest.js';
import { serialize } from '@stoplight/prism-http-server/dist/serialize.js';
import { DiagnosticSeverity, type HttpMethod } from '@stoplight/types';
import { listApis, portEnvName, type ApiEntry } from '../scripts/apis.ts';
import { adapters } from './adapters/index.ts';
import { corsEnabled, handleCors } from './cors.ts';
import { MockInputError, type MockAdapter } from './adapters/types.ts';
import { declaredMediaTypes, readBody, targetProblem } from './request-guard.ts';

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
  /** CORS for browsers (mocks/cors.ts); default on unless MOCK_CORS=off. */
  cors?: boolean;
}

export interface MockHost {
  servers: MockServer[];
  close(): Promise<void>;
}

export async function startMockHost(options: MockHostOptions = {}): Promise<MockHost> {
  const host = options.host ?? '127.0.0.1';
  const servers: MockServer[] = [];
  try {
    for (const api of options.apis ?? listApis()) {
      servers.push(await startMock(api, host, options.port?.(api) ?? api.mockPort, { cors: options.cors }));
    }
  } catch (error) {
    await Promise.all(servers.map((server) => server.close()));
    throw error;
  }
  return { servers, close: async () => void (await Promise.all(servers.map((server) => server.close()))) };
}

export interface MockOptions {
  /** Validation proxy mode: forward every request to this server and validate both ways, instead of mocking. */
  upstream?: string;
  /** Told of every exchange in which Prism found violations (the proxy prints them for QA). */
  onViolations?: (exchange: { method: string; path: string; status: number; violations: string[] }) => void;
  /** CORS for browsers (mocks/cors.ts); default on unless MOCK_CORS=off. */
  cors?: boolean;
}

export async function startMock(api: ApiEntry, host: string, port: number, options: MockOptions = {}): Promise<MockServer> {
  const mockAdapter: MockAdapter = adapters[api.name] ?? {};
  // A proxy shows the upstream's real answers: the adapter may read requests, but never invents responses.
  const adapter: MockAdapter = options.upstream ? { ...mockAdapter, invalidRequest: undefined, serializeResponse: undefined } : mockAdapter;
  const loaded = await getHttpOperationsFromSpec(api.specPath);
  const operations = adapter.prepareOperations ? adapter.prepareOperations(loaded) : loaded;
  const declared = declaredMediaTypes(loaded, operations);
  const base = { validateRequest: true, validateResponse: true, checkSecurity: true, errors: false, upstreamProxy: undefined };
  const config: IHttpConfig = options.upstream
    ? { ...base, mock: { dynamic: false }, isProxy: true, upstream: new URL(options.upstream) }
    : { ...base, mock: { dynamic: false }, isProxy: false };
  const prism = createInstance(config, { logger: createLogger(api.name, { level: 'silent' }) });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refused = targetProblem(req.url);
    if (refused) throw new MockInputError(refused);
    const raw = await readBody(req, BODY_LIMIT);
    const contentType = req.headers['content-type'];
    const { pathname, searchParams } = new URL(req.url ?? '/', 'http://mock');
    let input: IHttpRequest = {
      method: (req.method ?? 'GET').toLowerCase() as HttpMethod,
      url: { path: pathname, baseUrl: searchParams.get('__server') ?? undefined, query: queryOf(searchParams) },
      headers: req.headers as Record<string, string>,
      body: raw.length === 0 ? undefined : adapter.parseBody ? adapter.parseBody(raw, contentType, pathname) : defaultBody(raw, contentType),
    };
    if (adapter.beforeRequest) input = adapter.beforeRequest(input);

    const preferences = getHttpConfigFromRequest(input);
    if (preferences._tag === 'Left') return sendProblem(res, preferences.left);
    const result = await prism.request(input, operations, { ...config, mock: { ...config.mock, ...preferences.right } })();
    if (result._tag === 'Left') return sendProblem(res, result.left);

    const { validations } = result.right;
    let output = result.right.output;
    const violations = [
      ...validations.input.map((v) => ({ location: ['request', ...(v.path ?? [])], severity: severityName(v.severity), code: v.code, message: v.message })),
      ...validations.output.map((v) => ({ location: ['response', ...(v.path ?? [])], severity: severityName(v.severity), code: v.code, message: v.message })),
    ];
    const inputErrors = validations.input.filter((v) => v.severity === DiagnosticSeverity.Error);
    // Only where Prism answers for a validation failure: a 401 for missing credentials stays a 401.
    if (inputErrors.length > 0 && adapter.invalidRequest && (output.statusCode === 400 || output.statusCode === 422)) {
      output = adapter.invalidRequest(inputErrors.map((v) => ({ location: v.path ?? [], message: declared(v.message) })), output);
    }
    if (violations.length > 0) {
      options.onViolations?.({ method: input.method.toUpperCase(), path: pathname, status: output.statusCode, violations: violations.map((v) => `${v.location.join('.')}: ${v.message}`) });
      const value = JSON.stringify(violations);
      res.setHeader('sl-violations', value.length > MAX_VIOLATIONS_HEADER ? `Too many violations! ${value.slice(0, MAX_VIOLATIONS_HEADER)}` : value);
    }
    const custom = adapter.serializeResponse?.(output, input);
    for (const [name, value] of Object.entries({ ...output.headers, ...custom?.headers })) res.setHeader(name, value);
    const body = custom ? custom.body : serialize(output.body, res.getHeader('content-type') as string | undefined);
    res.statusCode = output.statusCode;
    res.end(body);
  }

  const cors = corsEnabled(options.cors);
  const server = createServer((req, res) => {
    if (cors && handleCors(req, res)) return;
    handle(req, res).catch((error: unknown) => {
      if (error instanceof MockInputError) {
        // After a refused body the connection is closed: what is left of it is not read.
        if (error.status === 413) res.setHeader('connection', 'close');
        return sendProblem(res, { name: 'invalid-input', message: error.message, status: error.status });
      }
      return sendProblem(res, error instanceof Error ? error : new Error(String(error)));
    });
  });
  await listen(server, api, host, port);
  const { port: actualPort } = server.address() as AddressInfo;
  return {
    api: api.name,
    url: `http://${host}:${actualPort}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
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
    try {
      return JSON.parse(text);
    } catch {
      throw new MockInputError('request body is not valid JSON');
    }
  }
  return text;
}

function queryOf(params: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    query[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return query;
}

function severityName(severity: number): string {
  return ['Error', 'Warning', 'Information', 'Hint'][severity] ?? 'Error';
}

function sendProblem(res: ServerResponse, error: Error & { status?: number; detail?: string; additional?: { headers?: Record<string, string> } }): void {
  if (res.headersSent) return void res.end();
  const problem = ProblemJsonError.toProblemJson(error as ProblemJsonError);
  res.statusCode = error.status ?? 500;
  res.setHeader('content-type', 'application/problem+json');
  for (const [name, value] of Object.entries(error.additional?.headers ?? {})) res.setHeader(name, value);
  res.end(JSON.stringify(problem));
}
