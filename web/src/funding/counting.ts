/**
 * "How this was counted": which of the flows shown the API summed in full, which it did not and
 * why, in plain words. Every figure is the API's (a flow's stated amount, or what the API says an
 * excluded flow still adds); the panel sorts flows into the API's lists and sums nothing.
 */
import type { FundingAnswer } from '../api/queries.ts';
import type { ExclusionReason, FundingFlow } from '../api/types.ts';
import { h } from '../ui/dom.ts';
import { formatFiscalYears, formatUsd } from '../ui/format.ts';
import { precisionText, totalText } from './state.ts';

/** The reason a flow is not summed in full, as an analyst would say it. */
export function reasonText(reason: ExclusionReason, yearsShown: string | null): string {
  switch (reason) {
    case 'AVERAGE':
      return 'A yearly average, not money given in a particular year: averages are never added to totals.';
    case 'OUTSIDE_WINDOW':
      return `A multi-year total that reaches outside ${yearsShown ?? 'the years chosen'}: the source does not say how it splits by year, so none of it is added and the totals are marked “at least”.`;
    case 'PARTS_COUNTED':
      return 'A wider flow whose parts are listed on their own: the parts are counted, and only what they leave unexplained is added.';
  }
}

export interface CountingRow {
  flow: FundingFlow;
  /** Null when the flow is summed in full. */
  reason: ExclusionReason | null;
  /** What the API says the flow still adds when it is not summed in full. */
  countedUsd: number | null;
}

/** The flows shown, split into counted in full and not (by the API's exclusions). */
export function countingRows(answer: Pick<FundingAnswer, 'flows' | 'byDonor'>): { counted: CountingRow[]; notCounted: CountingRow[] } {
  const excluded = new Map(answer.byDonor.exclusions.map((x) => [x.flow.id, x]));
  const counted: CountingRow[] = [];
  const notCounted: CountingRow[] = [];
  for (const flow of answer.flows.nodes) {
    const x = excluded.get(flow.id);
    if (x) notCounted.push({ flow, reason: x.reason, countedUsd: x.countedUsd });
    else counted.push({ flow, reason: null, countedUsd: null });
  }
  return { counted, notCounted };
}

function flowLine(row: CountingRow, yearsShown: string | null): HTMLElement {
  const f = row.flow;
  const mark = precisionText(f);
  return h(
    'li',
    { 'data-flow': f.id, 'data-reason': row.reason ?? 'COUNTED' },
    h('span', { class: 'amount' }, formatUsd(f.amountUsd)),
    `${f.donor.name} → ${f.authority?.name ?? 'no authority recorded'} → ${f.recipient.name}, ${formatFiscalYears(f.fyStart, f.fyEnd)}`,
    mark ? h('span', { class: 'muted' }, ` (${mark})`) : null,
    row.reason
      ? h('div', { class: 'note' }, reasonText(row.reason, yearsShown), row.countedUsd ? ` Still added: ${formatUsd(row.countedUsd)}.` : '')
      : null,
  );
}

/** The panel, collapsed by default (it is long); `yearsShown` names the year window in words. */
export function countingPanel(answer: Pick<FundingAnswer, 'flows' | 'byDonor'>, yearsShown: string | null): HTMLElement {
  const { counted, notCounted } = countingRows(answer);
  const t = answer.byDonor;
  const hidden = t.excludedCount - notCounted.length;
  return h(
    'details',
    { class: 'counting', id: 'funding-counting' },
    h('summary', {}, 'How this was counted'),
    h(
      'p',
      {},
      `Total ${totalText(t)} from ${t.flowCount} flow${t.flowCount === 1 ? '' : 's'} counted; `,
      `${t.excludedCount} matched flow${t.excludedCount === 1 ? ' was' : 's were'} not summed in full. `,
      'A flow stated per year counts once for each of its years inside the window. “~” marks a total with an approximate flow in it, “≥” one with a lower bound.',
    ),
    h('h4', {}, `Counted (${counted.length})`),
    h('ul', { class: 'plain counting-list', id: 'counting-counted' }, ...counted.map((r) => flowLine(r, yearsShown))),
    h('h4', {}, `Not summed in full (${notCounted.length})`),
    h('ul', { class: 'plain counting-list', id: 'counting-excluded' }, ...notCounted.map((r) => flowLine(r, yearsShown))),
    hidden > 0 ? h('p', { class: 'muted' }, `${hidden} more not listed here.`) : null,
  );
}
