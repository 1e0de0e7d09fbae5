/**
 * Layout options by name, tuned by graph size. fcose for networks, dagre for hierarchies.
 * Layouts never animate (headless Chromium has no GPU; tests wait for `layoutstop`).
 */
import type { LayoutOptions } from 'cytoscape';
import { FIT_PADDING } from './keep-fit.ts';
import { networkLayoutOptions } from '../../../domain/network-layout.ts';

export type LayoutName = 'fcose' | 'dagre' | 'dagre-lr' | 'preset' | 'concentric';

/**
 * The layouts the network view offers. A hierarchy (dagre) is not among them: the network has no
 * single direction to rank by, so dagre flattened it into a line; the lineage view draws the one
 * hierarchy the data has.
 */
export const LAYOUT_CHOICES: { id: LayoutName; label: string }[] = [
  { id: 'fcose', label: 'Network (fcose)' },
  { id: 'concentric', label: 'Concentric by degree' },
];

/** Options for `cy.layout()` given the layout name and the node count. */
export function layoutOptions(name: LayoutName, nodeCount: number): LayoutOptions {
  const common = { animate: false, fit: true, padding: FIT_PADDING };
  switch (name) {
    case 'dagre':
    case 'dagre-lr':
      return {
        ...common,
        name: 'dagre',
        rankDir: name === 'dagre' ? 'TB' : 'LR',
        nodeSep: 30,
        rankSep: name === 'dagre' ? 45 : 70,
        edgeSep: 8,
        nodeDimensionsIncludeLabels: nodeCount < 400,
      } as LayoutOptions;
    case 'concentric':
      return {
        ...common,
        name: 'concentric',
        concentric: (node: { degree(includeLoops: boolean): number }) => node.degree(false),
        levelWidth: () => 2,
        minNodeSpacing: 12,
        avoidOverlap: nodeCount < 1500,
      } as LayoutOptions;
    case 'preset':
      return { ...common, name: 'preset' } as LayoutOptions;
    case 'fcose':
    default:
      return { ...common, ...networkLayoutOptions(nodeCount) } as LayoutOptions;
  }
}
