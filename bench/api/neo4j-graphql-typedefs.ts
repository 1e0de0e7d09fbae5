/**
 * Type definitions for the Neo4j GraphQL Library (@neo4j/graphql 7) over aidgraph's storage model
 * (docs/data-format.md, "In Neo4j": labels, properties, PROVIDED/TO/UNDER/PART_OF, typed
 * relationships with start/end).
 * Generated from the relationship allow-list: one outgoing and one incoming field per type, as
 * a user of the library would have to write them. Used only as a benchmark baseline.
 */
import { ACTOR_RELATIONSHIP_TYPES } from '../../domain/relationship-types.ts';

/** Field name of a typed relationship in one direction: TRAINED -> trainedOut / trainedIn. */
export function relationshipField(type: string, direction: 'OUT' | 'IN'): string {
  const camel = type.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return `${camel}${direction === 'OUT' ? 'Out' : 'In'}`;
}

/** Actor-to-actor types (the event roles get their own fields below). */
export const ACTOR_ACTOR_TYPES = ACTOR_RELATIONSHIP_TYPES.filter((t) => !['PERPETRATED', 'PARTICIPATED_IN', 'TARGETED', 'TRIGGERED'].includes(t));

const actorRelationshipFields = ACTOR_ACTOR_TYPES.flatMap((t) => [
  `  ${relationshipField(t, 'OUT')}: [Actor!]! @relationship(type: "${t}", direction: OUT, properties: "Span")`,
  `  ${relationshipField(t, 'IN')}: [Actor!]! @relationship(type: "${t}", direction: IN, properties: "Span")`,
]).join('\n');

/** The SDL given to `new Neo4jGraphQL({ typeDefs })`. */
export const NEO4J_GRAPHQL_TYPEDEFS = `
type Span @relationshipProperties {
  key: String
  start: Int
  end: Int
  note: String
}

type Actor @node(labels: ["Actor", "Entity"])
  @fulltext(indexes: [{ indexName: "entity_search", queryName: "searchActors", fields: ["name", "aliasText", "description"] }]) {
  id: ID!
  name: String!
  kind: String
  aliases: [String!]
  aliasText: String
  description: String
  country: String
  citations: String
  provided: [Funding!]! @relationship(type: "PROVIDED", direction: OUT)
  received: [Funding!]! @relationship(type: "TO", direction: IN)
  perpetrated: [Event!]! @relationship(type: "PERPETRATED", direction: OUT, properties: "Span")
  participatedIn: [Event!]! @relationship(type: "PARTICIPATED_IN", direction: OUT, properties: "Span")
  targetedBy: [Event!]! @relationship(type: "TARGETED", direction: IN, properties: "Span")
${actorRelationshipFields}
}

type Authority @node(labels: ["Authority", "Entity"]) {
  id: ID!
  name: String!
  kind: String
  citation: String
  title: Int
  enacted: Int
  description: String
  evolvedInto: [Authority!]! @relationship(type: "EVOLVED_INTO", direction: OUT, properties: "Span")
  evolvedFrom: [Authority!]! @relationship(type: "EVOLVED_INTO", direction: IN, properties: "Span")
  consolidatedInto: [Authority!]! @relationship(type: "CONSOLIDATED_INTO", direction: OUT, properties: "Span")
  consolidatedFrom: [Authority!]! @relationship(type: "CONSOLIDATED_INTO", direction: IN, properties: "Span")
  reauthorizedBy: [Authority!]! @relationship(type: "REAUTHORIZED_BY", direction: OUT, properties: "Span")
  reauthorizes: [Authority!]! @relationship(type: "REAUTHORIZED_BY", direction: IN, properties: "Span")
  establishedBy: [Authority!]! @relationship(type: "ESTABLISHED_BY", direction: OUT, properties: "Span")
  administeredBy: [Actor!]! @relationship(type: "ADMINISTERED_BY", direction: OUT, properties: "Span")
  implementedBy: [Actor!]! @relationship(type: "IMPLEMENTED_BY", direction: OUT, properties: "Span")
  flows: [Funding!]! @relationship(type: "UNDER", direction: IN)
}

type Event @node(labels: ["Event", "Entity"]) {
  id: ID!
  name: String!
  year: Int
  yearEnd: Int
  description: String
}

type Funding @node(labels: ["Funding"]) {
  id: ID!
  amountUsd: Float
  fyStart: Int
  fyEnd: Int
  precision: String
  basis: String
  partOf: String
  purpose: String
  donorId: String
  recipientId: String
  authorityId: String
  donor: [Actor!]! @relationship(type: "PROVIDED", direction: IN)
  recipient: [Actor!]! @relationship(type: "TO", direction: OUT)
  authority: [Authority!]! @relationship(type: "UNDER", direction: OUT)
}
`;
