/** The funding view's API calls. */
import { fetchDependencies, fetchFunding, fetchFundingGraph, type FundingAnswer } from '../api/queries.ts';
import type { Dependencies, FundingGraph } from '../api/types.ts';
import { fundingFilter, type FundingInputs } from './state.ts';

/** What the funding view draws: flows and totals, and the API's counted funding graph. */
export type FundingView = FundingAnswer & { graph: FundingGraph };

/** Edges list at most this many of their flows (the API's maximum). */
const FLOWS_PER_EDGE = 200;

/** Flows, totals and the counted graph under the state's filters (the same filter for all). */
export async function loadFunding(s: FundingInputs, signal?: AbortSignal): Promise<FundingView> {
  const filter = fundingFilter(s);
  const [answer, graph] = await Promise.all([fetchFunding(filter, signal), fetchFundingGraph(filter, FLOWS_PER_EDGE, signal)]);
  return { ...answer, graph };
}

/** Donor shares and concentration of one recipient within a year window. */
export function loadDependencies(actorId: string, yearFrom: number | undefined, yearTo: number | undefined, signal?: AbortSignal): Promise<Dependencies | null> {
  return fetchDependencies(actorId, yearFrom, yearTo, signal);
}
