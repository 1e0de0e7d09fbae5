/**
 * Visual vocabulary: colour and shape per node kind, colour and line per relationship family.
 * The legend, the filters and the Cytoscape stylesheet all read from here.
 */
import type { NodeKind } from '../api/types.ts';

export interface KindStyle {
  color: string;
  shape: string;
  label: string;
}

/** Node kinds in legend order. */
export const NODE_KINDS: NodeKind[] = [
  'State',
  'GovernmentBody',
  'InternationalOrg',
  'Mission',
  'MilitaryUnit',
  'ArmedGroup',
  'Person',
  'Company',
  'Organization',
  'Authority',
  'Event',
];

/** The node kinds that are actors (everything but authorities, events and flows). */
export const ACTOR_NODE_KINDS: NodeKind[] = NODE_KINDS.filter((kind) => kind !== 'Authority' && kind !== 'Event');

export const KIND_STYLES: Record<NodeKind, KindStyle> = {
  State: { color: '#2f5d8c', shape: 'hexagon', label: 'State' },
  GovernmentBody: { color: '#5b9bd5', shape: 'round-rectangle', label: 'Government body' },
  InternationalOrg: { color: '#1f9e89', shape: 'round-octagon', label: 'International org.' },
  Mission: { color: '#7cb342', shape: 'diamond', label: 'Mission' },
  MilitaryUnit: { color: '#6a4c93', shape: 'triangle', label: 'Military unit' },
  ArmedGroup: { color: '#c0392b', shape: 'pentagon', label: 'Armed group' },
  Person: { color: '#e07a5f', shape: 'ellipse', label: 'Person' },
  Company: { color: '#8d6e63', shape: 'barrel', label: 'Company' },
  Organization: { color: '#78909c', shape: 'rhomboid', label: 'Organization (think tank, university, media)' },
  Authority: { color: '#d4a017', shape: 'cut-rectangle', label: 'Authority' },
  Event: { color: '#f28c28', shape: 'star', label: 'Event' },
  Funding: { color: '#2e7d32', shape: 'round-tag', label: 'Funding' },
};

export interface EdgeFamily {
  id: string;
  label: string;
  color: string;
  line: 'solid' | 'dashed' | 'dotted';
  types: string[];
}

/** Relationship families: every allow-listed type belongs to one; unknown types fall in "other". */
export const EDGE_FAMILIES: EdgeFamily[] = [
  { id: 'funding', label: 'Funding', color: '#2e7d32', line: 'solid', types: ['FUNDED', 'FUNDS', 'FUNDED_THROUGH'] },
  {
    id: 'support',
    label: 'Training & support',
    color: '#1565c0',
    line: 'solid',
    types: ['TRAINED', 'EQUIPPED', 'ADVISED', 'SUPPORTS', 'CONTRACTED', 'HOSTS_FACILITY_FOR', 'COOPERATES_WITH', 'ALLIED_WITH'],
  },
  {
    id: 'structure',
    label: 'Membership & command',
    color: '#607d8b',
    line: 'solid',
    types: ['MEMBER_OF', 'CONTRIBUTES_TROOPS_TO', 'LEADS', 'PART_OF', 'FAMILY_OF', 'APPOINTED', 'AFFILIATED_WITH', 'ARMED_WING_OF', 'OVERSEES', 'PARTICIPATED_IN'],
  },
  {
    id: 'conflict',
    label: 'Conflict & coercion',
    color: '#c62828',
    line: 'solid',
    types: ['PURGED', 'ACCUSED', 'OPPOSES', 'FOUGHT', 'INVADED', 'INTERVENED_IN', 'INSTALLED', 'OUSTED', 'SANCTIONED', 'PERPETRATED', 'TARGETED', 'TRIGGERED', 'WITHDREW_FROM'],
  },
  { id: 'dependency', label: 'Dependency', color: '#8e24aa', line: 'dashed', types: ['DEPENDS_ON', 'SUSPENDED_AID_TO'] },
  {
    id: 'lineage',
    label: 'Authority lineage',
    color: '#b8860b',
    line: 'solid',
    types: ['EVOLVED_INTO', 'CONSOLIDATED_INTO', 'REAUTHORIZED_BY', 'ESTABLISHED_BY', 'ADMINISTERED_BY', 'IMPLEMENTED_BY'],
  },
];

const OTHER: EdgeFamily = { id: 'other', label: 'Other', color: '#9e9e9e', line: 'dotted', types: [] };

const familyByType = new Map<string, EdgeFamily>();
for (const family of EDGE_FAMILIES) for (const type of family.types) familyByType.set(type, family);

/** The family a relationship type belongs to. */
export function edgeFamily(type: string): EdgeFamily {
  return familyByType.get(type) ?? OTHER;
}

/** Style of a node kind (unknown kinds get a neutral grey). */
export function kindStyle(kind: string): KindStyle {
  return KIND_STYLES[kind as NodeKind] ?? { color: '#9e9e9e', shape: 'ellipse', label: kind };
}

/** Edge width on a log scale of the amount: $100K -> 1.5 px, $1B -> about 9 px, capped at 14. */
export function fundingWidth(amountUsd: number | null | undefined): number {
  if (!amountUsd || amountUsd <= 0) return 1.5;
  const w = 1.5 + 1.9 * Math.log10(Math.max(amountUsd, 1e5) / 1e5);
  return Math.round(Math.min(w, 14) * 10) / 10;
}
