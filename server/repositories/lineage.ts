/** Authority lineage in Cypher, following the domain's lineage rule (domain/lineage.ts). */
import type { Database } from '../db/database.ts';
import { LINEAGE_EDGE_TYPES, PARENT_IS_END, PARENT_IS_START } from '../../domain/lineage.ts';
import { readWithProvenance, Statement, overlaps, type ProvenanceWants } from './cypher.ts';
import { entityProjection, graphNodeProjection, relationshipEdgeProjection, mergedWant } from './projection.ts';
import type { Want } from '../graphql/selection.ts';


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

/** Options of a lineage query (validated). */
export interface LineageOptions {
  ancestors: boolean;
  descendants: boolean;
  maxDepth: number;
  yearFrom: number | null;
  yearTo: number | null;
}

/** The raw lineage: entries (root first, then by generation) and the subgraph. */
export interface LineageRow {
  root: Record<string, unknown>;
  entries: Record<string, unknown>[];
  nodes: Record<string, unknown>[];
  edges: Record<string, unknown>[];
}

/** The lineage of authority `id`; null when there is no such authority. */
export async function lineage(db: Database, id: string, opts: LineageOptions, want: Want, prov: ProvenanceWants): Promise<LineageRow | null> {
  const st = new Statement(prov);
  const refs = lineageRefs(st);
  const from = st.param(opts.yearFrom);
  const to = st.param(opts.yearTo);
  const maxDepth = st.param(opts.maxDepth);
  const edgeTypes = st.param([...LINEAGE_EDGE_TYPES]);
  const entryWant = mergedWant(want, 'entries');
  const walk = (flag: boolean, step: string, sign: string, name: string) => `
    CALL (root) {
      WITH root WHERE ${st.param(flag)}
      MATCH p = (root) ((x)-[r]-(y:Authority) WHERE ${step} AND ${overlaps('r', from, to)}){1,10} (d)
      WHERE d <> root AND length(p) <= ${maxDepth}
      WITH d, p ORDER BY length(p)
      WITH d, head(collect(p)) AS best
      RETURN collect({ a: d, gen: ${sign}length(best), year: last(relationships(best)).start, via: type(last(relationships(best))) }) AS ${name}
    }`;
  const cypher = `
    MATCH (root:Entity:Authority {id: ${st.param(id)}})
    ${walk(opts.descendants, downStep(refs, 'x', 'r'), '', 'down')}
    ${walk(opts.ancestors, upStep(refs, 'x', 'r'), '-', 'up')}
    WITH root, [{ a: root, gen: 0, year: null, via: null }] + up + down AS found
    UNWIND found AS e
    WITH root, e ORDER BY e.gen, e.a.name
    WITH root, collect(e) AS found
    WITH root, found, [e IN found | e.a] AS auths
    CALL (auths) {
      UNWIND auths AS a
      MATCH (a)-[r]-(b:Entity)
      WHERE type(r) IN ${edgeTypes} AND ${overlaps('r', from, to)}
        AND (b IN auths OR (startNode(r) = a AND type(r) IN ['ESTABLISHED_BY', 'ADMINISTERED_BY', 'IMPLEMENTED_BY']))
      RETURN collect(DISTINCT r) AS rels, collect(DISTINCT b) AS others
    }
    WITH root, found, auths, rels, auths + [o IN others WHERE NOT o IN auths] AS shown
    CALL (found) {
      UNWIND found AS e
      WITH e, e.a AS ea
      RETURN collect({
        generation: e.gen, year: e.year, via: e.via,
        authority: ${entityProjection(st, 'ea', mergedWant(entryWant, 'authority'))},
        establishedBy: COLLECT { MATCH (ea)-[er:ESTABLISHED_BY]->(l:Authority) WHERE ${overlaps('er', from, to)}
          RETURN ${entityProjection(st, 'l', mergedWant(entryWant, 'establishedBy'))} },
        administeredBy: COLLECT { MATCH (ea)-[ar:ADMINISTERED_BY]->(m:Actor) WHERE ${overlaps('ar', from, to)}
          RETURN ${entityProjection(st, 'm', mergedWant(entryWant, 'administeredBy'))} },
        implementedBy: COLLECT { MATCH (ea)-[ir:IMPLEMENTED_BY]->(m2:Actor) WHERE ${overlaps('ir', from, to)}
          RETURN ${entityProjection(st, 'm2', mergedWant(entryWant, 'implementedBy'))} }
      }) AS entries
    }
    RETURN ${entityProjection(st, 'root', mergedWant(want, 'root'))} AS root, entries,
      [n IN shown | ${graphNodeProjection(st, 'n')}] AS nodes,
      [r IN rels | ${relationshipEdgeProjection(st, 'r')}] AS edges`;
  const rows = await readWithProvenance<LineageRow & Record<string, unknown>>(db, st, cypher);
  return rows[0] ?? null;
}
