/**
 * The record schemas coerce what files give (CSV text, loosely typed YAML) and normalise the
 * result (absent = null, defaults, flat citation columns gathered into `cite`).
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { acceptedFields, CITATION_FIELD_NAMES, RECORD_SCHEMAS } from '../../../domain/schemas/index.ts';
import { citeField } from '../../../domain/schemas/citation.ts';
import { boolField, idField, intField, intListField, textListField, toNumber, toText, yearField } from '../../../domain/schemas/fields.ts';

const ok = <T extends z.ZodType>(schema: T, value: unknown): z.output<T> => {
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(JSON.stringify(result.error.issues));
  return result.data;
};
const messages = (schema: z.ZodType, value: unknown): string[] =>
  (schema.safeParse(value, { reportInput: true }).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('coercion of single fields', () => {
  it('reads numbers from decimal text only', () => {
    expect(toNumber(' 2006 ')).toBe(2006);
    expect(toNumber('1.5e6')).toBe(1_500_000);
    expect(toNumber('.5')).toBe(0.5);
    for (const text of ['', ' ', '0x10', '12abc', 'early 2011', 'NaN', 'Infinity']) expect(toNumber(text)).toBe(text);
    expect(toNumber(7)).toBe(7);
  });

  it('reads text trimmed, and a YAML number as text', () => {
    expect(toText('  Danab ')).toBe('Danab');
    expect(toText(2024)).toBe('2024');
    expect(toText(true)).toBe(true);
    expect(ok(idField, ' arden ')).toBe('arden');
    expect(ok(idField, 1206)).toBe('1206');
  });

  it('reads years, and says what it got when it cannot', () => {
    expect(ok(yearField, '2011')).toBe(2011);
    expect(ok(yearField, 2011)).toBe(2011);
    expect(messages(yearField, 'early 2011')).toEqual([": expected a year, got 'early 2011'"]);
    expect(messages(yearField, '2011.5')).toEqual([': expected a year, got 2011.5']);
    expect(messages(yearField, '3014')).toEqual([': expected a year from 1800 to 2100, got 3014']);
    expect(messages(intField(1, 54, 'a title'), [])).toEqual([': expected a title, got a list']);
  });

  it('reads lists from `a;b` text, a lone number, or a YAML list', () => {
    const footnotes = intListField('footnote numbers');
    expect(ok(footnotes, '62; 63;')).toEqual([62, 63]);
    expect(ok(footnotes, 5)).toEqual([5]);
    expect(ok(footnotes, [1, '2'])).toEqual([1, 2]);
    expect(ok(footnotes, ';')).toEqual([]);
    expect(messages(footnotes, '1;one')).toEqual(["1: expected footnote numbers (whole numbers from 1), got 'one'"]);
    expect(ok(textListField, 'Danab; Danab Brigade')).toEqual(['Danab', 'Danab Brigade']);
    expect(ok(textListField, [' AN ', 7])).toEqual(['AN', '7']);
    expect(messages(textListField, [['nested']])).toEqual(['0: expected text, got a list']);
  });

  it('reads booleans from true/false and yes/no in any case', () => {
    for (const yes of [true, 'true', 'YES', ' Yes ']) expect(ok(boolField, yes)).toBe(true);
    for (const no of [false, 'false', 'no', 'No']) expect(ok(boolField, no)).toBe(false);
    expect(messages(boolField, 'maybe')).toEqual([": expected true or false, got 'maybe'"]);
  });

  it('reads one citation mapping as a list of one, and refuses an empty one', () => {
    expect(ok(citeField, { section: 'ex_background', paragraph: '2;3' })).toEqual([
      { source: null, section: 'ex_background', paragraphs: [2, 3], footnotes: [] },
    ]);
    expect(ok(citeField, undefined)).toEqual([]);
    expect(messages(citeField, [{ section: 's' }, {}])).toEqual(['1: an empty citation: give at least a source or a section']);
    // A list given but empty still names something: it is a citation, and the cross-checks judge it.
    expect(ok(citeField, [{ paragraph: [] }])).toEqual([{ source: null, section: null, paragraphs: [], footnotes: [] }]);
  });
});

describe('normalised records', () => {
  it('an actor from CSV cells: coerced, absent facts null, flat citation columns after cite', () => {
    const actor = ok(RECORD_SCHEMAS.actors, {
      id: 'arden_navy',
      kind: 'MilitaryUnit',
      name: 'Arden Navy',
      aliases: 'AN;Navy of Arden',
      cite: { source: 'report', section: 'intro' },
      section: 'ex_background',
      paragraph: '2',
      footnotes: '1',
    });
    expect(actor).toEqual({
      id: 'arden_navy',
      kind: 'MilitaryUnit',
      name: 'Arden Navy',
      aliases: ['AN', 'Navy of Arden'],
      country: null,
      description: null,
      note: null,
      evidence: 'STATED',
      cite: [
        { source: 'report', section: 'intro', paragraphs: [], footnotes: [] },
        { source: null, section: 'ex_background', paragraphs: [2], footnotes: [1] },
      ],
    });
  });

  it('an event from YAML: yearEnd null when left out', () => {
    expect(ok(RECORD_SCHEMAS.events, { id: 'raid', name: 'Raid', year: 2014, cite: [{ section: 's' }] })).toMatchObject({
      year: 2014,
      yearEnd: null,
      aliases: [],
    });
  });

  it('an authority: title and enacted coerced, citation text kept', () => {
    expect(ok(RECORD_SCHEMAS.authorities, { id: 'a', name: 'A', kind: 'STATUTE', citation: '10 U.S.C. 333', title: '10', enacted: '2016' })).toMatchObject({
      citation: '10 U.S.C. 333',
      title: 10,
      enacted: 2016,
      cite: [],
    });
  });

  it('a funding flow: fy_end defaults to fy_start, precision EXACT, basis TOTAL', () => {
    const flow = ok(RECORD_SCHEMAS.funding, { id: 'f', donor: 'a', recipient: 'b', amountUsd: '5000000', fyStart: '2016', section: 's' });
    expect(flow).toMatchObject({ amountUsd: 5_000_000, fyStart: 2016, fyEnd: 2016, precision: 'EXACT', basis: 'TOTAL', authority: null, partOf: null });
    expect(flow).not.toHaveProperty('section');
  });

  it('a relationship: the key is its id, or TYPE:from:to:start', () => {
    expect(ok(RECORD_SCHEMAS.relationships, { type: 'TRAINED', from: 'a', to: 'b', start: '2011' })).toMatchObject({ id: null, key: 'TRAINED:a:b:2011', end: null });
    expect(ok(RECORD_SCHEMAS.relationships, { type: 'TRAINED', from: 'a', to: 'b' }).key).toBe('TRAINED:a:b:');
    expect(ok(RECORD_SCHEMAS.relationships, { id: 'r1', type: ' TRAINED ', from: 'a', to: 'b' })).toMatchObject({ id: 'r1', key: 'r1', type: 'TRAINED' });
    expect(messages(RECORD_SCHEMAS.relationships, { type: 'BEFRIENDED', from: 'a', to: 'b' })[0]).toMatch(/^type: 'BEFRIENDED' is not an allowed relationship type: use one of /);
    expect(messages(RECORD_SCHEMAS.relationships, { type: ['TRAINED'], from: 'a', to: 'b' })).toEqual(['type: expected a relationship type, got a list']);
  });

  it('a source: `default` becomes isDefault (false when left out), footnotes a list', () => {
    expect(ok(RECORD_SCHEMAS.sources, { id: 's', kind: 'ARTICLE', default: 'yes', footnotes: '1;2' })).toMatchObject({ isDefault: true, footnotes: [1, 2], partOf: null });
    const plain = ok(RECORD_SCHEMAS.sources, { id: 's', kind: 'WORK' });
    expect(plain).toMatchObject({ isDefault: false, footnotes: [], title: null, url: null });
    expect(plain).not.toHaveProperty('default');
  });

  it('cross-field rules run on the coerced values', () => {
    expect(messages(RECORD_SCHEMAS.funding, { id: 'f', donor: 'a', recipient: 'b', amountUsd: 1, fyStart: '2019', fyEnd: '2017' })).toEqual([
      'fyEnd: fy_end 2017 is before fy_start 2019',
    ]);
    expect(messages(RECORD_SCHEMAS.sources, { id: 's', kind: 'SECTION' })).toEqual(['partOf: a SECTION needs partOf: the id of the document it belongs to']);
  });
});

describe('the fields of each kind come from the schemas', () => {
  it('in documentation order, with the flat citation fields for every kind but sources', () => {
    expect(acceptedFields('actors')).toEqual(['id', 'kind', 'name', 'aliases', 'country', 'description', 'note', 'evidence', 'cite', ...CITATION_FIELD_NAMES]);
    expect(acceptedFields('funding').slice(0, 6)).toEqual(['id', 'donor', 'recipient', 'authority', 'amountUsd', 'fyStart']);
    expect(acceptedFields('sources')).not.toContain('section');
    expect(CITATION_FIELD_NAMES).toEqual(['source', 'section', 'paragraph', 'footnotes']);
  });
});

describe('evidence and time', () => {
  it('every kind but sources takes evidence STATED, INFERRED or ASSUMED, STATED when left out', () => {
    expect(ok(RECORD_SCHEMAS.actors, { id: 'a', kind: 'State', name: 'A' }).evidence).toBe('STATED');
    expect(ok(RECORD_SCHEMAS.authorities, { id: 'a', kind: 'LAW', name: 'A', evidence: ' INFERRED ' }).evidence).toBe('INFERRED');
    expect(ok(RECORD_SCHEMAS.events, { id: 'e', name: 'E', year: 2014, evidence: 'ASSUMED' }).evidence).toBe('ASSUMED');
    expect(ok(RECORD_SCHEMAS.relationships, { type: 'TRAINED', from: 'a', to: 'b', evidence: 'INFERRED' }).evidence).toBe('INFERRED');
    expect(ok(RECORD_SCHEMAS.funding, { id: 'f', donor: 'a', recipient: 'b', amountUsd: 1, fyStart: 2016 }).evidence).toBe('STATED');
    expect(messages(RECORD_SCHEMAS.funding, { id: 'f', donor: 'a', recipient: 'b', amountUsd: 1, fyStart: 2016, evidence: 'GUESSED' })).toEqual([
      "evidence: 'GUESSED' is not a valid evidence: use one of STATED, INFERRED, ASSUMED",
    ]);
    expect(acceptedFields('sources')).not.toContain('evidence');
  });

  it('a relationship: timing PERIOD when a year is given, else UNDATED; POINT needs its year, ALWAYS and UNDATED take none', () => {
    expect(ok(RECORD_SCHEMAS.relationships, { type: 'TRAINED', from: 'a', to: 'b', start: '2010' }).timing).toBe('PERIOD');
    expect(ok(RECORD_SCHEMAS.relationships, { type: 'TRAINED', from: 'a', to: 'b', end: '2016' }).timing).toBe('PERIOD');
    expect(ok(RECORD_SCHEMAS.relationships, { type: 'TRAINED', from: 'a', to: 'b' }).timing).toBe('UNDATED');
    expect(ok(RECORD_SCHEMAS.relationships, { type: 'PURGED', from: 'a', to: 'b', start: 1966, timing: 'POINT' }).timing).toBe('POINT');
    expect(ok(RECORD_SCHEMAS.relationships, { type: 'PART_OF', from: 'a', to: 'b', timing: 'ALWAYS' }).timing).toBe('ALWAYS');
    expect(messages(RECORD_SCHEMAS.relationships, { type: 'PURGED', from: 'a', to: 'b', timing: 'POINT' })).toEqual([
      'timing: timing POINT needs start (the year it happened) and no other end year',
    ]);
    expect(messages(RECORD_SCHEMAS.relationships, { type: 'PURGED', from: 'a', to: 'b', start: 1966, end: 1970, timing: 'POINT' })).toHaveLength(1);
    expect(messages(RECORD_SCHEMAS.relationships, { type: 'PART_OF', from: 'a', to: 'b', start: 2007, timing: 'ALWAYS' })).toEqual(['timing: timing ALWAYS takes no start or end']);
    expect(messages(RECORD_SCHEMAS.relationships, { type: 'PART_OF', from: 'a', to: 'b', timing: 'SOMETIMES' })[0]).toMatch(/^timing: 'SOMETIMES' is not a valid timing: use one of PERIOD, POINT, ALWAYS, UNDATED/);
  });

  it('an event: month and day where given; day needs month, and the date must exist', () => {
    expect(ok(RECORD_SCHEMAS.events, { id: 'e', name: 'E', year: '2018', month: '1', day: '24' })).toMatchObject({ year: 2018, month: 1, day: 24 });
    expect(ok(RECORD_SCHEMAS.events, { id: 'e', name: 'E', year: 2013 })).toMatchObject({ month: null, day: null });
    expect(messages(RECORD_SCHEMAS.events, { id: 'e', name: 'E', year: 2013, day: 4 })).toEqual(['day: day needs month']);
    expect(messages(RECORD_SCHEMAS.events, { id: 'e', name: 'E', year: 2015, month: 2, day: 29 })).toEqual(['day: 2015-02-29 is not a date']);
    expect(ok(RECORD_SCHEMAS.events, { id: 'e', name: 'E', year: 2016, month: 2, day: 29 }).day).toBe(29);
    expect(messages(RECORD_SCHEMAS.events, { id: 'e', name: 'E', year: 2013, month: 13 })[0]).toMatch(/^month: expected a month \(1-12\) from 1 to 12, got 13/);
  });
});
