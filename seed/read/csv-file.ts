/**
 * The CSV format: a header row naming the fields, then one record per row. Parsing is csv-parse
 * (RFC 4180 quoting, byte-order mark, blank lines skipped); this file adds the line each row
 * starts on, the header checks and the messages.
 */
import { CsvError, parse } from 'csv-parse/sync';
import type { Problem } from '../../domain/problems.ts';
import type { RawRecord } from '../../domain/records.ts';
import type { RecordKind } from '../../domain/kinds.ts';
import { acceptedFields } from '../../domain/schemas/index.ts';
import { camelKey, snakeKey, type Reader, type ReadResult } from './reader.ts';

/** One parsed row: its cells (untrimmed) and the 1-based line it starts on. */
interface CsvRow {
  cells: string[];
  line: number;
}

/** Malformed CSV, at the line where the record it spoils starts. */
export class CsvSyntaxError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

const NL = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/**
 * Start lines from csv-parse's byte offsets. csv-parse counts lines itself, but counts a CR LF
 * inside a quoted cell twice, so the rows after such a cell would be misplaced; its byte count
 * at the end of each record is exact, and newlines are counted here from there.
 */
class LineTracker {
  private offset = 0;
  private line = 1;
  constructor(private readonly buf: Buffer) {}

  /** Byte offset of the next unread byte. */
  get position(): number {
    return this.offset;
  }

  /** Line of the next record: the empty lines (LF or CR LF alone) csv-parse skipped are passed over. */
  nextStart(): number {
    const { buf } = this;
    for (;;) {
      if (buf[this.offset] === NL) this.offset += 1;
      else if (buf[this.offset] === CR && buf[this.offset + 1] === NL) this.offset += 2;
      else return this.line;
      this.line++;
    }
  }

  /** Start line of the record that ends at byte `end`; moves past it. */
  take(end: number): number {
    const start = this.nextStart();
    for (let i = this.buf.indexOf(NL, this.offset); i !== -1 && i < end; i = this.buf.indexOf(NL, i + 1)) this.line++;
    this.offset = end;
    return start;
  }
}

/** What each csv-parse error means to someone editing the file. */
const SYNTAX_MESSAGES: Partial<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed',
  CSV_INVALID_CLOSING_QUOTE: 'unexpected text after a closing quote (a quote inside a field must be doubled: "")',
  INVALID_OPENING_QUOTE: 'a quote inside a field that does not start with one (quote the whole field and double the quote: "")',
};

const OPTIONS = {
  bom: true,
  skip_empty_lines: true,
  // Rows of the wrong length get a message of ours, with the row's id.
  relax_column_count: true,
  // A lone CR stays inside its cell (and is trimmed away), as spreadsheets never write one.
  record_delimiter: ['\r\n', '\n'],
};

/** Parses a whole CSV text into rows; malformed quoting throws a CsvSyntaxError. */
export function parseCsvRows(text: string): CsvRow[] {
  const buf = Buffer.from(text, 'utf8');
  const lines = new LineTracker(buf);
  const starts: number[] = [];
  let records: string[][];
  try {
    if (buf.indexOf(QUOTE) === -1) {
      // Without quotes every record is one line: csv-parse's per-record callback, which costs
      // as much as the parse itself on a million rows, is not needed to place them.
      records = parse(buf, OPTIONS);
      for (let i = 0; i < records.length; i++) {
        lines.nextStart();
        const eol = buf.indexOf(NL, lines.position);
        starts.push(lines.take(eol === -1 ? buf.length : eol + 1));
      }
    } else {
      records = parse(buf, {
        ...OPTIONS,
        on_record: (cells, info) => {
          starts.push(lines.take(info.bytes_records));
          return cells;
        },
      });
    }
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    throw new CsvSyntaxError(lines.nextStart(), SYNTAX_MESSAGES[err.code] ?? err.message);
  }
  return records.map((cells, i) => ({ cells, line: starts[i] }));
}

/** Parses `text` (the content of `file`) into raw records of non-empty cells, keyed by header. */
export function readCsvRecords(file: string, kind: RecordKind, text: string): ReadResult {
  const records: RawRecord[] = [];
  const problems: Problem[] = [];
  let rows: CsvRow[];
  try {
    rows = parseCsvRows(text);
  } catch (err) {
    if (!(err instanceof CsvSyntaxError)) throw err;
    problems.push({ file, row: err.line, message: `CSV syntax: ${err.message}` });
    return { records, problems, unreadable: true };
  }
  if (rows.length === 0) return { records, problems, unreadable: false };
  const header = rows[0].cells.map((h) => camelKey(h));
  const spelling = Object.fromEntries(header.map((h, i) => [h, rows[0].cells[i].trim()]));
  const headerRow = rows[0].line;
  const seen = new Set<string>();
  for (const [i, h] of header.entries()) {
    if (h === '') problems.push({ file, row: headerRow, message: `header column ${i + 1} has no name` });
    else if (seen.has(h)) problems.push({ file, row: headerRow, message: `header column '${rows[0].cells[i]}' appears twice` });
    seen.add(h);
  }
  if (problems.length > 0) return { records, problems, unreadable: true };
  // Unknown columns are reported once, at the header, and their cells ignored.
  const accepted = acceptedFields(kind);
  const unknown = header.filter((h) => !accepted.includes(h));
  if (unknown.length > 0) {
    const names = unknown.map((h) => `'${spelling[h]}'`).join(', ');
    problems.push({ file, row: headerRow, message: `unknown column${unknown.length > 1 ? 's' : ''} ${names} (allowed: ${accepted.map(snakeKey).join(', ')})` });
  }
  // The field each column fills (null: unknown column, ignored).
  const target = header.map((h) => (accepted.includes(h) ? h : null));
  for (let r = 1; r < rows.length; r++) {
    const { cells, line } = rows[r];
    const loc = { file, row: line };
    const fields: Record<string, unknown> = {};
    let empty = true;
    for (let i = 0; i < cells.length; i++) {
      const value = cells[i].trim();
      if (value === '') continue;
      empty = false;
      const key = i < target.length ? target[i] : null;
      if (key !== null) fields[key] = value;
    }
    if (empty) continue; // spreadsheets export blank rows as ",,,"

    if (cells.length !== header.length) {
      const id = typeof fields.id === 'string' ? { id: fields.id } : {};
      problems.push({ ...loc, ...id, message: `row has ${cells.length} cells but the header has ${header.length} columns` });
      records.push({ kind, loc, fields, spelling, unusable: true });
      continue;
    }
    records.push({ kind, loc, fields, spelling });
  }
  return { records, problems, unreadable: false };
}

export const csvReader: Reader = { read: readCsvRecords };
