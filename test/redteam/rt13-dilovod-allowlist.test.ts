// Attack: the default allow-list. DILOVOD_WEBHOOK_IPS is exported as `readonly string[]`, but TypeScript's readonly is
// gone at run time: any code in the process (a dependency, a plugin) that pushes an address into it makes every
// receiver built without `allowedIps` accept webhooks from that address, forged ones included. The promise: only
// Dilovod's address passes by default; the exported list cannot be changed (frozen), or the receivers do not read it.
import { describe, expect, it } from 'vitest';
import { DILOVOD_WEBHOOK_IPS, dilovodWebhookHandler, parseDilovodWebhook, WebhookSourceError } from '../../src/dilovod/webhooks.ts';

const URL_TEXT = `/dilovod?packet=${encodeURIComponent(JSON.stringify({ action: 'objectChanged', params: { objectName: 'documents.saleOrder', id: '1110000000001001' } }))}`;
const EVIL = '6.6.6.6';

describe('DILOVOD_WEBHOOK_IPS cannot be widened at run time', () => {
  it('the exported list is frozen', () => {
    expect(Object.isFrozen(DILOVOD_WEBHOOK_IPS)).toBe(true);
  });

  it('after a push into the exported list, the default check still refuses that address', async () => {
    const list = DILOVOD_WEBHOOK_IPS as string[];
    const before = list.length;
    try {
      list.push(EVIL);
    } catch {
      // frozen: the attack cannot start
    }
    try {
      expect(() => parseDilovodWebhook(URL_TEXT, { remoteAddress: EVIL })).toThrow(WebhookSourceError);
      const events: unknown[] = [];
      const response = await dilovodWebhookHandler((event) => { events.push(event); })(new Request(`http://x${URL_TEXT}`), EVIL);
      expect(response.status).toBe(403);
      expect(events).toEqual([]);
    } finally {
      if (!Object.isFrozen(list)) list.length = before;
    }
  });

  it('regression: by default only 88.198.50.253 passes', () => {
    expect(parseDilovodWebhook(URL_TEXT, { remoteAddress: '88.198.50.253' }).params.id).toBe('1110000000001001');
    expect(() => parseDilovodWebhook(URL_TEXT, { remoteAddress: '127.0.0.1' })).toThrow(WebhookSourceError);
  });

  it('a handler keeps the allow-list it checked when made: a later bad entry in the caller list is not a 400 to every real webhook', async () => {
    const list = ['1.2.3.4'];
    const events: unknown[] = [];
    const handle = dilovodWebhookHandler((event) => { events.push(event); }, { allowedIps: list });
    list[0] = 42 as unknown as string; // validated when made; changed afterwards
    const response = await handle(new Request(`http://x${URL_TEXT}`), '1.2.3.4').then((r) => r.status, (error: unknown) => error);
    // The webhook is from an allowed address and well formed: it is delivered (a snapshot) or the misuse is loud
    // (a UsageError / 5xx Dilovod may retry), never a 400 that tells Dilovod the webhook itself was bad.
    expect(response).not.toBe(400);
  });
});
