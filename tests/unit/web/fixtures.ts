/** Complete API-shaped records for the page's unit tests (every nullable field set). */
import type { AuthorityRef, FundingFlow, GraphEdge, GraphNode } from '../../../web/src/api/types.ts';

export function node(id: string, extra: Partial<GraphNode> = {}): GraphNode {
  return { id, labels: ['Entity'], name: id.toUpperCase(), kind: 'State', description: null, citation: null, year: null, amountUsd: null, ...extra };
}

export function edge(id: string, source: string, target: string, extra: Partial<GraphEdge> = {}): GraphEdge {
  return { id, source, target, type: 'TRAINED', start: null, end: null, note: null, amountUsd: null, authority: null, fundingId: null, ...extra };
}

export function authority(id: string, extra: Partial<AuthorityRef> = {}): AuthorityRef {
  return { id, name: id, kind: 'Authority', citation: null, enacted: null, title: null, ...extra };
}

export function flow(id: string, donor: string, recipient: string, amountUsd: number, under: string | null): FundingFlow {
  return {
    id,
    donor: { id: donor, name: donor, kind: 'State' },
    recipient: { id: recipient, name: recipient, kind: 'State' },
    authority: under ? authority(under) : null,
    amountUsd,
    fyStart: 2016,
    fyEnd: 2016,
    precision: 'EXACT',
    basis: 'TOTAL',
    partOf: null,
    purpose: null,
    note: null,
    evidence: 'STATED',
    sources: [],
  };
}
