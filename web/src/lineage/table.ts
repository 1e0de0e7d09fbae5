/** The lineage table: one row per authority of the tree, links focus it. */
import type { Lineage } from '../api/types.ts';
import { h, setChildren } from '../ui/dom.ts';
import type { TableRow } from './state.ts';

/** Draw `rows` into `host`; `navigate` runs when an authority or a body is chosen. */
export function renderLineageTable(host: HTMLElement, lineage: Lineage, rows: TableRow[], navigate: (id: string) => void): void {
  const link = (id: string, name: string) => h('button', { type: 'button', class: 'node-link', 'data-id': id, onclick: () => navigate(id) }, name);
  setChildren(
    host,
    h('h2', {}, `Lineage of ${lineage.root.name}`),
    h(
      'table',
      { class: 'data-table', id: 'lineage-entries' },
      h('thead', {}, h('tr', {}, h('th', { class: 'num' }, 'Gen.'), h('th', {}, 'Authority'), h('th', {}, 'Enacted'), h('th', {}, 'Came from'), h('th', {}, 'Established by'), h('th', {}, 'Administered / implemented by'))),
      h(
        'tbody',
        {},
        ...rows.map(({ entry: e, cameFrom }) => {
          const bodies = [...e.administeredBy, ...e.implementedBy];
          return h(
            'tr',
            { 'data-id': e.authority.id, 'data-generation': e.generation, class: e.authority.id === lineage.root.id ? 'root-row' : '' },
            h('td', { class: 'num' }, e.generation > 0 ? `+${e.generation}` : String(e.generation)),
            h('td', {}, link(e.authority.id, e.authority.name), e.authority.citation && e.authority.citation !== e.authority.name ? h('div', { class: 'muted' }, e.authority.citation) : null),
            h('td', {}, e.authority.enacted ? String(e.authority.enacted) : '—'),
            h('td', {}, cameFrom.join('; ') || '—'),
            h('td', {}, e.establishedBy.length ? e.establishedBy.map((x) => link(x.id, x.name)) : '—'),
            h('td', {}, bodies.length ? bodies.map((x) => link(x.id, x.name)) : '—'),
          );
        }),
      ),
    ),
  );
}
