// Dilovod: the whole database behind one POST gateway. Every call is a form field `packet` holding JSON that names an
// `action`; errors come back inside HTTP 200; requests must not overlap, so each holds the account's lock until the
// server is done with it (core/coordination.ts; a Redis lock for many processes).
import {
  ApiError,
  apiPromise,
  createApiClient,
  createLocalLock,
  DecodeError,
  type AccountLock,
  type ApiErrorDetails,
  type ApiPromise,
  type ClientOptions,
  type Decode,
  type ErrorContext,
  type FetchLike,
  type FetchResult,
  type RequestOptions,
  type WithResponse,
} from '../core/index.ts';
import { readOptions } from '../core/client.ts';
import { describeValue, idText, isPlainObject, textOf } from '../core/objects.ts';
import type { components, paths } from '../../generated/dilovod.ts';

type Schemas = components['schemas'];
export type Packet = Schemas['Packet'];
export type Action = Packet['action'];
type ParamsOf<A extends Action> = Extract<Packet, { action: A }>['params'];

export type GetObjectResult = Schemas['GetObjectResult'];
export type SaveObjectParams = Schemas['SaveObjectParams'];
export type SaveObjectResult = Schemas['SaveObjectResult'];
export type SetDelMarkResult = Schemas['SetDelMarkResult'];
export type RequestParams = Schemas['RequestParams'];
export type RegisterQuery = Schemas['RegisterQuery'];
export type Filter = Schemas['Filter'];
type NewWaybill = Schemas['NovaPoshtaNewWaybill'];
type Seats = Schemas['NovaPoshtaSeat'][];
/**
 * A Nova Poshta waybill to create (seed: "Створення ТТН"): `VolumeGeneral` (m³, ≥ 0.0004) is required unless
 * `OptionsSeat` is given. The seed shows `BackwardDeliveryData` and `OptionsSeat` both as arrays (its table) and as
 * JSON text (its example values); the API takes either, and this client sends arrays.
 */
export type NovaPoshtaNewWaybill = Omit<NewWaybill, 'BackwardDeliveryData' | 'OptionsSeat' | 'VolumeGeneral'> & {
  BackwardDeliveryData?: Schemas['NovaPoshtaBackwardDelivery'][];
} & ({ VolumeGeneral: NonNullable<NewWaybill['VolumeGeneral']>; OptionsSeat?: Seats } | { VolumeGeneral?: NewWaybill['VolumeGeneral']; OptionsSeat: Seats });
export type DeliveryData = Schemas['NovaPoshtaExistingWaybill'] | NovaPoshtaNewWaybill;
type SaleOrderHeader = Schemas['SaleOrderHeader'];
/**
 * `saleOrderCreate` arguments. With `deliveryData` (a waybill), `header.deliveryMethod` is required (seed: "для
 * створення ТТН метод доставки обов'язково повинен бути вказаний"); the types refuse one without the other.
 */
export type SaleOrderCreateArguments = Omit<Schemas['SaleOrderCreateArguments'], 'header' | 'deliveryData'> &
  ({ header: SaleOrderHeader; deliveryData?: undefined } | { header: SaleOrderHeader & { deliveryMethod: ObjectRef }; deliveryData: DeliveryData });
export type SaleOrderCreated = Schemas['CallSuccess']['data'];
export type GetStatisticParams = Schemas['GetStatisticParams'];
export type StatisticRow = Schemas['StatisticRow'];
export type MetadataList = Schemas['MetadataList'];
export type MetadataDescription = Schemas['MetadataDescription'];
export type ObjectRef = Schemas['ObjectRef'];

/** A result row, keyed by the aliases the request's `fields` map gives. */
export type Row<Fields extends Record<string, string>> = { [Alias in Fields[keyof Fields]]: unknown };

/** A request without `from` and `fields`, which the register helpers fill in. */
type RegisterRequestParams<Fields> = Omit<RequestParams, 'from' | 'fields'> & { fields: Fields };

export const DILOVOD_BASE_URL = 'https://api.dilovod.ua';
/** The older host, still answering. */
export const DELOVOD_BASE_URL = 'https://api.delovod.ua';

/** An error Dilovod reports inside an HTTP 200 (`{error}`, or `status: "error"` for `call`). */
export class DilovodApiError extends ApiError {
  static override readonly errorName: string = 'DilovodApiError';
  constructor(context: ErrorContext, details: ApiErrorDetails) {
    super(context, details);
  }
}

export interface DilovodClientOptions extends ClientOptions {
  /** The API node's key. It travels inside the packet and never appears in errors or logs. */
  key: string;
  /** An integrator's id, sent in every packet when given. */
  clientID?: string;
  /** The packet `version`. Default `0.25` (from 0.2 on, saveObject answers the object's id). */
  version?: string;
  /**
   * One request in flight per account (seeds/dilovod: no parallel requests). Default: a lock of this client alone,
   * taken in call order. Share one between clients of the same account, or pass `createRedisLock` from
   * `delivery-api-clients/redis/node` to share it between processes.
   */
  lock?: AccountLock;
  /**
   * A request whose caller gave up (its timeout, its abort signal) keeps the lock while the server may still be working
   * on it: until it is answered or its connection closes, at most this long (ms) after giving up; then it is closed and
   * the lock freed. Default 60 000.
   */
  holdAbandonedMs?: number;
}

const READS: ReadonlySet<Action> = new Set(['getObject', 'request', 'getStatistic', 'listMetadata', 'getMetadata']);

export function createDilovodClient(options: DilovodClientOptions) {
  options = readOptions('dilovod', 'createClient', options);
  const { key, clientID, version = '0.25' } = options;
  const api = createApiClient<paths>(
    {
      name: 'dilovod',
      defaultBaseUrl: DILOVOD_BASE_URL,
      secrets: [key],
      // A bare JSON string other than "ok" is the error text (seed 003: saveObject answers "the object's id on success,
      // otherwise the error text"; setDelMark answers "ok").
      // An `error` member holding anything (text, as the gateway sends, or any other value) is a failure; `null` is not.
      failedInside: (body) => (typeof body === 'string' && body !== 'ok') || (isPlainObject(body) && ((body.error !== undefined && body.error !== null) || body.status === 'error')),
      describeError: (body) => {
        if (typeof body === 'string') return { message: body };
        if (!isPlainObject(body)) return {};
        if (body.error !== undefined && body.error !== null) return { message: textOf(body.error) };
        if (body.status === 'error') return { code: 'call_error', message: textOf(body.errorMessage) };
        return {};
      },
      errorClass: DilovodApiError,
      lock: options.lock ?? createLocalLock(),
      holdAbandonedMs: options.holdAbandonedMs,
    },
    options,
  );

  /** Sends one packet, once the account's lock is free. */
  function send<A extends Action, R>(action: A, params: ParamsOf<A>, requestOptions?: RequestOptions): ApiPromise<R>;
  function send<A extends Action, R, U>(action: A, params: ParamsOf<A>, requestOptions: RequestOptions | undefined, decode: Decode<R, U>): ApiPromise<U>;
  function send<A extends Action, R, U>(action: A, params: ParamsOf<A>, requestOptions?: RequestOptions, decode?: Decode<R, U>): ApiPromise<R | U> {
    const packet = { version, key, ...(clientID ? { clientID } : {}), action, params };
    const post = (fetch: FetchLike) =>
      api.raw.POST('/', {
        body: { packet: JSON.stringify(packet) },
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        bodySerializer: (body) => new URLSearchParams(body).toString(),
        fetch,
      }) as Promise<FetchResult<R>>;
    return api.call({ name: action, readOnly: READS.has(action) }, requestOptions, post, decode);
  }

  /** Runs a `request`; with `assembleLinks: false` the `{columns, data}` answer comes back as rows keyed by column. */
  function request<const Fields extends Record<string, string>>(params: Omit<RequestParams, 'fields'> & { fields: Fields }, requestOptions?: RequestOptions): ApiPromise<Array<Row<Fields>>> {
    return send('request', params, requestOptions, (result: unknown, _, context) => rowsOf(result, context) as Array<Row<Fields>>);
  }

  const register =
    <T extends RegisterQuery['type']>(type: T) =>
    <const Fields extends Record<string, string>>(query: Omit<Extract<RegisterQuery, { type: T }>, 'type'>, params: RegisterRequestParams<Fields>, requestOptions?: RequestOptions) =>
      request<Fields>({ ...params, from: { ...query, type } as RegisterQuery }, requestOptions);

  return {
    /** The typed openapi-fetch client (it takes the lock too): for anything the methods below do not cover. */
    raw: api.raw,
    /** Any packet, as it is: the action and its params. */
    send,
    /** One object: its header and table parts. An answer without a `header` object is a DecodeError. */
    getObject: (id: ObjectRef, requestOptions?: RequestOptions) => send('getObject', { id }, requestOptions, expectMember<GetObjectResult>('header', isPlainObject, 'an object')),
    /** Creates (header.id is a type name) or overwrites (header.id is an object id) an object. Not retried. An answer without the saved object's `id` is a DecodeError. */
    saveObject: (params: SaveObjectParams, requestOptions?: RequestOptions) =>
      send('saveObject', params, requestOptions, expectMember<SaveObjectResult>('id', (id) => idText(id) !== undefined, 'an object id')),
    /** Sets the deletion mark on an object. Not retried. */
    setDelMark: (id: ObjectRef, requestOptions?: RequestOptions) => send<'setDelMark', SetDelMarkResult>('setDelMark', { header: { id } } as ParamsOf<'setDelMark'>, requestOptions),
    request,
    /** Register balances at a date. */
    balance: register('balance'),
    /** Register turnovers between two dates. */
    turnover: register('turnover'),
    /** Opening balance, turnovers and closing balance between two dates. */
    balanceAndTurnover: register('balanceAndTurnover'),
    /** The latest record of an information register at a date. */
    sliceLast: register('sliceLast'),
    /** Creates a sale order with its goods and, optionally, Nova Poshta delivery data. Not retried. */
    saleOrderCreate(args: SaleOrderCreateArguments, requestOptions?: RequestOptions): ApiPromise<SaleOrderCreated> {
      return send('call', { method: 'saleOrderCreate', arguments: args }, requestOptions, (result: Schemas['CallSuccess'], _, context) => {
        if (!isPlainObject(result?.data)) throw new DecodeError(context, 'data', `expected the created order (an object), got ${describeValue(result?.data)}`);
        return result.data;
      });
    },
    /** Partner-integration statistics. */
    getStatistic: (params: GetStatisticParams, requestOptions?: RequestOptions) => send<'getStatistic', StatisticRow[]>('getStatistic', params, requestOptions),
    /** The node's object types (from the public SDK; not on the official page). */
    listMetadata: (params: ParamsOf<'listMetadata'> = {}, requestOptions?: RequestOptions) => send<'listMetadata', MetadataList>('listMetadata', params, requestOptions),
    /** One object type's description (from the public SDK; not on the official page). */
    getMetadata: (params: ParamsOf<'getMetadata'>, requestOptions?: RequestOptions) => send<'getMetadata', MetadataDescription>('getMetadata', params, requestOptions),
  };
}

export type DilovodClient = ReturnType<typeof createDilovodClient>;

/** A result that must carry `name` as the spec requires it (a missing id would be a silent success without one). */
function expectMember<R>(name: string, valid: (value: unknown) => boolean, expected: string): Decode<unknown, R> {
  return (result, _, context) => {
    const value = isPlainObject(result) ? result[name] : undefined;
    if (!valid(value)) throw new DecodeError(context, name, `expected ${expected}, got ${describeValue(value)}`);
    return result as R;
  };
}

const REQUEST_CONTEXT: ErrorContext = { api: 'dilovod', operation: 'request', attempts: 1 };

/**
 * Rows as records: an array of row objects as it is (`RequestRows`); `{columns, data}` (`RequestTable`, from
 * `assembleLinks: false`) turned into one record per data row. Anything else — a row that is not an object, a data
 * row that is not an array or not as long as `columns`, a column named twice, any other shape — is a DecodeError
 * naming where, never an empty result or a record with a value lost.
 */
export function rowsOf(result: unknown, context: ErrorContext = REQUEST_CONTEXT): Array<Record<string, unknown>> {
  if (Array.isArray(result)) {
    const bad = result.findIndex((row) => !isPlainObject(row));
    if (bad >= 0) throw new DecodeError(context, `${bad}`, 'a row is not an object');
    return result as Array<Record<string, unknown>>;
  }
  if (isPlainObject(result) && Array.isArray(result.columns) && Array.isArray(result.data)) {
    if (!result.columns.every((column) => typeof column === 'string')) throw new DecodeError(context, 'columns', 'not an array of names');
    const columns = result.columns as string[];
    const names = new Set<string>();
    const twice = columns.find((column) => names.size === names.add(column).size);
    if (twice !== undefined) throw new DecodeError(context, 'columns', `the column ${describeValue(twice)} is named twice (one would be lost)`);
    return result.data.map((row, index) => {
      if (!Array.isArray(row)) throw new DecodeError(context, `data.${index}`, 'a data row is not an array');
      if (row.length !== columns.length) throw new DecodeError(context, `data.${index}`, `a row of ${row.length} values for ${columns.length} columns`);
      return Object.fromEntries(columns.map((column, i) => [column, row[i]]));
    });
  }
  throw new DecodeError(context, '', 'not a request result: expected an array of rows, or {columns, data}');
}
