// Every client, described the same way for the reliability suite: a call that is safe to repeat, one that is not, one
// carrying an idempotency key (where the API has one), what a success looks like on the wire, and its secrets.
import { createDellinClient } from '../../src/dellin/index.ts';
import { createDilovodClient } from '../../src/dilovod/index.ts';
import { createFastriverClient } from '../../src/fastriver/index.ts';
import { createTbankDeliveryClient } from '../../src/tbank-delivery/index.ts';
import { createYandexFleetClient } from '../../src/yandex-fleet/index.ts';
import type { ClientOptions, RequestOptions } from '../../src/core/index.ts';

export interface Calls {
  safe: (options?: RequestOptions) => Promise<unknown>;
  unsafe?: () => Promise<unknown>;
  keyed?: () => Promise<unknown>;
}

export interface Profile {
  name: string;
  /** Recognisable fake secrets the client is given. */
  secrets: string[];
  keyHeader?: string;
  /** The API reports failures inside HTTP 200 too (Dellin's metadata.status, Dilovod's error field). */
  errorsInside200?: true;
  /** A success answer on the wire. */
  ok: { body: string; contentType: string };
  /** A body cut off in the middle, in the client's format. */
  truncated: string;
  make(baseUrl: string, options: ClientOptions): Calls;
}

const JSON_TYPE = 'application/json';
const json = (body: unknown) => ({ body: JSON.stringify(body), contentType: JSON_TYPE });

export const profiles: Profile[] = [
  {
    name: 'yandex-fleet',
    secrets: ['YF-SECRET-KEY-6a5b4c3d2e1f'],
    keyHeader: 'x-idempotency-token',
    ok: json({ categories: [], id: 'x', park_id: 'p', contractor_profile_id: 'c', event_id: 'e', latest_version: 1 }),
    truncated: '{"categories":[{"id":"card","na',
    make: (baseUrl, options) => {
      const fleet = createYandexFleetClient({ apiKey: 'YF-SECRET-KEY-6a5b4c3d2e1f', clientId: 'taxi/park/p1', baseUrl, ...options });
      return {
        safe: (options) => fleet.listTransactionCategories({ query: { park: { id: 'p1' } } }, options),
        keyed: () => fleet.createTransactionV3({ park_id: 'p1', contractor_profile_id: 'c1', amount: '-10', data: { kind: 'bonus' } }),
      };
    },
  },
  {
    name: 'tbank-delivery',
    secrets: ['TB-SECRET-TOKEN-9f8e7d6c5b4a'],
    keyHeader: 'idempotency-key',
    ok: json({ id: 't1', status: 'NEW', template: 'COURIER', meetingId: 'm1' }),
    truncated: '{"id":"t1","stat',
    make: (baseUrl, options) => {
      const tbank = createTbankDeliveryClient({ token: 'TB-SECRET-TOKEN-9f8e7d6c5b4a', baseUrl, ...options });
      return {
        safe: (options) => tbank.getTask('t1', options),
        unsafe: () => tbank.createMeeting({ appointmentId: 'a1', intervalStartTime: '10:00', intervalEndTime: '12:00' }),
        keyed: () => tbank.createTask({ template: 'COURIER' }),
      };
    },
  },
  {
    name: 'fastriver',
    secrets: ['FR-SECRET-TOKEN-1a2b3c4d5e6f'],
    ok: json({ data: { id: 'r1', type: 'delivery_request', attributes: { status: 'created' } } }),
    truncated: '{"data":{"id":"r1","type":"deliv',
    make: (baseUrl, options) => {
      const fastriver = createFastriverClient({ token: 'FR-SECRET-TOKEN-1a2b3c4d5e6f' }, { baseUrl, ...options });
      return {
        safe: (options) => fastriver.deliveryRequests.get('r1', options),
        unsafe: () => fastriver.deliveryRequests.create({ first_name: 'Иван' }),
      };
    },
  },
  ...(['json', 'xml'] as const).map(
    (format): Profile => ({
      name: `dellin (${format})`,
      secrets: ['DL-SECRET-APPKEY-0f1e2d3c4b5a', 'DL-SECRET-SESSION-7788aabbccdd'],
      errorsInside200: true,
      ok:
        format === 'json'
          ? json({ metadata: { status: 200 }, data: { state: 'success', requestID: 1 } })
          : { body: '<response><metadata><status>200</status></metadata><data><state>success</state><requestID>1</requestID></data></response>', contentType: 'application/xml' },
      truncated: format === 'json' ? '{"metadata":{"status":200},"da' : '<response><metadata><status>200</status></metadata><da',
      make: (baseUrl, options) => {
        const dellin = createDellinClient({ appkey: 'DL-SECRET-APPKEY-0f1e2d3c4b5a', sessionID: 'DL-SECRET-SESSION-7788aabbccdd', format, baseUrl, ...options });
        return {
          safe: (options) => dellin.deliveryDates({ docID: '2000085063763' } as never, options),
          unsafe: () => dellin.requestDelivery({ docID: '2000085063763' } as never),
        };
      },
    }),
  ),
  {
    name: 'dilovod',
    secrets: ['DV-SECRET-KEY-5566778899aa'],
    errorsInside200: true,
    ok: json({ header: { id: { id: '1110800000001029' } }, id: '1110800000001029' }),
    truncated: '{"header":{"id":',
    make: (baseUrl, options) => {
      const dilovod = createDilovodClient({ key: 'DV-SECRET-KEY-5566778899aa', baseUrl, ...options });
      return {
        safe: (options) => dilovod.getObject('1110800000001029', options),
        unsafe: () => dilovod.saveObject({ header: { id: 'catalogs.goods' } } as never),
      };
    },
  },
];
