/**
 * Configuration from environment variables, validated once at start. A missing or malformed
 * value throws a ConfigError naming the variable, and the process stops with that message.
 */
import { z } from 'zod';

/** Everything the server reads from its environment. */
export interface Config {
  neo4j: { uri: string; username: string; password: string; database: string };
  port: number;
  host: string;
  /** Bearer token for curation mutations; undefined = read-only API. */
  adminToken?: string;
  nodeEnv: 'development' | 'production' | 'test';
  /** Transaction timeout for every query, in ms. */
  queryTimeoutMs: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Where the built web page lives (served at /). */
  webDir: string;
}

/** A configuration problem, naming the variable. */
export class ConfigError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`Invalid configuration: ${variable} ${message}`);
    this.name = 'ConfigError';
  }
}

const NEO4J_SCHEMES = ['bolt:', 'bolt+s:', 'bolt+ssc:', 'neo4j:', 'neo4j+s:', 'neo4j+ssc:'];

const schema = {
  NEO4J_URI: z.string().refine((value) => {
    try {
      return NEO4J_SCHEMES.includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'must be a Neo4j URI such as bolt://127.0.0.1:7687 or neo4j+s://host'),
  NEO4J_USERNAME: z.string().min(1, 'must not be empty'),
  NEO4J_PASSWORD: z.string().min(1, 'must not be empty'),
  NEO4J_DATABASE: z.string().regex(/^[A-Za-z][A-Za-z0-9.\-]{0,62}$/, 'must be a Neo4j database name'),
  PORT: z.coerce.number().int('must be a whole number').min(0).max(65535, 'must be a TCP port (0-65535)'),
  HOST: z.string().min(1),
  AIDGRAPH_ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters (or unset for a read-only API)').optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']),
  AIDGRAPH_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100, 'must be at least 100').max(600_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  AIDGRAPH_WEB_DIR: z.string().min(1),
};

const defaults: Record<string, string> = {
  NEO4J_USERNAME: 'neo4j',
  NEO4J_DATABASE: 'neo4j',
  PORT: '4000',
  HOST: '0.0.0.0',
  NODE_ENV: 'development',
  AIDGRAPH_QUERY_TIMEOUT_MS: '15000',
  LOG_LEVEL: 'info',
  AIDGRAPH_WEB_DIR: 'web/dist',
};

function read<K extends keyof typeof schema>(env: NodeJS.ProcessEnv, name: K): z.infer<(typeof schema)[K]> {
  const raw = env[name] === '' ? undefined : env[name] ?? defaults[name];
  if (raw === undefined && !(schema[name] as z.ZodType).safeParse(undefined).success) {
    throw new ConfigError(name, 'is required but not set');
  }
  const parsed = (schema[name] as z.ZodType).safeParse(raw);
  if (!parsed.success) throw new ConfigError(name, `${parsed.error.issues[0]?.message ?? 'is invalid'} (got "${raw}")`);
  return parsed.data as z.infer<(typeof schema)[K]>;
}

/** Reads and validates only the NEO4J_* variables (the loader CLI needs nothing else). */
export function loadNeo4jSettings(env: NodeJS.ProcessEnv = process.env): Config['neo4j'] {
  return {
    uri: read(env, 'NEO4J_URI'),
    username: read(env, 'NEO4J_USERNAME'),
    password: read(env, 'NEO4J_PASSWORD'),
    database: read(env, 'NEO4J_DATABASE'),
  };
}

/** Reads and validates the configuration; throws ConfigError on the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    neo4j: loadNeo4jSettings(env),
    port: read(env, 'PORT'),
    host: read(env, 'HOST'),
    adminToken: read(env, 'AIDGRAPH_ADMIN_TOKEN'),
    nodeEnv: read(env, 'NODE_ENV'),
    queryTimeoutMs: read(env, 'AIDGRAPH_QUERY_TIMEOUT_MS'),
    logLevel: read(env, 'LOG_LEVEL'),
    webDir: read(env, 'AIDGRAPH_WEB_DIR'),
  };
}
