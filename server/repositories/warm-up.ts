/**
 * Statements whose first plan is slow (a cold database spends seconds planning them), run once at
 * server start with ids that name nothing, so that Neo4j caches their plans before the first user
 * request instead of during it.
 */
import type { Database } from '../db/database.ts';
import { endsStatement, layerStatement, pathItemsStatement } from './paths/statements.ts';
import { edgesStatement } from './lookups.ts';
import type { ProvenancePlan } from './plan.ts';
import { readRows } from './read.ts';

const NOBODY = '\u0000warm-up';

/** The provenance variants the explorer sends (none, and headings with works and documents). */
const VARIANTS: ProvenancePlan[] = [
  { headings: false, works: false, documents: false },
  { headings: true, works: true, documents: true },
];

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
  return performance.now() - started;
}
