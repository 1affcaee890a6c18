// Yandex Fleet v3 transactions, stateful (seed 004, reference yandex-fleet.md). createTransactionV3 creates version 1
// (`in_progress`); getTransactionStatus reports it, and the first read after a version is written finds it applied
// (`success`: processing is asynchronous, one poll later it is done). The same X-Idempotency-Token with the same body
// answers the same transaction; with another body the spec's 409 `idempotency_conflict`. An update is the same
// park, contractor and `data` with a greater `version` (only the sums may change); a version not greater than the
// stored one is the spec's 409 `version_conflict`. Undocumented choices (how an update names its transaction, the
// one-poll delay) are the plausible ones, said in the spec's descriptions.
import { createHash, randomBytes } from 'node:crypto';
import { AdminError, defineLifecycle, json } from '../lifecycle.ts';
import { canonicalJson, dict } from '../state.ts';

interface Version {
  version: number;
  created_at: string;
  status: 'in_progress' | 'success' | 'fail';
  amount: string;
  fee_amount?: string;
  status_description?: string;
}
interface Transaction {
  id: string;
  park_id: string;
  contractor_profile_id: string;
  event_id: string;
  /** JSON of `data`: with park and contractor, what names the transaction for an update. */
  subject: string;
  versions: Version[];
}
interface State {
  transactions: Record<string, Transaction>;
  /** X-Idempotency-Token → the body hash it came with and the answer it got. */
  tokens: Record<string, { bodyHash: string; status: number; body: unknown }>;
}
type Request = { park_id: string; contractor_profile_id: string; amount: string; fee_amount?: string; data: unknown; version?: number };

const hex = () => randomBytes(16).toString('hex');
const hash = (value: unknown) => createHash('sha256').update(canonicalJson(value)).digest('hex');
const error = (status: number, code: string, message: string) => json(status, { code, message });

/** The greatest version written (versions may skip numbers: 2 → 5). */
const latestOf = (transaction: Transaction) => Math.max(...transaction.versions.map((v) => v.version));

function statusOf(transaction: Transaction, version: Version) {
  const applied = transaction.versions.filter((v) => v.status === 'success').at(-1);
  return {
    id: transaction.id,
    park_id: transaction.park_id,
    contractor_profile_id: transaction.contractor_profile_id,
    event_id: transaction.event_id,
    latest_version: latestOf(transaction),
    ...(applied ? { latest_success_version: applied.version } : {}),
    version_info: version,
  };
}

export const yandexFleetLifecycle = defineLifecycle<State>({
  initial: () => ({ transactions: dict(), tokens: dict() }),

  operations: {
    createTransactionV3: ({ state, body, headers }) => {
      const token = headers['x-idempotency-token'] ?? '';
      const bodyHash = hash(body);
      const seen = state.tokens[token];
      if (seen) return seen.bodyHash === bodyHash ? json(seen.status, seen.body) : error(409, 'idempotency_conflict', 'X-Idempotency-Token was already used with a different request body');
      const request = body as Request;
      const version = request.version ?? 1;
      const subject = canonicalJson([request.park_id, request.contractor_profile_id, request.data]);
      const existing = Object.values(state.transactions).find((transaction) => transaction.subject === subject);
      const written: Version = { version, created_at: new Date().toISOString(), status: 'in_progress', amount: request.amount, ...(request.fee_amount ? { fee_amount: request.fee_amount } : {}) };
      let transaction: Transaction;
      if (existing) {
        if (version <= latestOf(existing)) return error(409, 'version_conflict', `Transaction already has version ${latestOf(existing)}; send a greater version to update it`);
        // Versions only move forward, one at a time: a gap (2 → 5) is recorded as the version sent.
        transaction = existing;
        transaction.versions.push(written);
      } else {
        if (version !== 1) return error(400, 'bad_request', `No transaction to update: version ${version} needs an earlier version 1 for this park, contractor and data`);
        transaction = { id: hex(), park_id: request.park_id, contractor_profile_id: request.contractor_profile_id, event_id: hex(), subject, versions: [written] };
        state.transactions[transaction.id] = transaction;
      }
      const answer = statusOf(transaction, written);
      state.tokens[token] = { bodyHash, status: 200, body: answer };
      return json(200, answer);
    },

    getTransactionStatus: ({ state, query }) => {
      const transaction = state.transactions[String(query.id)];
      const version = transaction?.versions.find((v) => v.version === Number(query.version));
      if (!transaction || !version || transaction.park_id !== query.park_id || transaction.contractor_profile_id !== query.contractor_profile_id) {
        return error(404, 'not_found', `Transaction ${String(query.id)} with version ${String(query.version)} not found`);
      }
      const answer = statusOf(transaction, { ...version });
      if (version.status === 'in_progress') version.status = 'success';
      return json(200, answer);
    },
  },

  /**
   * Puts in a transaction as `createTransactionV3` would have made it, under the id given or a new one (one already
   * there is replaced): `{ kind: 'transaction', resource: { id?, park_id, contractor_profile_id, amount?, data?,
   * status? } }`, version 1, `in_progress` unless said.
   */
  seed: ({ state, body }) => {
    if (body.kind !== 'transaction') throw new AdminError(`yandex-fleet seeds kind "transaction", got ${JSON.stringify(body.kind)}`);
    const { id = hex(), park_id, contractor_profile_id, amount = '0', data = {}, status = 'in_progress' } = (body.resource ?? {}) as Partial<Request> & { id?: unknown; status?: unknown };
    for (const [name, value] of Object.entries({ id, park_id, contractor_profile_id, amount })) {
      if (typeof value !== 'string' || value === '') throw new AdminError(`resource.${name} must be a non-empty string`);
    }
    if (status !== 'in_progress' && status !== 'success' && status !== 'fail') throw new AdminError('resource.status must be in_progress, success or fail');
    const transaction: Transaction = {
      id: id as string,
      park_id: park_id as string,
      contractor_profile_id: contractor_profile_id as string,
      event_id: hex(),
      subject: canonicalJson([park_id, contractor_profile_id, data]),
      versions: [{ version: 1, created_at: new Date().toISOString(), status, amount }],
    };
    state.transactions[transaction.id] = transaction;
    return statusOf(transaction, transaction.versions[0] as Version);
  },

  /** Settles a version as the service would: `{ kind: 'transaction', id, version?, to: 'success' | 'fail', status_description? }`. */
  move: ({ state, body }) => {
    const transaction = state.transactions[String(body.id)];
    if (!transaction) throw new AdminError(`no transaction ${JSON.stringify(body.id)} in this session`, 404);
    const version = body.version === undefined ? transaction.versions.at(-1) : transaction.versions.find((v) => v.version === body.version);
    if (!version) throw new AdminError(`transaction ${transaction.id} has no version ${JSON.stringify(body.version)}`, 404);
    if (body.to !== 'success' && body.to !== 'fail' && body.to !== 'in_progress') throw new AdminError('to must be in_progress, success or fail');
    version.status = body.to;
    if (typeof body.status_description === 'string') version.status_description = body.status_description;
    return statusOf(transaction, version);
  },
});
