/**
 * graphql-armor limits, chosen so that the explorer's real queries (web/src/api/queries.ts)
 * pass with room to spare while hostile shapes are refused at parse or validation time, before
 * any resolver runs. Rejections carry extensions.code LIMIT_EXCEEDED. Cost is not armor's: the
 * one cost model knows page sizes (plans/cost.ts, checked by plugins/list-budget.ts).
 */
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { GraphQLError } from 'graphql';
import { COST_LIMIT } from './plans/cost.ts';

/** The request limits. */
export const ARMOR_LIMITS = {
  /** Deepest explorer query: paths { steps { edge { sources { works { id } } } } } = 6; node { fundingIn { donor {...} } } ... */
  maxDepth: 10,
  /** The explorer sends at most 4 aliases (funding view). */
  maxAliases: 15,
  /** Tokens in the document; the explorer's longest document has about 400. */
  maxTokens: 2_000,
  maxDirectives: 20,
  /** The one cost ceiling (fields times page sizes), checked by plugins/list-budget.ts. */
  listBudget: COST_LIMIT,
  /** Request body, in bytes. */
  maxBodyBytes: 100_000,
} as const;

const tagLimit = (_ctx: unknown, error: GraphQLError) => {
  (error.extensions as Record<string, unknown>).code = 'LIMIT_EXCEEDED';
};

/** The armor plugin with our limits (its cost limit off: see plans/cost.ts). */
export function armorPlugin() {
  const common = { onReject: [tagLimit], propagateOnRejection: true };
  return EnvelopArmorPlugin({
    maxDepth: { n: ARMOR_LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true, ...common },
    maxAliases: { n: ARMOR_LIMITS.maxAliases, ...common },
    costLimit: { enabled: false },
    maxTokens: { n: ARMOR_LIMITS.maxTokens, ...common },
    maxDirectives: { n: ARMOR_LIMITS.maxDirectives, ...common },
    blockFieldSuggestion: { enabled: true },
  });
}
