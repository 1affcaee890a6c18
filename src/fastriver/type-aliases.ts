// Fastriver names the type of a relationship after the relationship itself where the resource is included under its
// own type: in the seed's `GET delivery_requests/:uuid` example, `active_delivery` points at
// `{"type": "active_delivery"}` while the delivery is in `included` as `{"type": "delivery"}` (the callback example
// uses `delivery` in both places). The spec models the identifier as sent; flatten resolves it through this map.

/** Relationship type → the type its resource is included under. */
export const FASTRIVER_TYPE_ALIASES: Readonly<Record<string, string>> = Object.freeze({ active_delivery: 'delivery' });
