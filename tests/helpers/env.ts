/** The test database and a config for it (use-database.ts fills NEO4J_* in for each test file). */
import { loadConfig, type Config } from '../../server/config/env.ts';

/** Config for in-process servers under test; throws loudly when no database was provided. */
export function testConfig(overrides: Record<string, string | undefined> = {}): Config {
  if (!process.env.NEO4J_URI) throw new Error('NEO4J_URI is not set: a test that needs the database belongs to a database project (integration, e2e, drills), not to unit');
  return loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', NODE_ENV: 'test', ...overrides });
}
