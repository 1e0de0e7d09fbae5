/**
 * The schema contract: every root field of the API contract exists, and every list argument has a
 * default. (Generated types and enums: tests/unit/schema/.)
 */
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../../server/graphql/schema.ts';

describe('schema', () => {
  it('has the root fields of the contract, each with a resolver', () => {
    const schema = buildSchema();
    const query = schema.getQueryType()!.getFields();
    for (const name of ['node', 'actor', 'authority', 'actors', 'authorities', 'search', 'neighborhood', 'paths', 'lineage', 'fundingFlows', 'fundingTotals', 'dependencies', 'dependencyNetwork', 'graph', 'relationshipTypes', 'changes', 'curationEnabled']) {
      expect(query[name], name).toBeDefined();
      expect(query[name]!.resolve, `${name} resolver`).toBeTypeOf('function');
    }
    const mutation = schema.getMutationType()!.getFields();
    expect(Object.keys(mutation).sort()).toEqual(['deleteActor', 'deleteAuthority', 'deleteFunding', 'deleteRelationship', 'upsertActor', 'upsertAuthority', 'upsertFunding', 'upsertRelationship']);
  });

  it('every page-size argument has a default', () => {
    const schema = buildSchema();
    for (const type of Object.values(schema.getTypeMap())) {
      if (!('getFields' in type) || type.name.startsWith('__')) continue;
      for (const field of Object.values((type as { getFields(): Record<string, { args?: { name: string; defaultValue: unknown }[] }> }).getFields())) {
        for (const arg of field.args ?? []) {
          if (arg.name === 'first') expect(arg.defaultValue, `${type.name}.${(field as { name: string }).name}(first)`).toBeTypeOf('number');
        }
      }
    }
  });
});
