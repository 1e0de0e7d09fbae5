/**
 * Interrupted imports (issue 7, item 3). Kill points are defined by how much of the graph is
 * written (node + relationship count against a clean load), so they land at the same stage of
 * the load whatever the machine's speed.
 * - `chainedKills`: one import after another, each killed later than the previous one, each
 *   starting from the graph the killed one left; then a rerun to the end.
 * - `freshKills`: each kill starts from an empty graph and is followed by a rerun.
 * After every rerun the graph must equal the clean load (the loader's checksum).
 */
import { expect } from 'vitest';
import type { DrillGraph, GraphDigest } from './graph.ts';
import { runImport } from './import-cli.ts';

/** One kill and what it left. */
export interface KillRecord {
  /** Share of the clean graph's nodes + relationships at which the kill was triggered. */
  target: number;
  /** Share actually present after the kill. */
  written: number;
  /** ms from spawn to kill. */
  ms: number;
}

const note = (line: string) => process.stderr.write(`[import drill] ${line}\n`);

/**
 * Records per transaction for the killed runs and their reruns: small batches give many commit
 * points to land between (the clean load keeps the default, so the drill also shows that the
 * batch size does not change the graph).
 */
const KILL_ARGS = ['--batch-size', '100'];

/** Kills when the graph holds `target` of the clean load's elements. */
function killAtShare(graph: DrillGraph, total: number, target: number, everyMs = 25) {
  return { everyMs, when: async () => { const c = await graph.counts(); return c.nodes + c.relationships >= target * total; } };
}

const share = (c: { nodes: number; relationships: number }, total: number) => (c.nodes + c.relationships) / total;

/** Runs the chained kills and the final rerun; returns the kills. */
export async function chainedKills(graph: DrillGraph, dir: string, env: Record<string, string>, clean: GraphDigest, targets: number[], args = KILL_ARGS): Promise<KillRecord[]> {
  const total = clean.nodes + clean.relationships;
  const kills: KillRecord[] = [];
  let previous = 0;
  for (const target of targets) {
    const run = await runImport(dir, { env, args, kill: killAtShare(graph, total, target) });
    expect(run.killed, `the import was still running at ${Math.round(target * 100)}% (it ended with ${run.code}: ${run.stderr.slice(-500)})`).toBe(true);
    const written = share(await graph.counts(), total);
    kills.push({ target, written, ms: run.ms });
    note(`killed at ${(written * 100).toFixed(1)}% of the graph (target ${Math.round(target * 100)}%) after ${run.ms.toFixed(0)} ms`);
    expect(written, 'a kill leaves a partial graph').toBeLessThan(1);
    expect(written, 'each rerun went further than the previous kill').toBeGreaterThanOrEqual(previous);
    previous = written;
  }
  const rerun = await runImport(dir, { env, args });
  expect(rerun.code, rerun.stderr.slice(-2000)).toBe(0);
  note(`final rerun ${rerun.ms.toFixed(0)} ms`);
  expect(await graph.digest(), 'after the kills and a rerun, the graph equals the clean load').toEqual(clean);
  return kills;
}

/** Each kill from an empty graph, then a rerun compared with the clean load. */
export async function freshKills(graph: DrillGraph, dir: string, env: Record<string, string>, clean: GraphDigest, targets: number[], args = KILL_ARGS): Promise<KillRecord[]> {
  const total = clean.nodes + clean.relationships;
  const kills: KillRecord[] = [];
  for (const target of targets) {
    await graph.reset();
    const run = await runImport(dir, { env, args, kill: killAtShare(graph, total, target) });
    expect(run.killed, `the import was still running at ${Math.round(target * 100)}%`).toBe(true);
    const written = share(await graph.counts(), total);
    kills.push({ target, written, ms: run.ms });
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(1);
    const rerun = await runImport(dir, { env, args });
    expect(rerun.code, rerun.stderr.slice(-2000)).toBe(0);
    note(`killed at ${(written * 100).toFixed(1)}% (target ${Math.round(target * 100)}%) after ${run.ms.toFixed(0)} ms; rerun ${rerun.ms.toFixed(0)} ms`);
    expect(await graph.digest(), `after a kill at ${(written * 100).toFixed(1)}% and a rerun, the graph equals the clean load`).toEqual(clean);
  }
  return kills;
}

/** "12.3%, 30.1%, ..." */
export const formatKills = (kills: KillRecord[]) => kills.map((k) => `${(k.written * 100).toFixed(1)}%`).join(', ');
