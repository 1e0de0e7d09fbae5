/**
 * Finds the data files of a folder: `<kind>.<ext>` and `<kind>.<part>.<ext>`, for the kinds of
 * RECORD_KINDS and the extensions of the readers (readers.ts). Anything else is a problem,
 * except dot files and Markdown notes.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { RECORD_KINDS, type RecordKind } from '../../domain/kinds.ts';
import type { Problem } from '../../domain/problems.ts';
import type { Reader } from './reader.ts';
import { READERS, readerFor } from './readers.ts';

/** A data file found in the folder. */
interface DataFile {
  /** Name relative to the folder. */
  name: string;
  path: string;
  kind: RecordKind;
  reader: Reader;
}

/**
 * The curation log an export writes beside the records (seed/export/change-log.ts). It holds no
 * records: the readers pass it over, and `npm run import` loads it after the records.
 */
export const CHANGE_LOG_FILE = 'changes.jsonl';

const FILE_PATTERN = /^([a-z]+)(?:\.[A-Za-z0-9_-]+)*\.([A-Za-z0-9]+)$/;

/** Lists the folder's data files (sorted by name) and a problem for each unknown entry. */
export function findDataFiles(dir: string): { files: DataFile[]; problems: Problem[] } {
  const files: DataFile[] = [];
  const problems: Problem[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (err) {
    problems.push({ file: '.', message: `cannot read the folder ${dir}: ${(err as Error).message}` });
    return { files, problems };
  }
  const extensions = Object.keys(READERS).join(', ');
  for (const name of names) {
    if (name.startsWith('.') || name.toLowerCase().endsWith('.md') || name === CHANGE_LOG_FILE) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      problems.push({ file: name, message: 'unexpected folder: a data set is one flat folder' });
      continue;
    }
    const m = FILE_PATTERN.exec(name);
    const kind = m?.[1] as RecordKind | undefined;
    const reader = m ? readerFor(m[2]) : undefined;
    if (!kind || !reader || !(RECORD_KINDS as readonly string[]).includes(kind)) {
      problems.push({
        file: name,
        message: `unknown file: expected <kind>.<ext> (optionally <kind>.<part>.<ext>) with ext one of ${extensions} and kind one of ${RECORD_KINDS.join(', ')}`,
      });
      continue;
    }
    files.push({ name, path: full, kind, reader });
  }
  if (problems.length === 0 && !files.some((f) => f.kind === 'sources')) {
    problems.push({ file: 'sources.yaml', message: 'missing: every data set needs sources.yaml (the documents its citations point to)' });
  }
  return { files, problems };
}
