/**
 * Finds the data files of a folder: `<kind>.yaml`, `<kind>.<part>.yaml` (also `.yml`),
 * `<kind>.csv` and `<kind>.<part>.csv`, for the kinds of RECORD_KINDS. Anything else is a problem,
 * except dot files and Markdown notes.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { RECORD_KINDS, type RecordKind } from '../../domain/kinds.ts';
import type { Problem } from '../../domain/problems.ts';

/** A data file found in the folder. */
export interface DataFile {
  /** Name relative to the folder. */
  name: string;
  path: string;
  kind: RecordKind;
  format: 'yaml' | 'csv';
}

const FILE_PATTERN = /^([a-z]+)(?:\.[A-Za-z0-9_-]+)*\.(yaml|yml|csv)$/;

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
  for (const name of names) {
    if (name.startsWith('.') || name.toLowerCase().endsWith('.md')) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      problems.push({ file: name, message: 'unexpected folder: a data set is one flat folder' });
      continue;
    }
    const m = FILE_PATTERN.exec(name);
    const kind = m?.[1] as RecordKind | undefined;
    if (!m || !kind || !(RECORD_KINDS as readonly string[]).includes(kind)) {
      problems.push({
        file: name,
        message: `unknown file: expected <kind>.yaml or <kind>.csv (optionally <kind>.<part>.yaml|csv) with kind one of ${RECORD_KINDS.join(', ')}`,
      });
      continue;
    }
    files.push({ name, path: full, kind, format: m[2] === 'csv' ? 'csv' : 'yaml' });
  }
  if (problems.length === 0 && !files.some((f) => f.kind === 'sources')) {
    problems.push({ file: 'sources.yaml', message: 'missing: every data set needs sources.yaml (the documents its citations point to)' });
  }
  return { files, problems };
}

/** `amount_usd` -> `amountUsd`: both formats accept snake_case or camelCase field names. */
export function camelKey(key: string): string {
  return key.trim().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
