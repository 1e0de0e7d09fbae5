/**
 * Configuration from environment variables, validated once at start. A missing or malformed
 * value throws a ConfigError naming the variable, and the process stops with that message.
 */
import { z } from 'zod';
import { ConfigError, loadNeo4jSettings, readVariable, type ConnectionSettings } from '../../store/settings.ts';
import { EditorsFile, EditorsFileError } from '../auth/editors.ts';

export { ConfigError } from '../../store/settings.ts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Everything the server reads from its environment. */
export interface Config {
  neo4j: ConnectionSettings;
  port: number;
  host: string;
  /** Bearer token for curation mutations, recorded as the editor "admin"; undefined = none. */
  adminToken?: string;
  /**
   * The editors file (AIDGRAPH_EDITORS): named tokens, re-read whenever it changes. Without it
   * and without adminToken the API is read-only.
   */
  editors?: EditorsFile;
  nodeEnv: 'development' | 'production' | 'test';
  /** Transaction timeout for every query, in ms. */
  queryTimeoutMs: number;
  logLevel: (typeof LOG_LEVELS)[number];
  /** Where the built web page lives (served at /). */
  webDir: string;
}

/** Reads and validates the configuration; throws ConfigError on the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const adminToken = readVariable(env, 'AIDGRAPH_ADMIN_TOKEN', z.string().min(16, 'must be at least 16 characters (or unset for a read-only API)').optional());
  return {
    neo4j: loadNeo4jSettings(env),
    port: readVariable(env, 'PORT', z.coerce.number().int('must be a whole number').min(0).max(65535, 'must be a TCP port (0-65535)'), '4000'),
    host: readVariable(env, 'HOST', z.string().min(1), '0.0.0.0'),
    adminToken,
    editors: openEditors(readVariable(env, 'AIDGRAPH_EDITORS', z.string().optional()), adminToken),
    nodeEnv: readVariable(env, 'NODE_ENV', z.enum(['development', 'production', 'test']), 'development'),
    queryTimeoutMs: readVariable(env, 'AIDGRAPH_QUERY_TIMEOUT_MS', z.coerce.number().int().min(100, 'must be at least 100').max(600_000), '15000'),
    logLevel: readVariable(env, 'LOG_LEVEL', z.enum(LOG_LEVELS), 'info'),
    webDir: readVariable(env, 'AIDGRAPH_WEB_DIR', z.string().min(1), 'web/dist'),
  };
}

/** Reads the editors file at start: a missing or malformed file is a ConfigError naming it and the line. */
function openEditors(path: string | undefined, adminToken: string | undefined): EditorsFile | undefined {
  if (path === undefined) return undefined;
  try {
    return new EditorsFile(path, adminToken);
  } catch (error) {
    if (error instanceof EditorsFileError) throw new ConfigError('AIDGRAPH_EDITORS', `file ${error.message}`);
    throw error;
  }
}
