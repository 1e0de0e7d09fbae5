/**
 * In-process access to the GraphQL API for the api-*.test.ts files: yoga.fetch against the real
 * (seeded) Neo4j, counting the Cypher round trips each request makes.
 */
import { pino } from 'pino';
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
