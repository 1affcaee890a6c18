// The contract check for what the mock sends: the spec's `webhooks` are served as paths to a private Prism instance
// (`/__webhooks/<name>`), and each outbound callback is validated as a request to it, by the same validator Prism
// uses for requests to the mock. Loaded on first use: a mock that never calls back never pays for it.
import { readFile } from 'node:fs/promises';
import { DiagnosticSeverity, type HttpMethod } from '@stoplight/types';
import { parse } from 'yaml';
import type { Outbound, WebhookCheck } from './callbacks.ts';
import { createPrism, getHttpOperationsFromSpec, type IHttpOperation } from './prism.ts';

const PREFIX = '/__webhooks/';

type Spec = { paths?: Record<string, unknown>; webhooks?: Record<string, unknown> };

export function webhookCheck(specPath: string): WebhookCheck {
  let loaded: Promise<IHttpOperation[]> | undefined;
  const prism = createPrism({ validateRequest: true, validateResponse: false, checkSecurity: false, errors: false, mock: { dynamic: false }, isProxy: false, upstreamProxy: undefined }, 'webhooks');
  return async (outbound: Outbound) => {
    loaded ??= readFile(specPath, 'utf8').then((text) => {
      const spec = parse(text) as Spec;
      const paths = Object.fromEntries(Object.entries(spec.webhooks ?? {}).map(([name, item]) => [`${PREFIX}${name}`, item]));
      return getHttpOperationsFromSpec({ ...spec, paths, webhooks: undefined });
    });
    const operations = await loaded;
    if (!operations.some((operation) => operation.path === `${PREFIX}${outbound.webhook}`)) return [`the spec has no webhook ${outbound.webhook}`];
    const url = new URL(outbound.url);
    const result = await prism.request(
      {
        method: outbound.method.toLowerCase() as HttpMethod,
        url: { path: `${PREFIX}${outbound.webhook}`, query: Object.fromEntries(url.searchParams) },
        headers: outbound.body === undefined ? {} : { 'content-type': 'application/json' },
        body: outbound.body,
      },
      operations,
    )();
    if (result._tag === 'Left') return [result.left.message];
    return result.right.validations.input.filter((v) => v.severity === DiagnosticSeverity.Error).map((v) => `request.${(v.path ?? []).join('.')}: ${v.message}`);
  };
}
