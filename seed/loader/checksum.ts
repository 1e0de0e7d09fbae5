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

/** Keeps the low 256 bits: the sum is taken modulo 2^256. */
const LOW_256_BITS = (1n << 256n) - 1n;

/**
 * An order-independent digest of lines, kept as they stream past: the sum of their SHA-256
 * values modulo 2^256 (a multiset hash). No line is kept, so a graph of millions of elements
 * needs no more memory than one record.
 */
class LineSum {
  private sum = 0n;
  count = 0;

  add(line: string): void {
    this.sum = (this.sum + BigInt(`0x${createHash('sha256').update(line).digest('hex')}`)) & LOW_256_BITS;
    this.count++;
  }

  hex(): string {
    return this.sum.toString(16).padStart(64, '0');
  }
}

/** Counts and checksum of every node and relationship of `database`, read as a stream. */
export async function graphDigest(driver: Driver, database: string): Promise<GraphDigest> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const nodes = new LineSum();
    for await (const r of session.run('MATCH (n) RETURN labels(n) AS labels, properties(n) AS props')) {
      const labels = [...(r.get('labels') as string[])].sort();
      nodes.add(JSON.stringify([labels, plain(r.get('props'))]));
    }
    const rels = new LineSum();
    for await (const r of session.run('MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props')) {
      rels.add(JSON.stringify([r.get('type'), r.get('from'), r.get('to'), plain(r.get('props'))]));
    }
    const checksum = createHash('sha256').update(nodes.hex()).update(rels.hex()).digest('hex');
    return { nodes: nodes.count, relationships: rels.count, checksum };
  } finally {
    await session.close();
  }
}

/** The checksum alone (see graphDigest). */
export async function graphChecksum(driver: Driver, database: string): Promise<string> {
  return (await graphDigest(driver, database)).checksum;
}
