import { describe, expect, it } from 'vitest';
import type { Citation } from '../../../web/src/api/types.ts';
import { citationText, distinctCitations, placesOf, workText } from '../../../web/src/details/citation-text.ts';
import { evidenceWords, timingWords } from '../../../web/src/details/evidence.ts';
import { EVIDENCE_LEVELS, TIMINGS } from '../../../domain/kinds.ts';

const work = { id: 'work_gao_2016', title: 'Somalia: Security Assistance', author: 'GAO', publisher: 'U.S. GAO', date: '2016', url: null, footnotes: [52] };

const cite = (extra: Partial<Citation> = {}): Citation => ({
  source: 'tnsr_roundtable_2018',
  sourceTitle: null,
  sourceUrl: null,
  section: 's3_support_to_sna',
  sectionHeading: 'Supporting the Somali National Army',
  paragraphs: [3, 2],
  footnotes: [52],
  works: [work],
  ...extra,
});

describe('citations as text', () => {
  it('names the section by heading with paragraphs and footnotes, and never shows an id', () => {
    const t = citationText(cite());
    expect(t.where).toBe('“Supporting the Somali National Army” · ¶ 2, 3 · fn 52');
    expect(t.works).toEqual([{ text: 'GAO — “Somalia: Security Assistance” — U.S. GAO, 2016 [fn 52]', url: null }]);
    const shown = [t.source, t.where, ...t.works.map((w) => w.text), ...t.places.map((p) => `${p.label} ${p.description}`)].join(' ');
    expect(shown).not.toMatch(/tnsr_roundtable_2018|s3_support_to_sna|work_gao_2016/);
    expect(t.source).toBeNull();
  });

  it('shows the source title and links the API gives, and only http(s) links', () => {
    const t = citationText(cite({ sourceTitle: 'Policy Roundtable', sourceUrl: 'https://tnsr.org/x' }));
    expect(t).toMatchObject({ source: 'Policy Roundtable', sourceUrl: 'https://tnsr.org/x' });
    expect(citationText(cite({ sourceTitle: 'T', sourceUrl: 'javascript:alert(1)' })).sourceUrl).toBeNull();
    expect(workText({ ...work, url: 'javascript:alert(1)' }).url).toBeNull();
    expect(workText({ ...work, url: 'https://doi.org/10.1/x' }).url).toBe('https://doi.org/10.1/x');
  });

  it('a work with no title, author or publisher is named by its footnote', () => {
    expect(workText({ id: 'work_x', title: null, author: null, publisher: null, date: null, url: null, footnotes: [7] }).text).toBe('A work cited in fn 7 (no title recorded)');
  });

  it('lists a repeated citation once', () => {
    expect(distinctCitations([cite(), cite({ paragraphs: [2, 3] }), cite({ footnotes: [53] })])).toHaveLength(2);
  });
});

describe('places of a citation (what "other facts from this footnote" asks the API)', () => {
  it('the section, each paragraph within it and each footnote of the source, in order', () => {
    const places = placesOf(cite({ footnotes: [53, 52] }));
    expect(places.map((p) => [p.part, p.label, p.place])).toEqual([
      ['section', '“Supporting the Somali National Army”', { source: 'tnsr_roundtable_2018', section: 's3_support_to_sna' }],
      ['paragraph', '2', { source: 'tnsr_roundtable_2018', section: 's3_support_to_sna', paragraph: 2 }],
      ['paragraph', '3', { source: 'tnsr_roundtable_2018', section: 's3_support_to_sna', paragraph: 3 }],
      ['footnote', '52', { source: 'tnsr_roundtable_2018', footnote: 52 }],
      ['footnote', '53', { source: 'tnsr_roundtable_2018', footnote: 53 }],
    ]);
    expect(places.map((p) => p.description)).toContain('paragraph 2 of “Supporting the Somali National Army”');
  });

  it('a paragraph without its section names no place', () => {
    expect(placesOf(cite({ section: null, sectionHeading: null })).map((p) => p.part)).toEqual(['footnote']);
  });
});

describe('evidence and timing in plain words', () => {
  it('every level the domain defines has words, and no word is the API value itself', () => {
    for (const level of EVIDENCE_LEVELS) expect(evidenceWords(level).text).not.toMatch(/^[A-Z_]+$/);
    for (const timing of TIMINGS) expect(timingWords(timing).text).not.toMatch(/^[A-Z_]+$/);
    expect(evidenceWords('STATED').text).toBe('stated in the text');
    expect(evidenceWords('ASSUMED').text).toBe('curators’ assumption');
  });
});
