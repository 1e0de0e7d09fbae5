/** Full-text search over the `entity_search` index (names, aliases, descriptions). */
import type { Database } from '../db/database.ts';
import { Statement } from './cypher.ts';

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

/** Ranked hits; `kinds` filters by NodeKind (actor kind, Authority, Event). */
export async function searchEntities(db: Database, lucene: string, first: number, kinds: string[] | null): Promise<SearchRow[]> {
  const st = new Statement();
  const q = st.param(lucene);
  const k = st.param(kinds);
  // Ask the index for more when filtering by kind, so that the filter does not starve the page.
  const fetch = st.param(kinds ? Math.min(first * 10, 500) : first);
  const cypher = `
    CALL db.index.fulltext.queryNodes('entity_search', ${q}, {limit: ${fetch}}) YIELD node, score
    WITH node, score, CASE WHEN node:Authority THEN 'Authority' WHEN node:Event THEN 'Event' ELSE node.kind END AS nodeKind
    WHERE ${k} IS NULL OR nodeKind IN ${k}
    RETURN node.id AS id, node.name AS name, labels(node) AS labels, nodeKind AS kind, node.aliases AS aliases,
           node.description AS description, score
    ORDER BY score DESC, name LIMIT ${st.param(first)}`;
  return db.read<SearchRow & Record<string, unknown>>(cypher, st.params);
}
