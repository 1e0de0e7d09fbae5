/**
 * The dependency view of one recipient: its donors and their shares of its known assistance,
 * the concentration (Herfindahl-Hirschman) index, and explicit DEPENDS_ON relationships.
 */
import { loadDependencies } from './effects.ts';
import { isAbort } from '../api/client.ts';
import type { Dependencies, DependencyEdge } from '../api/types.ts';
import { h, setChildren } from '../ui/dom.ts';
import { formatShare, formatUsd, formatYears } from '../ui/format.ts';
import { describeError } from '../ui/status.ts';
import { kindSwatch } from '../graph/legend.ts';

/** Plain-words reading of an HHI on the 0..1 scale (thresholds as in antitrust practice). */
export function concentrationLabel(hhi: number): string {
  if (hhi >= 0.999) return 'a single donor';
  if (hhi > 0.25) return 'highly concentrated';
  if (hhi >= 0.15) return 'moderately concentrated';
  return 'diversified';
}

export interface DependencyEvents {
  navigate(id: string): void;
  close(): void;
}

/** Renders the dependency panel into `host`. */
export class DependencyPanel {
  private controller: AbortController | null = null;

  constructor(
    private readonly host: HTMLElement,
    private readonly events: DependencyEvents,
  ) {}

  hide(): void {
    this.controller?.abort();
    this.host.hidden = true;
    setChildren(this.host);
  }

  /** Load and show the dependencies of `actorId` within the year window. */
  async show(actorId: string, yearFrom?: number, yearTo?: number): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.host.hidden = false;
    this.host.dataset.state = 'loading';
    setChildren(this.host, h('p', { class: 'muted' }, 'Loading donor shares…'));
    try {
      const deps = await loadDependencies(actorId, yearFrom, yearTo, controller.signal);
      if (controller.signal.aborted) return;
      if (!deps) {
        setChildren(this.host, h('p', {}, `No actor with id “${actorId}”.`));
        this.host.dataset.state = 'empty';
        return;
      }
      this.render(deps);
      this.host.dataset.state = 'ready';
    } catch (err) {
      if (isAbort(err)) return;
      this.host.dataset.state = 'error';
      setChildren(this.host, h('p', { class: 'status-title' }, describeError(err).title), h('p', {}, describeError(err).detail));
    }
  }

  private link(id: string, name: string, kind?: string): HTMLElement {
    return h('button', { type: 'button', class: 'node-link', 'data-id': id, onclick: () => this.events.navigate(id) }, kind ? kindSwatch(kind) : null, name);
  }

  private edgeList(title: string, list: DependencyEdge[], side: 'from' | 'to'): HTMLElement | null {
    if (!list.length) return null;
    return h(
      'div',
      {},
      h('h4', {}, title),
      h('ul', { class: 'plain' }, ...list.map((e) => h('li', {}, this.link(e[side].id, e[side].name, e[side].kind), formatYears(e.start, e.end) ? ` (${formatYears(e.start, e.end)})` : '', e.note ? h('div', { class: 'note' }, e.note) : null))),
    );
  }

  private render(deps: Dependencies): void {
    const hhi = deps.concentration;
    const donors = [...deps.donors].sort((a, b) => b.share - a.share);
    setChildren(
      this.host,
      h(
        'header',
        { class: 'dep-head' },
        h('h3', {}, 'Who ', this.link(deps.actor.id, deps.actor.name, deps.actor.kind), ' depends on'),
        h('button', { type: 'button', class: 'close', 'aria-label': 'Close the dependency view', onclick: () => this.events.close() }, '×'),
      ),
      h(
        'p',
        { class: 'dep-summary' },
        `Known assistance received: `,
        h('strong', { id: 'dep-total' }, formatUsd(deps.totalReceivedUsd)),
        hhi != null ? ` · concentration index ` : '',
        hhi != null ? h('strong', { id: 'dep-hhi', title: 'Herfindahl-Hirschman index of donor shares: 1 means a single donor' }, hhi.toFixed(2)) : '',
        hhi != null ? ` (${concentrationLabel(hhi)})` : '',
      ),
      donors.length
        ? h(
            'table',
            { class: 'data-table shares', id: 'donor-shares' },
            h('thead', {}, h('tr', {}, h('th', {}, 'Donor'), h('th', { class: 'num' }, 'Amount'), h('th', {}, 'Share'))),
            h(
              'tbody',
              {},
              ...donors.map((d) =>
                h(
                  'tr',
                  { 'data-id': d.donor.id },
                  h('td', {}, this.link(d.donor.id, d.donor.name, d.donor.kind)),
                  h('td', { class: 'num' }, (d.lowerBound ? '≥ ' : '') + formatUsd(d.amountUsd)),
                  h('td', { class: 'share' }, h('span', { class: 'share-bar', style: `width:${Math.max(2, d.share * 100).toFixed(1)}%` }), h('span', { class: 'share-value' }, formatShare(d.share))),
                ),
              ),
            ),
          )
        : h('p', { class: 'muted' }, 'No funding to this actor is recorded in these years.'),
      this.edgeList('Depends on (stated)', deps.dependsOn, 'to'),
      this.edgeList('Depended on by (stated)', deps.dependents, 'from'),
    );
  }
}
