/**
 * The comparison mode's controls: a form in the network view's side panel (window A, window B,
 * Compare, Stop comparing; Enter submits) and, over the canvas, the marks' legend with the API's
 * count of each and a sentence saying what was compared.
 */
import { h, setChildren } from '../ui/dom.ts';
import { MARKS } from './styles.ts';
import { parseSpan, spanText } from './span.ts';
import { STATUSES, comparisonNote, type Comparison } from './state.ts';

/** The URL fields the control sets (both undefined: the mode is off). */
export interface ComparePatch {
  compareA: string | undefined;
  compareB: string | undefined;
}

export class CompareControl {
  /** The side panel's form. */
  readonly el: HTMLElement;
  /** The legend drawn over the canvas while comparing. */
  readonly legend: HTMLElement;
  private readonly inputA: HTMLInputElement;
  private readonly inputB: HTMLInputElement;
  private readonly error: HTMLElement;
  private readonly stop: HTMLButtonElement;

  constructor(change: (patch: ComparePatch) => void) {
    const field = (id: string, label: string) => {
      const input = h('input', { type: 'text', id, inputmode: 'numeric', autocomplete: 'off', placeholder: 'e.g. 2011 or 2006-2010', 'aria-describedby': 'compare-hint' });
      return { input, el: h('label', { class: 'compare-field', for: id }, label, input) };
    };
    const a = field('compare-a', 'Earlier years (A)');
    const b = field('compare-b', 'Later years (B)');
    this.inputA = a.input;
    this.inputB = b.input;
    this.error = h('p', { class: 'error', id: 'compare-error', role: 'alert' });
    this.stop = h('button', { type: 'button', id: 'compare-off', onclick: () => change({ compareA: undefined, compareB: undefined }) }, 'Stop comparing');
    const submit = (e: Event) => {
      e.preventDefault();
      const sa = parseSpan(this.inputA.value);
      const sb = parseSpan(this.inputB.value);
      if (!sa || !sb) return void (this.error.textContent = 'Give each side a year (2011) or a range of years (2006-2010).');
      this.error.textContent = '';
      change({ compareA: spanText(sa), compareB: spanText(sb) });
    };
    this.el = h(
      'form',
      { class: 'compare', id: 'compare-form', 'aria-labelledby': 'compare-title', onsubmit: submit },
      h('h2', { class: 'field', id: 'compare-title' }, 'Compare two years'),
      h('p', { class: 'muted', id: 'compare-hint' }, 'Marks the relationships and funding added, removed or changed from A to B.'),
      a.el,
      b.el,
      h('div', { class: 'compare-buttons' }, h('button', { type: 'submit', id: 'compare-go' }, 'Compare'), this.stop),
      this.error,
    );
    this.legend = h('div', { class: 'compare-legend', id: 'compare-legend', hidden: true, role: 'status' });
  }

  /** Show the URL's windows in the fields (the mode is on when both are set). */
  render(compareA: string | undefined, compareB: string | undefined): void {
    if (document.activeElement !== this.inputA) this.inputA.value = compareA ?? '';
    if (document.activeElement !== this.inputB) this.inputB.value = compareB ?? '';
    this.stop.disabled = !(compareA && compareB);
    if (!(compareA && compareB)) this.show(null);
  }

  /** The legend of an answer, or none. */
  show(c: Comparison | null): void {
    this.legend.hidden = !c;
    if (!c) return setChildren(this.legend);
    const counts: Record<string, number> = { ADDED: c.counts.added, REMOVED: c.counts.removed, CHANGED: c.counts.changed, SAME: c.counts.same };
    const items = STATUSES.map(({ status, label, cls }) => {
      const mark = MARKS[cls as keyof typeof MARKS];
      return h('li', { 'data-status': status }, h('span', { class: `edge-swatch line-${mark.line}`, style: `--c:${mark.color}` }), `${label} `, h('span', { class: 'count' }, String(counts[status])));
    });
    setChildren(this.legend, h('p', { id: 'compare-note' }, comparisonNote(c)), h('ul', {}, ...items));
  }
}
