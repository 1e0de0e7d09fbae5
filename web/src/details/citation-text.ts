/**
 * What a citation says, as text for people: the source's title (when the API gives one), the
 * section's heading, paragraph and footnote numbers, and each cited work's author, title,
 * publisher, date and link. Internal ids are never shown: without a title a source is named by its
 * section, and a work by its author or publisher or its footnote. Identical citations are listed
 * once.
 */
import type { Citation, SourceWork } from '../api/types.ts';

/** Fields the API may add to a citation and a work; read when present, never required. */
type SourceExtras = { sourceTitle?: string | null; sourceUrl?: string | null; url?: string | null };

export interface WorkText {
  text: string;
  url: string | null;
}

export interface CitationText {
  /** The source document's title, or null when the API gives none. */
  source: string | null;
  sourceUrl: string | null;
  /** "“Heading” · ¶ 2, 3 · fn 52". */
  where: string;
  works: WorkText[];
}

const list = (numbers: readonly number[]) => [...new Set(numbers)].sort((a, b) => a - b).join(', ');

/** Only http(s) links are offered. */
function safeUrl(url: string | null | undefined): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

/** One cited work as a line. */
export function workText(w: SourceWork & SourceExtras): WorkText {
  const title = w.title ? `“${w.title}”` : null;
  const imprint = [w.publisher, w.date].filter(Boolean).join(', ');
  const bits = [w.author, title, imprint].filter((b): b is string => !!b);
  const fn = w.footnotes.length ? `fn ${list(w.footnotes)}` : null;
  const text = bits.length ? bits.join(' — ') + (fn ? ` [${fn}]` : '') : `A work cited${fn ? ` in ${fn}` : ''} (no title recorded)`;
  return { text, url: safeUrl(w.url) };
}

/** The readable parts of one citation. */
export function citationText(c: Citation & SourceExtras): CitationText {
  const where: string[] = [];
  if (c.sectionHeading) where.push(`“${c.sectionHeading}”`);
  if (c.paragraphs.length) where.push(`¶ ${list(c.paragraphs)}`);
  if (c.footnotes.length) where.push(`fn ${list(c.footnotes)}`);
  return { source: c.sourceTitle ?? null, sourceUrl: safeUrl(c.sourceUrl), where: where.join(' · '), works: (c.works as (SourceWork & SourceExtras)[]).map(workText) };
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

/** A country (or other) id as words, for when the API gives no name: "united_states" -> "United States". */
export function idAsName(id: string): string {
  return id
    .split(/[_\s]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}
