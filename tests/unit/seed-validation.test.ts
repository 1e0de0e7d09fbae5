/**
 * Validation of data set folders: each kind of bad input is reported with its file, its line
 * (YAML) or row (CSV), the record id and a message that says what is wrong.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../domain/index.ts';
import { validateFolder } from '../../seed/read/read-dataset.ts';

const EXAMPLE = resolve('seed/examples/minimal');
const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

type Edit = (dir: string) => void;
/** Replaces `from` by `to` in one file of the copy (the text must be there). */
const replace = (file: string, from: string, to: string): Edit => (dir) => {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`fixture: '${from}' not in ${file}`);
  writeFileSync(path, text.replace(from, to));
};
const append = (file: string, text: string): Edit => (dir) => {
  writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8') + text);
};
const write = (file: string, text: string): Edit => (dir) => writeFileSync(join(dir, file), text);
const remove = (file: string): Edit => (dir) => rmSync(join(dir, file));

/** Copies the minimal example, applies the edits and validates the copy. */
function check(...edits: Edit[]): Problem[] {
  const dir = mkdtempSync(join(tmpdir(), 'aidgraph-validate-'));
  made.push(dir);
  cpSync(EXAMPLE, dir, { recursive: true });
  edits.forEach((e) => e(dir));
  return validateFolder(dir).problems;
}

/** Expects exactly one problem and returns it. */
function only(problems: Problem[]): Problem {
  expect(problems, JSON.stringify(problems, null, 1)).toHaveLength(1);
  return problems[0];
}

describe('a valid data set', () => {
  it('the minimal example passes with every record and resolved citations', () => {
    const result = validateFolder(EXAMPLE);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    const counts = Object.fromEntries(Object.entries(result.dataset).map(([k, v]) => [k, v.length]));
    expect(counts).toEqual({ sources: 5, actors: 5, authorities: 3, events: 1, relationships: 6, funding: 3 });
    const trained = result.dataset.relationships.find((r) => r.type === 'TRAINED');
    expect(trained).toMatchObject({ key: 'TRAINED:borealia:arden_coast_guard:2011', start: 2011, end: 2016 });
    expect(trained?.cite).toEqual([{ source: 'example_report', section: 'ex_background', paragraphs: [2], footnotes: [1] }]);
    const flow = result.dataset.funding.find((f) => f.id === 'msf_arden_2017');
    expect(flow).toMatchObject({ amountUsd: 10_000_000, fyStart: 2017, fyEnd: 2019, precision: 'LOWER_BOUND', basis: 'ANNUAL', partOf: null });
  });

  it('accepts several files per kind, CSV for YAML kinds, snake_case or camelCase names and defaults', () => {
    const problems = check(
      write(
        'actors.extra.csv',
        'id,kind,name,aliases,country,description,section,paragraph,footnotes\n' +
          'arden_navy,MilitaryUnit,Arden Navy,AN;Navy of Arden,arden,A second unit,ex_background,2,1\n',
      ),
      write('funding.more.yaml', '- id: extra_flow\n  donor: borealia\n  recipient: arden\n  amount_usd: 5\n  fyStart: 2012\n  cite: { section: ex_money, paragraph: 1 }\n'),
    );
    expect(problems).toEqual([]);
  });
});

describe('bad input: files', () => {
  it('an unknown file', () => {
    const p = only(check(write('notes.txt', 'hello')));
    expect(p).toMatchObject({ file: 'notes.txt' });
    expect(p.message).toMatch(/unknown file/);
  });

  it('a missing sources.yaml', () => {
    const p = only(check(remove('sources.yaml')));
    expect(p).toMatchObject({ file: 'sources.yaml' });
    expect(p.message).toMatch(/missing/);
  });

  it('a sub-folder', () => {
    const p = only(check((dir) => mkdirSync(join(dir, 'more'))));
    expect(p.message).toMatch(/unexpected folder/);
  });

  it('a YAML syntax error, with its line', () => {
    const p = only(check(append('events.yaml', '- id: broken\n  name: [unclosed\n')));
    expect(p).toMatchObject({ file: 'events.yaml' });
    expect(p.line).toBeGreaterThanOrEqual(10);
    expect(p.message).toMatch(/YAML syntax/);
  });

  it('a YAML file that is not a list', () => {
    const p = only(check(write('events.yaml', 'id: lonely\nname: Not in a list\n')));
    expect(p).toMatchObject({ file: 'events.yaml', line: 1 });
    expect(p.message).toMatch(/expected a YAML list/);
  });

  it('a YAML key given twice', () => {
    const p = only(check(replace('events.yaml', '  year: 2014\n', '  year: 2014\n  year: 2015\n')));
    expect(p.message).toMatch(/YAML syntax: duplicated mapping key/);
  });

  it('a CSV row with the wrong number of cells, with its row', () => {
    const p = only(check(append('relationships.csv', 'TRAINED,borealia,arden,2012\n')));
    expect(p).toMatchObject({ file: 'relationships.csv', row: 8 });
    expect(p.message).toBe('row has 4 cells but the header has 10 columns');
  });

  it('a CSV row after a quoted note of several lines (CR LF line ends), with its row', () => {
    const rows =
      'SUPPORTS,borealia,arden,2012,,"A note\r\nover three\r\nlines, with ""quotes""",,ex_background,1,\r\n' +
      '\r\n' +
      'TRAINED,borealia,arden,2013,2012,,,ex_background,1,\r\n';
    const p = only(check(append('relationships.csv', rows)));
    expect(p).toMatchObject({ file: 'relationships.csv', row: 12 });
    expect(p.message).toBe('end: end 2012 is before start 2013');
  });

  it('a CSV quote that is never closed, with the row it opens in', () => {
    const p = only(check(append('relationships.csv', 'TRAINED,borealia,"arden,2012,,,,ex_background,1,\nTRAINED,borealia,arden,2013,,,,ex_background,1,\n')));
    expect(p).toEqual({ file: 'relationships.csv', row: 8, message: 'CSV syntax: a quoted field is never closed' });
  });

  it('a CSV file with a byte-order mark', () => {
    expect(check((dir) => writeFileSync(join(dir, 'funding.csv'), `\ufeff${readFileSync(join(dir, 'funding.csv'), 'utf8')}`))).toEqual([]);
  });

  it('a CSV header naming a column twice', () => {
    const p = only(check(replace('relationships.csv', 'type,from,to,start,end', 'type,from,to,start,start')));
    expect(p).toMatchObject({ file: 'relationships.csv', row: 1 });
    expect(p.message).toMatch(/'start' appears twice/);
  });
});

describe('bad input: fields', () => {
  it('an unknown field (a typo), named as written', () => {
    const p = only(check(replace('actors.yaml', '  description: Invented donor', '  descripton: Invented donor')));
    expect(p).toMatchObject({ file: 'actors.yaml', line: 1, id: 'borealia' });
    expect(p.message).toMatch(/^unknown field 'descripton' \(allowed: id, kind, name/);
  });

  it('an unknown CSV column, reported once at the header', () => {
    const p = only(check(replace('funding.csv', ',purpose,', ',purpse,')));
    expect(p).toMatchObject({ file: 'funding.csv', row: 1 });
    expect(p.message).toMatch(/^unknown column 'purpse' \(allowed: id, donor, recipient, authority, amount_usd, fy_start/);
  });

  it('a missing required field', () => {
    const p = only(check(replace('actors.yaml', '  name: Borealia\n', '')));
    expect(p).toMatchObject({ file: 'actors.yaml', line: 1, id: 'borealia' });
    expect(p.message).toBe("missing required field 'name'");
  });

  it('an id that is not a snake_case slug', () => {
    const p = only(check(append('events.yaml', '- id: Harbor-Raid\n  name: Second raid\n  year: 2015\n  cite: { section: ex_background, paragraph: 3 }\n')));
    expect(p).toMatchObject({ file: 'events.yaml', line: 8 });
    expect(p.message).toMatch(/^id: 'Harbor-Raid' is not a valid id/);
  });

  it('an actor kind not in the list', () => {
    const p = only(check(replace('actors.yaml', 'kind: ArmedGroup', 'kind: Militia')));
    expect(p).toMatchObject({ file: 'actors.yaml', line: 29, id: 'tide_front' });
    expect(p.message).toMatch(/^kind: 'Militia' is not a valid actor kind: use one of Person, State/);
  });

  it('a relationship type not on the allow-list', () => {
    const p = only(check(append('relationships.csv', 'BEFRIENDED,borealia,arden,2012,,,,ex_background,1,\n')));
    expect(p).toMatchObject({ file: 'relationships.csv', row: 8 });
    expect(p.message).toMatch(/^type: 'BEFRIENDED' is not an allowed relationship type/);
  });

  it('a year out of range', () => {
    const p = only(check(replace('events.yaml', 'year: 2014', 'year: 3014')));
    expect(p).toMatchObject({ file: 'events.yaml', line: 1, id: 'harbor_raid_2014' });
    expect(p.message).toBe("year: expected a year from 1800 to 2100, got 3014");
  });

  it('a year that is not a number', () => {
    const p = only(check(replace('relationships.csv', 'TRAINED,borealia,arden_coast_guard,2011', 'TRAINED,borealia,arden_coast_guard,early 2011')));
    expect(p).toMatchObject({ row: 2 });
    expect(p.message).toBe("start: expected a year, got 'early 2011'");
  });

  it('an end before the start', () => {
    const p = only(check(replace('relationships.csv', '2011,2016', '2016,2011')));
    expect(p).toMatchObject({ file: 'relationships.csv', row: 2 });
    expect(p.message).toBe('end: end 2011 is before start 2016');
  });

  it('fy_end before fy_start', () => {
    const p = only(check(replace('funding.csv', '10000000,2017,2019', '10000000,2019,2017')));
    expect(p).toMatchObject({ file: 'funding.csv', row: 4, id: 'msf_arden_2017' });
    expect(p.message).toBe('fy_end: fy_end 2017 is before fy_start 2019');
  });

  it('an event ending before it starts', () => {
    const p = only(check(replace('events.yaml', 'year: 2014', 'year: 2014\n  yearEnd: 2013')));
    expect(p.message).toBe('yearEnd: yearEnd 2013 is before year 2014');
  });

  it('a negative amount and a zero amount', () => {
    const problems = check(replace('funding.csv', '60000000', '-60000000'), replace('funding.csv', '15000000', '0'));
    expect(problems.map((p) => [p.row, p.message])).toEqual([
      [2, 'amount_usd: the amount must be positive, got -60000000'],
      [3, 'amount_usd: the amount must be positive, got 0'],
    ]);
  });

  it('an amount that is not a number', () => {
    const p = only(check(replace('funding.csv', '60000000', '60 million')));
    expect(p.message).toBe("amount_usd: expected an amount in US dollars, got '60 million'");
  });

  it('an unknown precision', () => {
    const p = only(check(replace('funding.csv', 'LOWER_BOUND', 'OVER')));
    expect(p.message).toMatch(/^precision: 'OVER' is not a valid precision: use one of EXACT, APPROXIMATE, LOWER_BOUND/);
  });

  it('a name too long for the name index, a description of megabytes', () => {
    const problems = check(replace('actors.yaml', 'name: Borealia', `name: ${'B'.repeat(40_000)}`), replace('events.yaml', 'description: Invented attack', `description: ${'x'.repeat(2_000_000)} attack`));
    expect(problems.map((p) => [p.file, p.id, p.message])).toEqual([
      ['actors.yaml', 'borealia', 'name: at most 500 characters, got 40000'],
      ['events.yaml', 'harbor_raid_2014', `description: at most 10000 characters, got ${2_000_000 + ' attack on a port that prompted more training.'.length}`],
    ]);
  });

  it('a YAML alias bomb is refused without being expanded', () => {
    const lines = ['- &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i <= 9; i++) lines.push(`- &l${i} [${Array.from({ length: 9 }, () => `*l${i - 1}`).join(',')}]`);
    lines.push('- id: bomb\n  kind: Person\n  name: Bomb\n  aliases: *l9\n  cite: [ { section: ex_background, paragraph: 1 } ]');
    const started = Date.now();
    const problems = check(append('actors.yaml', `${lines.join('\n')}\n`));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(problems[0]).toMatchObject({ file: 'actors.yaml', line: 37, message: 'expected a record (a mapping of field: value)' });
    expect(problems.at(-1)).toMatchObject({ file: 'actors.yaml', line: 47, id: 'bomb', message: "aliases[9]: expected text, got a list" });
  });

  it('a record without any citation', () => {
    const p = only(check(replace('events.yaml', /cite:[\s\S]*$/.exec(readFileSync(join(EXAMPLE, 'events.yaml'), 'utf8'))![0], '')));
    expect(p).toMatchObject({ file: 'events.yaml', line: 1, id: 'harbor_raid_2014' });
    expect(p.message).toMatch(/^no citation/);
  });

  it('an empty citation and a bad footnote list', () => {
    const problems = check(replace('events.yaml', '{ section: ex_notes, footnotes: [4] }', '{ }'), replace('actors.yaml', 'paragraph: 2, footnotes: [1] }', 'paragraph: 2, footnotes: [one] }'));
    expect(problems.map((p) => p.message)).toEqual([
      "cite[1].footnotes[1]: expected footnote numbers (whole numbers from 1), got 'one'",
      'cite[2]: an empty citation: give at least a source or a section',
    ]);
  });
});

describe('bad input: references across records and files', () => {
  it('a duplicate id across files', () => {
    const p = only(check(append('events.yaml', '- id: tide_front\n  name: Tide Front raid\n  year: 2015\n  cite: { section: ex_background, paragraph: 3 }\n')));
    expect(p).toMatchObject({ file: 'events.yaml', line: 8, id: 'tide_front' });
    expect(p.message).toBe("duplicate id 'tide_front': already used by an actor at actors.yaml:29");
  });

  it('the same relationship twice', () => {
    const p = only(check(append('relationships.csv', 'TRAINED,borealia,arden_coast_guard,2011,2017,,,ex_background,2,1\n')));
    expect(p).toMatchObject({ row: 8 });
    expect(p.message).toMatch(/^duplicate relationship: same type, from, to and start as relationships.csv row 2/);
  });

  it('a relationship to an id that does not exist', () => {
    const p = only(check(append('relationships.csv', 'TRAINED,borealia,arden_army,2012,,,,ex_background,2,\n')));
    expect(p).toMatchObject({ file: 'relationships.csv', row: 8 });
    expect(p.message).toBe("to: 'arden_army' is not defined (expected the id of an actor or an event)");
  });

  it('lineage between an authority and an actor', () => {
    const p = only(check(append('relationships.csv', 'EVOLVED_INTO,coastal_training_program,borealia_defense_ministry,2016,,,,ex_money,2,\n')));
    expect(p.message).toBe("to: 'borealia_defense_ministry' is an actor, but EVOLVED_INTO goes from an authority to an authority");
  });

  it('ADMINISTERED_BY pointing at an authority', () => {
    const p = only(check(append('relationships.csv', 'ADMINISTERED_BY,maritime_security_fund,coastal_training_program,2016,,,,ex_money,2,\n')));
    expect(p.message).toBe("to: 'coastal_training_program' is an authority, but ADMINISTERED_BY goes from an authority to an actor");
  });

  it('an actor relationship starting at an authority', () => {
    const p = only(check(append('relationships.csv', 'TRAINED,coastal_training_program,arden,2016,,,,ex_money,2,\n')));
    expect(p.message).toBe("from: 'coastal_training_program' is an authority, but TRAINED goes from an actor or an event to an actor or an event");
  });

  it('a donor that is an authority, an authority that is an actor', () => {
    const problems = check(replace('funding.csv', 'ctp_arden_2014,borealia,arden,coastal_training_program', 'ctp_arden_2014,maritime_security_fund,arden,arden'));
    expect(problems.map((p) => [p.row, p.id, p.message])).toEqual([
      [3, 'ctp_arden_2014', "donor: 'maritime_security_fund' is an authority, but donor must be an actor"],
      [3, 'ctp_arden_2014', "authority: 'arden' is an actor, but authority must be an authority"],
    ]);
  });

  it('part_of naming a missing flow, and a part_of loop', () => {
    const missing = only(check(replace('funding.csv', ',ctp_arden_2011_2016,', ',ctp_arden_all,')));
    expect(missing.message).toBe("part_of: 'ctp_arden_all' is not defined (expected the id of a funding flow)");
    const loop = check(replace('funding.csv', 'APPROXIMATE,TOTAL,,', 'APPROXIMATE,TOTAL,ctp_arden_2014,'));
    expect(loop.map((p) => p.message)).toEqual([
      "part_of: the chain of part_of from 'ctp_arden_2011_2016' loops back to itself",
      "part_of: the chain of part_of from 'ctp_arden_2014' loops back to itself",
    ]);
  });

  it('a country that is not a State', () => {
    const p = only(check(replace('actors.yaml', 'country: borealia', 'country: tide_front')));
    expect(p).toMatchObject({ file: 'actors.yaml', line: 14, id: 'borealia_defense_ministry' });
    expect(p.message).toBe("country: 'tide_front' is a ArmedGroup, but country must be a State actor");
  });

  it('a citation to an unknown section, and to a non-section', () => {
    const problems = check(replace('events.yaml', 'section: ex_background', 'section: ex_backgorund'), replace('authorities.yaml', '{ section: ex_money, paragraph: 2, footnotes: [3] }', '{ section: ex_w_budget_2020, paragraph: 2 }'));
    expect(problems.map((p) => [p.file, p.id, p.message])).toEqual([
      ['authorities.yaml', 'maritime_security_fund', "citation: 'ex_w_budget_2020' is a WORK source, not a SECTION"],
      ['events.yaml', 'harbor_raid_2014', "cite[1]: section 'ex_backgorund' is not defined in sources.yaml"],
    ]);
  });

  it('a citation to an unknown source, and a section of another source', () => {
    const problems = check(
      append('sources.yaml', '- id: other_doc\n  kind: DOCUMENT\n  title: Another document\n'),
      replace('events.yaml', '{ section: ex_notes, footnotes: [4] }', '{ source: other_doc, section: ex_notes }'),
      replace('actors.yaml', '{ section: ex_background, paragraph: 1 }', '{ source: missing_doc, section: ex_background, paragraph: 1 }'),
    );
    expect(problems.map((p) => p.message)).toEqual([
      "citation: source 'missing_doc' is not defined in sources.yaml",
      "cite[2]: section 'ex_notes' belongs to 'example_report', not to source 'other_doc'",
    ]);
  });

  it('a footnote beyond the footnote count, a paragraph beyond the section', () => {
    const problems = check(replace('relationships.csv', 'ex_background,3,', 'ex_background,4,'), replace('funding.csv', 'ex_money,2,3', 'ex_money,2,5'));
    expect(problems.map((p) => [p.file, p.row, p.message])).toEqual([
      ['funding.csv', 4, "citation: footnote 5 beyond the 4 footnotes of 'example_report'"],
      ['relationships.csv', 3, "citation: paragraph 4 beyond the 3 paragraphs of section 'ex_background'"],
    ]);
  });

  it('two default sources, and a section without partOf', () => {
    const problems = check(append('sources.yaml', '- id: second\n  kind: ARTICLE\n  default: true\n- id: loose_section\n  kind: SECTION\n'));
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [36, 'more than one source is marked default: true (also example_report at sources.yaml:3)'],
      [39, 'partOf: a SECTION needs partOf: the id of the document it belongs to'],
    ]);
  });
});

describe('every problem at once', () => {
  it('reports problems of several files and kinds together, sorted by file and position', () => {
    const problems = check(
      write('extra.json', '{}'),
      replace('actors.yaml', 'kind: ArmedGroup', 'kind: Gang'),
      replace('funding.csv', '15000000', '-1'),
      append('relationships.csv', 'TRAINED,borealia,nobody,2012,,,,ex_background,2,\n'),
      replace('events.yaml', 'year: 2014', 'year: 1492'),
    );
    expect(problems.map((p) => `${p.file}:${p.line ?? p.row}`)).toEqual([
      'actors.yaml:29',
      'events.yaml:1',
      'extra.json:undefined',
      'funding.csv:3',
      'relationships.csv:8',
    ]);
  });
});
