/** Loads seed/data into a database that has no entities yet (first `npm start`, test setup). */
import { resolve } from 'node:path';
import type { Config } from '../server/config/env.ts';
import { createDatabase } from '../server/db/database.ts';
import type { Logger } from '../server/logging/logger.ts';
import { loadDataset } from './loader/index.ts';

/** The curated article data set. */
export const SEED_DATA_DIR = resolve(import.meta.dirname, 'data');

/** Seeds when the database holds no :Entity node; returns true when it loaded. */
export async function seedIfEmpty(config: Config, logger: Logger): Promise<boolean> {
  const db = createDatabase(config);
  try {
    const [row] = await db.read<{ n: number }>('MATCH (e:Entity) RETURN count(e) AS n');
    if ((row?.n ?? 0) > 0) return false;
    const started = Date.now();
    logger.info({ dir: SEED_DATA_DIR }, 'the database is empty: loading the seed data');
    await loadDataset(db.driver, SEED_DATA_DIR, { database: config.neo4j.database });
    logger.info({ ms: Date.now() - started }, 'seed data loaded');
    return true;
  } finally {
    await db.close();
  }
}
