/**
 * The explorer's filter panel: node kinds (which doubles as the legend of node colours and
 * shapes), relationship types grouped by family, minimum amount, overview size and layout.
 */
import type { NodeKind } from '../api/types.ts';
import { EDGE_FAMILIES, KIND_STYLES, NODE_KINDS, edgeFamily } from '../graph/kinds.ts';
import { LAYOUT_CHOICES } from '../graph/layouts.ts';
import { h, setChildren } from '../ui/dom.ts';
import { humanType } from '../ui/format.ts';
import type { StatePatch } from '../app/state.ts';
import { DEFAULT_OVERVIEW, type ExploreLayout, type ExploreUrlState } from '../explore/codec.ts';
import { NO_FILTERS, type FiltersState } from './codec.ts';
import { kindSwatch } from '../graph/legend.ts';

/** The relationship type of funding flows on the canvas; the API takes it as a type like any other. */
export const FUNDED = 'FUNDED';

export interface FilterPanelEvents {
  change(patch: StatePatch): void;
}

const AMOUNTS: [number, string][] = [
  [0, 'Any amount'],
  [1e6, '≥ $1M'],
  [1e7, '≥ $10M'],
  [1e8, '≥ $100M'],
  [1e9, '≥ $1B'],
];
const LIMITS = [100, 300, 1000, 2000];

/** Renders the filter controls into `host` and reports changes as state patches. */
export class FilterPanel {
  private types: string[] = [];

  constructor(
    private readonly host: HTMLElement,
    private readonly events: FilterPanelEvents,
  ) {}

  /** Set the allow-list of relationship types (from `relationshipTypes`). */
  setTypes(types: string[]): void {
    this.types = [FUNDED, ...types.filter((t) => t !== FUNDED)];
  }

  /** Draw the panel for the network view's state and the shared filters. */
  render(state: ExploreUrlState, filters: FiltersState): void {
    const kindSet = new Set<NodeKind>(state.kinds);
    const typeSet = new Set(state.types);
    const allKinds = kindSet.size === 0;
    const allTypes = typeSet.size === 0;

    const kindBoxes = NODE_KINDS.map((kind) =>
      h(
        'label',
        { class: 'check' },
        h('input', {
          type: 'checkbox',
          name: 'kind',
          value: kind,
          checked: allKinds || kindSet.has(kind),
          onchange: () => this.emitKinds(),
        }),
        kindSwatch(kind),
        KIND_STYLES[kind].label,
      ),
    );

    const families = new Map<string, string[]>();
    for (const type of this.types) {
      const fam = edgeFamily(type).id;
      families.set(fam, [...(families.get(fam) ?? []), type]);
    }
    const familyBlocks = [...EDGE_FAMILIES, { id: 'other', label: 'Other', color: '#9e9e9e', line: 'dotted', types: [] }]
      .filter((f) => families.has(f.id))
      .map((family) => {
        const types = families.get(family.id) ?? [];
        const checkedCount = types.filter((t) => allTypes || typeSet.has(t)).length;
        const familyBox = h('input', {
          type: 'checkbox',
          'aria-label': `All ${family.label}`,
          checked: checkedCount === types.length,
          onchange: (e: Event) => {
            const on = (e.target as HTMLInputElement).checked;
            for (const box of this.host.querySelectorAll<HTMLInputElement>(`input[name=type][data-family="${family.id}"]`)) box.checked = on;
            this.emitTypes();
          },
        });
        familyBox.indeterminate = checkedCount > 0 && checkedCount < types.length;
        // The family's checkbox stands beside its disclosure, not inside the summary: a control
        // nested in another interactive element is unreachable for assistive technology.
        const disclosure = h(
          'details',
          { class: 'family' },
          h('summary', {}, h('span', { class: `edge-swatch line-${family.line}`, style: `--c:${family.color}` }), `${family.label} `, h('span', { class: 'muted' }, `(${checkedCount}/${types.length})`)),
          ...types.map((type) =>
            h(
              'label',
              { class: 'check sub' },
              h('input', { type: 'checkbox', name: 'type', value: type, 'data-family': family.id, checked: allTypes || typeSet.has(type), onchange: () => this.emitTypes() }),
              type === FUNDED ? 'funding flows' : humanType(type),
            ),
          ),
        );
        return h('div', { class: 'family-row' }, familyBox, disclosure);
      });

    const amount = h(
      'select',
      { id: 'filter-min-amount', onchange: (e: Event) => this.events.change({ filters: { minAmount: Number((e.target as HTMLSelectElement).value) || undefined } }) },
      ...AMOUNTS.map(([value, label]) => h('option', { value, selected: (filters.minAmount ?? 0) === value }, label)),
    );
    const limit = h(
      'select',
      { id: 'filter-limit', onchange: (e: Event) => this.events.change({ explore: { limit: Number((e.target as HTMLSelectElement).value) || undefined } }) },
      ...LIMITS.map((value) => h('option', { value, selected: (state.limit ?? DEFAULT_OVERVIEW) === value }, `${value} nodes`)),
    );
    const layout = h(
      'select',
      { id: 'layout-select', onchange: (e: Event) => this.events.change({ explore: { layout: (e.target as HTMLSelectElement).value as ExploreLayout } }) },
      ...LAYOUT_CHOICES.map((c) => h('option', { value: c.id, selected: state.layout === c.id }, c.label)),
    );

    setChildren(
      this.host,
      h('h2', {}, 'Filters'),
      h('fieldset', { class: 'kinds' }, h('legend', {}, 'Node kinds'), ...kindBoxes),
      h('fieldset', { class: 'types' }, h('legend', {}, 'Relationships'), ...familyBlocks),
      h('label', { class: 'field', for: 'filter-min-amount' }, 'Minimum funding amount'),
      amount,
      h('label', { class: 'field', for: 'filter-limit' }, 'Overview size'),
      limit,
      h('label', { class: 'field', for: 'layout-select' }, 'Layout'),
      layout,
      h('button', { type: 'button', class: 'link-button', onclick: () => this.events.change({ explore: { kinds: [], types: [], hidden: [] }, filters: NO_FILTERS }) }, 'Reset filters'),
    );
  }

  private emitKinds(): void {
    const boxes = [...this.host.querySelectorAll<HTMLInputElement>('input[name=kind]')];
    const checked = boxes.filter((b) => b.checked).map((b) => b.value as NodeKind);
    // All checked means "no filter"; none checked would show nothing, so treat it the same way.
    this.events.change({ explore: { kinds: checked.length === boxes.length || checked.length === 0 ? [] : checked } });
  }

  private emitTypes(): void {
    const boxes = [...this.host.querySelectorAll<HTMLInputElement>('input[name=type]')];
    const checked = boxes.filter((b) => b.checked).map((b) => b.value);
    this.events.change({ explore: { types: checked.length === boxes.length || checked.length === 0 ? [] : checked } });
  }
}
