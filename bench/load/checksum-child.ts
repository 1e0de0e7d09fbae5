/**
 * Child process: the loader's checksum of the whole graph (seed/loader/checksum.ts), printed as
 * `{"digest": {...}}`. In its own process because it holds every node and relationship of the
 * graph in memory at once (L: millions of lines), which the bench's own process must not.
 * Env: NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE.
 */
import neo4j from 'neo4j-driver';
import { graphDigest } from '../../seed/loader/checksum.ts';

const driver = neo4j.driver(
  process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687',
  neo4j.auth.basic(process.env.NEO4J_USERNAME ?? 'neo4j', process.env.NEO4J_PASSWORD ?? 'aidgraph-dev'),
);
try {
  const t0 = performance.now();
  const digest = await graphDigest(driver, process.env.NEO4J_DATABASE ?? 'neo4j');
  process.stdout.write(`${JSON.stringify({ digest: { ...digest, ms: performance.now() - t0 } })}\n`);
} finally {
  await driver.close();
}
