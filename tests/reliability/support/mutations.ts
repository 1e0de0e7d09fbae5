/**
 * One valid call of every curation mutation of the schema, on records of the drills' own
 * (prefixed) ids, so that a refusal can only come from authentication, never from bad input.
 * `mutationCalls()` fails when the schema has a mutation this file does not know: new mutations
 * must be added here, so the auth drill always covers all of them.
 */
import { buildSchema } from '../../../server/graphql/schema.ts';

/** A mutation with valid variables. */
export interface MutationCall {
  field: string;
  query: string;
  variables: Record<string, unknown>;
}

const CITE = [{ section: 's1_overview', paragraph: [1] }];

/** Sample calls, in an order that works when run one after another with a valid token. */
export function sampleCalls(prefix: string): MutationCall[] {
  const actor = `${prefix}_actor`;
  const authority = `${prefix}_authority`;
  const funding = `${prefix}_funding`;
  const result = 'ok change { id operation targetId }';
  return [
    { field: 'upsertActor', query: `mutation($input: ActorInput!) { upsertActor(input: $input) { ${result} } }`,
      variables: { input: { id: actor, kind: 'MilitaryUnit', name: 'Drill Unit', country: 'somalia', description: 'A unit made up by the reliability drill.', cite: CITE } } },
    { field: 'upsertAuthority', query: `mutation($input: AuthorityInput!) { upsertAuthority(input: $input) { ${result} } }`,
      variables: { input: { id: authority, kind: 'PROGRAM', name: 'Drill Program', title: 10, enacted: 2016, cite: CITE } } },
    { field: 'upsertRelationship', query: `mutation($input: RelationshipInput!) { upsertRelationship(input: $input) { ${result} } }`,
      variables: { input: { type: 'TRAINED', from: 'united_states', to: actor, start: 2015, note: 'drill', cite: CITE } } },
    { field: 'upsertFunding', query: `mutation($input: FundingInput!) { upsertFunding(input: $input) { ${result} } }`,
      variables: { input: { id: funding, donor: 'united_states', recipient: actor, authority, amountUsd: 1_000_000, fyStart: 2016, fyEnd: 2017, cite: CITE } } },
    { field: 'deleteFunding', query: `mutation($id: ID!) { deleteFunding(id: $id) { ${result} } }`, variables: { id: funding } },
    { field: 'deleteRelationship', query: `mutation($type: RelationshipType!, $from: ID!, $to: ID!, $start: Int) { deleteRelationship(type: $type, from: $from, to: $to, start: $start) { ${result} } }`,
      variables: { type: 'TRAINED', from: 'united_states', to: actor, start: 2015 } },
    { field: 'deleteActor', query: `mutation($id: ID!) { deleteActor(id: $id) { ${result} } }`, variables: { id: actor } },
    { field: 'deleteAuthority', query: `mutation($id: ID!) { deleteAuthority(id: $id) { ${result} } }`, variables: { id: authority } },
  ];
}

/** Every mutation field of the schema. */
export function schemaMutations(): string[] {
  return Object.keys(buildSchema().getMutationType()?.getFields() ?? {}).sort();
}

/** The sample calls, checked to cover every mutation of the schema. */
export function mutationCalls(prefix: string): MutationCall[] {
  const calls = sampleCalls(prefix);
  const known = new Set(calls.map((c) => c.field));
  const missing = schemaMutations().filter((m) => !known.has(m));
  if (missing.length > 0) throw new Error(`tests/reliability/support/mutations.ts has no sample call for: ${missing.join(', ')}`);
  return calls;
}
