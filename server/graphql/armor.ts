/**
 * graphql-armor limits, chosen so that the explorer's real queries (web/src/api/queries.ts)
 * pass with room to spare while hostile shapes are refused at parse or validation time, before
 * any resolver runs. Rejections carry extensions.code LIMIT_EXCEEDED.
 */
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { GraphQLError } from 'graphql';

/** The limits (also printed in server/graphql/README.md). */
export const ARMOR_LIMITS = {
  /** Deepest explorer query: paths { steps { edge { sources { works { id } } } } } = 6; node { fundingIn { donor {...} } } ... */
  maxDepth: 10,
  /** The explorer sends at most 4 aliases (funding view). */
  maxAliases: 15,
  /**
   * graphql-armor's cost (weighted by depth and by literal page sizes); the explorer's heaviest
   * query (the funding view: 500 flows with donors, recipients, authorities and sources) costs 66,319.
   */
  maxCost: 150_000,
  /** Tokens in the document; the explorer's longest document has about 400. */
  maxTokens: 2_000,
  maxDirectives: 20,
  /** Our own list-aware budget (fields x page sizes); see plugins/list-budget.ts. */
  listBudget: 250_000,
  /** Request body, in bytes. */
  maxBodyBytes: 100_000,
} as const;

const tagLimit = (_ctx: unknown, error: GraphQLError) => {
  (error.extensions as Record<string, unknown>).code = 'LIMIT_EXCEEDED';
};

/** The armor plugin with our limits. */
export function armorPlugin() {
  const common = { onReject: [tagLimit], propagateOnRejection: true };
  return EnvelopArmorPlugin({
    maxDepth: { n: ARMOR_LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true, ...common },
    maxAliases: { n: ARMOR_LIMITS.maxAliases, ...common },
    costLimit: { maxCost: ARMOR_LIMITS.maxCost, ignoreIntrospection: true, ...common },
    maxTokens: { n: ARMOR_LIMITS.maxTokens, ...common },
    maxDirectives: { n: ARMOR_LIMITS.maxDirectives, ...common },
    blockFieldSuggestion: { enabled: true },
  });
}
