/**
 * A stable digest of a whole graph: every node (sorted labels + properties) and every
 * relationship (type, the `id` of both ends, properties). Two graphs with the same content have
 * the same checksum whatever their internal ids or creation order; used to compare a load with
 * a clean load after an interruption, and to prove that a rejected input changed nothing.
 */
import { createHash } from 'node:crypto';
import neo4j, { type Driver } from 'neo4j-driver';

/** Counts and digest of a graph. */
export interface GraphDigest {
  nodes: number;
  relationships: number;
  checksum: string;
}

/** Plain JSON of a property value, whatever the driver's integer setting. */
function plain(value: unknown): unknown {
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value as object).sort()) out[key] = plain((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

function digestOf(lines: string[]): string {
  lines.sort();
  const hash = createHash('sha256');
  for (const line of lines) hash.update(line).update('\n');
  return hash.digest('hex');
}

/** Counts and checksum of every node and relationship of `database`. */
export async function graphDigest(driver: Driver, database: string): Promise<GraphDigest> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const nodeLines: string[] = [];
    const nodes = await session.run('MATCH (n) RETURN labels(n) AS labels, properties(n) AS props');
    for (const r of nodes.records) {
      const labels = [...(r.get('labels') as string[])].sort();
      nodeLines.push(JSON.stringify([labels, plain(r.get('props'))]));
    }
    const relLines: string[] = [];
    const rels = await session.run('MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props');
    for (const r of rels.records) {
      relLines.push(JSON.stringify([r.get('type'), r.get('from'), r.get('to'), plain(r.get('props'))]));
    }
    const checksum = createHash('sha256').update(digestOf(nodeLines)).update(digestOf(relLines)).digest('hex');
    return { nodes: nodeLines.length, relationships: relLines.length, checksum };
  } finally {
    await session.close();
  }
}

/** The checksum alone (see graphDigest). */
export async function graphChecksum(driver: Driver, database: string): Promise<string> {
  return (await graphDigest(driver, database)).checksum;
}
