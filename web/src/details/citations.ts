/** Rendering of citations: source, section, paragraphs, footnotes and the works they cite. */
import type { Citation, SourceWork } from '../api/types.ts';
import { h } from '../ui/dom.ts';

function work(w: SourceWork): HTMLElement {
  const bits = [w.author, w.title ? `“${w.title}”` : w.id, [w.publisher, w.date].filter(Boolean).join(', ')].filter(Boolean);
  return h('li', { class: 'work' }, bits.join(' — '), w.footnotes.length ? h('span', { class: 'muted' }, ` [fn ${w.footnotes.join(', ')}]`) : null);
}

/** One citation as a list item. */
export function citationItem(c: Citation): HTMLElement {
  const where: string[] = [];
  if (c.sectionHeading || c.section) where.push(`§ ${c.sectionHeading ?? c.section}`);
  if (c.paragraphs.length) where.push(`¶ ${c.paragraphs.join(', ')}`);
  if (c.footnotes.length) where.push(`fn ${c.footnotes.join(', ')}`);
  return h(
    'li',
    { class: 'citation' },
    h('span', { class: 'cite-source' }, c.source),
    where.length ? h('span', { class: 'cite-where' }, ` · ${where.join(' · ')}`) : null,
    c.section && c.sectionHeading ? h('span', { class: 'muted' }, ` (${c.section})`) : null,
    c.works.length ? h('ul', { class: 'works' }, ...c.works.map(work)) : null,
  );
}

/** A list of citations, or a note that there are none. */
export function citationList(cites: Citation[] | null | undefined): HTMLElement {
  if (!cites?.length) return h('p', { class: 'muted' }, 'No citation recorded.');
  return h('ul', { class: 'citations' }, ...cites.map(citationItem));
}
