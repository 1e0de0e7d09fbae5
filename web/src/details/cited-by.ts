/**
 * "Other facts from this footnote": the API's citedBy answer for one place of a source (a section,
 * a paragraph or a footnote), shown below the citation that names it. Entities are buttons that
 * navigate like every node link; edges and flows name both ends. The lists and counts are the
 * API's, shown as they come: nothing is filtered or counted here.
 */
import { fetchCitedBy } from '../api/queries.ts';
import { isAbort } from '../api/client.ts';
import { kindSwatch } from '../graph/legend.ts';
import { h, setChildren } from '../ui/dom.ts';
import { formatFiscalYears, formatYears, humanType } from '../ui/format.ts';
import { describeError } from '../ui/status.ts';
import type { PlaceText } from './citation-text.ts';
import { flowAmount } from './amount.ts';

type Answer = Awaited<ReturnType<typeof fetchCitedBy>>;
type Ref = { id: string; name: string; kind: string };

/** What the places of a citation need from the panel. */
export interface PlaceActions {
  /** Focus an entity in the active view (the panel's node links do the same). */
  navigate(id: string): void;
}

/** Heading of a list: its name, the API's count, and how many are listed when that is fewer. */
function heading(name: string, listed: number, count: number): HTMLElement {
  const more = count > listed ? `; the first ${listed} listed` : '';
  return h('h4', {}, `${name} `, h('span', { class: 'muted' }, `(${count}${more})`));
}

function ref(r: Ref | undefined, id: string, actions: PlaceActions): HTMLElement {
  // Ends come with their names (edgeEnds, donor, recipient); the id shows only if the API left one out.
  return h('button', { type: 'button', class: 'node-link', 'data-id': id, onclick: () => actions.navigate(id) }, r ? kindSwatch(r.kind) : null, r?.name ?? id);
}

function render(answer: Answer, actions: PlaceActions): HTMLElement[] {
  const ends = new Map<string, Ref>(answer.edgeEnds.map((n) => [n.id, n]));
  const out: HTMLElement[] = [];
  if (answer.entityCount > 0) {
    out.push(heading('Entities', answer.entities.length, answer.entityCount));
    out.push(h('ul', { class: 'cited-entities' }, ...answer.entities.map((n) => h('li', { 'data-entity': n.id }, ref(n, n.id, actions)))));
  }
  if (answer.edgeCount > 0) {
    out.push(heading('Relationships', answer.edges.length, answer.edgeCount));
    const edges = answer.edges.map((e) =>
      h('li', { 'data-edge': e.id }, ref(ends.get(e.source), e.source, actions), ` ${humanType(e.type)} `, ref(ends.get(e.target), e.target, actions), formatYears(e.start, e.end) ? h('span', { class: 'muted' }, ` ${formatYears(e.start, e.end)}`) : null),
    );
    out.push(h('ul', { class: 'cited-edges' }, ...edges));
  }
  if (answer.flowCount > 0) {
    out.push(heading('Funding flows', answer.flows.length, answer.flowCount));
    const flows = answer.flows.map((f) =>
      h('li', { 'data-flow': f.id }, ref(f.donor, f.donor.id, actions), ' → ', ref(f.recipient, f.recipient.id, actions), h('span', { class: 'muted' }, ` ${flowAmount(f)}, ${formatFiscalYears(f.fyStart, f.fyEnd)}`)),
    );
    out.push(h('ul', { class: 'cited-flows' }, ...flows));
  }
  if (!out.length) out.push(h('p', { class: 'muted' }, 'Nothing else cites this place.'));
  return out;
}

/**
 * The controls of a citation's places and the region their answers fill. Activating a place asks
 * the API and lists the answer; activating it again closes the list.
 */
export class CitedByBox {
  readonly region: HTMLElement = h('div', { class: 'cited-by', hidden: true, 'aria-live': 'polite' });
  private open: HTMLButtonElement | null = null;
  private controller: AbortController | null = null;

  constructor(private readonly actions: PlaceActions) {}

  /** The button of one place. */
  control(p: PlaceText): HTMLButtonElement {
    const button = h('button', { type: 'button', class: `cite-place cite-${p.part}`, 'aria-expanded': 'false', title: `Other facts from ${p.description}`, 'aria-label': `Other facts from ${p.description}`, 'data-place': JSON.stringify(p.place) }, p.label);
    button.addEventListener('click', () => void this.toggle(button, p));
    return button;
  }

  private close(): void {
    this.controller?.abort();
    this.open?.setAttribute('aria-expanded', 'false');
    this.open = null;
    this.region.hidden = true;
    this.region.dataset.state = 'closed';
    this.region.replaceChildren();
  }

  private async toggle(button: HTMLButtonElement, p: PlaceText): Promise<void> {
    const same = this.open === button;
    this.close();
    if (same) return;
    this.open = button;
    button.setAttribute('aria-expanded', 'true');
    const controller = new AbortController();
    this.controller = controller;
    this.region.hidden = false;
    this.region.dataset.state = 'loading';
    const title = h('h4', { class: 'cited-by-title' }, `Other facts from ${p.description}`);
    setChildren(this.region, title, h('p', { class: 'muted' }, 'Loading…'));
    try {
      const answer = await fetchCitedBy(p.place, controller.signal);
      if (controller.signal.aborted) return;
      setChildren(this.region, title, render(answer, this.actions));
      this.region.dataset.state = 'ready';
    } catch (err) {
      if (isAbort(err)) return;
      setChildren(this.region, title, h('p', {}, describeError(err).title), h('button', { type: 'button', onclick: () => void this.retry(button, p) }, 'Retry'));
      this.region.dataset.state = 'error';
    }
  }

  private retry(button: HTMLButtonElement, p: PlaceText): Promise<void> {
    this.close();
    return this.toggle(button, p);
  }
}
