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

/**
 * The counting rules in plain words, one per exclusion reason, for readers of the data (the API's
 * `dataSummary` answers them): written once, beside the reasons they explain.
 */
export const EXCLUSION_REASON_RULES: Readonly<Record<ExclusionReason, string>> = {
  AVERAGE: 'A yearly average is never added to a total: it tells what a typical year brought, not what was given in any one year.',
  OUTSIDE_WINDOW:
    'A total over several years that reaches outside the years asked for adds nothing: the source does not say how it splits by year, so the total is marked as a lower bound (“at least”).',
  PARTS_COUNTED: 'A wider flow whose parts are recorded on their own adds only what its parts leave unexplained, so no money is counted twice.',
};

/** The rules that hold for every total, in plain words (the exclusions are above). */
export const GENERAL_COUNTING_RULES: readonly string[] = [
  'A flow stated per year counts once for each of its years inside the years asked for; a total over several years counts once.',
  'A total with an approximate figure in it (“roughly”) is marked approximate; one with a figure given as a minimum (“over”) is marked as a lower bound.',
];

/** One counting rule: the exclusion reason it explains, or null for a rule of every total. */
export interface CountingRule {
  reason: ExclusionReason | null;
  text: string;
}

/** Every counting rule, the general ones first, then one per exclusion reason in its order. */
export function countingRules(): CountingRule[] {
  return [...GENERAL_COUNTING_RULES.map((text) => ({ reason: null, text })), ...EXCLUSION_REASONS.map((reason) => ({ reason, text: EXCLUSION_REASON_RULES[reason] }))];
}
