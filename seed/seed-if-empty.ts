/** Loads seed/data into a database that has no entities yet (first `npm start`, test setup). */
import { resolve } from 'node:path';
import type { ConnectionSettings } from '../store/settings.ts';
import { createLoaderDriver } from './loader/connection.ts';
import { loadDataset } from './loader/index.ts';

/** The curated article data set. */
export const SEED_DATA_DIR = resolve(import.meta.dirname, 'data');

/** What seeding reports on the way (a pino logger fits). */
export interface SeedLog {
  info(fields: object, message: string): void;
}

/** What seeding did: `loaded` the seed, and `indexed` settles once every index is online. */
export interface Seeding {
  loaded: boolean;
  indexed: Promise<void>;
}

/**
 * Seeds when the database holds no :Entity node. Returns once the records are written and
 * readable; the relationship key indexes (used only by reloads) come online in `indexed`.
 */
export async function seedIfEmpty(settings: ConnectionSettings, log: SeedLog): Promise<Seeding> {
  const driver = createLoaderDriver(settings);
  let indexed: Promise<void> = Promise.resolve();
  try {
    const { records } = await driver.executeQuery('MATCH (e:Entity) RETURN count(e) AS n', {}, { database: settings.database });
    if (Number(records[0]?.get('n') ?? 0) > 0) return { loaded: false, indexed };
    const started = Date.now();
    log.info({ dir: SEED_DATA_DIR }, 'the database is empty: loading the seed data');
    await loadDataset(driver, SEED_DATA_DIR, { database: settings.database, keyIndexesInBackground: (online) => { indexed = online; } });
    log.info({ ms: Date.now() - started }, 'seed data loaded');
    return { loaded: true, indexed };
  } finally {
    // The driver serves the key indexes' creation until it settles.
    void indexed.catch(() => undefined).finally(() => driver.close());
  }
}
