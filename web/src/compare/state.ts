/**
 * The comparison mode's pure logic: whether a state compares, what it asks of the API, and the
 * canvas elements of an answer: the nodes and edges through the one mapping (to-elements.ts),
 * each edge marked with the API's status and labelled with the API's amounts.
 */
import type { ElementDefinition } from 'cytoscape';
import type { fetchGraphComparison } from '../api/queries.ts';
import type { GraphEdge } from '../api/types.ts';
import type { ExploreInputs } from '../explore/state.ts';
import { overviewFilter } from '../explore/state.ts';
import { toElements } from '../graph/to-elements.ts';
import { formatUsd, humanType } from '../ui/format.ts';
import { parseSpan, spanText, type Span } from './span.ts';

export type Comparison = Awaited<ReturnType<typeof fetchGraphComparison>>;
type ComparedEdge = Comparison['edges'][number];
export type CompareStatus = ComparedEdge['status'];

/** The statuses in legend order, with their words and the class each edge gets. */
export const STATUSES: { status: CompareStatus; label: string; cls: string }[] = [
  { status: 'ADDED', label: 'added', cls: 'cmp-added' },
  { status: 'REMOVED', label: 'removed', cls: 'cmp-removed' },
  { status: 'CHANGED', label: 'changed amount', cls: 'cmp-changed' },
  { status: 'SAME', label: 'unchanged', cls: 'cmp-same' },
];

/** The two windows when the state compares, else null. */
export function comparing(s: Pick<ExploreInputs, 'explore'>): { a: Span; b: Span } | null {
  const a = parseSpan(s.explore.compareA);
  const b = parseSpan(s.explore.compareB);
  return a && b ? { a, b } : null;
}

/** The request: the two windows under the panel's kinds, types, minimum amount and size (the year filter is replaced by the windows). */
export function comparisonArgs(s: ExploreInputs, w: { a: Span; b: Span }) {
  const { kinds, types, minAmountUsd, limit } = overviewFilter(s);
  return { a: w.a, b: w.b, kinds, types, minAmountUsd, limit };
}

const amount = (x: number | null | undefined) => formatUsd(x ?? 0);

/** What an edge's label and note say: its status in words, with the API's amounts for funding. */
function describe(e: ComparedEdge, a: Span, b: Span): { label: string; note: string } {
  const [ta, tb] = [spanText(a), spanText(b)];
  const money = e.type === 'FUNDED';
  const type = humanType(e.type);
  // The note opens a sentence.
  const kind = money ? 'Funding' : type.charAt(0).toUpperCase() + type.slice(1);
  switch (e.status) {
    case 'ADDED':
      return { label: `+ ${money ? amount(e.amountB) : humanType(e.type)}`, note: `${kind} in ${tb}, not in ${ta}${money ? `: ${amount(e.amountB)} counted in ${tb}` : ''}.` };
    case 'REMOVED':
      return { label: `− ${money ? amount(e.amountA) : humanType(e.type)}`, note: `${kind} in ${ta}, no longer in ${tb}${money ? `: ${amount(e.amountA)} counted in ${ta}` : ''}.` };
    case 'CHANGED':
      return { label: `${amount(e.amountA)} → ${amount(e.amountB)}`, note: `Funding in both: ${amount(e.amountA)} counted in ${ta}, ${amount(e.amountB)} in ${tb}.` };
    default:
      return { label: money ? amount(e.amountB) : humanType(e.type), note: `${kind} in both ${ta} and ${tb}${money ? `, ${amount(e.amountB)} counted in each` : ''}.` };
  }
}

/** Canvas elements of a comparison; each edge carries its status, both amounts and a note saying what changed. */
export function comparisonElements(c: Comparison): ElementDefinition[] {
  const byId = new Map(c.edges.map((e) => [e.id, e]));
  // The side whose amount the edge is drawn with: the newer one, or the older one for a removal.
  const edges: GraphEdge[] = c.edges.map((e) => ({
    id: e.id,
    source: e.source,
    target: e.target,
    type: e.type,
    amountUsd: e.status === 'REMOVED' ? e.amountA : e.amountB,
    note: describe(e, c.a, c.b).note,
    // A funding pair is no stored record: it has no citations of its own (its flows do).
    ...(e.type === 'FUNDED' ? { sources: [] } : {}),
  }));
  const elements = toElements({ nodes: c.nodes, edges }, {
    edgeLabelFor: (edge) => describe(byId.get(edge.id)!, c.a, c.b).label,
  });
  for (const el of elements) {
    const e = el.group === 'edges' ? byId.get(el.data.id as string) : undefined;
    if (!e) continue;
    el.classes = [el.classes, 'compared', STATUSES.find((s) => s.status === e.status)!.cls].filter(Boolean).join(' ');
    Object.assign(el.data, { status: e.status, amountA: e.amountA, amountB: e.amountB });
  }
  return elements;
}

/** The banner's sentence: the windows, the API's counts, and what was left out. */
export function comparisonNote(c: Comparison): string {
  const { added, removed, changed, same } = c.counts;
  const left = c.truncated ? ` ${c.omittedNodes} more entities and ${c.omittedEdges} more relationships differ or hold and are left out.` : '';
  return `Comparing ${spanText(c.a)} with ${spanText(c.b)}: ${added} added, ${removed} removed, ${changed} changed, ${same} unchanged.${left}`;
}
