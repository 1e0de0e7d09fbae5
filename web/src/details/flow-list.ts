/**
 * Funding flows in the details panel: a list rather than a table (the panel is narrow), each flow
 * with its parties as node links, its amount as the API gives it, its evidence and its citations.
 */
import type { FundingFlow } from '../api/types.ts';
import { h } from '../ui/dom.ts';
import { formatFiscalYears } from '../ui/format.ts';
import { flowAmount } from './amount.ts';
import type { PlaceActions } from './cited-by.ts';
import { citationCount, citationList } from './citations.ts';
import { evidenceText } from './parts.ts';

/** Which party a row names: the donor, the recipient, or both. */
export type FlowSide = 'donor' | 'recipient' | 'both';

/** What the list needs from the panel. */
export interface FlowListActions extends PlaceActions {
  /** A node link (kind swatch and name) that navigates to `id`. */
  link(id: string, name: string, kind?: string): HTMLElement;
}

function party(f: FundingFlow, side: FlowSide, a: FlowListActions): HTMLElement {
  const donor = () => a.link(f.donor.id, f.donor.name, f.donor.kind);
  const recipient = () => a.link(f.recipient.id, f.recipient.name, f.recipient.kind);
  return side === 'donor' ? donor() : side === 'recipient' ? recipient() : h('span', {}, donor(), ' → ', recipient());
}

function flowItem(f: FundingFlow, side: FlowSide, a: FlowListActions): HTMLElement {
  return h(
    'li',
    { class: 'flow', 'data-flow': f.id },
    h('div', { class: 'flow-head' }, party(f, side, a), h('span', { class: 'flow-amount', title: `${f.basis.toLowerCase()}${f.partOf ? ', part of a larger recorded flow' : ''}` }, flowAmount(f))),
    h(
      'div',
      { class: 'flow-meta muted' },
      formatFiscalYears(f.fyStart, f.fyEnd),
      f.authority ? [' · under ', a.link(f.authority.id, f.authority.name)] : ' · authority not stated',
      f.partOf ? ' · part of a larger recorded flow' : '',
      ' · ',
      evidenceText(f.evidence),
    ),
    f.purpose || f.note ? h('div', { class: 'note' }, [f.purpose, f.note].filter(Boolean).join(' — ')) : null,
    h('details', { class: 'rel-sources' }, h('summary', {}, citationCount(f.sources)), citationList(f.sources, a)),
  );
}

/** A titled list of flows with the number listed; null when there are none. */
export function flowList(title: string, flows: FundingFlow[], side: FlowSide, a: FlowListActions): HTMLElement | null {
  if (!flows.length) return null;
  return h(
    'section',
    { class: 'funding-block' },
    h('h3', {}, `${title} `, h('span', { class: 'muted' }, `(${flows.length})`)),
    h('ul', { class: 'flows' }, ...flows.map((f) => flowItem(f, side, a))),
  );
}
