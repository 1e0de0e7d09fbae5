/**
 * Layout options by name, tuned by graph size. fcose for networks, dagre for hierarchies.
 * Layouts never animate (headless Chromium has no GPU; tests wait for `layoutstop`).
 */
import type { LayoutOptions } from 'cytoscape';

export type LayoutName = 'fcose' | 'dagre' | 'dagre-lr' | 'preset' | 'concentric';

export const LAYOUT_CHOICES: { id: LayoutName; label: string }[] = [
  { id: 'fcose', label: 'Network (fcose)' },
  { id: 'dagre', label: 'Hierarchy (dagre)' },
  { id: 'concentric', label: 'Concentric by degree' },
];

/** Above this many nodes fcose only runs its spectral (draft) phase. */
export const DRAFT_ABOVE = 700;

/** Options for `cy.layout()` given the layout name and the node count. */
export function layoutOptions(name: LayoutName, nodeCount: number): LayoutOptions {
  const common = { animate: false, fit: true, padding: 30 };
  switch (name) {
    case 'dagre':
    case 'dagre-lr':
      return {
        ...common,
        name: 'dagre',
        rankDir: name === 'dagre' ? 'TB' : 'LR',
        nodeSep: 24,
        rankSep: 70,
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
    default: {
      const draft = nodeCount > DRAFT_ABOVE;
      return {
        ...common,
        name: 'fcose',
        quality: draft ? 'draft' : 'default',
        randomize: true,
        nodeDimensionsIncludeLabels: false,
        uniformNodeDimensions: true,
        packComponents: true,
        nodeRepulsion: () => 9000,
        idealEdgeLength: () => (nodeCount > 300 ? 60 : 95),
        edgeElasticity: () => 0.45,
        gravity: 0.3,
        numIter: nodeCount > 300 ? 1200 : 2500,
        tile: true,
        samplingType: true,
        sampleSize: 25,
      } as LayoutOptions;
    }
  }
}
