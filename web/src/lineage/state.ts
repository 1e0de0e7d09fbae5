/**
 * The lineage view's pure logic: which edges make the tree, canvas labels, the tree's nodes and
 * edges from a `lineage` answer, the helper edges dagre ranks on, and the table's rows.
 */
import type { GraphEdge, GraphNode, Lineage, LineageEntry } from '../api/types.ts';
import { humanType } from '../ui/format.ts';

/** Edge types that make the tree. */
export const CHAIN = new Set(['EVOLVED_INTO', 'CONSOLIDATED_INTO', 'REAUTHORIZED_BY']);
/** Edge types drawn between authorities of the tree (governance by actors becomes label text). */
export const DRAWN = new Set([...CHAIN, 'ESTABLISHED_BY', 'FUNDED_THROUGH']);

/** A short name for labels: the shorter of name and citation, with the usual NDAA abbreviation. */
export function shortName(x: { name: string; citation?: string | null }): string {
  const options = [x.name, x.citation].filter((v): v is string => !!v).map((v) => v.replace(/National Defense Authorization Act for Fiscal Year (\d{4})/g, 'NDAA FY$1'));
  return options.sort((a, b) => a.length - b.length)[0] ?? x.name;
}

function names(list: { name: string; citation?: string | null }[]): string {
  return list.map(shortName).join(', ');
}

/** Multi-line canvas label of one authority. */
export function lineageLabel(node: { name: string; year?: number | null }, entry: LineageEntry | undefined): string {
  const enacted = entry?.authority.enacted ?? node.year;
  const lines = [enacted ? `${shortName(node)} (${enacted})` : shortName(node)];
  if (entry?.establishedBy.length) lines.push(`est. by ${names(entry.establishedBy)}`);
  const admin = [...(entry?.administeredBy ?? []), ...(entry?.implementedBy ?? [])];
  if (admin.length) lines.push(`run by ${names(admin)}`);
  return lines.join('\n');
}

export interface Tree {
  /** Entries by authority id; the root is always one. */
  entries: Map<string, LineageEntry>;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** The tree to draw from a lineage answer. */
export function treeOf(lineage: Lineage): Tree {
  const entries = new Map(lineage.entries.map((e) => [e.authority.id, e]));
  if (!entries.has(lineage.root.id)) {
    entries.set(lineage.root.id, { authority: lineage.root, generation: 0, establishedBy: [], administeredBy: [], implementedBy: [] });
  }
  const byId = new Map(lineage.subgraph.nodes.map((n) => [n.id, n]));
  // Tree nodes: the lineage entries (from the subgraph when present, so data fields match).
  const nodes: GraphNode[] = [...entries.values()].map(
    (e) =>
      byId.get(e.authority.id) ?? { id: e.authority.id, labels: ['Entity', 'Authority'], name: e.authority.name, kind: 'Authority', description: null, citation: e.authority.citation ?? null, year: e.authority.enacted ?? null, amountUsd: null },
  );
  const edges = lineage.subgraph.edges.filter((e) => DRAWN.has(e.type) && entries.has(e.source) && entries.has(e.target) && e.source !== e.target);
  return { entries, nodes, edges };
}

/**
 * dagre ranks by edge direction, but "established by" points from the newer to the older
 * authority: helper edges that always run from the earlier generation to the later.
 */
export function rankingEdges(tree: Tree): { id: string; source: string; target: string }[] {
  const gen = (id: string) => tree.entries.get(id)?.generation ?? 0;
  return tree.edges.map((e, i) => {
    const forward = gen(e.source) <= gen(e.target);
    return { id: `ghost:${i}`, source: forward ? e.source : e.target, target: forward ? e.target : e.source };
  });
}

export interface TableRow {
  entry: LineageEntry;
  /** "Came from": the authorities this one evolved or was consolidated from. */
  cameFrom: string[];
}

/** Table rows in generation, then enactment, then name order. */
export function tableRows(lineage: Lineage, entries: Iterable<LineageEntry>): TableRow[] {
  const sorted = [...entries].sort((a, b) => a.generation - b.generation || (a.authority.enacted ?? 0) - (b.authority.enacted ?? 0) || a.authority.name.localeCompare(b.authority.name));
  const incoming = new Map<string, string[]>();
  for (const e of lineage.subgraph.edges) {
    if (!CHAIN.has(e.type)) continue;
    const from = lineage.entries.find((x) => x.authority.id === e.source)?.authority.name ?? e.source;
    incoming.set(e.target, [...(incoming.get(e.target) ?? []), `${from} (${humanType(e.type)}${e.start ? `, ${e.start}` : ''})`]);
  }
  return sorted.map((entry) => ({ entry, cameFrom: incoming.get(entry.authority.id) ?? [] }));
}
