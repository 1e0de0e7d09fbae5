/**
 * The one allow-list of relationship types. Cypher never takes a type from request text:
 * it is checked against this list first (and the graph stores nothing else).
 */

/** Relationships between actors (and actors and events). */
export const ACTOR_RELATIONSHIP_TYPES = [
  'MEMBER_OF',
  'CONTRIBUTES_TROOPS_TO',
  'LEADS',
  'PART_OF',
  'FAMILY_OF',
  'APPOINTED',
  'PURGED',
  'ACCUSED',
  'TRAINED',
  'EQUIPPED',
  'ADVISED',
  'FUNDS',
  'ALLIED_WITH',
  'OPPOSES',
  'FOUGHT',
  'INVADED',
  'INTERVENED_IN',
  'INSTALLED',
  'OUSTED',
  'AFFILIATED_WITH',
  'ARMED_WING_OF',
  'HOSTS_FACILITY_FOR',
  'DEPENDS_ON',
  'SUSPENDED_AID_TO',
  'CONTRACTED',
  'OVERSEES',
  'SUPPORTS',
  'COOPERATES_WITH',
  'WITHDREW_FROM',
  'SANCTIONED',
  'PERPETRATED',
  'TARGETED',
  'TRIGGERED',
  'PARTICIPATED_IN',
] as const;

/** Authority lineage and governance edges. */
export const LINEAGE_RELATIONSHIP_TYPES = [
  'EVOLVED_INTO',
  'CONSOLIDATED_INTO',
  'REAUTHORIZED_BY',
  'ESTABLISHED_BY',
  'ADMINISTERED_BY',
  'IMPLEMENTED_BY',
  'FUNDED_THROUGH',
] as const;

export const RELATIONSHIP_TYPES = [...ACTOR_RELATIONSHIP_TYPES, ...LINEAGE_RELATIONSHIP_TYPES] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

const allowed: ReadonlySet<string> = new Set(RELATIONSHIP_TYPES);

/** True when `type` is on the allow-list. */
export function isRelationshipType(type: string): type is RelationshipType {
  return allowed.has(type);
}

/** Types that chain authorities into one another (the lineage tree). */
export const LINEAGE_CHAIN_TYPES = ['EVOLVED_INTO', 'CONSOLIDATED_INTO', 'REAUTHORIZED_BY'] as const;

export const ACTOR_KINDS = [
  'Person',
  'State',
  'GovernmentBody',
  'InternationalOrg',
  'Mission',
  'MilitaryUnit',
  'ArmedGroup',
  'Company',
  'Organization',
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const AUTHORITY_KINDS = ['STATUTE', 'ACCOUNT', 'PROGRAM', 'LAW', 'POLICY', 'AGREEMENT', 'SANCTION'] as const;
export type AuthorityKind = (typeof AUTHORITY_KINDS)[number];
