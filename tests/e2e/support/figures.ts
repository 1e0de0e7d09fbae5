/**
 * The API's own figures for the consistency test, fetched by the test through /graphql with its
 * own documents (not the page's), and a reader of amounts as the page writes them ("≥ $1.8B").
 */
import { graphql } from './app.ts';

export interface Window {
  name: string;
  /** The URL's year parameters, as a user's link would carry them. */
  hash: string;
  yearFrom?: number;
  yearTo?: number;
}

/** Six windows and more: every year, one year, a span, "as of", a narrow span. */
export const WINDOWS: Window[] = [
  { name: 'all years', hash: '' },
  { name: '2011 only', hash: 'years=between&from=2011&to=2011', yearFrom: 2011, yearTo: 2011 },
  { name: '2016 only', hash: 'years=between&from=2016&to=2016', yearFrom: 2016, yearTo: 2016 },
  { name: '2009-2018', hash: 'years=between&from=2009&to=2018', yearFrom: 2009, yearTo: 2018 },
  { name: 'as of 2013', hash: 'years=asof&from=2013', yearFrom: 2013, yearTo: 2013 },
  { name: 'between 2012 and 2014', hash: 'years=between&from=2012&to=2014', yearFrom: 2012, yearTo: 2014 },
];

export interface Group {
  key: string;
  amountUsd: number;
  lowerBound: boolean;
  approximate: boolean;
}

export interface Totals extends Omit<Group, 'key'> {
  groups: Group[];
  exclusions: { reason: string; flow: { id: string } }[];
}

export interface GraphEdgeTruth {
  id: string;
  source: string;
  target: string;
  leg: 'DONOR_AUTHORITY' | 'AUTHORITY_RECIPIENT';
  amountUsd: number;
  lowerBound: boolean;
  approximate: boolean;
}

export interface Truth {
  graph: { edges: GraphEdgeTruth[]; omittedEdges: number };
  byDonor: Totals;
  byAuthority: Totals;
  byRecipient: Totals;
  flows: { id: string; amountUsd: number }[];
}

const TRUTH = `
  query Truth($f: FundingFilter, $first: Int) {
    byDonor: fundingTotals(groupBy: DONOR, filter: $f) { ...T }
    byAuthority: fundingTotals(groupBy: AUTHORITY, filter: $f) { ...T }
    byRecipient: fundingTotals(groupBy: RECIPIENT, filter: $f) { ...T }
    fundingFlows(filter: $f, first: $first) { nodes { id amountUsd } }
    graph: fundingGraph(filter: $f) { edges { id source target leg amountUsd lowerBound approximate } omittedEdges }
  }
  fragment T on FundingTotals { amountUsd lowerBound approximate groups { key amountUsd lowerBound approximate } exclusions { reason flow { id } } }`;

/**
 * `ask`, asked again (up to three times) when the server says it ran out of time: the shared
 * test machine is loaded, and a slow answer is not a wrong one.
 */
export async function patiently<T>(ask: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ask();
    } catch (err) {
      if (attempt >= 3 || !/timeout|did not answer in time/i.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 2000 * attempt));
    }
  }
}

/** The API's totals and flows for a window (and an optional recipient). */
export async function truth(baseUrl: string, w: Window, extra: Record<string, unknown> = {}): Promise<Truth> {
  const filter = { yearFrom: w.yearFrom, yearTo: w.yearTo, ...extra };
  const data = await patiently(() => graphql<Omit<Truth, 'flows'> & { fundingFlows: { nodes: Truth['flows'] } }>(baseUrl, TRUTH, { f: filter, first: 500 }));
  return { ...data, flows: data.fundingFlows.nodes };
}

export interface ShownAmount {
  value: number;
  /** Half a unit of the last digit shown: the most rounding can move a figure. */
  tolerance: number;
  mark: '' | '≥' | '~';
}

const UNITS: Record<string, number> = { '': 1, K: 1e3, M: 1e6, B: 1e9, T: 1e12 };

/** The amount at the end of `text` ("Kenya  ≥ $341M"), or null when it shows none. */
export function shownAmount(text: string): ShownAmount | null {
  const m = /(?:(≥|~) )?\$(\d+(?:\.(\d+))?)([KMBT]?)\s*$/.exec(text.trim());
  if (!m) return null;
  const unit = UNITS[m[4] ?? ''] ?? 1;
  const decimals = m[3]?.length ?? 0;
  return { value: Number(m[2]) * unit, tolerance: 0.5 * unit * 10 ** -decimals, mark: (m[1] ?? '') as ShownAmount['mark'] };
}

/** The mark a figure must carry for the API's flags. */
export function expectedMark(g: { lowerBound: boolean; approximate: boolean }): ShownAmount['mark'] {
  return g.lowerBound ? '≥' : g.approximate ? '~' : '';
}
