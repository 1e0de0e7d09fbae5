/**
 * The counting rules' vocabulary: why a matched flow adds less than its amount to a total, and
 * how totals may be grouped. The rules themselves run in Cypher (server repositories); the page
 * only shows what the API counted.
 */

/**
 * - AVERAGE: a yearly average, never summed.
 * - OUTSIDE_WINDOW: a multi-year TOTAL reaching outside the year window; it cannot be split by
 *   year, so the total is a lower bound.
 * - PARTS_COUNTED: a wider flow whose parts are counted; only its unexplained remainder is added.
 */
export const EXCLUSION_REASONS = ['AVERAGE', 'OUTSIDE_WINDOW', 'PARTS_COUNTED'] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/** Keys totals can be grouped by. */
export const FUNDING_GROUP_BY = ['DONOR', 'RECIPIENT', 'AUTHORITY', 'YEAR'] as const;
export type FundingGroupBy = (typeof FUNDING_GROUP_BY)[number];

/** The group key of flows that name no authority. */
export const NO_AUTHORITY_KEY = '-';
