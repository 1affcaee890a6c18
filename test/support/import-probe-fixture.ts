// What test/core/import-side-effects.test.ts must catch: a subclass of a fetch class made at import.
export class EagerResponse extends Response {}
