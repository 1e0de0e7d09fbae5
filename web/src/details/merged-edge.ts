/**
 * The details panel for a line that stands for several relationships between two nodes (the
 * lineage view merges parallel edges so that their labels stay readable): each relationship the
 * line stands for, with its type, years, timing, evidence and citations, as the API gives them.
 */
import type { EdgeSingular } from 'cytoscape';
import { fetchEdges } from '../api/queries.ts';
import { isAbort } from '../api/client.ts';
import type { GraphEdge } from '../api/types.ts';
import { h, setChildren } from '../ui/dom.ts';
import { formatYears, humanType } from '../ui/format.ts';
import { describeError } from '../ui/status.ts';
import { citationList } from './citations.ts';
import type { FlowListActions } from './flow-list.ts';
import { evidenceText, row, timingText } from './parts.ts';

function member(e: GraphEdge, a: FlowListActions): HTMLElement {
  return h(
    'li',
    { class: 'merged-member', 'data-edge': e.id },
    h('h3', {}, humanType(e.type)),
    h(
      'dl',
      { class: 'props' },
      row('Years', formatYears(e.start, e.end)),
      row('Timing', e.timing ? timingText(e.timing) : null),
      row('Evidence', e.evidence ? evidenceText(e.evidence) : null),
      row('Note', e.note),
    ),
    citationList(e.sources, a),
  );
}

/** Render the relationships `ids` that the line `edge` stands for. */
export function renderMergedEdge(host: HTMLElement, edge: EdgeSingular, ids: string[], a: FlowListActions, signal: AbortSignal): void {
  const source = edge.source();
  const target = edge.target();
  const head = [
    h('header', { class: 'details-head' }, h('h2', { id: 'details-title', tabindex: '-1' }, `${ids.length} relationships`)),
    h('p', {}, a.link(source.id(), source.data('name'), source.data('kind')), ' — ', a.link(target.id(), target.data('name'), target.data('kind'))),
  ];
  setChildren(host, ...head, h('p', { class: 'muted' }, 'Loading the relationships…'));
  host.dataset.state = 'loading';
  fetchEdges(ids, signal).then(
    (edges) => {
      if (signal.aborted) return;
      setChildren(host, ...head, h('ul', { class: 'merged-members' }, ...edges.map((e) => member(e, a))));
      host.dataset.state = 'ready';
    },
    (err) => {
      if (isAbort(err)) return;
      setChildren(host, ...head, h('p', {}, describeError(err).title));
      host.dataset.state = 'error';
    },
  );
}
