/**
 * Which records each relationship type may connect, as the type table in relationship-types.ts
 * gives it: actor relationships join actors and events; lineage and governance edges start at an
 * authority and end at an authority (a later or parent authority, or the law that created it) or
 * at the actor that enacted, issued or runs it.
 */
import { TYPE_RULE, type EndpointKind, type RelationshipType } from './relationship-types.ts';

export type { EndpointKind };

export interface EndpointRule {
  from: readonly EndpointKind[];
  to: readonly EndpointKind[];
}

/** The endpoint rule of every allow-listed type. */
export const ENDPOINT_RULES: Readonly<Record<RelationshipType, EndpointRule>> = TYPE_RULE;

/** "an actor or an event" */
export function describeKinds(kinds: readonly EndpointKind[]): string {
  const words = kinds.map((k) => (k === 'actor' ? 'an actor' : k === 'authority' ? 'an authority' : 'an event'));
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}
