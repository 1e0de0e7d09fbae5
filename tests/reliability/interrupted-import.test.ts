/**
 * Issue 7 (3), quick form: the import command (`seed/cli.ts import`) loading the seed data is
 * killed with SIGKILL five times, each time later in the load and each run starting from what
 * the killed one left; a final rerun must leave the graph equal to a clean load, node for node
 * and property for property (the loader's checksum). Runs on the shared test database: the
 * clean load of the seed is what the global setup left, and what stays at the end.
 * The long form (every kill from an empty graph on a synthetic data set, and kills of an M-size
 * import) is interrupted-import.drill.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_DATA_DIR } from '../../seed/seed-if-empty.ts';
import { openGraph, type DrillGraph, type GraphDigest } from './support/graph.ts';
import { killAllImports, runImport } from './support/import-cli.ts';
import { chainedKills, formatKills } from './support/kill-drill.ts';

describe('interrupted import of the seed data (kill -9 at five points, then rerun)', () => {
  let graph: DrillGraph;
  let clean: GraphDigest;
  const env = () => ({
    NEO4J_URI: process.env.NEO4J_URI!,
    NEO4J_USERNAME: process.env.NEO4J_USERNAME ?? 'neo4j',
    NEO4J_PASSWORD: process.env.NEO4J_PASSWORD ?? '',
  });

  beforeAll(() => {
    graph = openGraph();
  });

  afterAll(async () => {
    killAllImports();
    try {
      if (clean && (await graph.digest()).checksum !== clean.checksum) await graph.restoreSeed();
    } finally {
      await graph.close();
    }
  });

  it('converges to the clean load', { timeout: 300_000 }, async () => {
    await graph.reset();
    const first = await runImport(SEED_DATA_DIR, { env: env() });
    expect(first.code, first.stderr).toBe(0);
    clean = await graph.digest();
    expect(clean.nodes).toBeGreaterThan(100);

    await graph.reset();
    const kills = await chainedKills(graph, SEED_DATA_DIR, env(), clean, [0.1, 0.25, 0.4, 0.55, 0.7]);
    expect(kills).toHaveLength(5);
    console.log(`interrupted import (seed): clean load ${first.ms.toFixed(0)} ms (${clean.nodes} nodes, ${clean.relationships} relationships); ` +
      `killed at ${formatKills(kills)} of the graph; the rerun converged to the clean checksum`);
  });
});
