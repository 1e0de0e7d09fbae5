/** Reading a data set folder: every data file into raw records, with the problems met on the way. */
import { readFileSync } from 'node:fs';
import { RECORD_KINDS, type RecordKind } from '../../domain/kinds.ts';
import type { RawDataset, RawRecord } from '../../domain/records.ts';
import { append, validateDataset, type ValidationResult } from '../../domain/validate/validate-dataset.ts';
import { findDataFiles } from './files.ts';

/** Reads every data file of `dir` into raw records (file order: kind, then name). */
export function readDataset(dir: string): RawDataset {
  const { files, problems } = findDataFiles(dir);
  const records: RawRecord[] = [];
  const unreadableKinds = new Set<RecordKind>();
  if (!files.some((f) => f.kind === 'sources')) unreadableKinds.add('sources');
  const order = (k: RecordKind): number => RECORD_KINDS.indexOf(k);
  for (const file of [...files].sort((a, b) => order(a.kind) - order(b.kind) || (a.name < b.name ? -1 : 1))) {
    let text: string;
    try {
      text = readFileSync(file.path, 'utf8');
    } catch (err) {
      problems.push({ file: file.name, message: `cannot read: ${(err as Error).message}` });
      continue;
    }
    const read = file.reader.read(file.name, file.kind, text);
    append(records, read.records);
    append(problems, read.problems);
    // A file that failed as a whole (syntax, shape) hides its ids: references to its kind are not checked.
    if (read.unreadable) unreadableKinds.add(file.kind);
  }
  return { dir, records, problems, unreadableKinds: [...unreadableKinds] };
}

/** Reads and validates the folder `dir` in one step. */
export function validateFolder(dir: string): ValidationResult {
  return validateDataset(readDataset(dir));
}
