/**
 * The lineage view's pure logic: which edges make the tree, canvas labels, the tree's nodes and
 * edges from a `lineage` answer, and the table's rows (placement.ts places the nodes).
 */
import type { GraphEdge, GraphNode, Lineage, LineageEntry } from '../api/types.ts';
import { LINEAGE_CHAIN_TYPES } from '../../../domain/lineage.ts';
import { humanType } from '../ui/format.ts';

/** Edge types that make the tree's spine (the domain's lineage chain). */
export const CHAIN: ReadonlySet<string> = new Set(LINEAGE_CHAIN_TYPES);
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

export interface TableRow {
  entry: LineageEntry;
  /** "Came from": the authorities this one evolved or was consolidated from. */
  cameFrom: string[];
}

/** Table rows in generation, then enactment, then name order. */
export function tableRows(lineage: Lineage, entries: Iterable<LineageEntry>): TableRow[] {
  const sorted = [...entries].sort((a, b) => a.generation - b.generation || (a.authority.enacted ?? 0) - (b.authority.enacted ?? 0) || a.authority.name.localeCompare(b.authority.name));
  // Several relations between the same two authorities read as one entry ("evolved into / consolidated into, 2016").
  const incoming = new Map<string, Map<string, { types: Set<string>; years: Set<number> }>>();
  for (const e of lineage.subgraph.edges) {
    if (!CHAIN.has(e.type) || e.source === e.target) continue;
    const from = lineage.entries.find((x) => x.authority.id === e.source)?.authority.name ?? lineage.subgraph.nodes.find((n) => n.id === e.source)?.name ?? e.source;
    const byFrom = incoming.get(e.target) ?? new Map();
    incoming.set(e.target, byFrom);
    const slot = byFrom.get(from) ?? { types: new Set<string>(), years: new Set<number>() };
    byFrom.set(from, slot);
    slot.types.add(humanType(e.type));
    if (e.start) slot.years.add(e.start);
  }
  const text = (from: string, slot: { types: Set<string>; years: Set<number> }) => `${from} (${[[...slot.types].sort().join(' / '), ...[...slot.years].sort()].join(', ')})`;
  return sorted.map((entry) => ({ entry, cameFrom: [...(incoming.get(entry.authority.id) ?? new Map()).entries()].map(([from, slot]) => text(from, slot)) }));
}
