// TypeScript samples of the Dellin portal page, one per operation (rendered by scripts/code-samples.ts). Each `.xml`
// operation is the same method on a client made with `format: 'xml'`: the results are the same typed objects.
import type { operations } from '../../generated/dellin.ts';
import { createDellinClient, DellinApiError } from '../../src/dellin/index.ts';
import { defineSamples, type MockStep } from './define.ts';

/** The client of the `.xml` samples (written out in each): the same methods and typed results, XML on the wire. */
const xmlClient = (baseUrl: string) =>
  createDellinClient({
    appkey: process.env.DELLIN_APPKEY ?? 'mock-appkey',
    login: 'user@example.ru',
    password: process.env.DELLIN_PASSWORD ?? 'mock-password',
    format: 'xml', // the same methods and results, XML on the wire
    baseUrl,
  });

/** The examples' sessionID, opened on the local mock (the clients here log in by themselves; a bare request names it). */
const session: MockStep[] = [{ seed: { kind: 'session', resource: { id: '00000000-0000-0000-0000-000000000000' } } }];

export default defineSamples<keyof operations>()({
  // With login and password the client logs in on first use (and once more if Dellin refuses the session).
  client: (baseUrl) =>
    createDellinClient({
      appkey: process.env.DELLIN_APPKEY ?? 'mock-appkey',
      login: 'user@example.ru',
      password: process.env.DELLIN_PASSWORD ?? 'mock-password',
      baseUrl,
    }),
  operations: {
    async requestDelivery(dellin) {
      try {
        const result = await dellin.requestDelivery({
          docID: '2000000000000',
          delivery: {
            arrival: {
              address: { search: 'Омск, Ленина, 5' },
              produceDate: '2020-11-30',
              time: { worktimeStart: '09:00', worktimeEnd: '18:00' },
              payer: 'receiver',
            },
          },
          members: { receiver: { contactPersons: [{ name: 'Иван Иванович' }], phoneNumbers: [{ number: '+79213332211' }] } },
          payment: { type: 'noncash', email: 'buh@example.ru' },
        });
        console.log(result.data.requestID, result.data.state);
      } catch (error) {
        // HTTP 4xx/5xx, or a 200 whose metadata.status is not 200: every error item, never a credential.
        if (!(error instanceof DellinApiError)) throw error;
        console.log('refused:', error.errors.map((item) => `${item.code} ${item.fields?.join(',')}`));
      }
    },

    async requestDeliveryXml(_, baseUrl) {
      const dellin = xmlClient(baseUrl);
      const result = await dellin.requestDelivery({
        docID: '2000000000000',
        delivery: { arrival: { address: { search: 'Омск, Ленина, 5' }, produceDate: '2020-11-30', time: { worktimeStart: '09:00', worktimeEnd: '18:00' }, payer: 'receiver' } },
        members: { receiver: { contactPersons: [{ name: 'Иван Иванович' }], phoneNumbers: [{ number: '+79213332211' }] } },
        payment: { type: 'noncash', email: 'buh@example.ru' },
      });
      console.log(result.data.requestID, result.data.state);
    },

    async deliveryDates(dellin) {
      const { data } = await dellin.deliveryDates({
        docID: '2000085063763',
        delivery: { arrival: { address: { search: 'Омск, Ленина, 5' }, handling: { freightLift: true, toFloor: 3, carry: 10 } } },
      });
      console.log(data.dates);
    },

    async deliveryDatesXml(_, baseUrl) {
      const dellin = xmlClient(baseUrl);
      const { data } = await dellin.deliveryDates({ docID: '2000085063763', delivery: { arrival: { address: { search: 'Омск, Ленина, 5' } } } });
      console.log(data.dates);
    },

    async login(dellin) {
      // Optional: the first call logs in by itself. The session id never appears in errors or logs.
      await dellin.login();
    },

    async loginXml(_, baseUrl) {
      const dellin = xmlClient(baseUrl);
      await dellin.login();
    },

    async logout(dellin) {
      await dellin.sessionInfo(); // any call opens the session
      await dellin.logout(); // a later call logs in again
    },

    async logoutXml(_, baseUrl) {
      const dellin = xmlClient(baseUrl);
      await dellin.login();
      await dellin.logout();
    },

    async sessionInfo(dellin) {
      const { data } = await dellin.sessionInfo();
      console.log(data.session);
    },

    async sessionInfoXml(_, baseUrl) {
      const dellin = xmlClient(baseUrl);
      const { data } = await dellin.sessionInfo();
      console.log(data.session);
    },
  },
  needs: {
    requestDelivery: session,
    requestDeliveryXml: session,
    deliveryDates: session,
    deliveryDatesXml: session,
    logout: session,
    logoutXml: session,
    sessionInfo: session,
    sessionInfoXml: session,
  },
});
