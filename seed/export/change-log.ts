/**
 * The curation log (:Change nodes) as a file of a data folder: `changes.jsonl`, one change per
 * line (its stored properties as a JSON object), oldest first. An export writes it; `npm run
 * import` (transactional or bulk) loads it after the records, keyed by the change's id, so that
 * importing an export twice adds nothing. The record readers skip the file (seed/read/files.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { CHANGE_LOG_FILE } from '../read/files.ts';

export { CHANGE_LOG_FILE };

/** One change as stored: `id` and the rest of its properties. */
export type ChangeProps = { id: string } & Record<string, unknown>;

/** Serialises changes, one JSON object a line. */
export function changeLogText(changes: readonly ChangeProps[]): string {
  return changes.map((c) => JSON.stringify(c)).join('\n') + (changes.length > 0 ? '\n' : '');
}

/** A malformed change log line. */
export class ChangeLogError extends Error {}

/** Reads DIR/changes.jsonl; an absent file is an empty log. */
export function readChangeLog(dir: string): ChangeProps[] {
  const file = join(dir, CHANGE_LOG_FILE);
  if (!existsSync(file)) return [];
  const changes: ChangeProps[] = [];
  readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      throw new ChangeLogError(`${CHANGE_LOG_FILE} line ${i + 1}: not JSON (${(err as Error).message})`);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value) || typeof (value as { id?: unknown }).id !== 'string') {
      throw new ChangeLogError(`${CHANGE_LOG_FILE} line ${i + 1}: expected an object with a text "id"`);
    }
    for (const [key, v] of Object.entries(value)) {
      if (v !== null && typeof v === 'object') throw new ChangeLogError(`${CHANGE_LOG_FILE} line ${i + 1}: ${key} must be text, a number or a boolean`);
    }
    changes.push(value as ChangeProps);
  });
  return changes;
}

/** Whole numbers go back as Neo4j integers (a JS number would be stored as a float). */
function toStored(change: ChangeProps): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(change)) {
    if (value === null) continue;
    out[key] = typeof value === 'number' && Number.isInteger(value) ? neo4j.int(value) : value;
  }
  return out;
}

/** Writes the changes that are not stored yet (by id); returns how many were created. */
export async function loadChangeLog(driver: Driver, database: string, changes: readonly ChangeProps[], batchSize = 5_000): Promise<{ created: number; unchanged: number }> {
  let created = 0;
  for (let at = 0; at < changes.length; at += batchSize) {
    const rows = changes.slice(at, at + batchSize).map(toStored);
    const { records } = await driver.executeQuery(
      `UNWIND $rows AS row
       OPTIONAL MATCH (old:Change {id: row.id})
       WITH row, old WHERE old IS NULL
       CREATE (c:Change) SET c = row
       RETURN count(c) AS created`,
      { rows },
      { database },
    );
    created += Number(records[0]?.get('created') ?? 0);
  }
  return { created, unchanged: changes.length - created };
}
