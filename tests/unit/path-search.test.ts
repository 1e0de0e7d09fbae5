/**
 * The path search's loop and walk (server/repositories/paths/run.ts, search.ts) on random graphs
 * in memory, against a plain depth-first enumeration of every simple path: the same paths, in the
 * same order, complete; and an honest `complete: false` when a bound stops it.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../bench/lib/prng.ts';
import { runSearch } from '../../server/repositories/paths/run.ts';
import type { LayerRead, LayerRow } from '../../server/repositories/paths/search.ts';

interface Edge {
  a: string;
  b: string;
  ty: string;
  id: string;
}

const TYPES = ['ALLIED_WITH', 'FUNDED', 'TRAINED', 'TRAINED_BY'];

/** A random multigraph: some hubs, parallel edges of one type, a few nodes out of reach. */
function randomGraph(seed: number, nodes: number, edges: number): Edge[] {
  const rng = new Rng(seed, 'path-search');
  const id = (i: number) => `n${String(i).padStart(3, '0')}`;
  const list: Edge[] = [];
  for (let k = 0; k < edges; k++) {
    const a = rng.chance(0.3) ? rng.int(0, 2) : rng.int(0, nodes - 4);
    const b = rng.int(0, nodes - 4);
    if (a !== b) list.push({ a: id(a), b: id(b), ty: rng.pick(TYPES), id: `e${k}` });
  }
  return list;
}

/** Steps per node: one per neighbour and type, the edge with the smallest id (the rule of the layer statement). */
function stepsOf(edges: Edge[]): Map<string, Map<string, { y: string; ty: string; edgeId: string }>> {
  const adj = new Map<string, Map<string, { y: string; ty: string; edgeId: string }>>();
  const add = (x: string, y: string, e: Edge) => {
    const m = adj.get(x) ?? new Map();
    adj.set(x, m);
    const key = `${e.ty} ${y}`;
    const had = m.get(key);
    if (!had || e.id < had.edgeId) m.set(key, { y, ty: e.ty, edgeId: e.id });
  };
  for (const e of edges) {
    add(e.a, e.b, e);
    add(e.b, e.a, e);
  }
  return adj;
}

/** Every simple path of at most maxHops steps, shortest first, then by the ids and types along it. */
function bruteForce(edges: Edge[], from: string, to: string, maxHops: number, exclude: string[]): string[] {
  const adj = stepsOf(edges);
  const out: string[] = [];
  const walk = (at: string, ns: string[], ts: string[]) => {
    if (at === to) return void out.push(ns.map((n, i) => `${n} ${ts[i] ?? ''} `).join(''));
    if (ts.length === maxHops) return;
    for (const s of adj.get(at)?.values() ?? []) if (!ns.includes(s.y) && !exclude.includes(s.y)) walk(s.y, [...ns, s.y], [...ts, s.ty]);
  };
  walk(from, [from], []);
  const len = (sig: string) => sig.trim().split(' ').length >> 1;
  return out.sort((a, b) => len(a) - len(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** The search with layers read from the graph in memory. */
function search(edges: Edge[], from: string, to: string, maxHops: number, limit: number, excludeIds: string[], bounds: { budget?: number; visitCap?: number } = {}) {
  const adj = stepsOf(edges);
  const degree = (id: string) => edges.filter((e) => e.a === id || e.b === id).length;
  const readLayer = async (read: LayerRead): Promise<LayerRow[]> =>
    read.ids.flatMap((x) =>
      [...(adj.get(x)?.values() ?? [])]
        .filter((s) => !excludeIds.includes(s.y) && (read.into === null || read.into.includes(s.y)))
        .map((s) => ({ x, ...s, degree: degree(s.y) })));
  return runSearch({ from, to, degrees: { from: degree(from), to: degree(to) }, maxHops, limit, excludeIds, ...bounds }, readLayer);
}

const sigOf = (p: { nodes: string[]; steps: { ty: string }[] }) => p.nodes.map((n, i) => `${n} ${p.steps[i]?.ty ?? ''} `).join('');

describe('path search', () => {
  const cases: [number, number, number, number, number][] = [];
  for (let seed = 1; seed <= 40; seed++) cases.push([seed, 30 + (seed % 5) * 10, 60 + (seed % 7) * 25, 1 + (seed % 5), 1 + (seed % 9)]);

  it.each(cases)('graph %i (%i nodes, %i edges): the first paths within %i hops, limit %i, as a full enumeration', async (seed, nodes, edgeCount, maxHops, limit) => {
    const edges = randomGraph(seed, nodes, edgeCount);
    const rng = new Rng(seed, 'ends');
    const from = `n${String(rng.int(0, 5)).padStart(3, '0')}`;
    const to = `n${String(rng.int(6, nodes - 1)).padStart(3, '0')}`;
    const exclude = seed % 3 === 0 ? ['n001'].filter((x) => x !== from && x !== to) : [];
    const want = bruteForce(edges, from, to, maxHops, exclude).slice(0, limit);
    const got = await search(edges, from, to, maxHops, limit, exclude);
    expect(got.found.map(sigOf)).toEqual(want);
    expect(got.complete).toBe(true);
    expect(got.coverage.stoppedBy).toBeNull();
    for (const p of got.found) expect(p.nodes.some((n) => exclude.includes(n))).toBe(false);
  });

  it('grows the cheaper end: from a leaf to a hub it reads the leaf side first', async () => {
    const edges: Edge[] = [{ a: 'leaf', b: 'mid', ty: 'TRAINED', id: 'e0' }, { a: 'mid', b: 'hub', ty: 'TRAINED', id: 'e1' }];
    for (let i = 0; i < 50; i++) edges.push({ a: 'hub', b: `x${i}`, ty: 'FUNDED', id: `f${i}` });
    const got = await search(edges, 'hub', 'leaf', 2, 5, []);
    expect(got.found.map(sigOf)).toEqual(['hub TRAINED mid TRAINED leaf  ']);
    // A meet from the leaf (1), the leaf's layer (1), a meet from mid into the hub (2): the hub's 51 never.
    expect(got.coverage.work).toBe(1 + 1 + 2);
  });

  it('says complete: false, with what it covered, when the work budget stops it', async () => {
    const edges = randomGraph(7, 40, 200);
    const full = bruteForce(edges, 'n000', 'n030', 4, []);
    const got = await search(edges, 'n000', 'n030', 4, 25, [], { budget: 30 });
    expect(got.coverage.stoppedBy).toBe('WORK_BUDGET');
    expect(got.complete).toBe(full.filter((s) => s.trim().split(' ').length >> 1 <= got.coverage.exhaustiveTo).length >= 25);
    expect(got.found.map(sigOf)).toEqual(full.filter((s) => s.trim().split(' ').length >> 1 <= got.coverage.exhaustiveTo).slice(0, 25));
  });

  it('says complete: false when the walk reaches its visit cap', async () => {
    const edges = randomGraph(11, 40, 300);
    const got = await search(edges, 'n000', 'n030', 5, 25, [], { visitCap: 20 });
    expect(got.coverage.stoppedBy).toBe('PREFIX_CAP');
    expect(got.complete).toBe(false);
  });
});
