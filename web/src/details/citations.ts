/** Rendering of citations: source, section, paragraphs, footnotes and the works they cite. */
import type { Citation } from '../api/types.ts';
import { h } from '../ui/dom.ts';
import { citationText, distinctCitations, type WorkText } from './citation-text.ts';

function link(text: string, url: string | null): HTMLElement | string {
  return url ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, text) : text;
}

function work(w: WorkText): HTMLElement {
  return h('li', { class: 'work' }, link(w.text, w.url));
}

/** One citation as a list item. */
export function citationItem(c: Citation): HTMLElement {
  const t = citationText(c);
  return h(
    'li',
    { class: 'citation' },
    t.source ? h('span', { class: 'cite-source' }, link(t.source, t.sourceUrl)) : null,
    t.where ? h('span', { class: 'cite-where' }, t.source ? ` · ${t.where}` : t.where) : null,
    t.works.length ? h('ul', { class: 'works' }, ...t.works.map(work)) : null,
  );
}

/** A list of citations, or a note that there are none. */
export function citationList(cites: Citation[] | null | undefined): HTMLElement {
  if (!cites?.length) return h('p', { class: 'muted' }, 'No citation recorded.');
  return h('ul', { class: 'citations' }, ...distinctCitations(cites).map(citationItem));
}

/** "1 citation", "3 citations" (repeats counted once). */
export function citationCount(cites: Citation[] | null | undefined): string {
  const n = distinctCitations(cites ?? []).length;
  return `${n} citation${n === 1 ? '' : 's'}`;
}
