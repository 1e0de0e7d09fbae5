/**
 * Issue 7 (3), quick form: the import command is killed with SIGKILL at five or more points of a
 * load of a small synthetic data set; after a rerun the graph equals a clean load, node for node
 * and property for property (the loader's graph checksum). Runs on the shared test database and
 * puts the seed back afterwards (checked by checksum).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../bench/generate.ts';
import { openGraph, type DrillGraph, type GraphDigest } from './support/graph.ts';
import { killAllImports, runImport } from './support/import-cli.ts';

/** Where in the clean load's duration (0..1) to kill; more than five, as a kill can land after the end. */
const FRACTIONS = [0.35, 0.5, 0.6, 0.7, 0.8, 0.9, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95];
const WANTED_KILLS = 5;

describe('interrupted import (S data set, kill -9 of the import command)', () => {
  let graph: DrillGraph;
  let seed: GraphDigest;
  let dir: string;
  /** Set by afterAll: a timed-out test body must not go on wiping the graph. */
  let finished = false;
  const tmp = mkdtempSync(join(tmpdir(), 'aidgraph-rel-import-'));
  const env = () => ({
    NEO4J_URI: process.env.NEO4J_URI!,
    NEO4J_USERNAME: process.env.NEO4J_USERNAME ?? 'neo4j',
    NEO4J_PASSWORD: process.env.NEO4J_PASSWORD ?? '',
  });

  beforeAll(async () => {
    graph = openGraph();
    seed = await graph.digest();
    dir = (await generateDataset('S', join(tmp, 'S-7'), 7)).dir;
  });

  afterAll(async () => {
    finished = true;
    killAllImports();
    try {
      await graph.restoreSeed();
      expect(await graph.digest(), 'the seed graph is back as the global setup left it').toEqual(seed);
    } finally {
      await graph.close();
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('converges to the clean load after every kill', { timeout: 240_000 }, async () => {
    await graph.reset();
    const clean = await runImport(dir, { env: env() });
    expect(clean.code, clean.stderr).toBe(0);
    const expected = await graph.digest();
    expect(expected.nodes).toBeGreaterThan(1000);

    const kills: { atMs: number; nodes: number; relationships: number }[] = [];
    const misses: number[] = [];
    // A kill "mid-load" left something, but not everything, in the graph.
    const midLoad = () => kills.filter((k) => k.nodes > 0 && (k.nodes < expected.nodes || k.relationships < expected.relationships));
    for (const fraction of FRACTIONS) {
      if (midLoad().length >= WANTED_KILLS || finished) break;
      await graph.reset();
      const atMs = Math.round(clean.ms * fraction);
      const run = await runImport(dir, { env: env(), kill: { afterMs: atMs } });
      if (!run.killed) {
        // It finished first: not an interruption; the graph must then be complete.
        expect(run.code, run.stderr).toBe(0);
        expect(await graph.digest()).toEqual(expected);
        misses.push(atMs);
        continue;
      }
      const partial = await graph.digest();
      kills.push({ atMs, nodes: partial.nodes, relationships: partial.relationships });
      const rerun = await runImport(dir, { env: env() });
      expect(rerun.code, rerun.stderr).toBe(0);
      expect(await graph.digest(), `after a kill at ${atMs} ms (${partial.nodes} nodes written) and a rerun`).toEqual(expected);
    }
    console.log(`interrupted import (S): clean load ${clean.ms.toFixed(0)} ms, ${expected.nodes} nodes, ${expected.relationships} relationships; ` +
      `kills at ${kills.map((k) => `${k.atMs} ms (${k.nodes} nodes/${k.relationships} rels written)`).join(', ')}; ` +
      `${misses.length} kill points came after the end`);
    expect(midLoad().length, 'kills that landed while the import was writing').toBeGreaterThanOrEqual(WANTED_KILLS);
  });
});
