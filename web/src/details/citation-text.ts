/**
 * What a citation says, as text for people: the source's title, the section's heading, paragraph
 * and footnote numbers, and each cited work's author, title, publisher, date and link. Internal
 * ids are never shown: without a title a source is named by its section, and a work by its author
 * or publisher or its footnote. Identical citations are listed once. Each section, paragraph and
 * footnote is also a place the API can be asked about (citedBy).
 */
import type { CitedPlace } from '../api/queries.ts';
import type { Citation, SourceWork } from '../api/types.ts';

export interface WorkText {
  text: string;
  url: string | null;
}

/** One section, paragraph or footnote of a citation: its words and the citedBy arguments naming it. */
export interface PlaceText {
  part: 'section' | 'paragraph' | 'footnote';
  /** The words shown: "“Heading”", "2" (a paragraph), "52" (a footnote). */
  label: string;
  /** What it names, for people and assistive technology: "footnote 52". */
  description: string;
  place: CitedPlace;
}

export interface CitationText {
  /** The source document's title, or null when the API gives none. */
  source: string | null;
  sourceUrl: string | null;
  /** "“Heading” · ¶ 2, 3 · fn 52". */
  where: string;
  /** The section, each paragraph and each footnote, in that order. */
  places: PlaceText[];
  works: WorkText[];
}

const sorted = (numbers: readonly number[]) => [...new Set(numbers)].sort((a, b) => a - b);
const list = (numbers: readonly number[]) => sorted(numbers).join(', ');

/** Only http(s) links are offered. */
function safeUrl(url: string | null | undefined): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

/** One cited work as a line. */
export function workText(w: SourceWork): WorkText {
  const title = w.title ? `“${w.title}”` : null;
  const imprint = [w.publisher, w.date].filter(Boolean).join(', ');
  const bits = [w.author, title, imprint].filter((b): b is string => !!b);
  const fn = w.footnotes.length ? `fn ${list(w.footnotes)}` : null;
  const text = bits.length ? bits.join(' — ') + (fn ? ` [${fn}]` : '') : `A work cited${fn ? ` in ${fn}` : ''} (no title recorded)`;
  return { text, url: safeUrl(w.url) };
}

/**
 * The section, its paragraphs and the footnotes of a citation as places to ask about: a paragraph
 * is numbered within its section, so it is a place only with one; a footnote is the source's.
 */
export function placesOf(c: Citation): PlaceText[] {
  const out: PlaceText[] = [];
  const section = c.section;
  const sectionName = c.sectionHeading ? `“${c.sectionHeading}”` : 'this section';
  if (section) out.push({ part: 'section', label: c.sectionHeading ? sectionName : 'section', description: sectionName, place: { source: c.source, section } });
  if (section) {
    for (const n of sorted(c.paragraphs)) out.push({ part: 'paragraph', label: String(n), description: `paragraph ${n} of ${sectionName}`, place: { source: c.source, section, paragraph: n } });
  }
  for (const n of sorted(c.footnotes)) out.push({ part: 'footnote', label: String(n), description: `footnote ${n}`, place: { source: c.source, footnote: n } });
  return out;
}

/** The readable parts of one citation. */
export function citationText(c: Citation): CitationText {
  const where: string[] = [];
  if (c.sectionHeading) where.push(`“${c.sectionHeading}”`);
  if (c.paragraphs.length) where.push(`¶ ${list(c.paragraphs)}`);
  if (c.footnotes.length) where.push(`fn ${list(c.footnotes)}`);
  return { source: c.sourceTitle, sourceUrl: safeUrl(c.sourceUrl), where: where.join(' · '), places: placesOf(c), works: c.works.map(workText) };
}

/** The citations without repeats (same source, section, paragraphs and footnotes). */
export function distinctCitations<T extends Citation>(cites: readonly T[]): T[] {
  const seen = new Set<string>();
  return cites.filter((c) => {
    const key = JSON.stringify([c.source, c.section, list(c.paragraphs), list(c.footnotes)]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
