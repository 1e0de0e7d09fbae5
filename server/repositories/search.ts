/** Full-text search over the `entity_search` index (names, aliases, descriptions). */
import type { Database } from '../db/database.ts';
import { Statement, type CypherStatement } from './cypher.ts';
import { readRows } from './read.ts';
import type { SearchPlan } from './plan.ts';

/** A raw search hit. */
export interface SearchRow {
  id: string;
  name: string;
  labels: string[];
  kind: string;
  aliases: string[] | null;
  description: string | null;
  score: number;
}

/** A hit with the field that matched. */
export interface SearchHitRow extends SearchRow {
  matched: 'name' | 'alias' | 'description' | null;
}

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * Turns free text into a Lucene query: every word must match somewhere (whole word, prefix for
 * typing, or from five letters a near spelling), matches in the name or an alias weigh more than
 * in the description, and the whole text as a phrase in a name or alias weighs most.
 * Returns null when no word is left.
 */
export function toLuceneQuery(text: string): string | null {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .map((w) => w.replace(LUCENE_SPECIAL, ''))
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  const clause = (w: string) => {
    const parts = [`name:${w}^4`, `aliasText:${w}^4`, `description:${w}`, `name:${w}*^2`, `aliasText:${w}*^2`, `description:${w}*^0.5`];
    if (w.length >= 5) parts.push(`name:${w}~1`, `aliasText:${w}~1`);
    return `+(${parts.join(' ')})`;
  };
  const phrase = words.join(' ');
  return `${words.map(clause).join(' ')} name:"${phrase}"^8 aliasText:"${phrase}"^8`;
}

/** The statement of search; the kind filter only when kinds are given. */
export function searchStatement(plan: SearchPlan): CypherStatement {
  const st = new Statement();
  const q = st.param(plan.lucene);
  // Ask the index for more when filtering by kind, so that the filter does not starve the page.
  const fetch = st.param(plan.kinds ? Math.min(plan.first * 10, 500) : plan.first);
  const where = plan.kinds ? `\n    WHERE nodeKind IN ${st.param(plan.kinds)}` : '';
  return st.build(`
    CALL db.index.fulltext.queryNodes('entity_search', ${q}, {limit: ${fetch}}) YIELD node, score
    WITH node, score, CASE WHEN node:Authority THEN 'Authority' WHEN node:Event THEN 'Event' ELSE node.kind END AS nodeKind${where}
    RETURN node.id AS id, node.name AS name, labels(node) AS labels, nodeKind AS kind, node.aliases AS aliases,
           node.description AS description, score
    ORDER BY score DESC, name LIMIT ${st.param(plan.first)}`);
}

/** Ranked hits, each with the field that matched. */
export async function searchEntities(db: Database, plan: SearchPlan): Promise<SearchHitRow[]> {
  const hits = await readRows<SearchRow>(db, searchStatement(plan));
  return hits.map((h) => ({ ...h, matched: matchedField(h, plan.text) }));
}

/** Which field of a hit holds the words: name, alias or description. */
export function matchedField(hit: Pick<SearchRow, 'name' | 'aliases' | 'description'>, text: string): 'name' | 'alias' | 'description' | null {
  const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const has = (s: string | null) => s !== null && words.some((w) => s.toLowerCase().includes(w));
  if (has(hit.name)) return 'name';
  if ((hit.aliases ?? []).some(has)) return 'alias';
  if (has(hit.description)) return 'description';
  return null;
}
