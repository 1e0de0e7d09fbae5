/**
 * Questions by source: every entity, typed relationship and flow whose citations match a source,
 * section, paragraph and footnote together, in one statement. The loader stores each record's
 * section ids and footnote numbers as arrays (a cheap first test) and its citations as JSON
 * (store/rows.ts); "together" needs one citation to hold every part asked, which only the JSON
 * says, so the last test is a pattern over that JSON, built here and passed as a parameter.
 */
import type { Database } from '../db/database.ts';
import { all, Statement, type CypherStatement } from './cypher.ts';
import { TYPED } from './edge-filter.ts';
import { entityProjection, flowProjection, graphNodeProjection, relationshipEdgeProjection } from './projection.ts';
import { readRows } from './read.ts';
import type { CitedByPlan } from './plan.ts';
import type { EdgeRow, EntityRow, FlowRow, GraphNodeRow } from './rows.ts';

/** The stored JSON form of a string value, with the pattern's special characters escaped. */
const literal = (value: string) => JSON.stringify(value).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A JSON string of any content. */
const ANY_STRING = String.raw`"(?:[^"\\]|\\.)*"`;

/** A JSON list of whole numbers holding `n`, or any such list when `n` is null. */
const numbers = (n: number | null) => (n === null ? String.raw`\[[-0-9,]*\]` : String.raw`\[(?:-?\d+,)*${n}(?:,-?\d+)*\]`);

/**
 * The pattern one stored citation must match: `{"source":..,"section":..,"paragraphs":[..],
 * "footnotes":[..]}` in the key order store/rows.ts writes; a part not asked matches anything,
 * and a list not asked may be absent.
 */
export function citationPattern(plan: Pick<CitedByPlan, 'source' | 'section' | 'paragraph' | 'footnote'>): string {
  const source = `"source":${plan.source === null ? ANY_STRING : literal(plan.source)}`;
  const section = plan.section === null ? `(?:,"section":(?:null|${ANY_STRING}))?` : `,"section":${literal(plan.section)}`;
  const list = (key: string, n: number | null) => (n === null ? `(?:,"${key}":${numbers(null)})?` : `,"${key}":${numbers(n)}`);
  return `.*\\{${source}${section}${list('paragraphs', plan.paragraph)}${list('footnotes', plan.footnote)}\\}.*`;
}

/** The rows of citedBy. */
export interface CitedByRow {
  entities: EntityRow[];
  entityCount: number;
  edges: EdgeRow[];
  edgeCount: number;
  /** Present when the plan asks for the ends of the listed edges. */
  edgeEnds?: GraphNodeRow[];
  flows: FlowRow[];
  flowCount: number;
}

/** The statement of citedBy. */
export function citedByStatement(plan: CitedByPlan): CypherStatement {
  const st = new Statement();
  const pattern = st.param(citationPattern(plan));
  const section = plan.section === null ? null : st.param(plan.section);
  const footnote = plan.footnote === null ? null : st.param(plan.footnote);
  const first = st.param(plan.first);
  const cites = (x: string) =>
    all([
      section && `${section} IN coalesce(${x}.sections, [])`,
      footnote && `${footnote} IN coalesce(${x}.footnotes, [])`,
      `${x}.citations =~ ${pattern}`,
    ]);
  // Source records are not entities of the graph; only actors, authorities and events are listed.
  const entity = `(n:Entity) WHERE (n:Actor OR n:Authority OR n:Event) AND ${cites('n')}`;
  const edge = `(:Entity)-[r:${TYPED}]->(:Entity) WHERE ${cites('r')}`;
  const flow = `(f:Funding) WHERE ${cites('f')}`;
  // The same edges as the list, so that every listed edge has both ends' names.
  const ends = plan.edgeEnds
    ? `
      COLLECT { MATCH ${edge} WITH r ORDER BY type(r), r.key LIMIT ${first} UNWIND [startNode(r), endNode(r)] AS e
        WITH DISTINCT e ORDER BY e.id RETURN ${graphNodeProjection('e')} } AS edgeEnds,`
    : '';
  const cypher = `
    RETURN COUNT { MATCH ${entity} } AS entityCount,
      COLLECT { MATCH ${entity} WITH n ORDER BY n.id LIMIT ${first} RETURN ${entityProjection(st, 'n', plan.entity)} } AS entities,
      COUNT { MATCH ${edge} } AS edgeCount,
      COLLECT { MATCH ${edge} WITH r ORDER BY type(r), r.key LIMIT ${first} RETURN ${relationshipEdgeProjection('r')} } AS edges,${ends}
      COUNT { MATCH ${flow} } AS flowCount,
      COLLECT { MATCH ${flow} WITH f ORDER BY f.id LIMIT ${first} RETURN ${flowProjection(st, 'f', plan.flow)} } AS flows`;
  return st.build(cypher, plan.provenance);
}

/** Everything citing the place asked for. */
export async function findCitedBy(db: Database, plan: CitedByPlan): Promise<CitedByRow> {
  const [row] = await readRows<CitedByRow>(db, citedByStatement(plan));
  return row ?? { entities: [], entityCount: 0, edges: [], edgeCount: 0, flows: [], flowCount: 0 };
}
