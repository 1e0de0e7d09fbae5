/** Resolver of search: ranked full-text hits with their kind and the field that matched. */
import type { Resolvers, Row } from '../generated/schema-types.ts';
import { searchEntities, toLuceneQuery } from '../../repositories/search.ts';
import { LIMITS, intArg } from '../limits.ts';
import { badInput } from '../errors.ts';

/** Which field of a hit holds the words: name, alias or description. */
function matchedField(hit: Row, text: string): string | null {
  const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const has = (s: unknown) => typeof s === 'string' && words.some((w) => s.toLowerCase().includes(w));
  if (has(hit.name)) return 'name';
  if (((hit.aliases as string[] | null) ?? []).some(has)) return 'alias';
  if (has(hit.description)) return 'description';
  return null;
}

export const searchResolvers: Resolvers = {
  Query: {
    search: async (_p, args, ctx) => {
      if (args.text.length > LIMITS.searchText) throw badInput('text', `at most ${LIMITS.searchText} characters`);
      const first = intArg('first', args.first, LIMITS.search.default, 1, LIMITS.search.max);
      const lucene = toLuceneQuery(args.text);
      if (!lucene) throw badInput('text', 'needs at least one letter or digit');
      const hits = await searchEntities(ctx.db, lucene, first, args.kinds ?? null);
      return hits.map((h) => ({ ...h, matched: matchedField(h, args.text) }));
    },
  },
};
