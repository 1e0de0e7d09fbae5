/**
 * The details panel: properties, evidence, relationships, funding in and out, and every citation of
 * the selected node or edge. Shared by all views; neighbours and the places of citations are
 * buttons so it works by keyboard. Names, evidence and timing are the API's; no id becomes a name.
 */
import type { EdgeSingular } from 'cytoscape';
import { fetchDetails, fetchFlowsUnder } from '../api/queries.ts';
import { isAbort } from '../api/client.ts';
import type { FundingFlow, GraphEdge, GraphNode, NodeDetails } from '../api/types.ts';
import { h, setChildren } from '../ui/dom.ts';
import { formatYears, humanKind, humanType } from '../ui/format.ts';
import { kindSwatch } from '../graph/legend.ts';
import { citationCount, citationList } from './citations.ts';
import { describeError } from '../ui/status.ts';
import { evidenceText, row, timingText } from './parts.ts';
import { flowList, type FlowListActions } from './flow-list.ts';
import { renderEdge } from './edge-details.ts';
import { renderMergedEdge } from './merged-edge.ts';
import type { EdgeData } from '../graph/to-elements.ts';
import { nodeActionBar, type NodeActionSource } from './node-actions.ts';

export interface DetailsEvents {
  /** The user chose a neighbour or an endpoint: focus it in the active view. */
  navigate(id: string): void;
  /** A node or an edge is being shown (the shell opens the details drawer on narrow screens). */
  shown?(): void;
}

/** The panel controller. */
export class DetailsPanel {
  private controller: AbortController | null = null;
  private currentId: string | null = null;
  private actionSource: NodeActionSource = () => null;

  constructor(
    private readonly host: HTMLElement,
    private readonly events: DetailsEvents,
  ) {
    this.clear();
  }

  /** Where the selected node's actions come from (the network view's node menu). */
  setNodeActions(source: NodeActionSource): void {
    this.actionSource = source;
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

  /** Node links and the places of citations, for the parts rendered outside this class. */
  private readonly actions: FlowListActions = {
    link: (id, name, kind) => this.link(id, name, kind),
    navigate: (id) => this.events.navigate(id),
  };

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
              { class: 'rel', 'data-edge': e.id },
              h('span', { class: 'dir', title: outgoing ? 'outgoing' : 'incoming' }, outgoing ? '→ ' : '← '),
              this.link(otherId, other?.name ?? otherId, other?.kind),
              formatYears(e.start, e.end) ? h('span', { class: 'muted' }, ` ${formatYears(e.start, e.end)}`) : null,
              e.evidence || e.timing ? h('div', { class: 'rel-meta muted' }, e.timing ? timingText(e.timing) : null, e.timing && e.evidence ? ' · ' : null, e.evidence ? evidenceText(e.evidence) : null) : null,
              e.note ? h('div', { class: 'note' }, e.note) : null,
              h('details', { class: 'rel-sources' }, h('summary', {}, citationCount(e.sources)), citationList(e.sources, this.actions)),
            );
          }),
        ),
      ),
    );

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
      row('Country', node.country ? this.link(node.country, node.countryName ?? node.country, 'State') : null),
      row('Evidence', evidenceText(node.evidence)),
    );

    setChildren(
      this.host,
      h('header', { class: 'details-head' }, kindSwatch(node.kind), h('h2', { id: 'details-title', tabindex: '-1' }, node.name)),
      nodeActionBar(node.id, this.actionSource),
      node.description ? h('p', { class: 'description' }, node.description) : null,
      props,
      h('section', {}, h('h3', {}, 'Sources'), citationList(node.sources, this.actions)),
      flowList('Funding received', node.fundingIn ?? [], 'donor', this.actions),
      flowList('Funding given', node.fundingOut ?? [], 'recipient', this.actions),
      flowList('Funding under this authority', under, 'both', this.actions),
      h(
        'section',
        {},
        h('h3', {}, `Relationships `, h('span', { class: 'muted' }, `(${rels.length}${omitted ? `, ${omitted} more not shown` : ''})`)),
        rels.length ? h('ul', { class: 'relationships' }, ...relBlocks) : h('p', { class: 'muted' }, 'None recorded.'),
      ),
    );
  }

  /** Show an edge from the canvas; what its element lacks is asked of the API (edge-details.ts). */
  showEdge(edge: EdgeSingular): void {
    this.controller?.abort();
    this.currentId = null;
    this.events.shown?.();
    const controller = new AbortController();
    this.controller = controller;
    const members = (edge.data() as EdgeData).members;
    if (members && members.length > 1) renderMergedEdge(this.host, edge, members, this.actions, controller.signal);
    else renderEdge(this.host, edge, this.actions, controller.signal);
  }
}
