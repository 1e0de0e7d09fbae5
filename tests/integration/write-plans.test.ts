/**
 * How Neo4j plans the loader's relationship statements on the seeded database. A dynamic type
 * (`$(row.type)`) hides the type from the planner: a MERGE or MATCH with one reads every
 * relationship in the store per row, which made a first load quadratic in its relationships.
 * These plans must reach a relationship from its ends or through its type's key index.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RELATIONSHIP_TYPES } from '../../domain/relationship-types.ts';
import { RELATIONSHIP_ENDS_PROBE, RELATIONSHIP_INSERT, relationshipProbe, relationshipStates, relationshipUpsert } from '../../store/write-statements.ts';
import { connectTestDatabase } from './seed-support.ts';

let driver: Driver;
let database: string;

interface PlanNode {
  operatorType: string;
  children: PlanNode[];
}

/** Every operator of the plan of `cypher` (EXPLAIN: nothing runs). */
async function operators(cypher: string, params: Record<string, unknown>): Promise<string[]> {
  const result = await driver.executeQuery(`EXPLAIN ${cypher}`, params, { database });
  const walk = (node: PlanNode): string[] => [node.operatorType.split('@')[0], ...node.children.flatMap(walk)];
  return walk(result.summary.plan as unknown as PlanNode);
}

const row = { from: 'a', to: 'b', type: 'TRAINED', props: { key: 'k', hash: 'h' } };

beforeAll(() => {
  ({ driver, database } = connectTestDatabase());
});
afterAll(async () => {
  await driver?.close();
});

describe('the relationship statements of the loader and curation', () => {
  it('insert: finds an existing relationship between its ends, never by reading every relationship', async () => {
    const ops = await operators(RELATIONSHIP_INSERT, { rows: [row] });
    expect(ops.some((op) => /Expand\(Into\)/.test(op))).toBe(true);
    expect(ops.filter((op) => /AllRelationshipsScan/.test(op))).toEqual([]);
  });

  it('ends probe: reads from an end found by id', async () => {
    const ops = await operators(RELATIONSHIP_ENDS_PROBE, { rows: [{ i: 0, type: 'TRAINED', from: 'a', to: 'b', key: 'k', hash: 'h' }] });
    expect(ops).toContain('NodeUniqueIndexSeek');
    expect(ops.filter((op) => /AllRelationshipsScan/.test(op))).toEqual([]);
  });

  it.each(RELATIONSHIP_TYPES.slice(0, 3))('look-ups by key of %s go through its key index', async (type) => {
    for (const [cypher, params] of [
      [relationshipStates(type), { keys: ['k'] }],
      [relationshipProbe(type), { rows: [{ i: 0, key: 'k', hash: 'h' }] }],
      [relationshipUpsert(type), { rows: [row] }],
    ] as const) {
      const ops = await operators(cypher, params);
      expect(ops.some((op) => /RelationshipIndexSeek/.test(op))).toBe(true);
      expect(ops.filter((op) => /AllRelationshipsScan/.test(op))).toEqual([]);
    }
  });
});
