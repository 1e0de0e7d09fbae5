/**
 * Where each node of a lineage tree goes, computed here rather than by a layout engine so the
 * same authority always draws the same picture: the authority chain (LINEAGE_CHAIN_TYPES) runs
 * top-down, predecessors above successors; laws that established an authority sit to its left,
 * programs funded through it to its right. Parallel edges between the same two authorities
 * become one edge whose label names every relation.
 */
import type { GraphEdge } from '../api/types.ts';
import { LINEAGE_CHAIN_TYPES, lineageParent } from '../../../domain/lineage.ts';
import { humanType } from '../ui/format.ts';

const CHAIN: ReadonlySet<string> = new Set(LINEAGE_CHAIN_TYPES);

export const ROW = 200;
export const COLUMN = 560;
export const SIDE = 260;
const STACK = 80;

export interface Point {
  x: number;
  y: number;
}

/** Positions of every node id in `ids`, from the tree's edges. */
export function placeLineage(ids: string[], edges: GraphEdge[]): Map<string, Point> {
  const chainEdges = edges.filter((e) => CHAIN.has(e.type));
  const onChain = new Set<string>();
  for (const e of chainEdges) onChain.add(e.source).add(e.target);
  // A lone root (no chain edge) is its own chain of one.
  const sorted = [...ids].sort();
  if (onChain.size === 0 && sorted.length) onChain.add(sorted[0]!);

  // Rank = longest run of parents above; a cycle (bad data) stops after ids.length rounds.
  const rank = new Map<string, number>([...onChain].map((id) => [id, 0]));
  for (let round = 0; round < ids.length; round++) {
    let changed = false;
    for (const e of chainEdges) {
      const pc = lineageParent(e.type, e.source, e.target);
      if (!pc) continue;
      const want = (rank.get(pc.parent) ?? 0) + 1;
      if ((rank.get(pc.child) ?? 0) < want) {
        rank.set(pc.child, want);
        changed = true;
      }
    }
    if (!changed) break;
  }

  const rows = new Map<number, string[]>();
  for (const [id, r] of rank) rows.set(r, [...(rows.get(r) ?? []), id]);
  const at = new Map<string, Point>();
  for (const [r, members] of rows) {
    members.sort();
    members.forEach((id, i) => at.set(id, { x: (i - (members.length - 1) / 2) * COLUMN, y: r * ROW }));
  }

  // Side nodes: beside the chain node they attach to, left when they are its parent (a law),
  // right when they are its child (a program); stacked when several share a side.
  const stacks = new Map<string, number>();
  const pending = sorted.filter((id) => !at.has(id));
  for (let round = 0; round < ids.length && pending.length; round++) {
    for (let i = pending.length - 1; i >= 0; i--) {
      const id = pending[i]!;
      const link = edges
        .filter((e) => (e.source === id && at.has(e.target)) || (e.target === id && at.has(e.source)))
        .sort((a, b) => a.id.localeCompare(b.id))[0];
      if (!link) continue;
      const anchorId = link.source === id ? link.target : link.source;
      const anchor = at.get(anchorId)!;
      const pc = lineageParent(link.type, link.source, link.target);
      const side = pc && pc.parent === id ? -1 : 1;
      const key = `${anchorId}|${side}`;
      const k = stacks.get(key) ?? 0;
      stacks.set(key, k + 1);
      at.set(id, { x: anchor.x + side * SIDE * (1 + Math.floor(k / 2)), y: anchor.y + (k % 2 ? STACK : 0) });
      pending.splice(i, 1);
    }
  }
  // Anything unconnected goes in a row below the tree.
  const bottom = (Math.max(0, ...[...rank.values()]) + 1) * ROW;
  pending.forEach((id, i) => at.set(id, { x: i * SIDE, y: bottom }));
  return at;
}

export interface MergedEdge {
  edge: GraphEdge;
  /** Every edge the drawn one stands for (itself included). */
  ids: string[];
  label: string;
}

/** One edge per unordered pair of nodes; the label joins the relations and their years. */
export function mergeParallel(edges: GraphEdge[]): MergedEdge[] {
  const groups = new Map<string, GraphEdge[]>();
  for (const e of edges) {
    const key = [e.source, e.target].sort().join('\u0000');
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return [...groups.values()].map((group) => {
    group.sort((a, b) => a.type.localeCompare(b.type) || a.id.localeCompare(b.id));
    const first = group[0]!;
    const years = [...new Set(group.map((e) => e.start).filter((y): y is number => y != null))];
    const kinds = [...new Set(group.map((e) => humanType(e.type)))];
    const label = [kinds.join(' / '), years.join(', ')].filter(Boolean).join(' · ');
    return { edge: first, ids: group.map((e) => e.id), label };
  });
}
