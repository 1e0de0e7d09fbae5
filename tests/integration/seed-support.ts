/**
 * Helpers of the seed loader's integration tests: the driver for the test database (NEO4J_URI,
 * NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE, as the vitest global setup provides), a
 * scratch copy of a data set folder, and putting the seed back for the test files that follow.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { connectionFromEnv, createLoaderDriver } from '../../seed/loader/connection.ts';
import { loadDataset } from '../../seed/loader/load.ts';

export const SEED_DIR = resolve('seed/data');
export const EXAMPLE_DIR = resolve('seed/examples/minimal');

/** The test database's driver and name. */
export function connectTestDatabase(): { driver: Driver; database: string; env: Record<string, string> } {
  const settings = connectionFromEnv(process.env);
  return {
    driver: createLoaderDriver(settings),
    database: settings.database,
    env: { NEO4J_URI: settings.uri, NEO4J_USERNAME: settings.username, NEO4J_PASSWORD: settings.password, NEO4J_DATABASE: settings.database },
  };
}

/** Wipes the database and loads seed/data, as the other test files expect to find it. */
export async function restoreSeed(driver: Driver, database: string): Promise<void> {
  await loadDataset(driver, SEED_DIR, { database, reset: true });
}

/** A change to a scratch folder. */
export type Edit = (dir: string) => void;

/** Replaces the first `from` by `to` in `file` (throws when `from` is missing: a broken fixture). */
export const replaceIn = (file: string, from: string, to: string): Edit => (dir) => {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`fixture: '${from}' is not in ${file}`);
  writeFileSync(path, text.replace(from, to));
};
export const appendTo = (file: string, text: string): Edit => (dir) => writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8') + text);
export const writeFile = (file: string, text: string): Edit => (dir) => writeFileSync(join(dir, file), text);

/** Scratch folders made by scratchCopy, removed by removeScratch. */
const scratch: string[] = [];

/** Copies `from` into a new temporary folder and applies the edits. */
export function scratchCopy(from: string, ...edits: Edit[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'aidgraph-seed-test-'));
  scratch.push(dir);
  cpSync(from, dir, { recursive: true });
  edits.forEach((edit) => edit(dir));
  return dir;
}

/** A new empty temporary folder (removed by removeScratch). */
export function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aidgraph-seed-test-'));
  scratch.push(dir);
  return dir;
}

export function removeScratch(): void {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
}
