/**
 * The loader's connection settings from the environment (NEO4J_URI, NEO4J_USERNAME,
 * NEO4J_PASSWORD, NEO4J_DATABASE), validated exactly as the server validates them.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { ConfigError, loadNeo4jSettings, type ConnectionSettings } from '../../store/settings.ts';

export type { ConnectionSettings };
/** A missing or malformed variable. */
export { ConfigError as ConnectionConfigError };

/**
 * Reads the settings with the server's own validation (same defaults, same messages);
 * `database` (from --database) wins over NEO4J_DATABASE.
 */
export function connectionFromEnv(env: NodeJS.ProcessEnv, database?: string): ConnectionSettings {
  if (database === undefined) return loadNeo4jSettings(env);
  try {
    return loadNeo4jSettings({ ...env, NEO4J_DATABASE: database });
  } catch (error) {
    if (error instanceof ConfigError && error.variable === 'NEO4J_DATABASE') throw new ConfigError('--database', error.message.replace(/^.*NEO4J_DATABASE /, ''));
    throw error;
  }
}

/** A driver for the loader: integers as JS numbers, as everywhere in aidgraph. */
export function createLoaderDriver(settings: ConnectionSettings): Driver {
  return neo4j.driver(settings.uri, neo4j.auth.basic(settings.username, settings.password), {
    disableLosslessIntegers: true,
    userAgent: 'aidgraph-loader',
    maxTransactionRetryTime: 30_000,
  });
}
