/**
 * A small RFC 4180 CSV parser that remembers the line each record starts on. Lines without
 * quotes (nearly all of them) are split directly; quoted fields may hold commas, doubled quotes
 * and newlines. Blank lines are skipped.
 */

/** One record: its cells (untrimmed) and the 1-based line it starts on. */
export interface CsvRecord {
  cells: string[];
  line: number;
}

/** A syntax error at a line. */
export class CsvSyntaxError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** Parses a whole CSV text (a leading byte-order mark is ignored). */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  // Position of the next quote at or after i (n when none): searched again only once passed.
  let quote = -1;
  while (i < n) {
    let eol = text.indexOf('\n', i);
    if (eol === -1) eol = n;
    if (quote < i) {
      quote = text.indexOf('"', i);
      if (quote === -1) quote = n;
    }
    if (quote > eol) {
      // Fast path: a record on one line without quotes.
      const end = eol > i && text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
      if (end > i) records.push({ cells: text.slice(i, end).split(','), line });
      i = eol + 1;
      line++;
      continue;
    }
    const startLine = line;
    const cells: string[] = [];
    for (;;) {
      let cell: string;
      if (text.charCodeAt(i) === 34 /* " */) {
        cell = '';
        i++;
        for (;;) {
          const close = text.indexOf('"', i);
          if (close === -1) throw new CsvSyntaxError(startLine, 'a quoted field is never closed');
          const chunk = text.slice(i, close);
          line += countNewlines(chunk);
          cell += chunk;
          if (text.charCodeAt(close + 1) === 34) {
            cell += '"';
            i = close + 2;
          } else {
            i = close + 1;
            break;
          }
        }
        const c = text.charCodeAt(i);
        if (i < n && c !== 44 /* , */ && c !== 10 && !(c === 13 && text.charCodeAt(i + 1) === 10)) {
          throw new CsvSyntaxError(line, 'unexpected text after a closing quote (a quote inside a field must be doubled: "")');
        }
      } else {
        let end = i;
        while (end < n) {
          const c = text.charCodeAt(end);
          if (c === 44 || c === 10) break;
          end++;
        }
        cell = text.slice(i, end);
        if (cell.endsWith('\r') && text.charCodeAt(end) !== 44) cell = cell.slice(0, -1);
        i = end;
      }
      cells.push(cell);
      const c = text.charCodeAt(i);
      if (c === 44) {
        i++;
        continue;
      }
      // End of record: \n, \r\n or the end of the text.
      if (c === 13) i++;
      i++;
      line++;
      break;
    }
    records.push({ cells, line: startLine });
  }
  return records;
}
