// Dilovod: Prism cannot see inside a form field, so the JSON in `packet` is decoded here and validated by Prism as an
// object against the field's `contentSchema` (the `Packet` schema); the answer's example is picked by `action`.
// A packet that is missing, not JSON or invalid is answered as the gateway answers every error: HTTP 200 `{error}`.
import type { IHttpOperation } from '@stoplight/types';
import type { MockAdapter } from './types.ts';
import { dict, own } from '../state.ts';

const FORM = 'application/x-www-form-urlencoded';
type JsonSchema = { properties?: Record<string, JsonSchema & { contentSchema?: JsonSchema; contentMediaType?: string }> };

/** The response example each action answers with, unless the caller chooses one (Prefer). */
const EXAMPLE_BY_ACTION: Readonly<Record<string, string>> = {
  getObject: 'getObjectDocument',
  saveObject: 'saveObjectSaved',
  setDelMark: 'setDelMarkOk',
  request: 'requestRows',
  call: 'callSaleOrderCreated',
  getStatistic: 'getStatisticRows',
  listMetadata: 'listMetadata',
  getMetadata: 'getMetadata',
};

/** Form fields that carry JSON (found in the spec at start-up: every `contentMediaType: application/json` property). */
const jsonFields = new Set<string>();

type Node = { oneOf?: Node[]; discriminator?: { propertyName?: string }; properties?: Record<string, Node>; const?: unknown; [key: string]: unknown };

/**
 * Rewrites every `oneOf` whose branches are told apart by a constant property (`action`, `type`, `method`) into
 * if/then on that property: the validator then reports what is wrong with the branch the packet chose, not every
 * branch it did not.
 */
function discriminated(schema: unknown, seen = new WeakSet<object>()): unknown {
  if (typeof schema !== 'object' || schema === null || seen.has(schema)) return schema;
  seen.add(schema);
  if (Array.isArray(schema)) return schema.map((item) => discriminated(item, seen));
  const node = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, discriminated(value, seen)])) as Node;
  const branches = node.oneOf;
  const property = node.discriminator?.propertyName ?? 'action';
  const tags = branches?.map((branch) => branch.properties?.[property]?.const);
  if (!branches || !tags || tags.some((tag) => tag === undefined)) return node;
  const { oneOf: _, discriminator: __, ...rest } = node;
  return {
    ...rest,
    required: [...new Set([...((rest.required as string[] | undefined) ?? []), property])],
    properties: { ...(rest.properties ?? {}), [property]: { enum: tags } },
    allOf: branches.map((branch, i) => ({ if: { properties: { [property]: { const: tags[i] } } }, then: branch })),
  };
}

/**
 * The spec declares no 4xx (the gateway has none), but Prism only hands an invalid request to `invalidRequest` when the
 * operation has a 422 or 400 to answer with; this one exists in memory only, and never reaches the wire.
 */
const VALIDATION_FAILED = { id: 'dilovod-invalid-packet', code: '422', contents: [{ id: 'dilovod-invalid-packet-json', mediaType: 'application/json' }], headers: [] };

export const dilovod: MockAdapter = {
  prepareOperations: (operations) =>
    operations.map((operation): IHttpOperation => {
      const contents = operation.request?.body?.contents;
      if (!contents) return operation;
      return {
        ...operation,
        responses: [...operation.responses, VALIDATION_FAILED],
        request: {
          ...operation.request,
          body: {
            ...operation.request?.body,
            id: operation.request?.body?.id ?? 'body',
            contents: contents.map((content) => {
              const schema = content.schema as JsonSchema | undefined;
              if (content.mediaType !== FORM || !schema?.properties) return content;
              const properties = Object.fromEntries(
                Object.entries(schema.properties).map(([name, property]) => {
                  if (property.contentMediaType !== 'application/json' || !property.contentSchema) return [name, property];
                  jsonFields.add(name);
                  return [name, discriminated(property.contentSchema)];
                }),
              );
              return { ...content, mediaType: 'application/json', schema: { ...schema, properties } as typeof content.schema };
            }),
          },
        },
      };
    }),

  parseBody: (raw, contentType) => {
    if (!contentType?.startsWith(FORM)) return raw.toString('utf8');
    const fields = new URLSearchParams(raw.toString('utf8'));
    // A field sent twice stays a list: Prism then reports `packet must be object` (the mock's choice; the seed is silent
    // on it, and taking either copy would hide a client's bug).
    const form = dict<unknown>();
    for (const key of new Set(fields.keys())) form[key] = fields.getAll(key).length > 1 ? fields.getAll(key) : fields.get(key);
    for (const field of jsonFields) {
      const text = form[field];
      if (typeof text !== 'string') continue;
      try {
        form[field] = JSON.parse(text);
      } catch {
        // Left as text: Prism then reports `packet must be object`, answered like any invalid packet.
      }
    }
    return form;
  },

  beforeRequest: (input) => {
    const body = input.body as { packet?: { action?: unknown; params?: { assembleLinks?: unknown; from?: unknown } } } | undefined;
    if (!body || typeof body !== 'object') return input;
    // The form was decoded (parseBody): Prism validates it as the JSON object the prepared operation expects.
    const headers: Record<string, string> = { ...input.headers, 'content-type': 'application/json' };
    if (typeof body.packet !== 'object' || body.packet === null) return { ...input, headers };
    const { action, params } = body.packet;
    let example = typeof action === 'string' ? own(EXAMPLE_BY_ACTION, action) : undefined;
    if (action === 'request' && params?.assembleLinks === false) example = 'requestWithoutLinks';
    else if (action === 'request' && typeof params?.from === 'object') example = 'requestBalanceRows';
    if (example && !input.headers?.prefer) headers.prefer = `example=${example}`;
    return { ...input, headers };
  },

  invalidRequest: (violations, output) => ({
    statusCode: 200,
    headers: { ...output.headers, 'content-type': 'application/json' },
    // "must match the then schema" only repeats that a branch failed; the branch's own messages say how.
    body: { error: `Invalid packet: ${[...new Set(violations.map((v) => v.message).filter((m) => !m.endsWith('must match "then" schema')))].join('; ')}` },
  }),
};
