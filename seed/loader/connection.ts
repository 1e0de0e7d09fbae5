/**
 * The loader's connection settings from the environment (NEO4J_URI, NEO4J_USERNAME,
 * NEO4J_PASSWORD, NEO4J_DATABASE), checked with messages that name the variable.
 */
import neo4j, { type Driver } from 'neo4j-driver';

export interface ConnectionSettings {
  uri: string;
  username: string;
  password: string;
  database: string;
}

/** A missing or malformed variable. */
export class ConnectionConfigError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`${variable} ${message}`);
    this.name = 'ConnectionConfigError';
  }
}

const SCHEMES = ['bolt:', 'bolt+s:', 'bolt+ssc:', 'neo4j:', 'neo4j+s:', 'neo4j+ssc:'];

/** Reads the settings; `database` (from --database) wins over NEO4J_DATABASE (default 'neo4j'). */
export function connectionFromEnv(env: NodeJS.ProcessEnv, database?: string): ConnectionSettings {
  const need = (name: string): string => {
    const value = env[name];
    if (value === undefined || value === '') throw new ConnectionConfigError(name, 'is not set (see .env.example)');
    return value;
  };
  const uri = need('NEO4J_URI');
  let scheme: string;
  try {
    scheme = new URL(uri).protocol;
  } catch {
    throw new ConnectionConfigError('NEO4J_URI', `is not a URI: "${uri}" (expected e.g. bolt://127.0.0.1:7687 or neo4j+s://host)`);
  }
  if (!SCHEMES.includes(scheme)) {
    throw new ConnectionConfigError('NEO4J_URI', `has scheme "${scheme}" but must be one of ${SCHEMES.map((s) => s.slice(0, -1)).join(', ')}`);
  }
  const username = need('NEO4J_USERNAME');
  const password = need('NEO4J_PASSWORD');
  const db = database ?? (env.NEO4J_DATABASE || 'neo4j');
  if (!/^[A-Za-z][A-Za-z0-9.\-]{0,62}$/.test(db)) {
    throw new ConnectionConfigError(database !== undefined ? '--database' : 'NEO4J_DATABASE', `is not a Neo4j database name: "${db}"`);
  }
  return { uri, username, password, database: db };
}

/** A driver for the loader: integers as JS numbers, as everywhere in aidgraph. */
export function createLoaderDriver(settings: ConnectionSettings): Driver {
  return neo4j.driver(settings.uri, neo4j.auth.basic(settings.username, settings.password), {
    disableLosslessIntegers: true,
    userAgent: 'aidgraph-loader',
    maxTransactionRetryTime: 30_000,
  });
}
