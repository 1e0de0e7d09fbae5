/**
 * Determinism for force layouts: starting positions from a hash of each node's id, a seeded
 * random source while a layout runs, and places for nodes that enter a graph whose other nodes
 * keep theirs. The same ids always give the same numbers, so the same URL draws the same picture.
 */

export interface Point {
  x: number;
  y: number;
}

/** 32-bit FNV-1a hash of a string. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A small seeded generator (mulberry32) with the shape of Math.random. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A starting place for a node from its id alone: spread over a disc whose area grows with n. */
export function hashedPosition(id: string, nodeCount: number): Point {
  const radius = 40 * Math.sqrt(Math.max(nodeCount, 1));
  const h = hashString(id);
  const angle = ((h & 0xffff) / 0x10000) * 2 * Math.PI;
  const r = radius * Math.sqrt((h >>> 16) / 0x10000);
  return { x: Math.round(r * Math.cos(angle) * 100) / 100, y: Math.round(r * Math.sin(angle) * 100) / 100 };
}

/**
 * Where an entering node starts: beside the mean of its placed neighbours (offset by its hash, so
 * two newcomers to one hub do not coincide), else at its hashed place.
 */
export function enteringPosition(id: string, placedNeighbours: Point[], nodeCount: number): Point {
  if (placedNeighbours.length === 0) return hashedPosition(id, nodeCount);
  const mean = placedNeighbours.reduce((acc, p) => ({ x: acc.x + p.x / placedNeighbours.length, y: acc.y + p.y / placedNeighbours.length }), { x: 0, y: 0 });
  const h = hashString(id);
  const angle = ((h & 0xffff) / 0x10000) * 2 * Math.PI;
  const r = 60 + (h >>> 16) % 40;
  return { x: mean.x + r * Math.cos(angle), y: mean.y + r * Math.sin(angle) };
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
