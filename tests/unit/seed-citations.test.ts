/**
 * Provenance test for the curated seed data: every citation in every file of seed/data must point
 * at a real section and paragraph of the source article, and every footnote it names must have its
 * marker in that paragraph (or, for section `notes`, must exist as an endnote). Reads the files
 * directly (yaml + csv-parse), independent of the loader, and needs no database.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  NOTES_SECTION,
  ROUNDTABLE_LAYOUT,
  defaultArticlePath,
  loadArticleIndex,
  type ArticleIndex,
} from '../helpers/article-index.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const dataDir = path.join(repoRoot, 'seed', 'data');
const ARTICLE_ID = 'tnsr_roundtable_2018';

type Row = Record<string, unknown>;

/** One citation as written in a file, normalised. */
interface Cite {
  file: string;
  record: string;
  source: string | undefined;
  section: string | undefined;
  paragraphs: number[];
  footnotes: number[];
  /** Problems found while reading the raw values (bad numbers, ...). */
  raw: string[];
}

/** Files of the data set, by kind: `<kind>.yaml`, `<kind>.<part>.yaml`, likewise `.csv`. */
function dataFiles(): string[] {
  return readdirSync(dataDir)
    .filter((f) => /\.(ya?ml|csv)$/.test(f))
    .sort();
}

function readRecords(file: string): Row[] {
  const text = readFileSync(path.join(dataDir, file), 'utf8');
  if (file.endsWith('.csv')) {
    return parseCsv(text, { columns: true, skip_empty_lines: true, trim: true }) as Row[];
  }
  const doc = parseYaml(text) as unknown;
  if (doc == null) return [];
  if (!Array.isArray(doc)) throw new Error(`${file}: expected a YAML list of records`);
  return doc as Row[];
}

/** Parses `4`, `[4, 5]`, `"4;5"` into integers; reports anything else. */
function ints(value: unknown, what: string, raw: string[]): number[] {
  if (value === undefined || value === null || value === '') return [];
  const parts: unknown[] = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[;,]/) : [value];
  const out: number[] = [];
  for (const p of parts) {
    const n = typeof p === 'number' ? p : Number(String(p).trim());
    if (!Number.isInteger(n) || n < 1) raw.push(`${what} "${String(p)}" is not a positive integer`);
    else out.push(n);
  }
  return out;
}

function recordName(file: string, row: Row, index: number): string {
  if (typeof row.id === 'string' && row.id !== '') return row.id;
  if (row.type && row.from && row.to) return `row ${index + 2} (${row.type}:${row.from}:${row.to})`;
  return `record #${index + 1}`;
}

/** Citations of one record: YAML `cite` (list or single object), or the CSV citation columns. */
function citesOf(file: string, row: Row, index: number): Cite[] {
  const record = recordName(file, row, index);
  const make = (c: Row): Cite => {
    const raw: string[] = [];
    const paragraphs = ints(c.paragraph ?? c.paragraphs, 'paragraph', raw);
    const footnotes = ints(c.footnotes ?? c.footnote, 'footnote', raw);
    const str = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : String(v));
    return { file, record, source: str(c.source), section: str(c.section), paragraphs, footnotes, raw };
  };
  if (file.endsWith('.csv')) return row.section || row.paragraph || row.footnotes ? [make(row)] : [];
  const cite = row.cite;
  if (cite === undefined || cite === null) return [];
  return (Array.isArray(cite) ? cite : [cite]).map((c) => make((c ?? {}) as Row));
}

/** Checks one citation against the article; returns the problems (empty when it holds). */
function checkCite(c: Cite, ix: ArticleIndex, sourceIds: Set<string>, sectionIds: Set<string>, defaultSource: string): string[] {
  const problems = [...c.raw];
  const source = c.source ?? defaultSource;
  if (!sourceIds.has(source)) problems.push(`source "${source}" is not in sources.yaml`);
  if (!c.section) {
    problems.push('no section');
    return problems;
  }
  if (!sectionIds.has(c.section)) problems.push(`section "${c.section}" has no SECTION record in sources.yaml`);
  if (source !== ARTICLE_ID) return problems; // only the indexed article can be checked line by line
  if (c.section === NOTES_SECTION) {
    if (c.paragraphs.length > 0) problems.push('section notes takes no paragraph');
    if (c.footnotes.length === 0) problems.push('a notes citation needs footnote numbers');
    for (const n of c.footnotes) if (!ix.notes.has(n)) problems.push(`footnote ${n} does not exist`);
    return problems;
  }
  const section = ix.sections.get(c.section);
  if (!section) {
    problems.push(`section "${c.section}" is not in the article`);
    return problems;
  }
  if (c.paragraphs.length === 0) problems.push('no paragraph');
  for (const p of c.paragraphs) {
    if (p > section.paragraphs.length) problems.push(`paragraph ${p} > ${section.paragraphs.length} paragraphs of ${c.section}`);
  }
  for (const n of c.footnotes) {
    const at = ix.markers.get(n);
    if (!at) {
      problems.push(`footnote ${n} has no marker in the body (cite it as section notes)`);
    } else if (at.section !== c.section || !c.paragraphs.includes(at.paragraph)) {
      problems.push(`footnote ${n} marker stands in ${at.section} paragraph ${at.paragraph}, not in ${c.section} ${c.paragraphs.join(';')}`);
    }
  }
  return problems;
}

const ix = loadArticleIndex(defaultArticlePath(repoRoot));
const files = dataFiles();
const records = new Map(files.map((f) => [f, readRecords(f)]));
const sources = records.get('sources.yaml') ?? [];
const sourceIds = new Set(sources.map((s) => String(s.id)));
const sectionIds = new Set(sources.filter((s) => s.kind === 'SECTION').map((s) => String(s.id)));
const defaultSource = String(sources.find((s) => s.default === true)?.id ?? ARTICLE_ID);

describe('article index', () => {
  it('finds every section of the layout, the endnotes and the footnote markers', () => {
    expect([...ix.sections.keys()]).toEqual(ROUNDTABLE_LAYOUT.map((s) => s.id));
    for (const s of ix.sections.values()) expect(s.paragraphs.length, s.id).toBeGreaterThan(0);
    expect(ix.notes.size).toBe(sources.find((s) => s.id === ARTICLE_ID)?.footnoteCount);
    // Markers are located in reading order, so their positions never go backwards.
    const order = ROUNDTABLE_LAYOUT.map((s) => s.id);
    let last = [-1, 0];
    for (const [n, at] of [...ix.markers.entries()].sort((a, b) => a[0] - b[0])) {
      const here = [order.indexOf(at.section), at.paragraph];
      const forward = here[0] > last[0] || (here[0] === last[0] && here[1] >= last[1]);
      expect(forward, `marker ${n} at ${at.section}:${at.paragraph}`).toBe(true);
      last = here;
    }
    expect(ix.markers.size).toBeGreaterThanOrEqual(100);
  });
});

describe('seed sources.yaml', () => {
  it('has the article, marked default, with its footnote count', () => {
    const article = sources.find((s) => s.id === ARTICLE_ID);
    expect(article?.kind).toBe('ARTICLE');
    expect(article?.default).toBe(true);
    expect(article?.footnoteCount).toBe(ix.notes.size);
  });

  it('has one SECTION record per article section, with the right paragraph count', () => {
    const problems: string[] = [];
    for (const s of ix.sections.values()) {
      const rec = sources.find((r) => r.id === s.id);
      if (!rec) problems.push(`${s.id}: missing`);
      else {
        if (rec.kind !== 'SECTION') problems.push(`${s.id}: kind ${String(rec.kind)}`);
        if (rec.partOf !== ARTICLE_ID) problems.push(`${s.id}: partOf ${String(rec.partOf)}`);
        if (rec.essay !== s.essay) problems.push(`${s.id}: essay ${String(rec.essay)} != ${s.essay}`);
        if (rec.paragraphs !== s.paragraphs.length) {
          problems.push(`${s.id}: paragraphs ${String(rec.paragraphs)} != ${s.paragraphs.length} in the article`);
        }
      }
    }
    if (!sectionIds.has(NOTES_SECTION)) problems.push('notes: missing');
    expect(problems).toEqual([]);
  });

  it('lists every footnote in at least one source record, and only existing ones', () => {
    const listed = new Set<number>();
    const problems: string[] = [];
    for (const s of sources) {
      const raw: string[] = [];
      for (const n of ints(s.footnotes, 'footnote', raw)) {
        if (!ix.notes.has(n)) problems.push(`${String(s.id)}: footnote ${n} does not exist`);
        listed.add(n);
      }
      problems.push(...raw.map((r) => `${String(s.id)}: ${r}`));
    }
    for (const n of ix.notes.keys()) if (!listed.has(n)) problems.push(`footnote ${n} is in no source record`);
    expect(problems).toEqual([]);
  });
});

describe('seed citations', () => {
  const cited = files.filter((f) => f !== 'sources.yaml');

  it('gives every record of every data file at least one citation', () => {
    const problems: string[] = [];
    for (const f of cited) {
      records.get(f)!.forEach((row, i) => {
        if (citesOf(f, row, i).length === 0) problems.push(`${f} ${recordName(f, row, i)}: no citation`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('points every citation at an existing section, paragraph and footnote marker', () => {
    const problems: string[] = [];
    let count = 0;
    for (const f of cited) {
      records.get(f)!.forEach((row, i) => {
        for (const c of citesOf(f, row, i)) {
          count++;
          for (const p of checkCite(c, ix, sourceIds, sectionIds, defaultSource)) {
            problems.push(`${c.file} ${c.record} [${c.section ?? '?'}${c.paragraphs.length ? ':' + c.paragraphs.join(';') : ''}]: ${p}`);
          }
        }
      });
    }
    expect(count).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('describes records in the curators own words (no run of 8+ words copied from the article)', () => {
    // Runs made only of capitalised words and connectors are proper names or titles ("Deputy
    // Assistant Secretary of Defense for Security Cooperation"): naming them is not copying.
    const CONNECTORS = new Set(['of', 'for', 'and', 'the', 'to', 'on', 'in', 'a', 'at', 'de', 'u', 's']);
    const tokens = (t: string) =>
      t
        .replace(/[’‘]/g, "'")
        .replace(/[^A-Za-z0-9' ]+/g, ' ')
        .split(/\s+/)
        .filter(Boolean);
    const words = (t: string) => tokens(t).map((w) => w.toLowerCase());
    const isName = (run: string[]) => run.every((w) => /^[A-Z0-9]/.test(w) || CONNECTORS.has(w.toLowerCase()));
    const N = Number(process.env.AIDGRAPH_COPY_RUN ?? 8);
    const shingles = new Set<string>();
    const names = new Set<string>();
    const texts = [...[...ix.sections.values()].flatMap((s) => s.paragraphs), ...ix.notes.values()];
    for (const t of texts) {
      const w = tokens(t);
      for (let i = 0; i + N <= w.length; i++) {
        const run = w.slice(i, i + N);
        (isName(run) ? names : shingles).add(run.join(' ').toLowerCase());
      }
    }
    for (const n of names) shingles.delete(n); // capitalised anywhere in the article: a name
    const problems: string[] = [];
    for (const f of cited) {
      records.get(f)!.forEach((row, i) => {
        for (const field of ['description', 'note', 'purpose']) {
          const v = row[field];
          if (typeof v !== 'string') continue;
          const w = words(v);
          for (let k = 0; k + N <= w.length; k++) {
            const run = w.slice(k, k + N).join(' ');
            if (shingles.has(run)) {
              problems.push(`${f} ${recordName(f, row, i)} ${field}: "${run}"`);
              break;
            }
          }
        }
      });
    }
    expect(problems).toEqual([]);
  });
});
