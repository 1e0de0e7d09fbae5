/**
 * Issue 7 (3), long form. (a) The S data set: five kills of the import command, each from an
 * empty graph at 10, 30, 50, 70 and 90 % of the clean load's nodes and relationships, each
 * followed by a rerun that must give the clean checksum. (b) The M data set: five kills in a row,
 * each run starting from what the killed one left, then a rerun that must give the checksum of
 * a clean load of M.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../bench/generate.ts';
import { openGraph } from './support/graph.ts';
import { killAllImports, runImport } from './support/import-cli.ts';
import { chainedKills, formatKills, freshKills, type KillRecord } from './support/kill-drill.ts';
import { mDatabase } from './support/m-dataset.ts';
import { ownNeo4j, type OwnNeo4j } from './support/own-neo4j.ts';
import { saveResults } from './support/results.ts';

const TARGETS = [0.1, 0.3, 0.5, 0.7, 0.9];
/**
 * S is small: near its end the batch in flight when the kill lands can be the last one (a run
 * killed at 90 % once found the whole graph written), so its last kill aims at 80 %.
 */
const S_TARGETS = [0.1, 0.3, 0.5, 0.7, 0.8];

describe('interrupted import drill', () => {
  const results: Record<string, unknown> = {};
  const started: OwnNeo4j[] = [];
  const scratch = mkdtempSync(join(tmpdir(), 'aidgraph-rel-import-drill-'));

  afterAll(async () => {
    killAllImports();
    for (const db of started) await db.dispose(true);
    rmSync(scratch, { recursive: true, force: true });
    saveResults('interrupted-import', results);
  });

  it('S: every kill from an empty graph, then a rerun, gives the clean load', async () => {
    const { dir } = await generateDataset('S', join(scratch, 'S-42'), 42);
    const db = await ownNeo4j({ name: 'import-S', heapMb: 768, pageCacheMb: 256 });
    started.push(db);
    const graph = openGraph(db.env());
    try {
      const clean = await runImport(dir, { env: db.env() });
      expect(clean.code, clean.stderr).toBe(0);
      const digest = await graph.digest();
      const kills: KillRecord[] = await freshKills(graph, dir, db.env(), digest, S_TARGETS);
      results.S = { cleanMs: clean.ms, nodes: digest.nodes, relationships: digest.relationships, kills };
      console.log(`interrupted import (S, from empty): clean load ${(clean.ms / 1000).toFixed(1)} s, ${digest.nodes} nodes, ${digest.relationships} relationships; ` +
        `killed at ${formatKills(kills)}; every rerun gave the clean checksum`);
    } finally {
      await graph.close();
    }
  });

  it('M: five kills in a row, then a rerun, gives the clean load', async () => {
    // The reference: a clean load of M (cached between runs, keyed by the loader's code).
    const reference = await mDatabase();
    const clean = reference.digest;
    await reference.release();
    const db = await ownNeo4j({ name: 'import-M' });
    started.push(db);
    const graph = openGraph(db.env());
    try {
      const began = performance.now();
      // The default batch size: M has dozens of commit points at it.
      const kills = await chainedKills(graph, reference.dataset.dir, db.env(), clean, TARGETS, []);
      results.M = { nodes: clean.nodes, relationships: clean.relationships, kills, totalMs: performance.now() - began, cleanImportMs: reference.importMs };
      console.log(`interrupted import (M, chained): killed at ${formatKills(kills)}; the final rerun gave the clean checksum (${clean.nodes} nodes, ${clean.relationships} relationships) ` +
        `in ${((performance.now() - began) / 1000).toFixed(0)} s in all`);
    } finally {
      await graph.close();
    }
  });
});
