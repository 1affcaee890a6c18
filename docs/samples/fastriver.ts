// TypeScript samples of the Fastriver portal page, one per operation (rendered by scripts/code-samples.ts). Results are
// flat objects: attributes beside `id` and `type`, relationships resolved from `included`.
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { operations } from '../../generated/fastriver.ts';
import { ApiError, createFastriverClient } from '../../src/fastriver/index.ts';
import { fastriverCallbackListener } from '../../src/fastriver/callbacks.ts';
import { defineSamples, type MockStep } from './define.ts';

/** On the local mock: the token a bare request sends (the client here logs in by itself) and the examples' request. */
const UUID = '0f6e0d39-1475-43c1-bd3f-681c6c9d1cf4';
const token: MockStep = { seed: { kind: 'token', resource: { token: 'mock-token' } } };
const request: MockStep[] = [
  token,
  // Complete, so it is `validated` at once, as create would leave it.
  { seed: { kind: 'delivery_request', resource: { uuid: UUID, mobile_phone: '+79261234567', first_name: 'Зилибоба', last_name: 'Синий', delivery_city: 'moscow', product: 'credit_card_visa' } } },
];
const executed: MockStep[] = [...request, { move: { kind: 'delivery_request', id: UUID, to: 'executed' } }];

export default defineSamples<keyof operations>()({
  // Logs in on first use, refreshes the token before it expires, logs in again once on a 401.
  client: (baseUrl) => createFastriverClient({ login: 'bot@company.com', password: process.env.FASTRIVER_PASSWORD ?? 'mock-password' }, { baseUrl }),
  operations: {
    async login(fastriver) {
      // Optional: the first call logs in by itself.
      const { expires_at } = await fastriver.auth.login();
      console.log('token valid until', new Date(expires_at * 1000));
    },

    async refreshToken(fastriver) {
      // Optional: the client refreshes the token before it expires.
      const { expires_at } = await fastriver.auth.refresh();
      console.log('token valid until', new Date(expires_at * 1000));
    },

    async logout(fastriver) {
      await fastriver.auth.logout();
    },

    async listDeliveryRequests(fastriver) {
      const { items, total } = await fastriver.deliveryRequests.list({ status: 'validated' }, { page: 2 });
      console.log(`${items.length} of ${total}`);
      // Or every page in turn:
      for await (const request of fastriver.deliveryRequests.listAll({ status: 'validated' })) console.log(request.id, request.status);
    },

    async createDeliveryRequest(fastriver) {
      try {
        const request = await fastriver.deliveryRequests.create({
          mobile_phone: '+79261234567',
          first_name: 'Зилибоба',
          last_name: 'Синий',
          email: 'ziliboba@sezam.sin',
          delivery_city: 'moscow',
          address: 'ул Сезам, д 75А стр 13, кв 43',
          product: 'credit_card_visa',
          external_id: 'PS112234',
          callback_url: 'https://partner.example/fastriver/callbacks',
        });
        console.log(request.id, request.status);
      } catch (error) {
        // 422 with Fastriver's validation_errors ({field: [messages]}) in error.body.
        if (error instanceof ApiError) console.log('refused:', error.status, error.apiMessage);
        else throw error;
      }
    },

    async getDeliveryRequest(fastriver) {
      const request = await fastriver.deliveryRequests.get('0f6e0d39-1475-43c1-bd3f-681c6c9d1cf4');
      const delivery = request.active_delivery;
      console.log(request.status, delivery && 'status' in delivery ? delivery.status : 'no delivery yet');
    },

    async updateDeliveryRequest(fastriver) {
      // Only the attributes given change (PATCH).
      const request = await fastriver.deliveryRequests.update('0f6e0d39-1475-43c1-bd3f-681c6c9d1cf4', { mobile_phone: '+79261234567' });
      console.log(request.status);
    },

    async cancelDeliveryRequest(fastriver) {
      const request = await fastriver.deliveryRequests.cancel('0f6e0d39-1475-43c1-bd3f-681c6c9d1cf4', {
        cancel_reason_code: 'client_refused',
        cancel_reason_comment: 'Клиент передумал',
      });
      console.log(request.status);
    },

    async getTimeIntervals(fastriver) {
      // Without a request: can a delivery be made there, and when? v1 (default) lists free slots, v2 every slot.
      const dates = await fastriver.deliveryRequests.checkTimeIntervals(
        { date: '2021-02-01', check_days: 4, address: 'г. Пушкин, ул Пушкина, д 5', product: 'credit_card_visa' },
        { version: 2 },
      );
      for (const day of dates) console.log(day.id, day.time_intervals?.length);
    },

    async getDeliveryRequestTimeIntervals(fastriver) {
      const intervals = await fastriver.deliveryRequests.timeIntervals('0f6e0d39-1475-43c1-bd3f-681c6c9d1cf4', { date: '2021-02-01' }, { version: 2 });
      const free = intervals.find((interval) => interval.available);
      if (free) await fastriver.deliveryRequests.update('0f6e0d39-1475-43c1-bd3f-681c6c9d1cf4', { date: '01.02.2021', time_interval_id: Number(free.id) });
    },

    async confirmDeliveryRequest(fastriver) {
      const request = await fastriver.deliveryRequests.confirm('0f6e0d39-1475-43c1-bd3f-681c6c9d1cf4');
      console.log(request.status);
    },

    async rejectDeliveryRequest(fastriver) {
      const request = await fastriver.deliveryRequests.reject('0f6e0d39-1475-43c1-bd3f-681c6c9d1cf4', {
        reject_reason_code: 'bad_printed_documents',
        reject_reason_comment: 'На странице 12 основной Оферты неразборчиво написана фамилия клиента',
      });
      console.log(request.status);
    },

    async callPlease(fastriver) {
      await fastriver.deliveryRequests.callPlease('0f6e0d39-1475-43c1-bd3f-681c6c9d1cf4');
    },

    async transferDelivery(fastriver) {
      // API v2, for partners whose own representatives meet the clients.
      const request = await fastriver.deliveryRequests.transferDelivery('0f6e0d39-1475-43c1-bd3f-681c6c9d1cf4', {
        reason: 'transfer_before_meeting',
        comment: 'Уехал в отпуск до сентября',
        next_date: '2022-09-01',
        address: 'Бульвар Капуцинов, д 10',
      });
      console.log(request.status);
    },

    async completeDelivery(fastriver) {
      const request = await fastriver.deliveryRequests.completeDelivery('0f6e0d39-1475-43c1-bd3f-681c6c9d1cf4', { lat: 33.333, lon: 55.555 });
      console.log(request.status);
    },

    async uploadDeliveryRequestDocument(fastriver) {
      const document = await fastriver.documents.upload('0f6e0d39-1475-43c1-bd3f-681c6c9d1cf4', {
        file: readFileSync('mocks/fixtures/act.pdf'),
        filename: 'contract.pdf',
        external_id: 'PS112233',
      });
      console.log(document.id);
    },

    async getDeliveryPhoto(fastriver) {
      const photo = await fastriver.photos.download('0f6e0d39-1475-43c1-bd3f-681c6c9d1cf4', '653aef44-28d4-4c5f-ad99-7e5f4de2d616', { versionKind: 'thumb' });
      writeFileSync(join(tmpdir(), 'photo.jpg'), photo.bytes);
      console.log(photo.contentType, photo.bytes.length);
    },

    async listPackageDocuments(fastriver) {
      const { items } = await fastriver.documents.list('0f6e0d39-1475-43c1-bd3f-681c6c9d1cf4');
      for (const document of items) console.log(document.id, document.url);
    },

    async getPackageDocument(fastriver) {
      const document = await fastriver.documents.get(191);
      console.log(document.url);
    },

    async deletePackageDocument(fastriver) {
      await fastriver.documents.delete(191);
    },

    async listCities(fastriver) {
      // With coordinates: the city that serves that point.
      const cities = await fastriver.dictionaries.cities({ lat: 60.013964, lon: 30.009201 });
      console.log(cities.map((city) => `${city.id}: ${city.name}`));
    },

    async listProducts(fastriver) {
      const products = await fastriver.dictionaries.products();
      console.log(products.map((product) => `${product.id}: ${product.name}`));
    },

    async listPhotoTypes(fastriver) {
      const types = await fastriver.dictionaries.photoTypes();
      console.log(types.map((type) => `${type.id}: ${type.name}`));
    },

    async listCancelReasons(fastriver) {
      const reasons = await fastriver.dictionaries.cancelReasons();
      console.log(reasons.map((reason) => `${reason.id}: ${reason.name}`));
    },

    async listRejectReasons(fastriver) {
      const reasons = await fastriver.dictionaries.rejectReasons();
      console.log(reasons.map((reason) => `${reason.id}: ${reason.name}`));
    },

    async listFailureReasons(fastriver) {
      const reasons = await fastriver.dictionaries.failureReasons();
      console.log(reasons.map((reason) => `${reason.id}: ${reason.name}`));
    },

    async listDeliveryRequestStatuses(fastriver) {
      const statuses = await fastriver.dictionaries.deliveryRequestStatuses();
      console.log(statuses.map((status) => `${status.id}: ${status.name}`));
    },

    async listDeliveryStatuses(fastriver) {
      const statuses = await fastriver.dictionaries.deliveryStatuses();
      console.log(statuses.map((status) => `${status.id}: ${status.name}`));
    },

    async receiveDeliveryRequestEvent() {
      // Your callback_url: 200 once the listener has the event, 400 naming what is wrong with anything else (Fastriver
      // repeats a callback that does not get 200). A later event may be one this client does not know (known: false).
      createServer(fastriverCallbackListener((event) => console.log(event.event, event.delivery_request_status, event.delivery_status))).listen(8080);
    },

    async receiveDeliveryRequestEventWithRequest() {
      // The same listener: in this form the request and its deliveries come along, resolved from `included`.
      createServer(
        fastriverCallbackListener((event) => {
          const request = event.delivery_request;
          console.log(event.event, request && 'status' in request ? request.status : undefined);
        }),
      ).listen(8080);
    },
  },
  needs: {
    refreshToken: [token],
    logout: [token],
    listDeliveryRequests: [token],
    createDeliveryRequest: [token],
    getDeliveryRequest: request,
    updateDeliveryRequest: request,
    cancelDeliveryRequest: request,
    confirmDeliveryRequest: executed,
    rejectDeliveryRequest: executed,
    callPlease: request,
    transferDelivery: request,
    completeDelivery: request,
  },
});
