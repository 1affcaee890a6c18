// TypeScript samples of the Dilovod portal page, one per operation (rendered by scripts/code-samples.ts). The gateway
// is one operation; its sample shows each kind of action the client wraps.
import { createServer } from 'node:http';
import type { operations } from '../../generated/dilovod.ts';
import { createDilovodClient, DilovodApiError } from '../../src/dilovod/index.ts';
import { dilovodWebhookListener } from '../../src/dilovod/webhooks.ts';
import { defineSamples } from './define.ts';

export default defineSamples<keyof operations>()({
  client: (baseUrl) => createDilovodClient({ key: process.env.DILOVOD_KEY ?? 'mock-key', baseUrl }),
  operations: {
    async callGateway(dilovod) {
      // Each method sends one packet; calls run one at a time, in call order (the API forbids concurrent requests).
      try {
        const saved = await dilovod.saveObject({ header: { id: 'catalogs.units', code: 'psi', name: { ru: 'ПНД', uk: 'ПНД' } } });
        console.log('saved as', saved.id);
        const unit = await dilovod.getObject(saved.id);
        console.log(unit.header.id?.pr);
        // Rows are keyed (and typed) by the aliases in `fields`.
        const goods = await dilovod.request({
          from: 'catalogs.goods',
          fields: { id: 'good', code: 'code', 'parent.code': 'parentCode' },
          filters: [{ alias: 'parentCode', operator: '=', value: 101010 }],
        });
        console.log(goods.map((row) => row.code));
        const order = await dilovod.saleOrderCreate({
          header: { firm: 1100400000001001, person: 1100100000001001, remarkFromPerson: 'call me please' },
          goods: [{ good: 1100300000022632, qty: 1 }, { good: 1100300000022876, qty: 2 }],
        });
        console.log('sale order', order);
      } catch (error) {
        // Errors the API reports inside HTTP 200 ({"error": …}) are thrown too.
        if (error instanceof DilovodApiError) console.log('Dilovod said:', error.apiMessage);
        else throw error;
      }
    },

    async receiveObjectChanged() {
      // Dilovod GETs your URL with a `packet` query, from 88.198.50.253 only: 403 for another source, 400 for a bad packet.
      const server = createServer(dilovodWebhookListener((event) => console.log('changed:', event.params.objectName, event.params.id)));
      server.listen(8080);
    },
  },
});
