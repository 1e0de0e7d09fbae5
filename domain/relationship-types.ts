/**
 * The one allow-list of relationship types, each with its family, and the lineage rule.
 * Cypher never takes a type from request text: it is checked against this list first (and the
 * graph stores nothing else). The GraphQL `RelationshipType` enum, the loader's per-type plan and
 * index, and the page's legend all derive from this table.
 */

/** Families group types for the legend and filters; `lineage` types connect authorities. */
export const RELATIONSHIP_FAMILIES = ['funding', 'support', 'structure', 'conflict', 'dependency', 'lineage'] as const;
export type RelationshipFamily = (typeof RELATIONSHIP_FAMILIES)[number];

/** Kinds of record a relationship can touch. */
export type EndpointKind = 'actor' | 'authority' | 'event';

/** A type's family and the kinds of record each end may be. */
export interface TypeRule {
  family: RelationshipFamily;
  from: readonly EndpointKind[];
  to: readonly EndpointKind[];
}

const ACTOR: readonly EndpointKind[] = ['actor'];
const AUTHORITY: readonly EndpointKind[] = ['authority'];
const EVENT: readonly EndpointKind[] = ['event'];
const ACTOR_OR_EVENT: readonly EndpointKind[] = ['actor', 'event'];
const ACTOR_OR_AUTHORITY: readonly EndpointKind[] = ['actor', 'authority'];
const ANY: readonly EndpointKind[] = ['actor', 'authority', 'event'];

/**
 * Every allow-listed type: its family and what its ends may be. Adding a type is one line here
 * (plus data); everything else (validation, loader, GraphQL enum, legend) derives from it.
 */
const TYPE_RULES = {
  MEMBER_OF: { family: 'structure', from: ACTOR_OR_EVENT, to: ACTOR_OR_EVENT },
  CONTRIBUTES_TROOPS_TO: { family: 'structure', from: ACTOR_OR_EVENT, to: ACTOR_OR_EVENT },
  LEADS: { family: 'structure', from: ACTOR_OR_EVENT, to: ACTOR_OR_EVENT },
  PART_OF: { family: 'structure', from: ACTOR_OR_EVENT, to: ACTOR_OR_EVENT },
  FAMILY_OF: { family: 'structure', from: ACTOR_OR_EVENT, to: ACTOR_OR_EVENT },
  APPOINTED: { family: 'structure', from: ACTOR_OR_EVENT, to: ACTOR_OR_EVENT },
  PURGED: { family: 'conflict', from: ACTOR_OR_EVENT, to: ACTOR_OR_EVENT },
  ACCUSED: { family: 'conflict', from: ACTOR_OR_EVENT, to: ACTOR_OR_EVENT },
  TRAINED: { family: 'support', from: ACTOR_OR_EVENT, to: ACTOR_OR_EVENT },
  EQUIPPED: { family: 'support', from: ACTOR_OR_EVENT, to: ACTOR_OR_EVENT },
  ADVISED: { family: 'support', from: ACTOR_OR_EVENT, to: ACTOR_OR_EVENT },
  FUNDS: { family: 'funding', from: ACTOR, to: ANY },
  ALLIED_WITH: { family: 'support', from: ACTOR_OR_EVENT, to: ACTOR_OR_EVENT },
  OPPOSES: { family: 'conflict', from: ACTOR_OR_EVENT, to: ACTOR_OR_EVENT },
  FOUGHT: { family: 'conflict', from: ACTOR_OR_EVENT, to: ACTOR_OR_EVENT },
  INVADED: { family: 'conflict', from: ACTOR_OR_EVENT, to: ACTOR_OR_EVENT },
  INTERVENED_IN: { family: 'conflict', from: ACTOR_OR_EVENT, to: ACTOR_OR_EVENT },
  INSTALLED: { family: 'conflict', from: ACTOR_OR_EVENT, to: ACTOR_OR_EVENT },
  OUSTED: { family: 'conflict', from: ACTOR_OR_EVENT, to: ACTOR_OR_EVENT },
  AFFILIATED_WITH: { family: 'structure', from: ACTOR_OR_EVENT, to: ACTOR_OR_EVENT },
  ARMED_WING_OF: { family: 'structure', from: ACTOR_OR_EVENT, to: ACTOR_OR_EVENT },
  HOSTS_FACILITY_FOR: { family: 'support', from: ACTOR_OR_EVENT, to: ACTOR_OR_EVENT },
  DEPENDS_ON: { family: 'dependency', from: ACTOR_OR_EVENT, to: ACTOR_OR_EVENT },
  SUSPENDED_AID_TO: { family: 'dependency', from: ACTOR, to: ACTOR },
  CONTRACTED: { family: 'support', from: ACTOR_OR_EVENT, to: ACTOR_OR_EVENT },
  OVERSEES: { family: 'structure', from: ACTOR, to: ANY },
  SUPPORTS: { family: 'support', from: ACTOR_OR_AUTHORITY, to: ANY },
  COOPERATES_WITH: { family: 'support', from: ACTOR_OR_EVENT, to: ACTOR_OR_EVENT },
  WITHDREW_FROM: { family: 'conflict', from: ACTOR_OR_EVENT, to: ACTOR_OR_EVENT },
  SANCTIONED: { family: 'conflict', from: ACTOR_OR_AUTHORITY, to: ACTOR },
  PERPETRATED: { family: 'conflict', from: ACTOR, to: EVENT },
  TARGETED: { family: 'conflict', from: ACTOR_OR_EVENT, to: ACTOR_OR_EVENT },
  TRIGGERED: { family: 'conflict', from: ACTOR_OR_EVENT, to: ANY },
  PARTICIPATED_IN: { family: 'structure', from: ACTOR, to: EVENT },
  EVOLVED_INTO: { family: 'lineage', from: AUTHORITY, to: AUTHORITY },
  CONSOLIDATED_INTO: { family: 'lineage', from: AUTHORITY, to: AUTHORITY },
  REAUTHORIZED_BY: { family: 'lineage', from: AUTHORITY, to: AUTHORITY },
  ESTABLISHED_BY: { family: 'lineage', from: AUTHORITY, to: AUTHORITY },
  ADMINISTERED_BY: { family: 'lineage', from: AUTHORITY, to: ACTOR },
  IMPLEMENTED_BY: { family: 'lineage', from: AUTHORITY, to: ACTOR },
  ENACTED_BY: { family: 'lineage', from: AUTHORITY, to: ACTOR },
  ISSUED_BY: { family: 'lineage', from: AUTHORITY, to: ACTOR },
  FUNDED_THROUGH: { family: 'funding', from: AUTHORITY, to: AUTHORITY },
} as const satisfies Record<string, TypeRule>;

export type RelationshipType = keyof typeof TYPE_RULES;

/** Every stored relationship type. */
export const RELATIONSHIP_TYPES = Object.keys(TYPE_RULES) as RelationshipType[];

/** The rule of every type. */
export const TYPE_RULE: Readonly<Record<RelationshipType, TypeRule>> = TYPE_RULES;

/** Authority lineage and governance edges: the types that start at an authority. */
export const LINEAGE_RELATIONSHIP_TYPES = RELATIONSHIP_TYPES.filter((t) => TYPE_RULES[t].from.every((k) => k === 'authority'));

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
  return (TYPE_RULES as Record<string, TypeRule>)[type]?.family ?? null;
}

/** The types of a family, in table order. */
export function typesOfFamily(family: RelationshipFamily): RequestableType[] {
  const stored = RELATIONSHIP_TYPES.filter((t) => TYPE_RULES[t].family === family);
  return family === 'funding' ? [FUNDED, ...stored] : stored;
}
