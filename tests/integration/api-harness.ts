/**
 * In-process access to the GraphQL API for the api-*.test.ts files: yoga.fetch against the real
 * (seeded) Neo4j, counting the Cypher round trips each request makes.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, expect } from 'vitest';
import { warmUp } from '../../server/repositories/warm-up.ts';
import { createDatabase, withQueryCounter, currentQueryCount, type Database } from '../../server/db/database.ts';
import { createGraphQLHandler } from '../../server/http/yoga.ts';
import { testConfig } from '../helpers/env.ts';

/** One answer: HTTP status, the JSON body and the round trips the request made. */
export interface Answer<T = Record<string, any>> {
  status: number;
  body: { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  dbCalls: number;
}

/** An API under test and its database. */
export interface Api {
  db: Database;
  yoga: ReturnType<typeof createGraphQLHandler>;
  /** POSTs a query (JSON) and counts the round trips. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<Answer<T>>;
  /** Sends a raw request (any method, body, headers) and counts the round trips. */
  raw(init: RequestInit & { url?: string }): Promise<{ status: number; text: string; dbCalls: number }>;
  close(): Promise<void>;
}

/** Builds the API with the test config (overrides: environment variables). */
export function createApi(overrides: Record<string, string | undefined> = {}): Api {
  const config = testConfig(overrides);
  const db = createDatabase(config);
  const yoga = createGraphQLHandler({ db, config, logger: pino({ level: 'silent' }) });
  return {
    db,
    yoga,
    gql: (query, variables = {}, headers = {}) =>
      withQueryCounter(async () => {
        const res = await yoga.fetch('http://localhost/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
          body: JSON.stringify({ query, variables }),
        });
        const body = (await res.json()) as Answer['body'];
        return { status: res.status, body, dbCalls: currentQueryCount() } as Answer<any>;
      }),
    raw: ({ url, ...init }) =>
      withQueryCounter(async () => {
        const res = await yoga.fetch(url ?? 'http://localhost/graphql', init);
        return { status: res.status, text: await res.text(), dbCalls: currentQueryCount() };
      }),
    close: () => db.close(),
  };
}

/** The data of an answer, failing with its errors when there are any. */
export function dataOf<T>(answer: Answer<T>): T {
  if (answer.body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(answer.body.errors)}`);
  if (!answer.body.data) throw new Error(`no data (HTTP ${answer.status})`);
  return answer.body.data;
}

/**
 * The API of one test file: built before its tests and closed after them; with `warm`, the slow
 * statements are planned first, as a started server does (the path search's first plan takes
 * seconds on a loaded machine). Its methods work inside the file's tests and hooks.
 */
export function useApi(options: { warm?: boolean } = {}): Api {
  let built: Api | undefined;
  beforeAll(async () => {
    built = createApi();
    if (options.warm) await warmUp(built.db);
  });
  afterAll(async () => {
    await built?.close();
  });
  const api = (): Api => {
    if (!built) throw new Error('useApi: the API is built in beforeAll; call it from tests or hooks');
    return built;
  };
  return {
    get db() { return api().db; },
    get yoga() { return api().yoga; },
    gql: (query, variables, headers) => api().gql(query, variables, headers),
    raw: (init) => api().raw(init),
    close: async () => {},
  };
}

/** A query that must answer without errors in exactly one Cypher round trip; returns its data. */
export function oneRoundTrip(api: Api) {
  return roundTrips(api, 1, 1);
}

/**
 * A paths query: the search reads the ends, then per length a layer and a meet (one round trip
 * each; the first length a meet alone), and, when it found paths, their entities and edges.
 */
export function pathRoundTrips(api: Api, maxHops: number) {
  return roundTrips(api, 2, 2 * maxHops + 1);
}

function roundTrips(api: Api, least: number, most: number) {
  return async <T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const answer = await api.gql<T>(query, variables);
    const data = dataOf(answer);
    const label = `round trips of ${query.slice(0, 60)}`;
    expect(answer.dbCalls, label).toBeGreaterThanOrEqual(least);
    expect(answer.dbCalls, label).toBeLessThanOrEqual(most);
    return data;
  };
}
