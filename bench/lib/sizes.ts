/** The synthetic data set sizes of issue 6: S (smoke), M (100k flows), L (1M flows). */

export type SizeName = 'S' | 'M' | 'L';

/** How many records of each file a size holds. */
export interface SizeProfile {
  name: SizeName;
  actors: number;
  /** States among the actors (the countries everything else belongs to). */
  states: number;
  authorities: number;
  events: number;
  /** Typed actor-actor and actor-event relationships (lineage edges come on top). */
  relationships: number;
  funding: number;
  /** Works cited in footnotes. */
  works: number;
}

export const SIZES: Record<SizeName, SizeProfile> = {
  S: { name: 'S', actors: 400, states: 40, authorities: 80, events: 40, relationships: 1_200, funding: 1_000, works: 60 },
  M: { name: 'M', actors: 20_000, states: 200, authorities: 2_000, events: 1_000, relationships: 50_000, funding: 100_000, works: 400 },
  L: { name: 'L', actors: 100_000, states: 250, authorities: 10_000, events: 5_000, relationships: 250_000, funding: 1_000_000, works: 1_000 },
};

/** Parses a size name, case-insensitively. */
export function parseSize(value: string): SizeName {
  const v = value.toUpperCase();
  if (v === 'S' || v === 'M' || v === 'L') return v;
  throw new Error(`unknown size "${value}": use S, M or L`);
}
