// Moved to the project root (apis.ts, imported as '#apis'); this re-export keeps branches written before the move working.
export * from '#apis';
