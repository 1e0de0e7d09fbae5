/**
 * Determinism for force layouts beyond the seeded random source (domain/network-layout.ts):
 * starting positions from a hash of each node's id, and places for nodes that enter a graph whose
 * other nodes keep theirs. The same ids always give the same numbers.
 */

import { hashString } from '../../../domain/seeded-random.ts';

export interface Point {
  x: number;
  y: number;
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
