/** All resolvers, merged from one module per feature. */
import type { Resolvers } from '../generated/schema-types.ts';
import { entityResolvers } from './entities.ts';
import { subgraphResolvers } from './subgraph.ts';
import { fundingResolvers } from './funding.ts';
import { curationResolvers } from './curation.ts';
import { eventResolvers } from './events.ts';
import { citedByResolvers } from './cited-by.ts';
import { summaryResolvers } from './summary.ts';
import { comparisonResolvers } from './comparison.ts';

const parts: Resolvers[] = [entityResolvers, subgraphResolvers, fundingResolvers, curationResolvers, eventResolvers, citedByResolvers, summaryResolvers, comparisonResolvers];

/** The resolver map of the schema. */
export const resolvers = parts.reduce<Record<string, Record<string, unknown>>>((all, part) => {
  for (const [type, fields] of Object.entries(part)) all[type] = { ...(all[type] ?? {}), ...(fields as Record<string, unknown>) };
  return all;
}, {});
