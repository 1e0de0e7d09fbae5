/**
 * How the network is drawn, shared by the page and the server's layout process so that both
 * draw the same picture: the force layout's parameters (fcose) and the seeded random source it
 * runs under. The same nodes and edges always give the same positions.
 */

import { hashString, seededRandom } from './seeded-random.ts';

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

/** fcose's options for a network of `nodeCount` nodes (without animation, fit and padding). */
export function networkLayoutOptions(nodeCount: number) {
  const degree = degreeOnce();
  return {
    name: 'fcose',
    quality: nodeCount > DRAFT_ABOVE ? 'draft' : 'default',
    // Random start, but every caller runs the layout under withSeededRandom(layoutSeed(...)).
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
  };
}

/** The seed of a layout of these nodes: their ids, whatever order they come in. */
export function layoutSeed(nodeIds: Iterable<string>): string {
  return [...nodeIds].sort().join('|');
}

/** Run `fn` with Math.random replaced by a generator seeded from `seed` (restored afterwards). */
export function withSeededRandom<T>(seed: string, fn: () => T): T {
  const original = Math.random;
  Math.random = seededRandom(hashString(seed));
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}

