/**
 * Ids a data set references without defining them may name records already in the database
 * (an analyst's folder that extends the seed). This looks them up, with their kind.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import type { KnownKind } from '../domain/validate/cross-checks.ts';
import type { RawDataset } from '../domain/records.ts';

const REF_FIELDS = ['country', 'from', 'to', 'donor', 'recipient', 'authority', 'partOf', 'source', 'section'];

/** Ids referenced by the raw records but defined by none of them. */
export function undefinedReferences(raw: RawDataset): string[] {
  const defined = new Set<string>();
  const referenced = new Set<string>();
  const add = (v: unknown) => {
    if (typeof v === 'string') referenced.add(v.trim());
  };
  for (const r of raw.records) {
    if (typeof r.fields.id === 'string') defined.add(r.fields.id);
    for (const f of REF_FIELDS) if (!(r.kind === 'sources' && f === 'source')) add(r.fields[f]);
    const cite = r.fields.cite;
    for (const c of Array.isArray(cite) ? cite : cite && typeof cite === 'object' ? [cite] : []) {
      if (c && typeof c === 'object') {
        add((c as Record<string, unknown>).source);
        add((c as Record<string, unknown>).section);
      }
    }
  }
  return [...referenced].filter((id) => id !== '' && !defined.has(id));
}

/** Finds each of `$ids` among entities, flows and sources, with what {@link knownKind} needs. */
export const KNOWN_IDS_LOOKUP = `UNWIND $ids AS id
  CALL (id) {
    OPTIONAL MATCH (n:Entity {id: id}) RETURN n
    UNION
    OPTIONAL MATCH (n:Funding {id: id}) RETURN n
    UNION
    OPTIONAL MATCH (n:Source {id: id}) RETURN n
  }
  WITH id, n WHERE n IS NOT NULL
  RETURN id, labels(n) AS labels, n.kind AS kind, n.partOf AS partOf`;

/** A row of {@link KNOWN_IDS_LOOKUP}. */
export interface KnownIdRecord {
  get(key: 'id' | 'labels' | 'kind' | 'partOf'): unknown;
}

/** The kinds of the ids found by {@link KNOWN_IDS_LOOKUP}. */
export function knownKinds(records: readonly KnownIdRecord[]): Map<string, KnownKind> {
  const known = new Map<string, KnownKind>();
  for (const r of records) {
    const labels = r.get('labels') as string[];
    const kind = (r.get('kind') as string | null) ?? '';
    const id = r.get('id') as string;
    if (labels.includes('Actor')) known.set(id, { kind: 'actor', actorKind: kind });
    else if (labels.includes('Authority')) known.set(id, { kind: 'authority' });
    else if (labels.includes('Event')) known.set(id, { kind: 'event' });
    else if (labels.includes('Funding')) known.set(id, { kind: 'funding' });
    else if (labels.includes('Source')) known.set(id, { kind: 'source', sourceKind: kind, partOf: (r.get('partOf') as string | null) ?? null });
  }
  return known;
}

/** Kinds of the referenced-but-undefined ids that exist in the database (none when it is empty). */
export async function knownIdsFor(driver: Driver, database: string, raw: RawDataset): Promise<Map<string, KnownKind> | undefined> {
  const ids = undefinedReferences(raw);
  if (ids.length === 0) return undefined;
  const result = await driver.executeQuery(KNOWN_IDS_LOOKUP, { ids }, { database, routing: neo4j.routing.READ });
  return knownKinds(result.records);
}
