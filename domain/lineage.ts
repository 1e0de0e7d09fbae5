/**
 * The lineage rule. "x is a parent of y" when x EVOLVED_INTO or was CONSOLIDATED_INTO y, or y was
 * ESTABLISHED_BY, REAUTHORIZED_BY or FUNDED_THROUGH x: laws come before what they create, a
 * statute before its successors, an authority before the programs run under it. The same rule
 * gives the "descendants" of an authority in funding filters and the tree the page draws.
 */
import { LINEAGE_RELATIONSHIP_TYPES, TYPE_RULE, type RelationshipType } from './relationship-types.ts';

/** Edge types whose start is the parent (the successor or consolidated authority is the end). */
export const PARENT_IS_START = ['EVOLVED_INTO', 'CONSOLIDATED_INTO'] as const satisfies readonly RelationshipType[];
/** Edge types whose end is the parent (the law, or the authority a program is funded through). */
export const PARENT_IS_END = ['ESTABLISHED_BY', 'REAUTHORIZED_BY', 'FUNDED_THROUGH'] as const satisfies readonly RelationshipType[];
/**
 * Governance edges: from an authority to the actor that enacted, issued or runs it. Drawn beside
 * the tree, never part of the chain; derived from the type table, so a new one needs no edit here.
 */
export const GOVERNANCE_TYPES: readonly RelationshipType[] = LINEAGE_RELATIONSHIP_TYPES.filter((t) => TYPE_RULE[t].to.includes('actor'));
/** Every edge type drawn in a lineage subgraph. */
export const LINEAGE_EDGE_TYPES: readonly RelationshipType[] = [...PARENT_IS_START, ...PARENT_IS_END, ...GOVERNANCE_TYPES];
/** Types that chain one authority into its successor (the spine of the lineage tree). */
export const LINEAGE_CHAIN_TYPES = ['EVOLVED_INTO', 'CONSOLIDATED_INTO', 'REAUTHORIZED_BY'] as const satisfies readonly RelationshipType[];

const startIsParent: ReadonlySet<string> = new Set(PARENT_IS_START);
const endIsParent: ReadonlySet<string> = new Set(PARENT_IS_END);

/** For an edge `from -[type]-> to`, which end is the parent in lineage; null when the type is not part of it. */
export function lineageParent(type: string, from: string, to: string): { parent: string; child: string } | null {
  if (startIsParent.has(type)) return { parent: from, child: to };
  if (endIsParent.has(type)) return { parent: to, child: from };
  return null;
}
