/**
 * Child process: the Neo4j GraphQL Library (@neo4j/graphql 7) on graphql-yoga, over the same
 * graph, on a random port. Prints `{"port": N, "pid": P}` when ready.
 * Env: NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga } from 'graphql-yoga';
import neo4j from 'neo4j-driver';
import { NEO4J_GRAPHQL_TYPEDEFS } from './neo4j-graphql-typedefs.ts';

const database = process.env.NEO4J_DATABASE ?? 'neo4j';
const driver = neo4j.driver(
  process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687',
  neo4j.auth.basic(process.env.NEO4J_USERNAME ?? 'neo4j', process.env.NEO4J_PASSWORD ?? 'aidgraph-dev'),
  { maxConnectionPoolSize: 50 },
);
await driver.verifyConnectivity({ database });
const schema = await new Neo4jGraphQL({ typeDefs: NEO4J_GRAPHQL_TYPEDEFS, driver }).getSchema();
const yoga = createYoga({
  schema,
  graphqlEndpoint: '/graphql',
  graphiql: false,
  logging: false,
  // Show the library's own error messages (the report quotes the first one).
  maskedErrors: false,
  // Twice aidgraph's query timeout: room for the library's very large statements to plan and
  // run, while an operation it cannot answer costs the run seconds, not minutes.
  context: () => ({ sessionConfig: { database }, transaction: { timeout: Number(process.env.BENCH_NGQL_TIMEOUT_MS ?? 30_000) } }),
});
const server = http.createServer((req, res) => {
  if (req.url === '/__bench/stats') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ rssMb: process.memoryUsage().rss / 2 ** 20, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
    return;
  }
  void yoga(req, res);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port, pid: process.pid })}\n`);
});
const shutdown = () => {
  server.close();
  server.closeAllConnections();
  void driver.close().finally(() => process.exit(0));
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
