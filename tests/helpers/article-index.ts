/**
 * Splits the roundtable article into the team's fixed sections, numbered paragraphs and endnotes,
 * and locates every footnote marker, so that citations (section, paragraph, footnotes) can be
 * checked against the text itself.
 *
 * Counting rule (as docs/data-format.md gives it): a section runs from its heading line to the next heading;
 * every non-empty line of its body is one paragraph, except "By ..." bylines directly under an
 * essay title and "Image: ..." credits. The endnotes start at the first line "1 <text>" after the
 * body and become the section `notes`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Where one section starts: the exact heading line (an essay title for `sN_intro`). */
export interface SectionLayout {
  id: string;
  /** 0 for the roundtable's own introduction, 1..4 for the essays. */
  essay: number;
  heading: string;
  /** True when the heading is an essay title followed by a "By <author>" line. */
  byline?: boolean;
}

/** The section layout of `tnsr_roundtable_2018`, in reading order (the section ids of seed/data/sources.yaml). */
export const ROUNDTABLE_LAYOUT: readonly SectionLayout[] = [
  { id: 's0_intro', essay: 0, heading: 'Policy Roundtable: The Pros and Cons of Security Assistance' },
  { id: 's1_intro', essay: 1, heading: '1. The Future of Security Assistance', byline: true },
  { id: 's1_overview', essay: 1, heading: 'Security Assistance and Cooperation: A Brief Overview' },
  { id: 's1_looking_back', essay: 1, heading: 'Looking Back, Forging Ahead' },
  { id: 's2_intro', essay: 2, heading: '2. The Dangers of U.S. Military Assistance to Weak States', byline: true },
  { id: 's2_coup_proofing', essay: 2, heading: 'Coup-Proofing, Power Consolidation, and Violence' },
  { id: 's2_insecure_overconfident', essay: 2, heading: 'Insecure, Yet Overconfident' },
  { id: 's2_what_can_be_done', essay: 2, heading: 'What Can be Done?' },
  {
    id: 's3_intro',
    essay: 3,
    heading: '3. The Dangers of Incoherent Strategy: Security Assistance in Somalia, 2009–2018',
    byline: true,
  },
  { id: 's3_us_involvement', essay: 3, heading: 'U.S. Involvement in Somalia' },
  { id: 's3_support_to_amisom', essay: 3, heading: 'U.S. Support to AMISOM' },
  { id: 's3_support_to_sna', essay: 3, heading: 'U.S. Support to the Somali National Army' },
  { id: 's3_perils_of_incoherence', essay: 3, heading: 'The Perils of Strategic Incoherence' },
  { id: 's3_strategic_ramifications', essay: 3, heading: 'Strategic Ramifications' },
  { id: 's4_intro', essay: 4, heading: '4. The Risks and Tradeoffs of Security Cooperation', byline: true },
  { id: 's4_defense_trade', essay: 4, heading: 'New Emphasis on Defense Trade' },
  { id: 's4_return_on_investment', essay: 4, heading: 'Seeking Return on Investment' },
  { id: 's4_context_matters', essay: 4, heading: 'Context Matters' },
];

/** Id of the endnotes section. */
export const NOTES_SECTION = 'notes';

/** One body section with its numbered paragraphs (index 0 = paragraph 1). */
export interface ArticleSection {
  id: string;
  essay: number;
  heading: string;
  byline: string | null;
  paragraphs: string[];
  /** 1-based line number of the heading in the file. */
  line: number;
}

/** Where a footnote marker stands in the body. */
export interface MarkerPlace {
  section: string;
  paragraph: number;
}

/** The parsed article. */
export interface ArticleIndex {
  sections: Map<string, ArticleSection>;
  /** Endnote number -> its text. */
  notes: Map<number, string>;
  /** Footnote number -> the paragraph holding its marker (absent when no marker was found). */
  markers: Map<number, MarkerPlace>;
}

/** Default article path: `../shared/sources/...` beside the repo root, or env AIDGRAPH_ARTICLE. */
export function defaultArticlePath(repoRoot: string = process.cwd()): string {
  const fromEnv = process.env.AIDGRAPH_ARTICLE;
  if (fromEnv && fromEnv.trim() !== '') return path.resolve(repoRoot, fromEnv);
  return path.resolve(repoRoot, '../shared/sources/000_0ce2b85ac958329b.txt');
}

const NOTE_LINE = /^(\d{1,3})\s+(\S.*)$/;

/** Splits `text` by `layout`; throws when a heading is missing or out of order. */
export function indexArticle(text: string, layout: readonly SectionLayout[] = ROUNDTABLE_LAYOUT): ArticleIndex {
  const lines = text.split(/\r?\n/).map((l) => l.trim());

  // Heading positions, each searched after the previous one so that order is enforced.
  const starts: number[] = [];
  let from = 0;
  for (const s of layout) {
    const at = lines.indexOf(s.heading, from);
    if (at < 0) throw new Error(`article-index: heading of ${s.id} not found after line ${from + 1}: "${s.heading}"`);
    starts.push(at);
    from = at + 1;
  }

  // The endnotes begin at the first "1 <text>" line after the last heading.
  let notesStart = lines.length;
  for (let i = from; i < lines.length; i++) {
    const m = NOTE_LINE.exec(lines[i]);
    if (m && m[1] === '1') {
      notesStart = i;
      break;
    }
  }

  const sections = new Map<string, ArticleSection>();
  layout.forEach((s, k) => {
    const end = k + 1 < layout.length ? starts[k + 1] : notesStart;
    let byline: string | null = null;
    const paragraphs: string[] = [];
    for (let i = starts[k] + 1; i < end; i++) {
      const l = lines[i];
      if (l === '') continue;
      if (s.byline && byline === null && paragraphs.length === 0 && /^By\s/.test(l)) {
        byline = l.replace(/^By\s+/, '');
        continue;
      }
      if (/^Image:\s/.test(l)) continue;
      paragraphs.push(l);
    }
    sections.set(s.id, { id: s.id, essay: s.essay, heading: s.heading, byline, paragraphs, line: starts[k] + 1 });
  });

  const notes = new Map<number, string>();
  let last = -1;
  for (let i = notesStart; i < lines.length; i++) {
    const l = lines[i];
    if (l === '') continue;
    const m = NOTE_LINE.exec(l);
    if (m && Number(m[1]) === (last < 0 ? 1 : last + 1)) {
      last = Number(m[1]);
      notes.set(last, m[2]);
    } else if (last > 0) {
      notes.set(last, `${notes.get(last)} ${l}`);
    }
  }

  return { sections, notes, markers: locateMarkers(layout, sections, notes.size) };
}

/**
 * Finds each footnote marker in reading order. A marker is the number glued to the end of a
 * word or punctuation mark ("fruit?2", "Danab.68"); markers run 1, 2, 3... through the body, so
 * marker N is searched only after marker N-1, which keeps years and amounts from being mistaken
 * for markers. A marker glued to a year ("201064") is accepted only when no cleaner candidate
 * exists before the next marker.
 */
function locateMarkers(
  layout: readonly SectionLayout[],
  sections: Map<string, ArticleSection>,
  count: number,
): Map<number, MarkerPlace> {
  const paras: { section: string; paragraph: number; text: string }[] = [];
  for (const s of layout) {
    sections.get(s.id)!.paragraphs.forEach((text, i) => paras.push({ section: s.id, paragraph: i + 1, text }));
  }
  const find = (n: number, fromPara: number, fromChar: number, lenient: boolean): [number, number] | null => {
    // Lenient: the marker may follow a four-digit year ("in 201064").
    const before = lenient ? '(?:^|[^\\d])(?:1[89]|20)\\d\\d' : '[^\\s\\d$]';
    const re = new RegExp(`(?<=${before})${n}(?![\\d%])(?=[\\s”"’)\\],.;:]|$)`, 'g');
    for (let p = fromPara; p < paras.length; p++) {
      re.lastIndex = p === fromPara ? fromChar : 0;
      const m = re.exec(paras[p].text);
      if (m) return [p, m.index + String(n).length];
    }
    return null;
  };
  const markers = new Map<number, MarkerPlace>();
  let pos: [number, number] = [0, 0];
  for (let n = 1; n <= count; n++) {
    const strict = find(n, pos[0], pos[1], false);
    const lenient = find(n, pos[0], pos[1], true);
    let hit = strict;
    if (lenient && (!strict || cmp(lenient, strict) < 0)) {
      // A year-glued candidate wins only if marker n+1 stands before the clean candidate:
      // then the clean one cannot be marker n.
      const following = find(n + 1, lenient[0], lenient[1], false);
      if (!strict || (following && cmp(following, strict) < 0)) hit = lenient;
    }
    if (!hit) continue;
    markers.set(n, { section: paras[hit[0]].section, paragraph: paras[hit[0]].paragraph });
    pos = hit;
  }
  return markers;
}

function cmp(a: [number, number], b: [number, number]): number {
  return a[0] !== b[0] ? a[0] - b[0] : a[1] - b[1];
}

/** Reads and indexes the article file. */
export function loadArticleIndex(file: string = defaultArticlePath()): ArticleIndex {
  return indexArticle(readFileSync(file, 'utf8'));
}
