// Callbacks and webhooks the mock sends: Fastriver's events to a request's `callback_url`, Dilovod's `objectChanged`
// to the URL a test configured. Each is checked against the spec's `webhooks` before it leaves (a violation is kept
// with the delivery, loudly: `GET /__mock/callbacks`), then sent and retried as the API documents.
import { lookup } from 'node:dns/promises';
import { networkInterfaces } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import ipaddr from 'ipaddr.js';

export interface Outbound {
  /** The spec's webhook name (`deliveryRequestEvent`, `objectChanged`), which its body is checked against. */
  webhook: string;
  method: 'GET' | 'POST';
  /** Absolute URL; for a GET webhook, with its query already on it. */
  url: string;
  /** A JSON body (POST). */
  body?: unknown;
  /** Retry delays in ms after a failed attempt (not a 200 answer, or no answer). Fastriver: 10 growing intervals. */
  retries?: readonly number[];
}

export interface Delivery extends Outbound {
  id: number;
  session: string;
  /** What the spec check found wrong with the request before it was sent (it is sent all the same, so a test sees it). */
  violations: string[];
  attempts: Array<{ at: string; status?: number; error?: string }>;
  /**
   * `pending` while attempts remain, `delivered` on a 200, `failed` once the retries ran out (any non-200 answer or no
   * answer is retried, seed: Fastriver), `refused` when the target is the mock host itself (never attempted).
   */
  outcome: 'pending' | 'delivered' | 'failed' | 'refused';
  /** Why a refused delivery was not attempted. */
  refused?: string;
}

/** The ports this process's mocks listen on: a callback to one of them would reach a mock (or its admin API) itself. */
const ownPorts = new Set<number>();

/** Marks a port as the mock host's own (startMock, after listen); the returned function forgets it (on close). */
export function claimOwnPort(port: number): () => void {
  ownPorts.add(port);
  return () => ownPorts.delete(port);
}

/**
 * An IP address as the socket would reach it (ipaddr.js): an IPv6 address carrying an IPv4 one (IPv4-mapped
 * `::ffff:127.0.0.1` / `::ffff:7f00:1` in any spelling, IPv4-compatible `::127.0.0.1`) becomes that IPv4 address.
 */
function normalizedAddress(address: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  if (!ipaddr.isValid(address)) return undefined;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv6' && parsed.range() !== 'loopback' && parsed.range() !== 'unspecified') {
    const bytes = parsed.toByteArray();
    if (bytes.slice(0, 12).every((byte) => byte === 0)) return ipaddr.fromByteArray(bytes.slice(12));
  }
  return parsed;
}

/** Whether an address reaches this machine: loopback, unspecified (0.0.0.0, ::), or one of its interfaces' addresses. */
function isThisMachine(address: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  if (address.range() === 'loopback' || address.range() === 'unspecified') return true;
  const own = Object.values(networkInterfaces()).flatMap((list) => list ?? []);
  return own.some((each) => normalizedAddress(each.address)?.toString() === address.toString());
}

/** The addresses a URL's host names: itself for an IP literal, `localhost` names as loopback (RFC 6761), else DNS. */
async function addressesOf(hostname: string): Promise<Array<ipaddr.IPv4 | ipaddr.IPv6>> {
  const host = hostname.replace(/^\[|\]$/g, '');
  const literal = normalizedAddress(host);
  if (literal) return [literal];
  if (/^(?:.+\.)?localhost\.?$/i.test(host)) return [ipaddr.parse('127.0.0.1')];
  const found = await lookup(host, { all: true }).catch(() => []); // unresolvable: the attempt fails on its own
  return found.flatMap(({ address }) => normalizedAddress(address) ?? []);
}

/**
 * Why the mock must not send to `url`, or undefined when it may: a request to its own ports would loop back into the
 * mocks (a callback_url of `/__mock/reset` wipes state), so the host's own ports on any address of this machine
 * (however spelled, or named) and any `/__mock/` path are refused.
 */
export async function refusalOf(url: string): Promise<string | undefined> {
  if (!URL.canParse(url)) return 'not a URL';
  const target = new URL(url);
  if (target.pathname.startsWith('/__mock/') || target.pathname === '/__mock') return 'the mock admin API is not a callback target';
  const port = Number(target.port || (target.protocol === 'https:' ? 443 : 80));
  if (!ownPorts.has(port)) return undefined;
  if ((await addressesOf(target.hostname)).some(isThisMachine)) return `port ${port} is the mock host itself`;
  return undefined;
}

/** Checks an outbound request against the spec's webhook; returns what is wrong ([] when it is valid). */
export type WebhookCheck = (outbound: Outbound) => Promise<string[]>;

const ATTEMPT_TIMEOUT_MS = 5000;
const MAX_DELIVERIES = 500;

export class Outbox {
  #deliveries: Delivery[] = [];
  #next = 1;
  #inFlight = new Set<Promise<void>>();
  #closed = new AbortController();

  constructor(private readonly check: WebhookCheck) {}

  send(session: string, outbound: Outbound): void {
    const delivery: Delivery = { ...outbound, id: this.#next++, session, violations: [], attempts: [], outcome: 'pending' };
    this.#deliveries.push(delivery);
    if (this.#deliveries.length > MAX_DELIVERIES) this.#deliveries.shift();
    const run = this.#deliver(delivery).finally(() => this.#inFlight.delete(run));
    this.#inFlight.add(run);
  }

  list(session?: string): Delivery[] {
    return this.#deliveries.filter((delivery) => session === undefined || delivery.session === session);
  }

  clear(session?: string): void {
    this.#deliveries = session === undefined ? [] : this.#deliveries.filter((delivery) => delivery.session !== session);
  }

  /** Stops retrying and waits for the attempts under way. */
  async close(): Promise<void> {
    this.#closed.abort();
    await Promise.allSettled([...this.#inFlight]);
  }

  async #deliver(delivery: Delivery): Promise<void> {
    delivery.violations = await this.check(delivery).catch((error: unknown) => [`the check failed: ${String(error)}`]);
    delivery.refused = await refusalOf(delivery.url);
    if (delivery.refused) {
      delivery.outcome = 'refused';
      return;
    }
    const delays = [0, ...(delivery.retries ?? [])];
    for (const [attempt, delay] of delays.entries()) {
      if (delay > 0) await sleep(delay, undefined, { signal: this.#closed.signal }).catch(() => undefined);
      if (this.#closed.signal.aborted) break;
      const record: Delivery['attempts'][number] = { at: new Date().toISOString() };
      delivery.attempts.push(record);
      try {
        const response = await fetch(delivery.url, {
          method: delivery.method,
          headers: delivery.body === undefined ? {} : { 'content-type': 'application/json' },
          body: delivery.body === undefined ? undefined : JSON.stringify(delivery.body),
          signal: AbortSignal.any([AbortSignal.timeout(ATTEMPT_TIMEOUT_MS), this.#closed.signal]),
          redirect: 'manual',
        });
        await response.body?.cancel();
        record.status = response.status;
        if (response.status === 200) {
          delivery.outcome = 'delivered';
          return;
        }
      } catch (error) {
        record.error = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
      }
      if (attempt === delays.length - 1) delivery.outcome = 'failed';
    }
    if (delivery.outcome === 'pending') delivery.outcome = 'failed';
  }
}

/** Fastriver's retry schedule: 10 more attempts at growing intervals (the seed gives no numbers: 1 s, 2 s, 4 s, … 512 s). */
export const FASTRIVER_RETRIES: readonly number[] = Array.from({ length: 10 }, (_, i) => 1000 * 2 ** i);
