/** The funding view's API calls. */
import { fetchDependencies, fetchFunding, type FundingAnswer } from '../api/queries.ts';
import type { Dependencies } from '../api/types.ts';
import { fundingFilter, type FundingInputs } from './state.ts';

/** Flows and totals under the state's filters. */
export function loadFunding(s: FundingInputs, signal?: AbortSignal): Promise<FundingAnswer> {
  return fetchFunding(fundingFilter(s), signal);
}

/** Donor shares and concentration of one recipient within a year window. */
export function loadDependencies(actorId: string, yearFrom: number | undefined, yearTo: number | undefined, signal?: AbortSignal): Promise<Dependencies | null> {
  return fetchDependencies(actorId, yearFrom, yearTo, signal);
}
