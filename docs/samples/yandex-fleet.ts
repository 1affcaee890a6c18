// TypeScript samples of the Yandex Fleet portal page, one per operation (rendered by scripts/code-samples.ts).
import type { operations } from '../../generated/yandex-fleet.ts';
import { ApiError, createYandexFleetClient } from '../../src/yandex-fleet/index.ts';
import { defineSamples } from './define.ts';

export default defineSamples<keyof operations>()({
  client: (baseUrl) =>
    createYandexFleetClient({
      apiKey: process.env.YANDEX_FLEET_API_KEY ?? 'mock-key',
      clientId: 'taxi/park/ee6f33c4562b4e1f8646d157bd70b2c4',
      language: 'ru',
      baseUrl,
    }),
  operations: {
    async createTransaction(fleet) {
      // Deprecated (v2): prefer createTransactionV3. The X-Idempotency-Token is generated once and re-sent on every retry.
      const transaction = await fleet.createTransaction({
        park_id: 'ee6f33c4562b4e1f8646d157bd70b2c4',
        driver_profile_id: '33de650c6a1a40bfa78dd981817da866',
        category_id: 'partner_service_manual_3',
        amount: '12345.1434',
        description: 'Списание №13',
      });
      console.log(transaction.amount, transaction.created_by?.identity);
    },

    async createTransactionV3(fleet) {
      try {
        const created = await fleet.createTransactionV3({
          park_id: 'ee6f33c4562b4e1f8646d157bd70b2c4',
          contractor_profile_id: '33de650c6a1a40bfa78dd981817da866',
          amount: '-500', // negative debits the balance
          description: 'Списание №13',
          version: 1,
          data: { kind: 'other', reason: 'Утеря брендированного термокороба' },
        });
        console.log(created.id, created.version_info?.status);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        console.log(`refused: HTTP ${error.status} ${error.code}: ${error.apiMessage}`);
      }
    },

    async getTransactionStatus(fleet) {
      const status = await fleet.getTransactionStatus({
        park_id: 'ee6f33c4562b4e1f8646d157bd70b2c4',
        contractor_profile_id: '33de650c6a1a40bfa78dd981817da866',
        id: 'a3f1c2d4e5b64789a0b1c2d3e4f5a6b7',
        version: 1,
      });
      console.log(status.version_info?.status);
    },

    async listTransactionCategories(fleet) {
      const { categories } = await fleet.listTransactionCategories({
        query: { park: { id: 'ee6f33c4562b4e1f8646d157bd70b2c4' }, category: { is_enabled: true, is_creatable: true } },
      });
      for (const category of categories) console.log(category.id, category.name);
    },
  },
  needs: {
    // The transaction createTransactionV3 would have made, under the example's id.
    getTransactionStatus: [
      { seed: { kind: 'transaction', resource: { id: 'a3f1c2d4e5b64789a0b1c2d3e4f5a6b7', park_id: 'ee6f33c4562b4e1f8646d157bd70b2c4', contractor_profile_id: '33de650c6a1a40bfa78dd981817da866', amount: '-500' } } },
    ],
  },
});
