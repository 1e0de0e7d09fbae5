/**
 * The funding filter in Cypher: only the fields that are set become conditions, so that Neo4j
 * can plan an index seek on the ones given instead of a disjunction it cannot use.
 */
import { all, flowOverlaps, windowRefs, type Statement, type WindowRefs } from './cypher.ts';
import { downStep, lineageRefs } from './lineage.ts';
import type { FlowFilter } from './plan.ts';

/** An empty filter (everything). */
export const NO_FILTER: FlowFilter = {
  donor: null, donors: null, recipient: null, recipients: null, recipientCountry: null,
  authority: null, includeDescendants: false, yearFrom: null, yearTo: null, minAmountUsd: null, evidence: null,
};

/** A funding filter bound to one statement. */
export interface FilterRefs {
  window: WindowRefs;
  /** Statement text that binds `authIds` (null when no authority filter). */
  prelude: string;
  /** The conditions on flow variable `f`. */
  where: (f: string) => string;
}

/** Binds the filter; the conditions included are chosen by code from which fields are set. */
export function filterRefs(st: Statement, filter: FlowFilter): FilterRefs {
  const window = windowRefs(st, filter);
  const conds: ((f: string) => string)[] = [(f) => flowOverlaps(f, window)];
  const eq = (value: string | null, test: (f: string, ref: string) => string) => {
    if (value === null) return;
    const ref = st.param(value);
    conds.push((f) => test(f, ref));
  };
  const among = (values: string[] | null, prop: string) => {
    if (values === null) return;
    const ref = st.param(values);
    conds.push((f) => `${f}.${prop} IN ${ref}`);
  };
  eq(filter.donor, (f, r) => `${f}.donorId = ${r}`);
  among(filter.donors, 'donorId');
  eq(filter.recipient, (f, r) => `${f}.recipientId = ${r}`);
  among(filter.recipients, 'recipientId');
  eq(filter.recipientCountry, (f, r) => `(${f}.recipientId = ${r} OR EXISTS { MATCH (${f})-[:TO]->(rcx:Actor) WHERE rcx.country = ${r} })`);
  if (filter.evidence !== null) {
    // A flow stored without evidence is STATED, the default of the data format.
    const levels = st.param(filter.evidence);
    conds.push((f) => `coalesce(${f}.evidence, 'STATED') IN ${levels}`);
  }
  if (filter.minAmountUsd !== null) {
    const min = st.param(filter.minAmountUsd);
    conds.push((f) => `${f}.amountUsd >= ${min}`);
  }
  let prelude = 'WITH null AS authIds';
  if (filter.authority) {
    const a = st.param(filter.authority);
    conds.push((f) => `${f}.authorityId IN authIds`);
    prelude = filter.includeDescendants
      ? `CALL () {
          OPTIONAL MATCH (aroot:Entity:Authority {id: ${a}})
          OPTIONAL MATCH (aroot) ((x)-[r]-(y:Authority) WHERE ${downStep(lineageRefs(st), 'x', 'r')}){1,10} (adesc)
          RETURN [${a}] + collect(DISTINCT adesc.id) AS authIds
        }`
      : `WITH [${a}] AS authIds`;
  }
  return { window, prelude, where: (f) => all(conds.map((c) => c(f))) };
}
