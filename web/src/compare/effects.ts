/** The comparison mode's API call. */
import { fetchGraphComparison } from '../api/queries.ts';
import type { ExploreInputs } from '../explore/state.ts';
import type { Span } from './span.ts';
import { comparisonArgs, comparisonElements, type Comparison } from './state.ts';

/** The comparison of the state's two windows and its canvas elements. */
export async function loadComparison(s: ExploreInputs, w: { a: Span; b: Span }, signal: AbortSignal): Promise<{ comparison: Comparison; elements: ReturnType<typeof comparisonElements> }> {
  const comparison = await fetchGraphComparison(comparisonArgs(s, w), signal);
  return { comparison, elements: comparisonElements(comparison) };
}
