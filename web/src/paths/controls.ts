/**
 * The path finder's search limits: entities no path may cross, which relationship types a path
 * may follow (none ticked = all) and the years its relationships must reach into. Each change is
 * a patch of the URL slice.
 */
import { SearchBox } from '../search/search-box.ts';
import { h, setChildren } from '../ui/dom.ts';
import { humanType } from '../ui/format.ts';
import type { PathsUrlState } from './codec.ts';

export type PathsPatch = Partial<PathsUrlState>;

/** Renders the limits into `host`; `types` is the API's list of relationship types. */
export class PathLimits {
  readonly el: HTMLElement;
  private types: string[] = [];
  private state: PathsUrlState | null = null;
  /** Names of entities seen in answers and picks, for the avoided chips. */
  readonly names = new Map<string, string>();
  private readonly avoidBox: SearchBox;

  constructor(private readonly change: (patch: PathsPatch) => void) {
    this.el = h('div', { class: 'path-limits', id: 'path-limits' });
    this.avoidBox = new SearchBox({
      id: 'path-avoid',
      label: 'Avoid',
      placeholder: 'Avoid an entity…',
      onPick: (hit) => {
        this.names.set(hit.id, hit.name);
        this.avoidBox.setText('');
        this.avoid(hit.id);
      },
    });
  }

  /** Add `id` to the entities no path may cross. */
  avoid(id: string): void {
    const s = this.state;
    if (s && !s.exclude.includes(id)) this.change({ exclude: [...s.exclude, id] });
  }

  setTypes(types: string[]): void {
    this.types = types;
  }

  render(s: PathsUrlState): void {
    this.state = s;
    const chosen = new Set(s.types);
    const chip = (id: string) =>
      h('span', { class: 'chip static', 'data-id': id }, this.names.get(id) ?? id, h('button', { type: 'button', class: 'link-button', 'aria-label': `Allow paths through ${this.names.get(id) ?? id} again`, onclick: () => this.change({ exclude: s.exclude.filter((x) => x !== id) }) }, '×'));
    const toggle = (type: string, on: boolean) => this.change({ types: on ? [...s.types, type] : s.types.filter((t) => t !== type) });
    const year = (id: string, label: string, value: number | undefined, key: 'yearFrom' | 'yearTo') =>
      h(
        'label',
        { class: 'inline-field' },
        label,
        h('input', { type: 'number', id, min: 1800, max: 2200, step: 1, value: value ?? '', placeholder: 'any', onchange: (e: Event) => this.change({ [key]: Number((e.target as HTMLInputElement).value) || undefined }) }),
      );
    setChildren(
      this.el,
      h('label', { class: 'field', for: 'path-avoid-input' }, 'No path through'),
      this.avoidBox.el,
      s.exclude.length ? h('div', { class: 'chip-row', id: 'path-avoided' }, ...s.exclude.map(chip)) : null,
      h(
        'details',
        { class: 'path-types', open: chosen.size > 0 },
        h('summary', {}, chosen.size ? `Relationship types: ${chosen.size} chosen` : 'Relationship types: all'),
        chosen.size ? h('button', { type: 'button', class: 'link-button', id: 'path-types-all', onclick: () => this.change({ types: [] }) }, 'follow every type') : null,
        h(
          'div',
          { class: 'type-list' },
          ...this.types.map((t) =>
            h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'path-type', value: t, checked: chosen.has(t), onchange: (e: Event) => toggle(t, (e.target as HTMLInputElement).checked) }), t === 'FUNDED' ? 'funding flows' : humanType(t)),
          ),
        ),
      ),
      h('fieldset', { class: 'years' }, h('legend', {}, 'Relationships in the years'), year('path-year-from', 'from', s.yearFrom, 'yearFrom'), year('path-year-to', 'to', s.yearTo, 'yearTo')),
    );
  }
}
