/**
 * What every import format provides: one function from a file's text to raw records, each with
 * the place it was read from. A new format is a new Reader plus one line in readers.ts.
 */
import type { Problem } from '../../domain/problems.ts';
import type { RawRecord } from '../../domain/records.ts';
import type { RecordKind } from '../../domain/kinds.ts';

/** The outcome of reading one file. */
export interface ReadResult {
  records: RawRecord[];
  problems: Problem[];
  /**
   * The file failed as a whole (syntax, shape): the ids it holds are unknown, so references to
   * its kind are not checked (they would only repeat the file's problem).
   */
  unreadable: boolean;
}

/** An import format. */
export interface Reader {
  /**
   * Reads the content of `file` (its name relative to the data set folder, used in problems) as
   * records of `kind`. Field names are normalised with camelKey; values are left as the format
   * gives them (text for CSV), for the schemas to coerce and check.
   */
  read(file: string, kind: RecordKind, text: string): ReadResult;
}

/** `amount_usd` -> `amountUsd`: every format accepts snake_case or camelCase field names. */
export function camelKey(key: string): string {
  return key.trim().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** `amountUsd` -> `amount_usd`, the spelling the documentation uses for CSV columns. */
export function snakeKey(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
