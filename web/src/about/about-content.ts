/**
 * The body of "About this data": sources, records by kind, years covered and the counting rules,
 * each figure as the API's dataSummary gives it (the page counts nothing itself).
 */
import type { DataSummary } from '../api/types.ts';
import { h } from '../ui/dom.ts';
import { formatYears, humanKind, humanType } from '../ui/format.ts';

type Source = DataSummary['sources'][number];
type Span = DataSummary['years'];

function sourceItem(s: Source): HTMLElement {
  const title = s.title ?? s.id;
  const by = [s.author, s.publisher, s.date].filter(Boolean).join(', ');
  return h(
    'li',
    { 'data-source': s.id },
    s.url ? h('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer' }, title) : h('cite', {}, title),
    by ? h('span', { class: 'muted' }, ` — ${by}`) : null,
  );
}

function sourcesSection(d: DataSummary): HTMLElement {
  const documents = d.sources.filter((s) => s.kind !== 'WORK');
  const works = d.sources.filter((s) => s.kind === 'WORK');
  const unlisted = d.sourceCount - d.sources.length;
  return h(
    'section',
    { 'aria-labelledby': 'about-sources-h' },
    h('h3', { id: 'about-sources-h' }, 'Sources'),
    h('ul', { class: 'plain about-sources', id: 'about-documents' }, ...documents.map(sourceItem)),
    works.length
      ? h('details', {}, h('summary', {}, `Works cited in the footnotes (${works.length})`), h('ul', { class: 'plain about-sources', id: 'about-works' }, ...works.map(sourceItem)))
      : null,
    unlisted > 0 ? h('p', { class: 'muted' }, `${unlisted} more not listed here.`) : null,
  );
}

/** One row of the counts table: the record kind, its count and its break-down. */
function countRow(id: string, label: string, count: number, parts: { kind: string; count: number }[], name: (k: string) => string): HTMLElement {
  return h(
    'tr',
    { 'data-count': id },
    h('th', { scope: 'row' }, label),
    h('td', { class: 'num' }, String(count)),
    h('td', {}, parts.map((p) => `${name(p.kind)} ${p.count}`).join(', ')),
  );
}

function countsSection(d: DataSummary): HTMLElement {
  return h(
    'section',
    { 'aria-labelledby': 'about-counts-h' },
    h('h3', { id: 'about-counts-h' }, 'What the graph holds'),
    h(
      'table',
      { class: 'about-counts', id: 'about-counts' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Records'), h('th', { scope: 'col' }, 'Count'), h('th', { scope: 'col' }, 'By kind'))),
      h(
        'tbody',
        {},
        countRow('actors', 'Actors', d.actorCount, d.actorsByKind, humanKind),
        countRow('authorities', 'Legal authorities', d.authorityCount, d.authoritiesByKind, humanKind),
        countRow('events', 'Events', d.eventCount, [], String),
        countRow('relationships', 'Relationships', d.relationshipCount, d.relationshipsByType, humanType),
        countRow('flows', 'Funding flows', d.flowCount, [], String),
        countRow('sources', 'Source records', d.sourceRecordCount, d.sourcesByKind, humanKind),
      ),
    ),
  );
}

const spanText = (s: Span | null | undefined, prefix = '') => (s ? prefix + formatYears(s.from, s.to) : 'none dated');

function yearsSection(d: DataSummary): HTMLElement {
  const row = (id: string, label: string, text: string) => h('div', { 'data-years': id }, h('dt', {}, label), h('dd', {}, text));
  return h(
    'section',
    { 'aria-labelledby': 'about-years-h' },
    h('h3', { id: 'about-years-h' }, 'Years covered'),
    h(
      'dl',
      { class: 'about-years', id: 'about-years' },
      row('all', 'All records', spanText(d.years)),
      row('flows', 'Funding flows (fiscal years)', spanText(d.flowYears, 'FY')),
      row('relationships', 'Relationships', spanText(d.relationshipYears)),
      row('events', 'Events', spanText(d.eventYears)),
    ),
  );
}

function rulesSection(d: DataSummary): HTMLElement {
  return h(
    'section',
    { 'aria-labelledby': 'about-rules-h' },
    h('h3', { id: 'about-rules-h' }, 'How money is counted'),
    h('ul', { class: 'about-rules', id: 'about-rules' }, ...d.countingRules.map((r) => h('li', { 'data-reason': r.reason ?? 'ALL' }, r.text))),
  );
}

/** The panel's sections for `summary`. */
export function aboutContent(summary: DataSummary): HTMLElement[] {
  return [countsSection(summary), yearsSection(summary), rulesSection(summary), sourcesSection(summary)];
}
