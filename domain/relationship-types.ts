/**
 * The one allow-list of relationship types, each with its family, and the lineage rule.
 * Cypher never takes a type from request text: it is checked against this list first (and the
 * graph stores nothing else). The GraphQL `RelationshipType` enum, the loader's per-type plan and
 * index, and the page's legend all derive from this table.
 */

/** Families group types for the legend and filters; `lineage` types connect authorities. */
export const RELATIONSHIP_FAMILIES = ['funding', 'support', 'structure', 'conflict', 'dependency', 'lineage'] as const;
export type RelationshipFamily = (typeof RELATIONSHIP_FAMILIES)[number];

/** Every allow-listed type and the family it belongs to, in legend order within a family. */
const TYPE_FAMILY = {
  MEMBER_OF: 'structure',
  CONTRIBUTES_TROOPS_TO: 'structure',
  LEADS: 'structure',
  PART_OF: 'structure',
  FAMILY_OF: 'structure',
  APPOINTED: 'structure',
  PURGED: 'conflict',
  ACCUSED: 'conflict',
  TRAINED: 'support',
  EQUIPPED: 'support',
  ADVISED: 'support',
  FUNDS: 'funding',
  ALLIED_WITH: 'support',
  OPPOSES: 'conflict',
  FOUGHT: 'conflict',
  INVADED: 'conflict',
  INTERVENED_IN: 'conflict',
  INSTALLED: 'conflict',
  OUSTED: 'conflict',
  AFFILIATED_WITH: 'structure',
  ARMED_WING_OF: 'structure',
  HOSTS_FACILITY_FOR: 'support',
  DEPENDS_ON: 'dependency',
  SUSPENDED_AID_TO: 'dependency',
  CONTRACTED: 'support',
  OVERSEES: 'structure',
  SUPPORTS: 'support',
  COOPERATES_WITH: 'support',
  WITHDREW_FROM: 'conflict',
  SANCTIONED: 'conflict',
  PERPETRATED: 'conflict',
  TARGETED: 'conflict',
  TRIGGERED: 'conflict',
  PARTICIPATED_IN: 'structure',
  EVOLVED_INTO: 'lineage',
  CONSOLIDATED_INTO: 'lineage',
  REAUTHORIZED_BY: 'lineage',
  ESTABLISHED_BY: 'lineage',
  ADMINISTERED_BY: 'lineage',
  IMPLEMENTED_BY: 'lineage',
  FUNDED_THROUGH: 'funding',
} as const satisfies Record<string, RelationshipFamily>;

export type RelationshipType = keyof typeof TYPE_FAMILY;

/** Every stored relationship type. */
export const RELATIONSHIP_TYPES = Object.keys(TYPE_FAMILY) as RelationshipType[];

/** Authority lineage and governance edges: they start at an authority. */
export const LINEAGE_RELATIONSHIP_TYPES = [
  'EVOLVED_INTO',
  'CONSOLIDATED_INTO',
  'REAUTHORIZED_BY',
  'ESTABLISHED_BY',
  'ADMINISTERED_BY',
  'IMPLEMENTED_BY',
  'FUNDED_THROUGH',
] as const satisfies readonly RelationshipType[];
export type LineageRelationshipType = (typeof LINEAGE_RELATIONSHIP_TYPES)[number];

const lineageSet: ReadonlySet<string> = new Set(LINEAGE_RELATIONSHIP_TYPES);

/** Relationships between actors (and actors and events). */
export const ACTOR_RELATIONSHIP_TYPES = RELATIONSHIP_TYPES.filter((t) => !lineageSet.has(t));

/**
 * The type of the edges a subgraph draws for funding flows (donor -> recipient). Not stored as a
 * relationship: flows are `:Funding` nodes.
 */
export const FUNDED = 'FUNDED';

/** Types a request may name: the stored ones and the funding edge. */
export const REQUESTABLE_TYPES = [...RELATIONSHIP_TYPES, FUNDED] as const;
export type RequestableType = RelationshipType | typeof FUNDED;

const allowed: ReadonlySet<string> = new Set(RELATIONSHIP_TYPES);

/** True when `type` is on the allow-list. */
export function isRelationshipType(type: string): type is RelationshipType {
  return allowed.has(type);
}

/** The family of a type; the funding edge belongs to `funding`. */
export function familyOf(type: string): RelationshipFamily | null {
  if (type === FUNDED) return 'funding';
  return (TYPE_FAMILY as Record<string, RelationshipFamily>)[type] ?? null;
}

/** The types of a family, in table order. */
export function typesOfFamily(family: RelationshipFamily): RequestableType[] {
  const stored = RELATIONSHIP_TYPES.filter((t) => TYPE_FAMILY[t] === family);
  return family === 'funding' ? [FUNDED, ...stored] : stored;
}
