/**
 * The schema contract: the generated resolver types match the SDL, every root field of DESIGN.md
 * exists, and every list argument has a default.
 */
import { readFileSync } from 'node:fs';
import { buildASTSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { generate, GENERATED_PATH } from '../../server/graphql/codegen.ts';
import { loadTypeDefs } from '../../server/graphql/schema-files.ts';
import { buildSchema } from '../../server/graphql/schema.ts';

describe('schema', () => {
  it('generated/schema-types.ts is up to date (run npm run codegen)', () => {
    const fresh = generate(buildASTSchema(parse(loadTypeDefs().join('\n'))));
    expect(readFileSync(GENERATED_PATH, 'utf8')).toBe(fresh);
  });

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
