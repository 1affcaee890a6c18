// Per-API adapters: what an API needs beyond plain JSON-over-HTTP for Prism to validate and answer it for real.
// An API without an entry here is served by Prism as it is. Each adapter lives in its own file, named after the API.
import type { Lifecycle } from '../lifecycle.ts';
import type { MockAdapter } from './types.ts';
import { dellin } from './dellin.ts';
import { dellinLifecycle } from './dellin.lifecycle.ts';
import { dilovod } from './dilovod.ts';
import { dilovodLifecycle } from './dilovod.lifecycle.ts';
import { fastriver } from './fastriver.ts';
import { fastriverLifecycle } from './fastriver.lifecycle.ts';
import { tbankDelivery } from './tbank-delivery.ts';
import { tbankDeliveryLifecycle } from './tbank-delivery.lifecycle.ts';
import { yandexFleet } from './yandex-fleet.ts';
import { yandexFleetLifecycle } from './yandex-fleet.lifecycle.ts';

export const adapters: Readonly<Record<string, MockAdapter>> = {
  dellin,
  dilovod,
  fastriver,
  'tbank-delivery': tbankDelivery,
  'yandex-fleet': yandexFleet,
};

/** Per-API lifecycles (mocks/adapters/<api>.lifecycle.ts): the operations each mock answers from state. */
export const lifecycles: Readonly<Record<string, Lifecycle<unknown>>> = {
  dellin: dellinLifecycle,
  dilovod: dilovodLifecycle,
  fastriver: fastriverLifecycle,
  'tbank-delivery': tbankDeliveryLifecycle,
  'yandex-fleet': yandexFleetLifecycle,
};
