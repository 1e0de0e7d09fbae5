/** Counts nodes by label and relationships by type, to check two loads built the same graph. */
import neo4j from 'neo4j-driver';
import type { BenchNeo4j } from '../lib/bench-neo4j.ts';

/** Label and relationship-type counts of the whole database. */
export interface GraphCensus {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
}

/** Reads the census (uses the count store: cheap even on L). */
export async function graphCensus(db: BenchNeo4j): Promise<GraphCensus> {
  const driver = neo4j.driver(db.uri, neo4j.auth.basic(db.username, db.password), { disableLosslessIntegers: true });
  try {
    const census: GraphCensus = { nodes: {}, relationships: {} };
    const labels = await driver.executeQuery('CALL db.labels() YIELD label RETURN label', {}, { database: db.database });
    for (const r of labels.records) {
      const label = String(r.get('label'));
      // Labels come from the database itself (db.labels), quoted.
      const c = await driver.executeQuery(`MATCH (n:\`${label.replace(/`/g, '')}\`) RETURN count(n) AS c`, {}, { database: db.database });
      census.nodes[label] = Number(c.records[0].get('c'));
    }
    const types = await driver.executeQuery('CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType AS t', {}, { database: db.database });
    for (const r of types.records) {
      const type = String(r.get('t'));
      const c = await driver.executeQuery(`MATCH ()-[x:\`${type.replace(/`/g, '')}\`]->() RETURN count(x) AS c`, {}, { database: db.database });
      census.relationships[type] = Number(c.records[0].get('c'));
    }
    return census;
  } finally {
    await driver.close();
  }
}

/** Differences between two censuses (label or type -> [a, b]), ignoring zero counts. */
export function censusDiff(a: GraphCensus, b: GraphCensus): Record<string, [number, number]> {
  const diff: Record<string, [number, number]> = {};
  for (const kind of ['nodes', 'relationships'] as const) {
    const keys = new Set([...Object.keys(a[kind]), ...Object.keys(b[kind])]);
    for (const k of keys) {
      const x = a[kind][k] ?? 0;
      const y = b[kind][k] ?? 0;
      if (x !== y) diff[`${kind}:${k}`] = [x, y];
    }
  }
  return diff;
}
