/**
 * Statements whose first plan is slow (a cold database spends seconds planning them), planned once
 * at server start so that Neo4j caches their plans before the first user request instead of during
 * it. Look-ups by id run with ids that name nothing; the explorer's overview and expansions, which
 * read much of the graph, are only planned (EXPLAIN: Neo4j caches the plan under the statement
 * without its EXPLAIN, and parameters of the same types share it).
 */
import type { Database } from '../db/database.ts';
import { endsStatement, layerStatement, pathItemsStatement } from './paths/statements.ts';
import { edgesStatement } from './lookups.ts';
import type { EdgeFilter, ProvenancePlan } from './plan.ts';
import { readRows } from './read.ts';
import { neighborhoodStatement, overviewStatement } from './subgraph.ts';
import { summaryStatement } from './summary.ts';
import type { CypherStatement } from './cypher.ts';
import { RELATIONSHIP_TYPES } from '../../domain/relationship-types.ts';

const NOBODY = '\u0000warm-up';

/** The provenance variants the explorer sends (none, and headings with works and documents). */
const VARIANTS: ProvenancePlan[] = [
  { headings: false, works: false, documents: false },
  { headings: true, works: true, documents: true },
];

const NO_FILTER: EdgeFilter = { relTypes: null, funded: true, yearFrom: null, yearTo: null, minAmountUsd: null };

/**
 * The edge filters the explorer's panel sends on its own: none, a year window, types with and
 * without funding, a minimum amount. Each is a different statement text (a filter that is not set
 * adds no condition); the values do not matter, their types do.
 */
const EXPLORER_FILTERS: EdgeFilter[] = [
  NO_FILTER,
  { ...NO_FILTER, yearFrom: 2000, yearTo: 2000 },
  { ...NO_FILTER, relTypes: [...RELATIONSHIP_TYPES], funded: false },
  { ...NO_FILTER, relTypes: [RELATIONSHIP_TYPES[0]] },
  { ...NO_FILTER, minAmountUsd: 1 },
];

/** The overview and expansion statements of each explorer filter, with and without a kinds filter. */
function explorerStatements(): CypherStatement[] {
  const none = VARIANTS[0];
  return EXPLORER_FILTERS.flatMap((filter, i) => {
    const kindsToo = i === 0 ? [null, ['Authority' as const]] : [null];
    return kindsToo.flatMap((kinds) => [
      overviewStatement({ filter: { ...filter, kinds }, limit: 1, maxEdges: 1, provenance: none }),
      neighborhoodStatement({ id: NOBODY, depth: 1, limit: 1, maxEdges: 1, filter, kinds, provenance: none }),
    ]);
  });
}

/** Time a warm-up statement may take: planning on a loaded machine takes far longer than running. */
const WARM_UP_TIMEOUT_MS = 180_000;

/** Plans the slow statements; returns how long it took. Failures are the caller's to log. */
export async function warmUp(db: Database): Promise<number> {
  const options = { timeoutMs: WARM_UP_TIMEOUT_MS };
  const started = performance.now();
  const filter = { relTypes: null, funded: true, yearFrom: null, yearTo: null, minAmountUsd: null };
  await readRows(db, endsStatement(NOBODY, NOBODY), options);
  await readRows(db, layerStatement({ ids: [NOBODY], into: [NOBODY] }, filter, []), options);
  for (const provenance of VARIANTS) {
    await readRows(db, pathItemsStatement([NOBODY], [{ x: NOBODY, y: NOBODY, edgeId: NOBODY }], provenance), options);
    await readRows(db, edgesStatement({ ids: [NOBODY], provenance }), options);
  }
  // The data summary, which the explorer asks on its first load (the timeline's span), is run,
  // not only planned: it reads every record, so its first run on a cold page cache is slow (M:
  // 2.7 s, then 0.3-0.4 s), and the explorer's first picture waited for it.
  await readRows(db, summaryStatement({ sourcesFirst: 1 }), options);
  for (const st of explorerStatements()) await db.read(`EXPLAIN ${st.cypher}`, st.params, options);
  return performance.now() - started;
}
