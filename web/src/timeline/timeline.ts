/**
 * The timeline: show the network for all years, as of one year, or between two years, with the
 * dated events of the graph marked on the track (click one to focus it).
 */
import { h, setChildren, debounce } from '../ui/dom.ts';
import { YEAR_MODES, type FiltersState } from '../filters/codec.ts';
import { spreadMarks } from './spread.ts';

/** Height of one lane of event marks, in px. */
const LANE = 9;

export interface TimelineEvent {
  id: string;
  name: string;
  year: number;
}

export interface TimelineEvents {
  change(patch: Partial<FiltersState>): void;
  focusEvent(id: string): void;
}

/** Year slider(s) with event marks. */
export class Timeline {
  /** The data's first and last year (from the API's dataSummary); null until known. */
  /** Undefined until the data summary has answered; null when the data has no years. */
  private bounds: { from: number; to: number } | null | undefined = undefined;
  private marks: TimelineEvent[] = [];
  private readonly emit: (patch: Partial<FiltersState>) => void;

  constructor(
    private readonly host: HTMLElement,
    private readonly events: TimelineEvents,
  ) {
    // Sliders fire many input events; the API is asked once the hand rests.
    this.emit = debounce((patch: Partial<FiltersState>) => this.events.change(patch), 300);
  }

  private get min(): number {
    return this.bounds?.from ?? 0;
  }

  private get max(): number {
    return this.bounds?.to ?? 0;
  }

  /**
   * Draws the slider's span: the years the whole data set covers, as the API states them, so
   * that filtering the graph never moves the scale under the user's hand.
   */
  showSpan(years: { from: number; to: number } | null, state: FiltersState): void {
    this.bounds = years;
    this.render(state);
  }

  /** The event marks of what the canvas shows (added to those seen before). */
  setEvents(marks: TimelineEvent[]): void {
    const known = new Map(this.marks.map((m) => [m.id, m]));
    for (const m of marks) known.set(m.id, m);
    this.marks = [...known.values()];
  }

  /** Draw for `state`. */
  render(state: FiltersState): void {
    // 'loading' until the data's years are known (tests and the bench wait for 'ready').
    this.host.dataset.state = this.bounds === undefined ? 'loading' : 'ready';
    if (this.bounds === undefined) {
      setChildren(this.host, h('p', { class: 'muted' }, 'Reading the years the data covers…'));
      return;
    }
    if (!this.bounds) {
      setChildren(this.host, h('p', { class: 'muted' }, 'No year range to filter by: the data has no dated records, or its summary could not be loaded.'));
      return;
    }
    this.host.dataset.from = String(this.min);
    this.host.dataset.to = String(this.max);
    const mode = state.yearMode;
    const from = clamp(state.yearFrom ?? this.min, this.min, this.max);
    const to = clamp(state.yearTo ?? this.max, this.min, this.max);
    const modeButtons = YEAR_MODES.map((m) =>
      h(
        'button',
        {
          type: 'button',
          class: 'seg',
          'aria-pressed': String(mode === m),
          'data-mode': m,
          onclick: () => {
            if (m === 'all') this.events.change({ yearMode: 'all', yearFrom: undefined, yearTo: undefined });
            else if (m === 'asof') this.events.change({ yearMode: 'asof', yearFrom: state.yearFrom ?? this.max, yearTo: state.yearFrom ?? this.max });
            else this.events.change({ yearMode: 'between', yearFrom: state.yearFrom ?? this.min, yearTo: state.yearTo ?? this.max });
          },
        },
        m === 'all' ? 'All years' : m === 'asof' ? 'As of' : 'Between',
      ),
    );

    const readout = h('output', { class: 'year-readout', id: 'year-readout' }, mode === 'all' ? `${this.min}–${this.max}` : mode === 'asof' ? `as of ${from}` : `${from}–${to}`);
    const slider = (label: string, value: number, onInput: (v: number) => void) =>
      h('input', {
        type: 'range',
        min: this.min,
        max: this.max,
        step: 1,
        value,
        'aria-label': label,
        disabled: mode === 'all',
        oninput: (e: Event) => onInput(Number((e.target as HTMLInputElement).value)),
      });

    let fromValue = from;
    let toValue = to;
    const sliders =
      mode === 'between'
        ? [
            slider('From year', from, (v) => {
              fromValue = Math.min(v, toValue);
              readout.textContent = `${fromValue}–${toValue}`;
              this.emit({ yearFrom: fromValue, yearTo: toValue });
            }),
            slider('To year', to, (v) => {
              toValue = Math.max(v, fromValue);
              readout.textContent = `${fromValue}–${toValue}`;
              this.emit({ yearFrom: fromValue, yearTo: toValue });
            }),
          ]
        : [
            slider('Year', mode === 'asof' ? from : this.max, (v) => {
              readout.textContent = `as of ${v}`;
              this.emit({ yearFrom: v, yearTo: v });
            }),
          ];

    const placed = spreadMarks(this.marks, this.min, this.max, 1.4);
    const lanes = Math.max(1, ...placed.map((m) => m.lane + 1));
    const marks = h(
      'div',
      { class: 'event-marks', role: 'group', 'aria-label': 'Events', style: `height:${lanes * LANE}px` },
      ...placed.map((m) =>
        h('button', {
          type: 'button',
          class: 'event-mark',
          'data-id': m.id,
          style: `left:${m.left}%;top:${m.lane * LANE}px`,
          title: `${m.year}: ${m.name}`,
          'aria-label': `Event ${m.year}: ${m.name}`,
          onclick: () => this.events.focusEvent(m.id),
        }),
      ),
    );

    setChildren(
      this.host,
      h('div', { class: 'timeline-modes', role: 'group', 'aria-label': 'Year filter' }, ...modeButtons),
      h('div', { class: `timeline-track mode-${mode}` }, ...sliders, marks),
      readout,
    );
  }
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}
