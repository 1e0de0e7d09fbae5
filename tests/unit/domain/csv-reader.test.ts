/**
 * The CSV reader: csv-parse does the parsing; these pin what the loader adds and relies on: the
 * line each row starts on, quoting, the byte-order mark, blank lines and the syntax messages.
 */
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsvRows, readCsvRecords } from '../../../seed/read/csv-file.ts';

const lines = (text: string) => parseCsvRows(text).map((r) => r.line);
const syntaxError = (text: string): CsvSyntaxError => {
  try {
    parseCsvRows(text);
  } catch (err) {
    if (err instanceof CsvSyntaxError) return err;
    throw err;
  }
  throw new Error('no syntax error');
};

describe('parseCsvRows', () => {
  it('numbers rows by the line they start on, past blank lines', () => {
    expect(parseCsvRows('a,b\n1,2\n\n\n3,4\n')).toEqual([
      { cells: ['a', 'b'], line: 1 },
      { cells: ['1', '2'], line: 2 },
      { cells: ['3', '4'], line: 5 },
    ]);
  });

  it('keeps commas, doubled quotes and newlines inside quoted cells, and counts the newlines', () => {
    const rows = parseCsvRows('a,b\n"x, y","say ""hi"""\n"two\nlines",2\n\n3,4');
    expect(rows.map((r) => r.cells)).toEqual([['a', 'b'], ['x, y', 'say "hi"'], ['two\nlines', '2'], ['3', '4']]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 6]);
  });

  it('counts a CR LF inside a quoted cell as one line', () => {
    const rows = parseCsvRows('a,b\r\n"x\r\ny",2\r\n\r\n3,4\r\n');
    expect(rows.map((r) => [r.cells, r.line])).toEqual([[['a', 'b'], 1], [['x\r\ny', '2'], 2], [['3', '4'], 5]]);
  });

  it('reads CR LF and LF line ends in one file, and ignores a byte-order mark', () => {
    expect(parseCsvRows('\ufeffid,name\r\n1,x\n2,y\r\n')).toEqual([
      { cells: ['id', 'name'], line: 1 },
      { cells: ['1', 'x'], line: 2 },
      { cells: ['2', 'y'], line: 3 },
    ]);
  });

  it('places rows alike with and without quotes in the file', () => {
    const text = 'a,b\n\n1,2\r\n\r\n  \n3,4\n5,6';
    expect(lines(text)).toEqual([1, 3, 5, 6, 7]);
    expect(lines(text.replace('3,4', '"3",4'))).toEqual([1, 3, 5, 6, 7]);
  });

  it('reports a quote that is never closed at the line of its row', () => {
    const err = syntaxError('a,b\n1,2\n\n"x,2\n3,4\n\n');
    expect(err.line).toBe(4);
    expect(err.message).toBe('a quoted field is never closed');
  });

  it('reports text after a closing quote, and a quote inside an unquoted cell', () => {
    expect(syntaxError('a,b\n1,2\n"x"y,2\n')).toMatchObject({ line: 3, message: expect.stringMatching(/^unexpected text after a closing quote/) });
    expect(syntaxError('a,b\nsay "hi",2\n')).toMatchObject({ line: 2, message: expect.stringMatching(/^a quote inside a field/) });
  });

  it('reads an empty text as no rows', () => {
    expect(parseCsvRows('')).toEqual([]);
    expect(parseCsvRows('\n\n')).toEqual([]);
  });
});

describe('readCsvRecords', () => {
  const HEADER = 'id,donor,recipient,amount_usd,fy_start,section\n';

  it('keys cells by the header (snake_case or camelCase), drops empty cells, remembers the spelling', () => {
    const { records, problems } = readCsvRecords('funding.csv', 'funding', 'id,donor,recipient,amountUsd,fy_start,section\n f1 ,a,b,5,2016,\n');
    expect(problems).toEqual([]);
    expect(records).toEqual([
      {
        kind: 'funding',
        loc: { file: 'funding.csv', row: 2 },
        fields: { id: 'f1', donor: 'a', recipient: 'b', amountUsd: '5', fyStart: '2016' },
        spelling: { id: 'id', donor: 'donor', recipient: 'recipient', amountUsd: 'amountUsd', fyStart: 'fy_start', section: 'section' },
      },
    ]);
  });

  it('skips rows of empty cells, and marks a row of the wrong length unusable', () => {
    const { records, problems } = readCsvRecords('funding.csv', 'funding', `${HEADER},,,,,\nf2,a,b\n`);
    expect(problems).toEqual([{ file: 'funding.csv', row: 3, id: 'f2', message: 'row has 3 cells but the header has 6 columns' }]);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ loc: { row: 3 }, unusable: true });
  });

  it('reports unknown columns once, at the header, and ignores their cells', () => {
    const { records, problems } = readCsvRecords('funding.csv', 'funding', 'id,purpse,donor\nf1,x,a\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'funding.csv', row: 1 });
    expect(problems[0].message).toMatch(/^unknown column 'purpse' \(allowed: id, donor, recipient, authority, amount_usd, fy_start, fy_end/);
    expect(records[0].fields).toEqual({ id: 'f1', donor: 'a' });
  });

  it('refuses a header with a nameless or repeated column, as a whole', () => {
    expect(readCsvRecords('f.csv', 'funding', 'id,,donor,donor\n1,2,3,4\n')).toEqual({
      records: [],
      problems: [
        { file: 'f.csv', row: 1, message: 'header column 2 has no name' },
        { file: 'f.csv', row: 1, message: "header column 'donor' appears twice" },
      ],
      unreadable: true,
    });
  });

  it('turns a syntax error into a problem at its row, and the file into an unreadable one', () => {
    expect(readCsvRecords('r.csv', 'relationships', 'type,from,to\nTRAINED,a,b\nTRAINED,"a,b\n')).toEqual({
      records: [],
      problems: [{ file: 'r.csv', row: 3, message: 'CSV syntax: a quoted field is never closed' }],
      unreadable: true,
    });
  });

  it('reads a header alone, or nothing, as no records', () => {
    expect(readCsvRecords('f.csv', 'funding', HEADER)).toEqual({ records: [], problems: [], unreadable: false });
    expect(readCsvRecords('f.csv', 'funding', '')).toEqual({ records: [], problems: [], unreadable: false });
  });
});
