/**
 * Issue 7 (2), quick form: aidgraph under read load while its Neo4j is killed (SIGKILL) and
 * started again on the same port and data. The server never crashes, /readyz reports the
 * outage and the recovery, reads recover within the driver's retry window, and no request runs
 * past the transaction timeout. The long form (clean stop and crash, M data set, 10 clients)
 * is db-restart.drill.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openGraph } from './support/graph.ts';
import { ownNeo4j, type OwnNeo4j } from './support/own-neo4j.ts';
import { SEED_TARGETS, workload } from './support/queries.ts';
import { checkRestart, DRIVER_RETRY_WINDOW_MS } from './support/restart-checks.ts';
import { describeOutcome, restartUnderLoad } from './support/restart-scenario.ts';
import { startServer, type DrillServer } from './support/server.ts';
import { SEED_DATA_DIR } from '../../seed/seed-if-empty.ts';

describe('Neo4j killed and restarted under load (seed data, 4 clients)', () => {
  let db: OwnNeo4j;
  let server: DrillServer;

  beforeAll(async () => {
    db = await ownNeo4j({ name: 'restart-quick', heapMb: 512, pageCacheMb: 128 });
    const graph = openGraph(db.env());
    try {
      await graph.load(SEED_DATA_DIR);
    } finally {
      await graph.close();
    }
    server = await startServer(db.env());
  }, 600_000);

  afterAll(async () => {
    await server?.close();
    await db?.dispose(true);
  }, 120_000);

  it('keeps serving, reports the outage and recovers', { timeout: 600_000 }, async () => {
    const workloads = Array.from({ length: 4 }, (_, i) => workload(SEED_TARGETS, 100 + i));
    const outcome = await restartUnderLoad({
      db,
      baseUrl: server.url,
      clients: 4,
      next: (client) => workloads[client](),
      mode: 'kill',
      warmupMs: 3_000,
      afterMs: DRIVER_RETRY_WINDOW_MS + 5_000,
      stopAfterCleanMs: 3_000,
      requestTimeoutMs: 120_000,
    }, DRIVER_RETRY_WINDOW_MS);
    console.log(describeOutcome('restart (quick, SIGKILL)', outcome));
    expect(outcome.load.requests).toBeGreaterThan(10);
    checkRestart(outcome, server.config.queryTimeoutMs);
  });
});
