/**
 * Layout options by name, tuned by graph size. fcose for networks, dagre for hierarchies.
 * Layouts never animate (headless Chromium has no GPU; tests wait for `layoutstop`).
 */
import type { LayoutOptions } from 'cytoscape';
import { FIT_PADDING } from './keep-fit.ts';

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

/** Above this many nodes fcose only runs its spectral (draft) phase. */
export const DRAFT_ABOVE = 700;

interface Degreed {
  id(): string;
  degree(includeLoops: boolean): number;
}

/**
 * Degrees read once per layout: fcose asks for an edge's ideal length and elasticity once per
 * edge, and Cytoscape builds collections to answer each `degree()`, which cost more than the
 * force iterations on an overview of 3,000 edges.
 */
function degreeOnce(): (node: Degreed) => number {
  const known = new Map<string, number>();
  return (node) => {
    let degree = known.get(node.id());
    if (degree === undefined) known.set(node.id(), (degree = node.degree(false)));
    return degree;
  };
}

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
    default: {
      const draft = nodeCount > DRAFT_ABOVE;
      const degree = degreeOnce();
      return {
        ...common,
        name: 'fcose',
        quality: draft ? 'draft' : 'default',
        // Random start, but Canvas.layout seeds Math.random while it runs: the same graph gives
        // the same picture.
        randomize: true,
        nodeDimensionsIncludeLabels: false,
        uniformNodeDimensions: true,
        packComponents: true,
        // Hubs push harder and keep longer edges, so their spokes spread out instead of piling up.
        nodeRepulsion: (node: Degreed) => 8000 + 2500 * Math.min(degree(node), 60),
        idealEdgeLength: (edge: { source(): Degreed; target(): Degreed }) => Math.min(250, 60 + 4 * (degree(edge.source()) + degree(edge.target()))),
        edgeElasticity: () => 0.45,
        gravity: 0.2,
        numIter: 1000,
        tile: true,
        samplingType: true,
        sampleSize: 25,
      } as LayoutOptions;
    }
  }
}
