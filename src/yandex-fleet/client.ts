// Yandex Fleet: transactions on a driver's (courier's) balance. Thin methods over the generated types; policy is in core.
import { createApiClient, type ApiPromise, type ClientOptions, type RequestOptions } from '../core/index.ts';
import { readOptions } from '../core/client.ts';
import { isPlainObject, scalarText, textOf } from '../core/objects.ts';
import type { components, operations, paths } from '../../generated/yandex-fleet.ts';

type Schemas = components['schemas'];
type JsonBody<Op extends keyof operations> = operations[Op] extends { requestBody: { content: { 'application/json': infer B } } } ? B : never;

export type CreateTransactionRequest = JsonBody<'createTransaction'>;
export type Transaction = Schemas['Transaction'];
export type TransactionCreatedBy = Schemas['TransactionCreatedBy'];
export type CreateTransactionV3Request = JsonBody<'createTransactionV3'>;
export type TransactionData = Schemas['TransactionData'];
export type TransactionStatus = Schemas['TransactionStatus'];
export type TransactionStatusQuery = operations['getTransactionStatus']['parameters']['query'];
export type TransactionCategoriesRequest = JsonBody<'listTransactionCategories'>;
export type TransactionCategoriesResponse = Schemas['TransactionCategoriesListResponse'];
export type TransactionCategory = Schemas['TransactionCategory'];
/** The body of every Yandex Fleet error: `{code?, message}`. */
export type YandexFleetErrorBody = Schemas['Error'];

export const YANDEX_FLEET_BASE_URL = 'https://fleet-api.taxi.yandex.net';

export interface YandexFleetClientOptions extends ClientOptions {
  /** X-API-Key, issued in the Fleet cabinet. Never appears in errors or logs. */
  apiKey: string;
  /** X-Client-ID, of the form `taxi/park/<park_id>`. */
  clientId: string;
  /**
   * Accept-Language for every call: localizes category names (`ru`, `en`, …). Default `en`: always sent, because
   * Node's fetch would otherwise send `*`, which the API's two-letter minimum refuses.
   */
  language?: string;
}

export function createYandexFleetClient(options: YandexFleetClientOptions) {
  options = readOptions('yandex-fleet', 'createClient', options);
  const { apiKey, clientId, language = 'en' } = options;
  const api = createApiClient<paths>(
    {
      name: 'yandex-fleet',
      defaultBaseUrl: YANDEX_FLEET_BASE_URL,
      secrets: [apiKey],
      idempotencyHeader: 'X-Idempotency-Token',
      headers: { 'Accept-Language': language, 'X-API-Key': apiKey, 'X-Client-ID': clientId },
      describeError: (body) => (isPlainObject(body) ? { code: scalarText(body.code), message: textOf(body.message) } : {}),
    },
    options,
  );

  return {
    /** The typed openapi-fetch client, for anything the methods below do not cover. */
    raw: api.raw,

    /**
     * Creates a transaction on a driver's balance (v2). An X-Idempotency-Token is generated once and reused on every
     * retry; pass `idempotencyKey` (16–64 printable ASCII) to set your own.
     * @deprecated Yandex no longer supports v2: use {@link createTransactionV3}.
     */
    createTransaction(body: CreateTransactionRequest, options?: RequestOptions): ApiPromise<Transaction> {
      const token = api.idempotencyKey(options);
      return api.call({ name: 'createTransaction' }, options, (fetch) =>
        api.raw.POST('/v2/parks/driver-profiles/transactions', { body, params: { header: { 'X-Idempotency-Token': token } }, fetch }),
      );
    },

    /**
     * Creates a transaction on a contractor's balance, or updates it with a higher `version` (v3). A negative amount
     * debits. The idempotency token works as for {@link createTransaction}.
     */
    createTransactionV3(body: CreateTransactionV3Request, options?: RequestOptions): ApiPromise<TransactionStatus> {
      const token = api.idempotencyKey(options);
      return api.call({ name: 'createTransactionV3' }, options, (fetch) =>
        api.raw.POST('/v3/parks/driver-profiles/transactions', { body, params: { header: { 'X-Idempotency-Token': token } }, fetch }),
      );
    },

    /** The processing status of a v3 transaction version. */
    getTransactionStatus(query: TransactionStatusQuery, options?: RequestOptions): ApiPromise<TransactionStatus> {
      return api.call({ name: 'getTransactionStatus' }, options, (fetch) =>
        api.raw.GET('/v3/parks/driver-profiles/transactions/status', { params: { query }, fetch }),
      );
    },

    /** The park's transaction categories, optionally filtered by their flags. A read, so it is retried like a GET. */
    listTransactionCategories(body: TransactionCategoriesRequest, options?: RequestOptions): ApiPromise<TransactionCategoriesResponse> {
      return api.call({ name: 'listTransactionCategories', readOnly: true }, options, (fetch) =>
        api.raw.POST('/v2/parks/transactions/categories/list', { body, fetch }),
      );
    },
  };
}

export type YandexFleetClient = ReturnType<typeof createYandexFleetClient>;
