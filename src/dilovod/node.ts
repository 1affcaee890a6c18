// Node-only pieces of the Dilovod client, kept out of the main entry so it runs wherever fetch runs (browsers, Deno,
// Bun, workers): `import { dilovodWebhookListener } from 'delivery-api-clients/dilovod/node'`.
import { nodeListener } from '../core/receiver.ts';
import { DILOVOD_WEBHOOK_LIMITS, dilovodWebhookHandler, type WebhookListener } from './webhook.ts';

/**
 * dilovodWebhookHandler for node:http servers: `createServer(dilovodWebhookListener(onEvent))`. Any request, however
 * malformed (a request-target of `//` or `*`, another method, a body), gets a 4xx and the server keeps serving.
 */
export function dilovodWebhookListener(onEvent: WebhookListener, options: { allowedIps?: readonly string[] } = {}) {
  return nodeListener(dilovodWebhookHandler(onEvent, options), DILOVOD_WEBHOOK_LIMITS);
}
