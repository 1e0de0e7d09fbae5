/**
 * The one cost model: every field costs 1, times the page sizes (`first`, `limit`) of the lists
 * around it, read from the walked selection (so variables and defaults count). An operation over
 * COST_LIMIT is refused with LIMIT_EXCEEDED before any resolver, and so any Cypher, runs.
 */
import { GraphQLError } from 'graphql';
import type { Selected } from './selection.ts';

/** The largest cost an operation may have; the explorer's heaviest query stays well below it. */
export const COST_LIMIT = 250_000;

/** Arguments that size a list. */
const SIZE_ARGS = ['first', 'limit'] as const;

function sizeOf(field: Selected): number {
  let size = 1;
  for (const name of SIZE_ARGS) {
    const value = field.args[name];
    if (typeof value === 'number') size = Math.max(1, value);
  }
  return size;
}

/** The estimated cost of a selection: fields times page sizes. */
export function selectionCost(fields: readonly Selected[]): number {
  let total = 0;
  for (const f of fields) total += sizeOf(f) * (1 + selectionCost(f.fields));
  return total;
}

/** The refusal of an operation over the limit. */
export function costLimitError(cost: number, limit: number): GraphQLError {
  return new GraphQLError(
    `Cost limit exceeded: estimated cost ${cost} is over ${limit} (fields times page sizes; ask for smaller pages or fewer nested lists)`,
    { extensions: { code: 'LIMIT_EXCEEDED', cost, limit } },
  );
}
