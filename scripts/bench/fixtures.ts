// Canned bodies for the benchmarks, taken from the specs' own examples (so they are the shapes the clients expect).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from '#apis';

type Json = unknown;
const specs = new Map<string, Json>();

export function loadSpec(api: string): Json {
  let spec = specs.get(api);
  if (spec === undefined) {
    spec = parse(readFileSync(resolve(projectRoot, 'specs', `${api}.yaml`), 'utf8')) as Json;
    specs.set(api, spec);
  }
  return spec;
}

function pointer(root: Json, ref: string): Json {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported: ${ref}`);
  let node = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null || !(key in node)) throw new Error(`unresolved $ref ${ref}`);
    node = (node as Record<string, Json>)[key];
  }
  return node;
}

/** Follows `$ref`s (at the top of a node) until a node without one. */
function deref(root: Json, node: Json): Record<string, Json> {
  let current = node;
  for (let i = 0; i < 20 && typeof current === 'object' && current !== null && '$ref' in current; i++) {
    current = pointer(root, String((current as { $ref: string }).$ref));
  }
  if (typeof current !== 'object' || current === null) throw new Error('expected an object in the spec');
  return current as Record<string, Json>;
}

/** A named example under components.examples: its value (a deep copy). */
export function componentExample<T = Json>(api: string, name: string): T {
  const spec = loadSpec(api);
  return structuredClone(deref(spec, pointer(spec, `#/components/examples/${name}`)).value) as T;
}

/**
 * A response example of an operation, by path, method, status and media type: the named one, or the first (what the
 * mock host answers without a Prefer header).
 */
export function responseExample<T = Json>(api: string, path: string, method: string, options: { status?: string; mediaType?: string; name?: string } = {}): T {
  const spec = loadSpec(api) as { paths: Record<string, Record<string, Json>> };
  const operation = deref(spec, spec.paths[path]?.[method]);
  const responses = deref(spec, operation.responses);
  const response = deref(spec, responses[options.status ?? '200']);
  const content = deref(spec, response.content);
  const media = deref(spec, content[options.mediaType ?? 'application/json']);
  const examples = deref(spec, media.examples);
  const name = options.name ?? Object.keys(examples)[0];
  if (name === undefined || examples[name] === undefined) throw new Error(`${api} ${method} ${path}: no example ${options.name ?? ''}`);
  return structuredClone(deref(spec, examples[name]).value) as T;
}

/** What the canned server answers for each call the call-overhead comparison makes, and what the callers send. */
export interface CallFixtures {
  yandexFleet: { request: Json; response: Json };
  tbank: { id: string; response: Json };
  fastriver: { uuid: string; response: Json };
  dellin: { request: Record<string, Json>; response: Json; responseXml: string };
  dilovod: { id: string; response: Json };
}

export function callFixtures(): CallFixtures {
  return {
    yandexFleet: {
      request: { query: { park: { id: 'ee6f33c4562b4e1f8646d157bd70b2c4' } } },
      response: responseExample('yandex-fleet', '/v2/parks/transactions/categories/list', 'post'),
    },
    tbank: {
      id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      response: responseExample('tbank-delivery', '/api/v1/delivery/tasks/{id}', 'get'),
    },
    fastriver: {
      uuid: '0f6e0d39-1475-43c1-bd3f-681c6c9d1cf4',
      response: responseExample('fastriver', '/delivery_requests/{uuid}', 'get'),
    },
    dellin: {
      request: componentExample<Record<string, Json>>('dellin', 'RequestDeliveryInline'),
      response: componentExample('dellin', 'RequestDeliveryResult'),
      responseXml: componentExample<string>('dellin', 'RequestDeliveryResultXml'),
    },
    dilovod: {
      id: '1110800000001029',
      response: responseExample('dilovod', '/', 'post', { name: 'getObjectDocument' }),
    },
  };
}
