/**
 * The API's enums are the domain's enumerations, value for value and in the same order, and every
 * argument or field that names a relationship type uses the RelationshipType enum, so that an
 * unknown type is refused by validation before a resolver runs.
 */
import { getNamedType, isEnumType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLNamedType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ACTOR_KINDS, AUTHORITY_KINDS, EVIDENCE_LEVELS, FUNDING_BASES, NODE_KINDS, PRECISIONS, TIMINGS } from '../../../domain/kinds.ts';
import { REQUESTABLE_TYPES } from '../../../domain/relationship-types.ts';
import { EXCLUSION_REASONS, FUNDING_GROUP_BY } from '../../../domain/counting.ts';
import { DOMAIN_ENUMS } from '../../../server/graphql/enum-sdl.ts';
import { loadTypeDefs } from '../../../server/graphql/schema-files.ts';
import { buildSchema } from '../../../server/graphql/schema.ts';

// Written out again on purpose: the generator's own table could name the wrong constant.
const EXPECTED: Record<string, readonly string[]> = {
  ActorKind: ACTOR_KINDS,
  AuthorityKind: AUTHORITY_KINDS,
  NodeKind: NODE_KINDS,
  Precision: PRECISIONS,
  FundingBasis: FUNDING_BASES,
  ExclusionReason: EXCLUSION_REASONS,
  FundingGroupBy: FUNDING_GROUP_BY,
  RelationshipType: REQUESTABLE_TYPES,
  Evidence: EVIDENCE_LEVELS,
  Timing: TIMINGS,
};

const values = (type: GraphQLNamedType | undefined) => (isEnumType(type) ? type.getValues().map((v) => v.name) : undefined);

describe('GraphQL enums and the domain', () => {
  const schema = buildSchema();

  it.each(Object.entries(EXPECTED))('%s has the domain values in domain order', (name, expected) => {
    expect(values(schema.getType(name))).toEqual([...expected]);
  });

  it('the generator covers exactly these enums', () => {
    expect(Object.keys(DOMAIN_ENUMS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('no hand-written SDL file restates a domain enum', () => {
    const handWritten = loadTypeDefs().filter((sdl) => !sdl.startsWith('# Generated'));
    for (const name of Object.keys(EXPECTED)) {
      for (const sdl of handWritten) expect(sdl, name).not.toMatch(new RegExp(`\\benum\\s+${name}\\b`));
    }
  });

  it('every relationship type argument, input field and output field is a RelationshipType', () => {
    const typed: string[] = [];
    const untyped: string[] = [];
    const check = (where: string, name: string, type: Parameters<typeof getNamedType>[0]) => {
      if (!/^(type|types|via)$/.test(name)) return;
      (getNamedType(type)?.name === 'RelationshipType' ? typed : untyped).push(where);
    };
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          check(`${type.name}.${field.name}`, field.name, field.type);
          for (const arg of field.args) check(`${type.name}.${field.name}(${arg.name})`, arg.name, arg.type);
        }
      } else if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) check(`${type.name}.${field.name}`, field.name, field.type);
      }
    }
    expect(untyped).toEqual([]);
    expect(typed.sort()).toEqual(
      [
        'Actor.relationships(types)',
        'ComparedEdge.type',
        'Edge.type',
        'GraphEdge.type',
        'GraphFilter.types',
        'LineageEntry.via',
        'Mutation.deleteRelationship(type)',
        'Query.graphComparison(types)',
        'Query.neighborhood(types)',
        'Query.paths(types)',
        'RelationshipInput.type',
      ].sort(),
    );
    expect(getNamedType(schema.getQueryType()!.getFields().relationshipTypes!.type).name).toBe('RelationshipType');
  });
});
