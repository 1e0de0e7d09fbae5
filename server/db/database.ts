/**
 * The one Neo4j driver of the process, behind a small wrapper that names the database on every
 * call, routes reads to readers, applies the transaction timeout and counts round trips.
 */
import neo4j, { type Driver, type ManagedTransaction, type QueryConfig } from 'neo4j-driver';
import type { Config } from '../config/env.ts';
import { countQuery } from './query-counter.ts';
import { withDeadline } from './deadline.ts';

export { withQueryCounter, currentQueryCount } from './query-counter.ts';
export { isTimedOut, isUnavailable } from './deadline.ts';

/** How long the driver retries transient failures (a restarting Neo4j) at most. */
export const DRIVER_RETRY_WINDOW_MS = 15_000;
/**
 * Extra time past the transaction timeout before a call is abandoned as unavailable: long enough
 * that Neo4j's own timeout (a clear LIMIT_EXCEEDED) normally arrives first.
 */
const DEADLINE_SLACK_MS = 500;

/** Plain rows: each record as an object keyed by the RETURN names. */
export type Row = Record<string, unknown>;

export interface QueryOptions {
  /** Transaction timeout in ms; defaults to the configured query timeout. */
  timeoutMs?: number;
}

/** Access to Neo4j for repositories. */
export interface Database {
  readonly driver: Driver;
  readonly name: string;
  /** The configured transaction timeout (ms), the default of every call. */
  readonly queryTimeoutMs: number;
  /** Process-wide counters (calls = round trips since start). */
  readonly stats: { calls: number };
  /** One read statement (routing READ), retried on transient errors. */
  read<T extends Row = Row>(cypher: string, params?: Record<string, unknown>, options?: QueryOptions): Promise<T[]>;
  /** One write statement (routing WRITE), retried on transient errors. */
  write<T extends Row = Row>(cypher: string, params?: Record<string, unknown>, options?: QueryOptions): Promise<T[]>;
  /** A unit of work of several statements in one write transaction (counted as one round trip). */
  executeWrite<T>(work: (tx: ManagedTransaction) => Promise<T>, options?: QueryOptions): Promise<T>;
  /** True when Neo4j answers a trivial query within `timeoutMs`. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

/** Connection settings of {@link createDatabase}. */
export type DatabaseConfig = Pick<Config, 'neo4j' | 'queryTimeoutMs'>;

/** Creates the driver (integers as JS numbers) and its wrapper; does not connect yet. */
export function createDatabase(config: DatabaseConfig): Database {
  // Every wait inside the driver is bounded by the query timeout, so that no request outlives it.
  const bound = (ms: number) => Math.min(ms, config.queryTimeoutMs);
  const driver = neo4j.driver(config.neo4j.uri, neo4j.auth.basic(config.neo4j.username, config.neo4j.password), {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: bound(10_000),
    connectionTimeout: bound(5_000),
    maxTransactionRetryTime: bound(DRIVER_RETRY_WINDOW_MS),
    userAgent: 'aidgraph',
  });
  const stats = { calls: 0 };
  const database = config.neo4j.database;
  const timeoutOf = (options?: QueryOptions) => options?.timeoutMs ?? config.queryTimeoutMs;
  const deadlineOf = (options?: QueryOptions) => timeoutOf(options) + DEADLINE_SLACK_MS;

  const run = async <T extends Row>(routing: 'READ' | 'WRITE', cypher: string, params: Record<string, unknown>, options?: QueryOptions) => {
    stats.calls += 1;
    countQuery();
    const queryConfig: QueryConfig = {
      database,
      routing: routing === 'READ' ? neo4j.routing.READ : neo4j.routing.WRITE,
      transactionConfig: { timeout: timeoutOf(options) },
    };
    const result = await withDeadline(driver.executeQuery(cypher, params, queryConfig), deadlineOf(options));
    return result.records.map((record) => record.toObject() as T);
  };

  return {
    driver,
    name: database,
    queryTimeoutMs: config.queryTimeoutMs,
    stats,
    read: (cypher, params = {}, options) => run('READ', cypher, params, options),
    write: (cypher, params = {}, options) => run('WRITE', cypher, params, options),
    async executeWrite(work, options) {
      stats.calls += 1;
      countQuery();
      const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
      try {
        return await withDeadline(session.executeWrite(work, { timeout: timeoutOf(options) }), deadlineOf(options));
      } finally {
        void session.close().catch(() => undefined);
      }
    },
    async ping(timeoutMs = 2_000) {
      const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
      let timer: NodeJS.Timeout | undefined;
      try {
        const probe = session.run('RETURN 1', {}, { timeout: timeoutMs }).then(() => true);
        const deadline = new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(false), timeoutMs); });
        return await Promise.race([probe, deadline]);
      } catch {
        return false;
      } finally {
        clearTimeout(timer);
        void session.close().catch(() => undefined);
      }
    },
    close: () => driver.close(),
  };
}
