// Dellin: Prism does not parse XML, so an XML request is decoded here (by the spec's shapes, as the client decodes
// answers) into the object its JSON twin would send, and Prism validates that. Objects answered to an XML request are
// encoded back under <response>. An invalid request, in either format, gets Dellin's own error body naming the fields.
import { DecodeError } from '../../src/core/index.ts';
import { decodeXml, encodeXml, readXmlText } from '../../src/dellin/xml.ts';
import { xmlOperations, xmlShapes } from '../../generated/dellin.xml.ts';
import { MockInputError, type MockAdapter } from './types.ts';

const XML = /[/+]xml\b/;
/** The mock's own error code for a request that breaks the contract (Dellin publishes no code for that). */
export const MOCK_VALIDATION_CODE = 110000;

const requestShapeByPath = new Map(
  Object.values(xmlOperations).flatMap((operation) => {
    const shape = operation.request ? xmlShapes[operation.request] : undefined;
    return shape ? [[operation.path, shape] as const] : [];
  }),
);

type Violation = Parameters<NonNullable<MockAdapter['invalidRequest']>>[0][number];

/**
 * The XML operations accept the request object or the raw XML text (a string), so a bad object also fails the string
 * branch and the oneOf; those two say nothing about the request's fields and are dropped when anything else is wrong.
 */
function relevant(violations: Violation[]): Violation[] {
  const noise = (v: Violation) =>
    /must match "(then|else)" schema$/.test(v.message) || (v.location.length <= 1 && (/must be string$/.test(v.message) || /must match exactly one schema in oneOf$/.test(v.message)));
  const kept = violations.filter((v) => !noise(v));
  return kept.length > 0 ? kept : violations;
}

/** The request field at fault, as Dellin names fields (`delivery.arrival.address.flat`, `docID`). */
function fieldOf(violation: Violation): string {
  const path = violation.location.filter((part) => part !== 'body');
  const missing = /required property '([^']+)'/.exec(violation.message)?.[1];
  return [...path, ...(missing ? [missing] : [])].join('.') || 'body';
}

type Node = { oneOf?: Node[]; required?: string[]; properties?: Record<string, unknown>; [key: string]: unknown };

/**
 * Rewrites a `oneOf` of two branches told apart by one property — required in the first, `false` in the second (the
 * authorized and anonymous `requestDelivery` bodies, by `sessionID`) — into if/then/else on that property: the
 * validator then reports what is wrong with the kind of request sent, not with the kind it is not.
 */
function byPresence(schema: unknown, seen = new WeakSet<object>()): unknown {
  if (typeof schema !== 'object' || schema === null || seen.has(schema)) return schema;
  seen.add(schema);
  if (Array.isArray(schema)) return schema.map((item) => byPresence(item, seen));
  const node = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, byPresence(value, seen)])) as Node;
  const [present, absent, ...more] = node.oneOf ?? [];
  const tag = present?.required?.find((name) => absent?.properties?.[name] === false);
  if (!present || !absent || more.length > 0 || tag === undefined) return node;
  const { oneOf: _, ...rest } = node;
  return { ...rest, if: { required: [tag] }, then: present, else: absent };
}

export const dellin: MockAdapter = {
  prepareOperations: (operations) =>
    operations.map((operation) => {
      const body = operation.request?.body;
      if (!body?.contents) return operation;
      const contents = body.contents.map((content) => ({ ...content, schema: byPresence(content.schema) as typeof content.schema }));
      return { ...operation, request: { ...operation.request, body: { ...body, contents } } };
    }),

  parseBody: (raw, contentType, path) => {
    const text = raw.toString('utf8');
    if (!XML.test(contentType ?? '')) {
      try {
        return JSON.parse(text);
      } catch {
        throw new MockInputError('request body is not valid JSON');
      }
    }
    const shape = requestShapeByPath.get(path);
    if (!shape) throw new MockInputError(`${path} takes no XML body`);
    try {
      const context = { api: 'dellin', operation: path, attempts: 0 };
      return decodeXml(readXmlText(raw, contentType, context), shape, context);
    } catch (error) {
      throw new MockInputError(error instanceof DecodeError ? error.message : String(error));
    }
  },

  invalidRequest: (violations, output) => ({
    statusCode: 400,
    headers: { ...output.headers, 'content-type': 'application/json' },
    body: {
      metadata: { status: 400, generated_at: new Date().toISOString().slice(0, 19).replace('T', ' ') },
      errors: relevant(violations).map((violation) => ({
        code: MOCK_VALIDATION_CODE,
        title: 'Некорректный запрос',
        detail: violation.message,
        fields: [fieldOf(violation)],
      })),
    },
  }),

  serializeResponse: (output, input) => {
    const wantsXml = XML.test(String(input.headers?.['content-type'] ?? '')) || input.url.path.endsWith('.xml');
    if (!wantsXml || typeof output.body !== 'object' || output.body === null) return undefined;
    return { body: encodeXml(output.body, 'response'), headers: { 'content-type': 'application/xml' } };
  },
};
