// Every wrapped method of every client, called with arguments it takes, over a fetch of the test's own: the one
// table the withResponse and success-body suites walk (a new method must be added here; a test checks the table is whole).
import type { FetchLike, RequestOptions } from '../../src/core/index.ts';
import { createDellinClient } from '../../src/dellin/index.ts';
import { createDilovodClient } from '../../src/dilovod/index.ts';
import { createFastriverClient } from '../../src/fastriver/index.ts';
import { createTbankDeliveryClient } from '../../src/tbank-delivery/index.ts';
import { createYandexFleetClient } from '../../src/yandex-fleet/index.ts';

export type Method = (options: RequestOptions) => PromiseLike<unknown> & { withResponse(): Promise<{ data: unknown; response: Response; requestId: string | undefined }> };

/** Every wrapped method of each client; `body` is a success answer for a method; `excluded` are the client's other members. */
export function clients(fetch: FetchLike) {
  const yandex = createYandexFleetClient({ apiKey: 'yandex-api-key-secret', clientId: 'taxi/park/1', fetch });
  const tbank = createTbankDeliveryClient({ token: 'tbank-token-secret', fetch });
  const fastriver = createFastriverClient({ token: 'fastriver-token-secret' }, { fetch });
  const dellin = createDellinClient({ appkey: 'dellin-appkey-secret', sessionID: 'dellin-session-secret', fetch });
  const dilovod = createDilovodClient({ key: 'dilovod-key-secret', fetch });
  const table: Record<string, { client: object; body: (method: string) => unknown; methods: Record<string, Method>; excluded: string[] }> = {
    'yandex-fleet': {
      client: yandex,
      body: () => ({}),
      methods: {
        createTransaction: (o) => yandex.createTransaction({} as never, o),
        createTransactionV3: (o) => yandex.createTransactionV3({} as never, o),
        getTransactionStatus: (o) => yandex.getTransactionStatus({} as never, o),
        listTransactionCategories: (o) => yandex.listTransactionCategories({} as never, o),
      },
      excluded: ['raw'],
    },
    'tbank-delivery': {
      client: tbank,
      body: () => ({}),
      methods: {
        createTask: (o) => tbank.createTask({} as never, o),
        getTask: (o) => tbank.getTask('t1', o),
        updateTask: (o) => tbank.updateTask('t1', {} as never, o),
        cancelTask: (o) => tbank.cancelTask('t1', {} as never, o),
        getIntervals: (o) => tbank.getIntervals({} as never, o),
        createMeeting: (o) => tbank.createMeeting({} as never, o),
        uploadDocument: (o) => tbank.uploadDocument({ taskId: 't1', type: 'OTHER' as never, content: new Uint8Array([1, 2]), filename: 'a.pdf' }, o),
        downloadDocument: (o) => tbank.downloadDocument('d1', o),
      },
      excluded: ['raw'],
    },
    fastriver: {
      client: fastriver,
      // One resource, or a list for the methods that answer one (anything else is refused as not the contract).
      body: (method) =>
        /list|Intervals|dictionaries/.test(method) ? { data: [], meta: { total: 0 } } : { data: { id: '1', type: 'delivery_request', attributes: {} } },
      methods: {
        'deliveryRequests.list': (o) => fastriver.deliveryRequests.list({}, o),
        'deliveryRequests.get': (o) => fastriver.deliveryRequests.get('u1', o),
        'deliveryRequests.create': (o) => fastriver.deliveryRequests.create({} as never, o),
        'deliveryRequests.update': (o) => fastriver.deliveryRequests.update('u1', {}, o),
        'deliveryRequests.cancel': (o) => fastriver.deliveryRequests.cancel('u1', {} as never, o),
        'deliveryRequests.confirm': (o) => fastriver.deliveryRequests.confirm('u1', o),
        'deliveryRequests.reject': (o) => fastriver.deliveryRequests.reject('u1', {} as never, o),
        'deliveryRequests.callPlease': (o) => fastriver.deliveryRequests.callPlease('u1', o),
        'deliveryRequests.transferDelivery': (o) => fastriver.deliveryRequests.transferDelivery('u1', {} as never, o),
        'deliveryRequests.completeDelivery': (o) => fastriver.deliveryRequests.completeDelivery('u1', {}, o),
        'deliveryRequests.timeIntervals': (o) => fastriver.deliveryRequests.timeIntervals('u1', {}, o),
        'deliveryRequests.checkTimeIntervals': (o) => fastriver.deliveryRequests.checkTimeIntervals({} as never, o),
        'documents.upload': (o) => fastriver.documents.upload('u1', { file: new Uint8Array([1]) }, o),
        'documents.list': (o) => fastriver.documents.list('u1', o),
        'documents.get': (o) => fastriver.documents.get(1, o),
        'documents.delete': (o) => fastriver.documents.delete(1, o),
        'photos.download': (o) => fastriver.photos.download('u1', 'p1', o),
        'dictionaries.products': (o) => fastriver.dictionaries.products(o),
        'dictionaries.photoTypes': (o) => fastriver.dictionaries.photoTypes(o),
        'dictionaries.cancelReasons': (o) => fastriver.dictionaries.cancelReasons(o),
        'dictionaries.rejectReasons': (o) => fastriver.dictionaries.rejectReasons(o),
        'dictionaries.failureReasons': (o) => fastriver.dictionaries.failureReasons(o),
        'dictionaries.deliveryRequestStatuses': (o) => fastriver.dictionaries.deliveryRequestStatuses(o),
        'dictionaries.deliveryStatuses': (o) => fastriver.dictionaries.deliveryStatuses(o),
        'dictionaries.cities': (o) => fastriver.dictionaries.cities(undefined, o),
      },
      // An async generator of pages (each page is a list() call), and the token lifecycle.
      excluded: ['raw', 'deliveryRequests.listAll', 'auth.login', 'auth.refresh', 'auth.logout'],
    },
    dellin: {
      client: dellin,
      body: () => ({ metadata: { status: 200 }, data: { state: 'success' } }),
      methods: {
        requestDelivery: (o) => dellin.requestDelivery({} as never, o),
        deliveryDates: (o) => dellin.deliveryDates({} as never, o),
        sessionInfo: (o) => dellin.sessionInfo(o),
      },
      excluded: ['raw', 'format', 'login', 'logout'],
    },
    dilovod: {
      client: dilovod,
      body: (method) => ({ saleOrderCreate: { status: 'success', data: {} }, getObject: { header: {} }, saveObject: { id: '1' } })[method] ?? [],
      methods: {
        send: (o) => dilovod.send('getObject', { id: '1' } as never, o),
        getObject: (o) => dilovod.getObject('1', o),
        saveObject: (o) => dilovod.saveObject({ header: { id: 'catalogs.units' } } as never, o),
        setDelMark: (o) => dilovod.setDelMark('1', o),
        request: (o) => dilovod.request({ from: 'catalogs.goods', fields: { id: 'id' } } as never, o),
        balance: (o) => dilovod.balance({ register: 'goods', date: '2015-01-01 00:00:00' } as never, { fields: { good: 'good' } } as never, o),
        turnover: (o) => dilovod.turnover({} as never, { fields: {} } as never, o),
        balanceAndTurnover: (o) => dilovod.balanceAndTurnover({} as never, { fields: {} } as never, o),
        sliceLast: (o) => dilovod.sliceLast({} as never, { fields: {} } as never, o),
        saleOrderCreate: (o) => dilovod.saleOrderCreate({} as never, o),
        getStatistic: (o) => dilovod.getStatistic({} as never, o),
        listMetadata: (o) => dilovod.listMetadata({}, o),
        getMetadata: (o) => dilovod.getMetadata({} as never, o),
      },
      excluded: ['raw'],
    },
  };
  return table;
}
