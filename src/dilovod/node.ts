// Node-only pieces of the Dilovod client, kept out of the main entry so it runs wherever fetch runs (browsers, Deno,
// Bun, workers): `import { dilovodWebhookListener } from 'delivery-api-clients/dilovod/node'`.
import { dilovodWebhookHandler, type WebhookListener } from './webhook.ts';

/** What the node:http listener uses of a request and a response (structural, so no Node types leak into ours). */
interface NodeRequest {
  url?: string;
  method?: string;
  socket: { remoteAddress?: string };
}
interface NodeResponse {
  writeHead(status: number, headers: Record<string, string>): { end(body: string): unknown };
}

/** dilovodWebhookHandler for node:http servers: `createServer(dilovodWebhookListener(onEvent))`. */
export function dilovodWebhookListener(onEvent: WebhookListener, options: { allowedIps?: readonly string[] } = {}) {
  const handle = dilovodWebhookHandler(onEvent, options);
  return (req: NodeRequest, res: NodeResponse): void => {
    const url = new URL(req.url ?? '/', 'http://webhook.invalid');
    void handle(new Request(url, { method: req.method }), req.socket.remoteAddress).then(async (response) => {
      res.writeHead(response.status, Object.fromEntries(response.headers)).end(await response.text());
    });
  };
}
