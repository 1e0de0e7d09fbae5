/** Authority lineage in Cypher, following the domain's lineage rule (domain/lineage.ts). */
import type { Database } from '../db/database.ts';
import { GOVERNANCE_TYPES, LINEAGE_EDGE_TYPES, PARENT_IS_END, PARENT_IS_START } from '../../domain/lineage.ts';
import { Statement, overlaps, windowRefs, type CypherStatement } from './cypher.ts';
import { entityProjection, graphNodeProjection, relationshipEdgeProjection } from './projection.ts';
import { readRows } from './read.ts';
import type { LineagePlan } from './plan.ts';
import type { EdgeRow, EntityRow, GraphNodeRow } from './rows.ts';
import type { RelationshipType } from '../../domain/relationship-types.ts';

/**
 * Links drawn even when the node at their end is not in the lineage: the law that established an
 * authority, and the bodies that run it.
 */
const OUTWARD: readonly RelationshipType[] = ['ESTABLISHED_BY', ...GOVERNANCE_TYPES];

/** Parameter references of the lineage rule in one statement. */
export interface LineageRefs {
  startTypes: string;
  endTypes: string;
}

/** Binds the lineage rule's type lists as parameters. */
export function lineageRefs(st: Statement): LineageRefs {
  return { startTypes: st.param([...PARENT_IS_START]), endTypes: st.param([...PARENT_IS_END]) };
}

/** True when the step x -[r]- y goes from parent x to child y. */
export function downStep(refs: LineageRefs, x: string, r: string): string {
  return `((type(${r}) IN ${refs.startTypes} AND startNode(${r}) = ${x}) OR (type(${r}) IN ${refs.endTypes} AND endNode(${r}) = ${x}))`;
}

/** True when the step x -[r]- y goes from child x to parent y. */
export function upStep(refs: LineageRefs, x: string, r: string): string {
  return `((type(${r}) IN ${refs.startTypes} AND endNode(${r}) = ${x}) OR (type(${r}) IN ${refs.endTypes} AND startNode(${r}) = ${x}))`;
}

/** One authority of the lineage with its generation and the bodies around it. */
export interface LineageEntryRow {
  generation: number;
  year: number | null;
  via: string | null;
  authority: EntityRow;
  establishedBy: EntityRow[];
  administeredBy: EntityRow[];
  implementedBy: EntityRow[];
}

/** The lineage: entries (root first, then by generation) and the subgraph. */
export interface LineageRow {
  root: EntityRow;
  entries: LineageEntryRow[];
  nodes: GraphNodeRow[];
  edges: EdgeRow[];
}

/** The statement of lineage; no row when there is no such authority. */
export function lineageStatement(plan: LineagePlan): CypherStatement {
  const st = new Statement();
  const refs = lineageRefs(st);
  const w = windowRefs(st, plan);
  const maxDepth = st.param(plan.maxDepth);
  const edgeTypes = st.param([...LINEAGE_EDGE_TYPES]);
  const outward = st.param(OUTWARD);
  const walk = (step: string, sign: string, name: string) => `
    CALL (root) {
      MATCH p = (root) ((x)-[r]-(y:Authority) WHERE ${step} AND ${overlaps('r', w)}){1,10} (d)
      WHERE d <> root AND length(p) <= ${maxDepth}
      WITH d, p ORDER BY length(p)
      WITH d, head(collect(p)) AS best
      RETURN collect({ a: d, gen: ${sign}length(best), year: last(relationships(best)).start, via: type(last(relationships(best))) }) AS ${name}
    }`;
  // A direction not asked for is not walked at all.
  const down = plan.descendants ? walk(downStep(refs, 'x', 'r'), '', 'down') : 'WITH root, [] AS down';
  const up = plan.ancestors ? walk(upStep(refs, 'x', 'r'), '-', 'up') : 'WITH root, down, [] AS up';
  const e = plan.entry;
  const cypher = `
    MATCH (root:Entity:Authority {id: ${st.param(plan.id)}})
    ${down}
    ${up}
    WITH root, [{ a: root, gen: 0, year: null, via: null }] + up + down AS found
    UNWIND found AS e
    WITH root, e ORDER BY e.gen, e.a.name
    WITH root, collect(e) AS found
    WITH root, found, [e IN found | e.a] AS auths
    CALL (auths) {
      UNWIND auths AS a
      MATCH (a)-[r]-(b:Entity)
      WHERE type(r) IN ${edgeTypes} AND ${overlaps('r', w)}
        AND (b IN auths OR (startNode(r) = a AND type(r) IN ${outward}))
      RETURN collect(DISTINCT r) AS rels, collect(DISTINCT b) AS others
    }
    WITH root, found, auths, rels, auths + [o IN others WHERE NOT o IN auths] AS shown
    CALL (found) {
      UNWIND found AS e
      WITH e, e.a AS ea
      RETURN collect({
        generation: e.gen, year: e.year, via: e.via,
        authority: ${entityProjection(st, 'ea', e.authority)},
        establishedBy: COLLECT { MATCH (ea)-[er:ESTABLISHED_BY]->(l:Authority) WHERE ${overlaps('er', w)}
          RETURN ${entityProjection(st, 'l', e.establishedBy)} },
        administeredBy: COLLECT { MATCH (ea)-[ar:ADMINISTERED_BY]->(m:Actor) WHERE ${overlaps('ar', w)}
          RETURN ${entityProjection(st, 'm', e.administeredBy)} },
        implementedBy: COLLECT { MATCH (ea)-[ir:IMPLEMENTED_BY]->(m2:Actor) WHERE ${overlaps('ir', w)}
          RETURN ${entityProjection(st, 'm2', e.implementedBy)} }
      }) AS entries
    }
    RETURN ${entityProjection(st, 'root', plan.root)} AS root, entries,
      [n IN shown | ${graphNodeProjection('n')}] AS nodes,
      [r IN rels | ${relationshipEdgeProjection('r')}] AS edges`;
  return st.build(cypher, plan.provenance);
}

/** The lineage of an authority; null when there is no such authority. */
export async function lineage(db: Database, plan: LineagePlan): Promise<LineageRow | null> {
  const rows = await readRows<LineageRow>(db, lineageStatement(plan));
  return rows[0] ?? null;
}
