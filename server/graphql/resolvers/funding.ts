/** Resolvers of fundingFlows, fundingTotals and FundingFlow. */
import type { FundingFilter, Resolvers, Row } from '../generated/schema-types.ts';
import { listFlows, totals, NO_AUTHORITY_KEY, type FlowCursor, type FlowFilter } from '../../repositories/funding.ts';
import { wantOf, child, type Want } from '../selection.ts';
import { provenanceWants } from '../provenance.ts';
import { LIMITS, idArg, idListArg, intArg, yearWindow } from '../limits.ts';
import { badInput } from '../errors.ts';
import { checkNested, decodeCursor, encodeCursor, withSources } from './common.ts';

/** Validates a FundingFilter argument into the repository's filter. */
export function flowFilter(f: FundingFilter | null | undefined, name = 'filter'): FlowFilter {
  const v = f ?? {};
  const min = v.minAmountUsd ?? null;
  if (min !== null && (!Number.isFinite(min) || min < 0)) throw badInput(`${name}.minAmountUsd`, 'must be a number of US dollars, 0 or more');
  const opt = (k: string, x: string | null | undefined) => (x === null || x === undefined ? null : idArg(`${name}.${k}`, x));
  if (v.includeDescendants && !v.authority) throw badInput(`${name}.includeDescendants`, 'needs an authority');
  return {
    donor: opt('donor', v.donor),
    donors: idListArg(`${name}.donors`, v.donors),
    recipient: opt('recipient', v.recipient),
    recipients: idListArg(`${name}.recipients`, v.recipients),
    recipientCountry: opt('recipientCountry', v.recipientCountry),
    authority: opt('authority', v.authority),
    includeDescendants: v.includeDescendants ?? false,
    ...yearWindow(v.yearFrom, v.yearTo),
    minAmountUsd: min,
  };
}

const isFlowCursor = (v: unknown): v is FlowCursor =>
  typeof v === 'object' && v !== null && typeof (v as FlowCursor).amountUsd === 'number' && typeof (v as FlowCursor).id === 'string';

/** Union of two look-ahead trees (for the two fields that return the excluded flows). */
function union(a: Want | undefined, b: Want | undefined): Want | undefined {
  if (!a) return b;
  if (!b) return a;
  return new Map([...b, ...a]);
}

export const fundingResolvers: Resolvers = {
  Query: {
    fundingFlows: async (_p, args, ctx, info) => {
      const first = intArg('first', args.first, LIMITS.pageSize.default, 0, LIMITS.pageSize.max);
      const after = decodeCursor('after', args.after, isFlowCursor);
      const page = await listFlows(ctx.db, flowFilter(args.filter), first, after, checkNested(child(wantOf(info), 'nodes')) ?? new Map(), provenanceWants(info));
      const last = page.rows[page.rows.length - 1];
      return {
        nodes: page.rows,
        totalCount: page.totalCount,
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: last ? encodeCursor({ amountUsd: last.amountUsd, id: last.id }) : null },
      };
    },
    fundingTotals: async (_p, args, ctx, info) => {
      const filter = flowFilter(args.filter);
      const want = wantOf(info);
      const excludedWant = checkNested(union(child(want, 'excluded'), child(want, 'exclusions', 'flow')));
      const row = await totals(ctx.db, args.groupBy, filter, excludedWant, LIMITS.excludedFlows, provenanceWants(info));
      const groups = row.groups.map((g) => ({
        ...g,
        label: g.label ?? (args.groupBy === 'AUTHORITY' && g.key === NO_AUTHORITY_KEY ? 'No authority recorded' : g.key),
      }));
      if (args.groupBy === 'YEAR') groups.sort((a, b) => a.key.localeCompare(b.key));
      else groups.sort((a, b) => b.amountUsd - a.amountUsd || a.key.localeCompare(b.key));
      return { ...row, groups, excluded: row.excluded.map((x) => x.flow), exclusions: row.excluded };
    },
  },
  FundingFlow: { ...withSources },
};

/** Exported for the dependencies resolvers. */
export type { Row };
