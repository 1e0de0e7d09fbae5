import { describe, expect, it } from 'vitest';
import type { Citation } from '../../../web/src/api/types.ts';
import { citationText, distinctCitations, idAsName, workText } from '../../../web/src/details/citation-text.ts';

const cite = (extra: Partial<Citation> & Record<string, unknown> = {}): Citation => ({
  source: 'tnsr_roundtable_2018',
  section: 's3_support_to_sna',
  sectionHeading: 'Supporting the Somali National Army',
  paragraphs: [3, 2],
  footnotes: [52],
  works: [{ id: 'work_gao_2016', title: 'Somalia: Security Assistance', author: 'GAO', publisher: 'U.S. GAO', date: '2016', footnotes: [52] }],
  ...extra,
});

describe('citations as text', () => {
  it('names the section by heading with paragraphs and footnotes, and never shows an id', () => {
    const t = citationText(cite());
    expect(t.where).toBe('“Supporting the Somali National Army” · ¶ 2, 3 · fn 52');
    expect(t.works).toEqual([{ text: 'GAO — “Somalia: Security Assistance” — U.S. GAO, 2016 [fn 52]', url: null }]);
    expect(JSON.stringify(t)).not.toMatch(/tnsr_roundtable_2018|s3_support_to_sna|work_gao_2016/);
    expect(t.source).toBeNull();
  });

  it('shows the source title and links when the API gives them, and only http(s) links', () => {
    const t = citationText(cite({ sourceTitle: 'Policy Roundtable', sourceUrl: 'https://tnsr.org/x' }));
    expect(t).toMatchObject({ source: 'Policy Roundtable', sourceUrl: 'https://tnsr.org/x' });
    expect(workText({ id: 'w', title: 'T', author: null, publisher: null, date: null, footnotes: [], url: 'javascript:alert(1)' } as never).url).toBeNull();
    expect(workText({ id: 'w', title: 'T', author: null, publisher: null, date: null, footnotes: [], url: 'https://doi.org/10.1/x' } as never).url).toBe('https://doi.org/10.1/x');
  });

  it('a work with no title, author or publisher is named by its footnote', () => {
    expect(workText({ id: 'work_x', title: null, author: null, publisher: null, date: null, footnotes: [7] }).text).toBe('A work cited in fn 7 (no title recorded)');
  });

  it('lists a repeated citation once', () => {
    expect(distinctCitations([cite(), cite({ paragraphs: [2, 3] }), cite({ footnotes: [53] })])).toHaveLength(2);
  });

  it('turns an id into words when no name is known', () => {
    expect(idAsName('united_states')).toBe('United States');
    expect(idAsName('somalia')).toBe('Somalia');
  });
});
