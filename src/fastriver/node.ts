// Node-only pieces of the Fastriver client, kept out of the main entry so it runs wherever fetch runs (browsers, Deno,
// Bun, workers): `import { fastriverCallbackListener } from 'delivery-api-clients/fastriver/node'`.
import { nodeListener } from '../core/receiver.ts';
import { callbackLimits, fastriverCallbackHandler, type CallbackListener, type CallbackReceiverOptions } from './callback.ts';

/**
 * fastriverCallbackHandler for node:http servers: `createServer(fastriverCallbackListener(onEvent))`. Any request,
 * however malformed (a request-target of `//` or `*`, another method, a body too large or cut off), gets a 4xx and the
 * server keeps serving.
 */
export function fastriverCallbackListener(onEvent: CallbackListener, options: CallbackReceiverOptions = {}) {
  return nodeListener(fastriverCallbackHandler(onEvent, options), callbackLimits(options));
}
