/**
 * Which records each relationship type may connect. Actor relationships join actors and events;
 * lineage and governance edges start at an authority and end at an authority (a later or parent
 * authority, or the law that created it) or at the actor that runs it.
 */
import { ACTOR_RELATIONSHIP_TYPES, LINEAGE_RELATIONSHIP_TYPES, type RelationshipType } from './relationship-types.ts';

/** Kinds of record a relationship can touch. */
export type EndpointKind = 'actor' | 'authority' | 'event';

export interface EndpointRule {
  from: readonly EndpointKind[];
  to: readonly EndpointKind[];
}

const ACTOR_OR_EVENT: readonly EndpointKind[] = ['actor', 'event'];
const ANY: readonly EndpointKind[] = ['actor', 'authority', 'event'];

/** Exceptions to "actor or event at both ends" among the actor relationship types. */
const ACTOR_RULES: Partial<Record<RelationshipType, EndpointRule>> = {
  PERPETRATED: { from: ['actor'], to: ['event'] },
  PARTICIPATED_IN: { from: ['actor'], to: ['event'] },
  SUSPENDED_AID_TO: { from: ['actor'], to: ['actor'] },
  SANCTIONED: { from: ['actor', 'authority'], to: ['actor'] },
  FUNDS: { from: ['actor'], to: ANY },
  TRIGGERED: { from: ['actor', 'event'], to: ANY },
  OVERSEES: { from: ['actor'], to: ANY },
  SUPPORTS: { from: ['actor', 'authority'], to: ANY },
};

const LINEAGE_RULES: Record<(typeof LINEAGE_RELATIONSHIP_TYPES)[number], EndpointRule> = {
  EVOLVED_INTO: { from: ['authority'], to: ['authority'] },
  CONSOLIDATED_INTO: { from: ['authority'], to: ['authority'] },
  REAUTHORIZED_BY: { from: ['authority'], to: ['authority'] },
  ESTABLISHED_BY: { from: ['authority'], to: ['authority'] },
  FUNDED_THROUGH: { from: ['authority'], to: ['authority'] },
  ADMINISTERED_BY: { from: ['authority'], to: ['actor'] },
  IMPLEMENTED_BY: { from: ['authority'], to: ['actor'] },
};

/** The endpoint rule of every allow-listed type. */
export const ENDPOINT_RULES: Readonly<Record<RelationshipType, EndpointRule>> = Object.fromEntries([
  ...ACTOR_RELATIONSHIP_TYPES.map((t) => [t, ACTOR_RULES[t] ?? { from: ACTOR_OR_EVENT, to: ACTOR_OR_EVENT }]),
  ...LINEAGE_RELATIONSHIP_TYPES.map((t) => [t, LINEAGE_RULES[t]]),
]) as Record<RelationshipType, EndpointRule>;

/** "an actor or an event" */
export function describeKinds(kinds: readonly EndpointKind[]): string {
  const words = kinds.map((k) => (k === 'actor' ? 'an actor' : k === 'authority' ? 'an authority' : 'an event'));
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}
