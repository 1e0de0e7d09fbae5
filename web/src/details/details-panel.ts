/**
 * The details panel: properties, relationships, funding in and out, and every citation of the
 * selected node or edge. Shared by all views; neighbours are buttons so it works by keyboard.
 */
import type { EdgeSingular } from 'cytoscape';
import { fetchDetails, fetchEdgeSources, fetchFlowsUnder } from '../api/queries.ts';
import { isAbort } from '../api/client.ts';
import type { FundingFlow, GraphEdge, GraphNode, NodeDetails } from '../api/types.ts';
import { h, setChildren } from '../ui/dom.ts';
import { formatFiscalYears, formatUsd, formatYears, humanKind, humanType } from '../ui/format.ts';
import { kindSwatch } from '../graph/legend.ts';
import { citationCount, citationList } from './citations.ts';
import { idAsName } from './citation-text.ts';
import { describeError } from '../ui/status.ts';
import type { EdgeData } from '../graph/to-elements.ts';

export interface DetailsEvents {
  /** The user chose a neighbour or an endpoint: focus it in the active view. */
  navigate(id: string): void;
  /** A node or an edge is being shown (the shell opens the details drawer on narrow screens). */
  shown?(): void;
}

function row(label: string, value: string | number | null | undefined | Node): HTMLElement | null {
  if (value == null || value === '') return null;
  return h('div', { class: 'prop' }, h('dt', {}, label), h('dd', {}, value instanceof Node ? value : String(value)));
}

function precisionMark(flow: FundingFlow): string {
  return flow.precision === 'LOWER_BOUND' ? '≥ ' : flow.precision === 'APPROXIMATE' ? '~ ' : '';
}

/** The panel controller. */
export class DetailsPanel {
  private controller: AbortController | null = null;
  private currentId: string | null = null;

  constructor(
    private readonly host: HTMLElement,
    private readonly events: DetailsEvents,
  ) {
    this.clear();
  }

  /** Nothing selected. */
  clear(): void {
    this.controller?.abort();
    this.currentId = null;
    this.host.dataset.state = 'empty';
    setChildren(this.host, h('p', { class: 'muted details-hint' }, 'Select a node or an edge to see its properties, relationships, funding and sources. Double-click a node to expand it.'));
  }

  private link(id: string, name: string, kind?: string): HTMLElement {
    return h('button', { type: 'button', class: 'node-link', 'data-id': id, onclick: () => this.events.navigate(id) }, kind ? kindSwatch(kind) : null, name);
  }

  /** Show a node: loads its details and surroundings from the API. */
  async showNode(id: string): Promise<void> {
    if (this.currentId === id && this.host.dataset.state === 'ready') return;
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.currentId = id;
    this.events.shown?.();
    this.host.dataset.state = 'loading';
    setChildren(this.host, h('p', { class: 'muted' }, 'Loading details…'));
    try {
      const { node, around } = await fetchDetails(id, controller.signal);
      if (controller.signal.aborted) return;
      if (!node) {
        this.host.dataset.state = 'error';
        setChildren(this.host, h('p', {}, `No entity with id “${id}”.`));
        return;
      }
      const under = node.__typename === 'Authority' ? await fetchFlowsUnder(id, controller.signal).catch(() => [] as FundingFlow[]) : [];
      if (controller.signal.aborted) return;
      this.renderNode(node, around.nodes, around.edges, under, around.truncated ? around.omittedEdges : 0);
      this.host.dataset.state = 'ready';
    } catch (err) {
      if (isAbort(err)) return;
      this.host.dataset.state = 'error';
      const { title, detail } = describeError(err);
      setChildren(this.host, h('p', { class: 'status-title' }, title), h('p', {}, detail), h('button', { type: 'button', onclick: () => void this.showNode(id) }, 'Retry'));
    }
  }

  private renderNode(node: NodeDetails, nodes: GraphNode[], edges: GraphEdge[], under: FundingFlow[], omitted: number): void {
    const names = new Map(nodes.map((n) => [n.id, n]));
    const rels = edges.filter((e) => (e.source === node.id || e.target === node.id) && !e.fundingId && e.type !== 'FUNDED');
    const byType = new Map<string, GraphEdge[]>();
    for (const e of rels) byType.set(e.type, [...(byType.get(e.type) ?? []), e]);

    const relBlocks = [...byType.entries()].sort().map(([type, list]) =>
      h(
        'li',
        {},
        h('span', { class: 'rel-type' }, humanType(type)),
        h(
          'ul',
          {},
          ...list.map((e) => {
            const outgoing = e.source === node.id;
            const other = names.get(outgoing ? e.target : e.source);
            const otherId = outgoing ? e.target : e.source;
            return h(
              'li',
              { class: 'rel' },
              h('span', { class: 'dir', title: outgoing ? 'outgoing' : 'incoming' }, outgoing ? '→ ' : '← '),
              this.link(otherId, other?.name ?? otherId, other?.kind),
              formatYears(e.start, e.end) ? h('span', { class: 'muted' }, ` ${formatYears(e.start, e.end)}`) : null,
              e.note ? h('div', { class: 'note' }, e.note) : null,
              h('details', { class: 'rel-sources' }, h('summary', {}, citationCount(e.sources)), citationList(e.sources)),
            );
          }),
        ),
      ),
    );

    // A list rather than a table: the panel is narrow. Each flow carries its own citations.
    const flowTable = (title: string, flows: FundingFlow[], side: 'donor' | 'recipient' | 'both') => {
      if (!flows.length) return null;
      const party = (f: FundingFlow) =>
        side === 'donor'
          ? this.link(f.donor.id, f.donor.name, f.donor.kind)
          : side === 'recipient'
            ? this.link(f.recipient.id, f.recipient.name, f.recipient.kind)
            : h('span', {}, this.link(f.donor.id, f.donor.name, f.donor.kind), ' → ', this.link(f.recipient.id, f.recipient.name, f.recipient.kind));
      return h(
        'section',
        { class: 'funding-block' },
        h('h3', {}, `${title} `, h('span', { class: 'muted' }, `(${flows.length})`)),
        h(
          'ul',
          { class: 'flows' },
          ...flows.map((f) =>
            h(
              'li',
              { class: 'flow', 'data-flow': f.id },
              h('div', { class: 'flow-head' }, party(f), h('span', { class: 'flow-amount', title: `${f.basis.toLowerCase()}${f.partOf ? ', part of a larger recorded flow' : ''}` }, precisionMark(f) + formatUsd(f.amountUsd) + (f.basis === 'ANNUAL' ? '/yr' : f.basis === 'AVERAGE' ? ' avg/yr' : ''))),
              h(
                'div',
                { class: 'flow-meta muted' },
                formatFiscalYears(f.fyStart, f.fyEnd),
                f.authority ? [' · under ', this.link(f.authority.id, f.authority.name)] : ' · authority not stated',
                f.partOf ? ' · part of a larger recorded flow' : '',
              ),
              f.purpose || f.note ? h('div', { class: 'note' }, [f.purpose, f.note].filter(Boolean).join(' — ')) : null,
              h('details', { class: 'rel-sources' }, h('summary', {}, citationCount(f.sources)), citationList(f.sources)),
            ),
          ),
        ),
      );
    };

    const props = h(
      'dl',
      { class: 'props' },
      row('Id', node.id),
      row('Kind', humanKind(node.actorKind ?? node.authorityKind ?? node.kind)),
      row('Also known as', node.aliases.join('; ')),
      row('Citation', node.citation),
      row('US Code title', node.title),
      row('Enacted', node.enacted),
      row('Year', formatYears(node.year, node.yearEnd)),
      // The API gives the country's id only; a neighbour's name when loaded, else the id as words.
      row('Country', node.country ? this.link(node.country, names.get(node.country)?.name ?? idAsName(node.country)) : null),
    );

    setChildren(
      this.host,
      h('header', { class: 'details-head' }, kindSwatch(node.kind), h('h2', { id: 'details-title', tabindex: '-1' }, node.name)),
      node.description ? h('p', { class: 'description' }, node.description) : null,
      props,
      h('section', {}, h('h3', {}, 'Sources'), citationList(node.sources)),
      flowTable('Funding received', node.fundingIn ?? [], 'donor'),
      flowTable('Funding given', node.fundingOut ?? [], 'recipient'),
      flowTable('Funding under this authority', under, 'both'),
      h(
        'section',
        {},
        h('h3', {}, `Relationships `, h('span', { class: 'muted' }, `(${rels.length}${omitted ? `, ${omitted} more not shown` : ''})`)),
        rels.length ? h('ul', { class: 'relationships' }, ...relBlocks) : h('p', { class: 'muted' }, 'None recorded.'),
      ),
    );
  }

  /** An authority named on an edge: its name from the canvas (plain or a funding column's node), else its id as words. */
  private authorityLink(edge: EdgeSingular, id: string): HTMLElement {
    const cy = edge.cy();
    const node = [id, `a:${id}`].map((x) => cy.getElementById(x)).find((n) => n.nonempty());
    return this.link(id, (node?.data('name') as string | undefined) ?? idAsName(id), 'Authority');
  }

  /** Show an edge from the canvas (its data came with the subgraph, citations included). */
  showEdge(edge: EdgeSingular): void {
    this.controller?.abort();
    this.currentId = null;
    this.events.shown?.();
    const d = edge.data() as EdgeData;
    const source = edge.source();
    const target = edge.target();
    setChildren(
      this.host,
      h('header', { class: 'details-head' }, h('span', { class: `edge-swatch line-${d.lineStyle}`, style: `--c:${d.color}` }), h('h2', { id: 'details-title', tabindex: '-1' }, humanType(d.type))),
      h('p', {}, this.link(source.id(), source.data('name'), source.data('kind')), ' → ', this.link(target.id(), target.data('name'), target.data('kind'))),
      h(
        'dl',
        { class: 'props' },
        row('Type', d.type),
        row('Years', formatYears(d.start, d.end)),
        row('Amount', d.amountUsd ? formatUsd(d.amountUsd) : null),
        row('Authority', d.authority ? this.authorityLink(edge, d.authority) : null),
        row('Note', d.note),
      ),
      h('section', { id: 'edge-sources' }, h('h3', {}, 'Sources'), d.sources ? citationList(d.sources) : h('p', { class: 'muted' }, 'Loading citations…')),
    );
    if (d.sources) {
      this.host.dataset.state = 'ready';
      return;
    }
    this.host.dataset.state = 'loading';
    const controller = new AbortController();
    this.controller = controller;
    fetchEdgeSources(d.id, d.source, controller.signal).then(
      (sources) => {
        if (controller.signal.aborted) return;
        // Keep them on the element so the next click and the exports have them.
        if (sources && !edge.removed()) edge.data('sources', sources);
        const section = this.host.querySelector('#edge-sources');
        section?.replaceChildren(h('h3', {}, 'Sources'), citationList(sources));
        this.host.dataset.state = 'ready';
      },
      (err) => {
        if (isAbort(err)) return;
        this.host.querySelector('#edge-sources')?.replaceChildren(h('h3', {}, 'Sources'), h('p', {}, describeError(err).title));
        this.host.dataset.state = 'error';
      },
    );
  }
}
