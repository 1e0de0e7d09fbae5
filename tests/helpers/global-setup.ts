/**
 * Vitest global setup: gives every test file a real, seeded Neo4j and a built web page.
 * With NEO4J_URI set, that database is used (and seeded when empty); otherwise a throw-away
 * embedded Neo4j is started on a free port and stopped at the end. AIDGRAPH_TEST_DB=none skips
 * all of it, for `npm run test:unit`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../neo4j/embedded.ts';
import { loadConfig } from '../../server/config/env.ts';
import { createLogger } from '../../server/logging/logger.ts';
import { seedIfEmpty } from '../../seed/seed-if-empty.ts';

let embedded: EmbeddedNeo4j | undefined;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds web/dist when it is missing or older than web/src (the e2e tests need it). */
function buildWebIfStale(): void {
  const index = 'web/dist/index.html';
  if (!existsSync('web/src')) return;
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(newestMtime('web/src'), statSync('web/index.html').mtimeMs)) return;
  const started = Date.now();
  const result = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build failed: the e2e tests need the built page');
  process.stderr.write(`global setup: web page built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

export async function setup(): Promise<void> {
  // `npm run test:unit`: tests that need no database start none (the others then fail loudly).
  if (process.env.AIDGRAPH_TEST_DB === 'none') return;
  if (!process.env.NEO4J_URI) {
    embedded = await startEmbeddedNeo4j({ port: 0, ephemeral: true });
    Object.assign(process.env, { NEO4J_URI: embedded.uri, NEO4J_USERNAME: embedded.username, NEO4J_PASSWORD: embedded.password });
  }
  process.env.NODE_ENV ??= 'test';
  const config = loadConfig(process.env);
  await seedIfEmpty(config, createLogger(process.env.LOG_LEVEL ?? 'warn'));
  buildWebIfStale();
}

export async function teardown(): Promise<void> {
  await embedded?.stop();
}
