/**
 * API benchmark: latency percentiles and requests/s of each operation with 1 and 10 concurrent
 * clients, for three implementations side by side in the same run, against the same graph:
 * - `aidgraph`: the real server (createApp) in its own process, over HTTP;
 * - `bare`: the very Cypher statements aidgraph sent for that operation (captured in-process
 *   from the repositories through a recording Database), replayed through the bare driver —
 *   the limit, with no GraphQL, no HTTP, no resolvers;
 * - `neo4j-graphql`: the Neo4j GraphQL Library on graphql-yoga, over HTTP, where it can express
 *   the question.
 * Also: Cypher round trips per GraphQL operation (db.stats.calls of the server) and the
 * server's peak RSS.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import type { BenchTargets } from '../generate.ts';
import type { BenchNeo4j } from '../lib/bench-neo4j.ts';
import { startTsService } from '../lib/child.ts';
import { peakRssMb } from '../lib/proc.ts';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config/env.ts';
import { createDatabase, type Database } from '../../server/db/database.ts';
import { createLogger } from '../../server/logging/logger.ts';
import { GraphQLClient } from './graphql-client.ts';
import { runLoad, type LoadResult } from './load-generator.ts';
import { benchOperations, type BenchOperation } from './operations.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const BARE_TIMEOUT_MS = Number(process.env.AIDGRAPH_QUERY_TIMEOUT_MS ?? 15_000);

/** One statement as aidgraph sent it. */
interface Captured {
  cypher: string;
  params: Record<string, unknown>;
}

/** Results of one operation. */
export interface OperationReport {
  name: string;
  /** Round trips per operation: statements captured per variable set (min..max) and the server's counter. */
  roundTrips: { captured: [number, number]; serverCounter: number | null };
  /** Response size of the first variable set (bytes of JSON), for context. */
  responseBytes: number | null;
  /** First error aidgraph answered with, if any (then timings are of errors). */
  error?: string;
  results: { impl: 'aidgraph' | 'bare' | 'neo4j-graphql'; concurrency: number; summary: LoadResult }[];
  neo4jGraphqlNote?: string;
  neo4jGraphqlMissing?: string;
  /** Time of the library's first (planning) run of the operation, and its error if it failed. */
  neo4jGraphqlFirstRunMs?: number;
  neo4jGraphqlError?: string;
}

/** The API section of the report. */
export interface ApiReport {
  durationMs: number;
  warmupMs: number;
  concurrencies: number[];
  operations: OperationReport[];
  serverPeakRssMb: number | null;
  neo4jGraphqlPeakRssMb: number | null;
}

/** Options of {@link benchApi}. */
export interface ApiOptions {
  durationMs: number;
  warmupMs: number;
  concurrencies: number[];
  /** Only these operations (by name); all when empty. */
  operations?: string[];
  /** Variable sets per operation (targets rotate through them). */
  variableSets?: number;
  /** Cap on measured requests per cell. */
  maxRequests?: number;
  /** Skip @neo4j/graphql (e.g. when it cannot start). */
  skipNeo4jGraphql?: boolean;
  log: (line: string) => void;
}

/** A Database that records every statement (into the list of the current capture) and then runs it. */
function recordingDatabase(real: Database, sink: AsyncLocalStorage<Captured[]>): Database {
  const record = (cypher: string, params: Record<string, unknown>) => sink.getStore()?.push({ cypher, params });
  return {
    driver: real.driver,
    name: real.name,
    queryTimeoutMs: real.queryTimeoutMs,
    stats: real.stats,
    read: (cypher, params = {}, options) => {
      record(cypher, params);
      return real.read(cypher, params, options);
    },
    write: (cypher, params = {}, options) => {
      record(cypher, params);
      return real.write(cypher, params, options);
    },
    executeWrite: (work, options) => {
      record('(unit of work)', {});
      return real.executeWrite(work, options);
    },
    ping: (timeoutMs) => real.ping(timeoutMs),
    close: () => real.close(),
  };
}

/** Runs every operation in-process once per variable set (4 at a time) and keeps the statements it sent. */
async function captureStatements(db: BenchNeo4j, ops: BenchOperation[]): Promise<Map<string, { statements: Captured[][]; bytes: number; error?: string }>> {
  const config = loadConfig({ ...db.env(), NODE_ENV: 'production', LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1' });
  const real = createDatabase(config);
  const sink = new AsyncLocalStorage<Captured[]>();
  const app = createApp({ config, db: recordingDatabase(real, sink), logger: createLogger('silent') });
  const out = new Map<string, { statements: Captured[][]; bytes: number; error?: string }>();
  const one = async (op: BenchOperation, variables: Record<string, unknown>) => {
    const statements: Captured[] = [];
    const text = await sink.run(statements, async () => {
      const res = await app.yoga.fetch('http://bench/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query: op.query, variables }),
      });
      return res.text();
    });
    const body = JSON.parse(text) as { errors?: { message: string }[] };
    return { statements, bytes: Buffer.byteLength(text), error: body.errors?.length ? body.errors.map((e) => e.message).join('; ').slice(0, 500) : undefined };
  };
  try {
    for (const op of ops) {
      const results: Awaited<ReturnType<typeof one>>[] = new Array(op.variables.length);
      let next = 0;
      const worker = async () => {
        for (let i = next++; i < op.variables.length; i = next++) results[i] = await one(op, op.variables[i]);
      };
      await Promise.all(Array.from({ length: 4 }, worker));
      const error = results.find((r) => r.error)?.error;
      out.set(op.name, { statements: results.map((r) => r.statements), bytes: results[0]?.bytes ?? 0, ...(error ? { error } : {}) });
    }
  } finally {
    await real.close();
  }
  return out;
}

/** Runs the API benchmark against the loaded graph. */
export async function benchApi(db: BenchNeo4j, targets: BenchTargets, options: ApiOptions): Promise<ApiReport> {
  const { log } = options;
  const ops = benchOperations(targets, options.variableSets).filter((op) => !options.operations?.length || options.operations.includes(op.name));
  log('api: capturing the Cypher of every operation (in-process app, recording database)');
  const captured = await captureStatements(db, ops);

  log('api: starting the aidgraph server and the @neo4j/graphql server');
  // As deployed (Dockerfile, docker-compose.yml): graphql-js checks every instanceof across
  // realms unless NODE_ENV is production (about 15 % more CPU per request, measured on S).
  const childEnv = { ...db.env(), NODE_ENV: 'production' };
  const server = await startTsService<{ port: number; pid: number }>(path.join(here, 'server-child.ts'), [], childEnv);
  let ngql: Awaited<ReturnType<typeof startTsService<{ port: number; pid: number }>>> | undefined;
  if (!options.skipNeo4jGraphql) {
    try {
      ngql = await startTsService<{ port: number; pid: number }>(path.join(here, 'neo4j-graphql-child.ts'), [], childEnv);
    } catch (err) {
      log(`api: @neo4j/graphql did not start: ${(err as Error).message}`);
    }
  }
  const api = new GraphQLClient(new URL(`http://127.0.0.1:${server.ready.port}/graphql`));
  const ngqlClient = ngql ? new GraphQLClient(new URL(`http://127.0.0.1:${ngql.ready.port}/graphql`)) : undefined;
  const bareDriver = neo4j.driver(db.uri, neo4j.auth.basic(db.username, db.password), {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 50,
  });
  const reports: OperationReport[] = [];
  try {
    for (const op of ops) {
      const cap = captured.get(op.name)!;
      const counts = cap.statements.map((s) => s.length);
      // The server's own counter: calls made while answering the first variable set 3 times.
      let serverCounter: number | null = null;
      try {
        const before = await api.getJson<{ calls: number }>('/__bench/stats');
        for (let k = 0; k < 3; k++) await api.post(op.query, op.variables[0]);
        const after = await api.getJson<{ calls: number }>('/__bench/stats');
        serverCounter = (after.calls - before.calls) / 3;
      } catch {
        serverCounter = null;
      }
      const report: OperationReport = {
        name: op.name,
        roundTrips: { captured: [Math.min(...counts), Math.max(...counts)], serverCounter },
        responseBytes: cap.bytes,
        ...(cap.error ? { error: cap.error } : {}),
        results: [],
        ...(op.neo4jGraphql ? { neo4jGraphqlNote: op.neo4jGraphql.note } : {}),
        ...(op.neo4jGraphqlMissing ? { neo4jGraphqlMissing: op.neo4jGraphqlMissing } : {}),
      };
      if (cap.error) log(`api: ${op.name}: aidgraph answered with errors: ${cap.error}`);
      for (const concurrency of options.concurrencies) {
        const load = { concurrency, warmupMs: options.warmupMs, durationMs: options.durationMs, maxRequests: options.maxRequests };
        const apiResult = await runLoad((i) => api.request(op.query, op.variables[i % op.variables.length]), load);
        report.results.push({ impl: 'aidgraph', concurrency, summary: apiResult });
        const bareResult = await runLoad(async (i) => {
          for (const s of cap.statements[i % cap.statements.length]) {
            await bareDriver.executeQuery(s.cypher, s.params, {
              database: db.database,
              routing: neo4j.routing.READ,
              // The server's own transaction timeout (AIDGRAPH_QUERY_TIMEOUT_MS default), so both give up alike.
              transactionConfig: { timeout: BARE_TIMEOUT_MS },
            });
          }
        }, load);
        report.results.push({ impl: 'bare', concurrency, summary: bareResult });
        const q = op.neo4jGraphql;
        if (q && ngqlClient && concurrency === options.concurrencies[0]) {
          // Prime: the first run plans the generated statement (seconds); aidgraph's statements
          // were planned during capture. Not measured.
          const t0 = performance.now();
          const primed = await ngqlClient.post(q.query, q.variables[0]).catch((err: Error) => ({ errors: [{ message: err.message }] }));
          report.neo4jGraphqlFirstRunMs = performance.now() - t0;
          if (primed.errors?.length) report.neo4jGraphqlError = primed.errors[0].message.slice(0, 300);
        }
        // An operation the library could not answer in its first run is not measured (each
        // attempt would wait out its timeout); the report shows that first error.
        if (q && ngqlClient && report.neo4jGraphqlError === undefined) {
          const ngqlResult = await runLoad((i) => ngqlClient.request(q.query, q.variables[i % q.variables.length]), {
            ...load,
            maxRequests: Math.min(options.maxRequests ?? 2_000, 2_000),
          });
          report.results.push({ impl: 'neo4j-graphql', concurrency, summary: ngqlResult });
        }
        const line = report.results
          .filter((r) => r.concurrency === concurrency)
          .map((r) => `${r.impl} p95 ${r.summary.p95.toFixed(1)} ms ${r.summary.rps.toFixed(0)}/s${r.summary.errors ? ` (${r.summary.errors} errors)` : ''}`)
          .join(' | ');
        log(`api: ${op.name} c=${concurrency}: ${line}`);
      }
      reports.push(report);
    }
    const stats = await api.getJson<{ maxRssMb: number }>('/__bench/stats').catch(() => null);
    const ngqlStats = ngqlClient ? await ngqlClient.getJson<{ maxRssMb: number }>('/__bench/stats').catch(() => null) : null;
    return {
      durationMs: options.durationMs,
      warmupMs: options.warmupMs,
      concurrencies: options.concurrencies,
      operations: reports,
      serverPeakRssMb: stats?.maxRssMb ?? peakRssMb(server.ready.pid),
      neo4jGraphqlPeakRssMb: ngqlStats?.maxRssMb ?? (ngql ? peakRssMb(ngql.ready.pid) : null),
    };
  } finally {
    api.close();
    ngqlClient?.close();
    await bareDriver.close();
    await server.stop();
    await ngql?.stop();
  }
}
