/**
 * Visual vocabulary: colour and shape per node kind, colour and line per relationship family.
 * Which kinds, families and types exist comes from domain/ (the same tables the API and the loader
 * use); this file only adds how each looks. The legend, the filters and the stylesheet read it.
 */
import { NODE_KINDS as DOMAIN_NODE_KINDS, type NodeKind } from '../../../domain/kinds.ts';
import { RELATIONSHIP_FAMILIES, familyOf, typesOfFamily, type RelationshipFamily } from '../../../domain/relationship-types.ts';

export interface KindStyle {
  color: string;
  shape: string;
  label: string;
}

/**
 * Node kinds the canvases draw, in domain order. Funding flows are drawn as edges (FUNDED), so
 * `Funding` has a style but is not offered as a kind of node to filter by.
 */
export const NODE_KINDS: NodeKind[] = DOMAIN_NODE_KINDS.filter((kind) => kind !== 'Funding');

/** The node kinds that are actors (everything but authorities, events and flows). */
export const ACTOR_NODE_KINDS: NodeKind[] = NODE_KINDS.filter((kind) => kind !== 'Authority' && kind !== 'Event');

/**
 * The canvas background; every node colour keeps at least 3:1 contrast against it (non-text
 * contrast), which a unit test checks.
 */
export const CANVAS_BACKGROUND = '#fbfcfd';

export const KIND_STYLES: Record<NodeKind, KindStyle> = {
  State: { color: '#2f5d8c', shape: 'hexagon', label: 'State' },
  GovernmentBody: { color: '#3a7dbf', shape: 'round-rectangle', label: 'Government body' },
  InternationalOrg: { color: '#17806f', shape: 'round-octagon', label: 'International org.' },
  Mission: { color: '#558b2f', shape: 'diamond', label: 'Mission' },
  MilitaryUnit: { color: '#6a4c93', shape: 'triangle', label: 'Military unit' },
  ArmedGroup: { color: '#c0392b', shape: 'pentagon', label: 'Armed group' },
  Person: { color: '#b5477a', shape: 'ellipse', label: 'Person' },
  Company: { color: '#8d6e63', shape: 'barrel', label: 'Company' },
  Organization: { color: '#607d8b', shape: 'rhomboid', label: 'Organization (think tank, university, media)' },
  Authority: { color: '#9a7209', shape: 'cut-rectangle', label: 'Authority' },
  Event: { color: '#c25e0c', shape: 'star', label: 'Event' },
  Funding: { color: '#2e7d32', shape: 'round-tag', label: 'Funding' },
};

export interface FamilyStyle {
  label: string;
  color: string;
  line: 'solid' | 'dashed' | 'dotted';
}

export interface EdgeFamily extends FamilyStyle {
  id: string;
  types: string[];
}

export const FAMILY_STYLES: Record<RelationshipFamily, FamilyStyle> = {
  funding: { label: 'Funding', color: '#2e7d32', line: 'solid' },
  support: { label: 'Training & support', color: '#1565c0', line: 'solid' },
  structure: { label: 'Membership & command', color: '#607d8b', line: 'solid' },
  conflict: { label: 'Conflict & coercion', color: '#c62828', line: 'solid' },
  dependency: { label: 'Dependency', color: '#8e24aa', line: 'dashed' },
  lineage: { label: 'Authority lineage', color: '#9a7209', line: 'solid' },
};

/** Relationship families in domain order, each with its allow-listed types. */
export const EDGE_FAMILIES: EdgeFamily[] = RELATIONSHIP_FAMILIES.map((id) => ({ id, ...FAMILY_STYLES[id], types: [...typesOfFamily(id)] }));

/** Types the API might one day send that the domain does not know yet. */
export const OTHER_FAMILY: EdgeFamily = { id: 'other', label: 'Other', color: '#757575', line: 'dotted', types: [] };

const familyById = new Map<string, EdgeFamily>(EDGE_FAMILIES.map((f) => [f.id, f]));

/** The family a relationship type belongs to. */
export function edgeFamily(type: string): EdgeFamily {
  const id = familyOf(type);
  return (id && familyById.get(id)) || OTHER_FAMILY;
}

/** Style of a node kind (unknown kinds get a neutral grey). */
export function kindStyle(kind: string): KindStyle {
  return KIND_STYLES[kind as NodeKind] ?? { color: '#757575', shape: 'ellipse', label: kind };
}

/** Edge width on a log scale of the amount: $100K -> 1.5 px, $1B -> about 9 px, capped at 14. */
export function fundingWidth(amountUsd: number | null | undefined): number {
  if (!amountUsd || amountUsd <= 0) return 1.5;
  const w = 1.5 + 1.9 * Math.log10(Math.max(amountUsd, 1e5) / 1e5);
  return Math.round(Math.min(w, 14) * 10) / 10;
}

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
