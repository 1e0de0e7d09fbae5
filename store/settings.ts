/**
 * Connection settings for Neo4j from the environment (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD,
 * NEO4J_DATABASE), validated the same way for the server and the loader. A missing or malformed
 * value throws a ConfigError naming the variable.
 */
import { z } from 'zod';

/** A configuration problem, naming the variable. */
export class ConfigError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`Invalid configuration: ${variable} ${message}`);
    this.name = 'ConfigError';
  }
}

/** Where and as whom to connect. */
export interface ConnectionSettings {
  uri: string;
  username: string;
  password: string;
  database: string;
}

const NEO4J_SCHEMES = ['bolt:', 'bolt+s:', 'bolt+ssc:', 'neo4j:', 'neo4j+s:', 'neo4j+ssc:'];

/** Reads one variable: empty counts as unset, then the default applies, then the schema. */
export function readVariable<T>(env: NodeJS.ProcessEnv, name: string, schema: z.ZodType<T>, fallback?: string): T {
  const raw = env[name] === '' ? undefined : env[name] ?? fallback;
  if (raw === undefined && !schema.safeParse(undefined).success) throw new ConfigError(name, 'is required but not set');
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(name, `${parsed.error.issues[0]?.message ?? 'is invalid'} (got "${raw}")`);
  return parsed.data;
}

const uriSchema = z.string().refine((value) => {
  try {
    return NEO4J_SCHEMES.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}, 'must be a Neo4j URI such as bolt://127.0.0.1:7687 or neo4j+s://host');
const nonEmpty = z.string().min(1, 'must not be empty');
const databaseSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9.\-]{0,62}$/, 'must be a Neo4j database name');

/** Reads and validates only the NEO4J_* variables. */
export function loadNeo4jSettings(env: NodeJS.ProcessEnv = process.env): ConnectionSettings {
  return {
    uri: readVariable(env, 'NEO4J_URI', uriSchema),
    username: readVariable(env, 'NEO4J_USERNAME', nonEmpty, 'neo4j'),
    password: readVariable(env, 'NEO4J_PASSWORD', nonEmpty),
    database: readVariable(env, 'NEO4J_DATABASE', databaseSchema, 'neo4j'),
  };
}
