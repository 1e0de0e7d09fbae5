/**
 * The details panel for an edge clicked on a canvas: its ends, years, what the years mean
 * (timing), its evidence, amount, authority and citations. The element carries what its subgraph
 * query selected; the rest is asked of the API: a funding flow by its id (its authority's name,
 * evidence and citations), any other edge by its id (citations).
 */
import type { EdgeSingular } from 'cytoscape';
import { fetchEdges, fetchFlow } from '../api/queries.ts';
import { isAbort } from '../api/client.ts';
import type { Citation } from '../api/types.ts';
import type { EdgeData } from '../graph/to-elements.ts';
import { h, setChildren } from '../ui/dom.ts';
import { formatUsd, formatYears, humanType } from '../ui/format.ts';
import { describeError } from '../ui/status.ts';
import { citationList } from './citations.ts';
import { evidenceText, row, timingText } from './parts.ts';
import type { FlowListActions } from './flow-list.ts';

/** What the panel shows beyond the element's own data. */
interface Extra {
  sources: Citation[] | null;
  evidence: EdgeData['evidence'];
  timing: EdgeData['timing'];
  authority: { id: string; name: string } | null;
  /** Set while loading or after a failure: shown in place of the citations. */
  status: string | null;
}

/** An authority's name from the canvas (plain, or a funding column's node), when it is drawn there. */
function authorityOnCanvas(edge: EdgeSingular, id: string | null): Extra['authority'] {
  if (!id) return null;
  const cy = edge.cy();
  const node = [id, `a:${id}`].map((x) => cy.getElementById(x)).find((n) => n.nonempty());
  const name = node?.data('name') as string | undefined;
  return name ? { id, name } : null;
}

function draw(host: HTMLElement, edge: EdgeSingular, x: Extra, a: FlowListActions): void {
  const d = edge.data() as EdgeData;
  const source = edge.source();
  const target = edge.target();
  setChildren(
    host,
    h('header', { class: 'details-head' }, h('span', { class: `edge-swatch line-${d.lineStyle}`, style: `--c:${d.color}` }), h('h2', { id: 'details-title', tabindex: '-1' }, humanType(d.type))),
    h('p', {}, a.link(source.id(), source.data('name'), source.data('kind')), ' → ', a.link(target.id(), target.data('name'), target.data('kind'))),
    h(
      'dl',
      { class: 'props' },
      row('Type', d.type),
      row('Years', formatYears(d.start, d.end)),
      row('Timing', x.timing ? timingText(x.timing) : null),
      row('Evidence', x.evidence ? evidenceText(x.evidence) : null),
      row('Amount', d.amountUsd ? formatUsd(d.amountUsd) : null),
      row('Authority', x.authority ? a.link(x.authority.id, x.authority.name, 'Authority') : null),
      row('Note', d.note),
    ),
    h('section', { id: 'edge-sources' }, h('h3', {}, 'Sources'), x.status ? h('p', { class: 'muted' }, x.status) : citationList(x.sources, a)),
  );
}

/** Render an edge into the panel's host, asking the API for what the element lacks. */
export function renderEdge(host: HTMLElement, edge: EdgeSingular, a: FlowListActions, signal: AbortSignal): void {
  const d = edge.data() as EdgeData;
  const x: Extra = { sources: d.sources ?? null, evidence: d.evidence, timing: d.timing, authority: authorityOnCanvas(edge, d.authority), status: null };
  const flowMissing = d.fundingId !== null && (!d.sources || !d.evidence || (d.authority !== null && !x.authority));
  if (!flowMissing && d.sources) {
    draw(host, edge, x, a);
    host.dataset.state = 'ready';
    return;
  }
  x.status = 'Loading citations…';
  draw(host, edge, x, a);
  host.dataset.state = 'loading';
  const loaded = d.fundingId
    ? fetchFlow(d.fundingId, signal).then((f) => f && { sources: f.sources, evidence: f.evidence, timing: x.timing, authority: f.authority && { id: f.authority.id, name: f.authority.name } })
    : fetchEdges([d.id], signal).then((list) => {
        const e = list.find((y) => y.id === d.id);
        return e && { sources: e.sources ?? null, evidence: e.evidence ?? x.evidence, timing: e.timing ?? x.timing, authority: x.authority };
      });
  loaded.then(
    (answer) => {
      if (signal.aborted) return;
      // Kept on the element so the next click and the exports have them.
      if (answer?.sources && !edge.removed()) edge.data('sources', answer.sources);
      draw(host, edge, { ...x, ...answer, sources: answer?.sources ?? null, status: null }, a);
      host.dataset.state = 'ready';
    },
    (err) => {
      if (isAbort(err)) return;
      draw(host, edge, { ...x, status: describeError(err).title }, a);
      host.dataset.state = 'error';
    },
  );
}
