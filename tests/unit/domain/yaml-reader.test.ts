/**
 * The YAML reader: item lines from the node ranges, syntax errors with their line, the shape
 * checks, and aliases that are shared, never expanded.
 */
import { describe, expect, it } from 'vitest';
import { readYamlRecords } from '../../../seed/read/yaml-file.ts';

const read = (text: string) => readYamlRecords('actors.yaml', 'actors', text);

describe('readYamlRecords', () => {
  it('remembers the line each item starts on, past comments and blank lines', () => {
    const { records, problems } = read('# actors\n\n- id: a\n  name: A\n\n# next\n-\n  id: b\n- { id: c, name_x: C }\n');
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.loc, r.fields.id])).toEqual([
      [{ file: 'actors.yaml', line: 3 }, 'a'],
      [{ file: 'actors.yaml', line: 8 }, 'b'],
      [{ file: 'actors.yaml', line: 9 }, 'c'],
    ]);
    expect(records[2]).toMatchObject({ fields: { id: 'c', nameX: 'C' }, spelling: { id: 'id', nameX: 'name_x' } });
  });

  it('types values by the core schema: numbers, booleans, null; dates stay text', () => {
    const { records } = read('- { a: 2014, b: 1.5, c: true, d: ~, e: 2014-05-01, f: yes, g: "7" }\n');
    expect(records[0].fields).toEqual({ a: 2014, b: 1.5, c: true, d: null, e: '2014-05-01', f: 'yes', g: '7' });
  });

  it('reports a syntax error with its line, once, and the file as unreadable', () => {
    const { records, problems, unreadable } = read('- id: a\n- id: broken\n  name: [unclosed\n');
    expect(records).toEqual([]);
    expect(unreadable).toBe(true);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'actors.yaml', line: 4, message: expect.stringMatching(/^YAML syntax: /) });
  });

  it('names a duplicated key, a tab indent, a second document and an unknown tag as syntax errors', () => {
    expect(read('- id: a\n  year: 1\n  year: 2\n').problems).toEqual([{ file: 'actors.yaml', line: 3, message: 'YAML syntax: duplicated mapping key' }]);
    expect(read('- id: a\n\tkind: State\n').problems[0]).toMatchObject({ line: 2, message: expect.stringMatching(/^YAML syntax/) });
    expect(read('- id: a\n---\n- id: b\n').problems[0].message).toMatch(/^YAML syntax: more than one YAML document/);
    expect(read('- id: !secret a\n').problems[0]).toMatchObject({ line: 1, message: expect.stringMatching(/^YAML syntax: .*!secret/) });
  });

  it('wants a list of mappings', () => {
    expect(read('# note\nid: lonely\nname: x\n')).toEqual({
      records: [],
      problems: [{ file: 'actors.yaml', line: 2, message: 'expected a YAML list of records (each item starting with "- ")' }],
      unreadable: true,
    });
    expect(read('- id: a\n- just text\n- [1, 2]\n').problems).toEqual([
      { file: 'actors.yaml', line: 2, message: 'expected a record (a mapping of field: value)' },
      { file: 'actors.yaml', line: 3, message: 'expected a record (a mapping of field: value)' },
    ]);
  });

  it('reads an empty file, or comments only, as no records', () => {
    expect(read('')).toEqual({ records: [], problems: [], unreadable: false });
    expect(read('# nothing yet\n')).toEqual({ records: [], problems: [], unreadable: false });
  });

  it('refuses a field given in snake_case and camelCase', () => {
    const { records, problems } = read('- id: a\n  year_end: 1\n  yearEnd: 2\n');
    expect(problems).toEqual([{ file: 'actors.yaml', line: 1, id: 'a', message: "field 'yearEnd' given twice (as snake_case and camelCase)" }]);
    expect(records[0].unusable).toBe(true);
  });

  it('resolves an alias bomb to shared values quickly, without expanding it', () => {
    const lines = ['- &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i <= 9; i++) lines.push(`- &l${i} [${Array.from({ length: 9 }, () => `*l${i - 1}`).join(',')}]`);
    lines.push('- id: bomb\n  name: Bomb\n  aliases: *l9');
    const started = Date.now();
    const { records, problems } = read(`${lines.join('\n')}\n`);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(problems).toHaveLength(10); // the ten lists are not records
    const aliases = records[0].fields.aliases as unknown[][];
    expect(aliases).toHaveLength(9);
    expect(aliases[0]).toBe(aliases[8]); // one value, referenced nine times
  });
});
