/**
 * Counts Cypher round trips per request scope, so tests and the bench can prove
 * "one round trip per GraphQL operation".
 */
import { AsyncLocalStorage } from 'node:async_hooks';

interface Scope { count: number }

const storage = new AsyncLocalStorage<Scope>();

/** Runs `fn` in a fresh counting scope; every Database call inside it adds one. */
export function withQueryCounter<T>(fn: () => T): T {
  return storage.run({ count: 0 }, fn);
}

/** Round trips made so far in the current scope (0 outside a scope). */
export function currentQueryCount(): number {
  return storage.getStore()?.count ?? 0;
}

/** Adds one round trip to the current scope, if any. */
export function countQuery(): void {
  const scope = storage.getStore();
  if (scope) scope.count += 1;
}
