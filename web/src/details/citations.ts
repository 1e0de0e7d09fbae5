/**
 * Rendering of citations: source, section, paragraphs, footnotes and the works they cite. With
 * place actions, the section, each paragraph and each footnote is a button listing the other facts
 * that cite it (cited-by.ts).
 */
import type { Citation } from '../api/types.ts';
import { h } from '../ui/dom.ts';
import { CitedByBox, type PlaceActions } from './cited-by.ts';
import { citationText, distinctCitations, type PlaceText, type WorkText } from './citation-text.ts';

function link(text: string, url: string | null): HTMLElement | string {
  return url ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, text) : text;
}

function work(w: WorkText): HTMLElement {
  return h('li', { class: 'work' }, link(w.text, w.url));
}

/** "“Heading” · ¶ 2, 3 · fn 52" with every place a control of `box`. */
function placeControls(c: Citation, places: PlaceText[], box: CitedByBox): (Node | string)[] {
  const out: (Node | string)[] = [];
  const group = (prefix: string, list: PlaceText[]) => {
    if (!list.length) return;
    if (out.length) out.push(' · ');
    out.push(prefix);
    list.forEach((p, i) => out.push(...(i ? [', '] : []), box.control(p)));
  };
  group('', places.filter((p) => p.part === 'section'));
  const paragraphs = places.filter((p) => p.part === 'paragraph');
  // A paragraph without its section names no place: its number stays plain text.
  if (!paragraphs.length && c.paragraphs.length) out.push(...(out.length ? [' · '] : []), `¶ ${[...new Set(c.paragraphs)].sort((a, b) => a - b).join(', ')}`);
  group('¶ ', paragraphs);
  group('fn ', places.filter((p) => p.part === 'footnote'));
  return out;
}

/** One citation as a list item. */
export function citationItem(c: Citation, actions?: PlaceActions): HTMLElement {
  const t = citationText(c);
  const box = actions && t.places.length ? new CitedByBox(actions) : null;
  const where = box ? placeControls(c, t.places, box) : t.where ? [t.where] : [];
  return h(
    'li',
    { class: 'citation' },
    t.source ? h('span', { class: 'cite-source' }, link(t.source, t.sourceUrl)) : null,
    where.length ? h('span', { class: 'cite-where' }, t.source ? ' · ' : null, ...where) : null,
    t.works.length ? h('ul', { class: 'works' }, ...t.works.map(work)) : null,
    box?.region,
  );
}

/** A list of citations, or a note that there are none; with actions, their places are controls. */
export function citationList(cites: Citation[] | null | undefined, actions?: PlaceActions): HTMLElement {
  if (!cites?.length) return h('p', { class: 'muted' }, 'No citation recorded.');
  return h('ul', { class: 'citations' }, ...distinctCitations(cites).map((c) => citationItem(c, actions)));
}

/** "1 citation", "3 citations" (repeats counted once). */
export function citationCount(cites: Citation[] | null | undefined): string {
  const n = distinctCitations(cites ?? []).length;
  return `${n} citation${n === 1 ? '' : 's'}`;
}
