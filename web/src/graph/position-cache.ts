/**
 * Positions of fresh force layouts, remembered in the browser's storage. A fresh fcose layout is a
 * pure function of the elements it runs on (seeded by their ids), so its result can be kept under
 * a key made from exactly those inputs: the same answer drawn again (a reload, a shared link
 * opened twice) gets the same picture without running the layout. A changed answer (other data,
 * another filter) has another key and is laid out anew.
 */
import type { Collection, NodeSingular } from 'cytoscape';
import type { Point } from './seeded.ts';
import { hashString } from '../../../domain/seeded-random.ts';

/** Bump when the layout's options change, so pictures of the old options are not reused. */
const VERSION = 'fcose-1';
const PREFIX = 'aidgraph.layout:';
/** Pictures kept; the oldest goes first. */
const MAX_ENTRIES = 16;

interface Entry {
  /** When it was stored (ms since the epoch), for eviction. */
  t: number;
  /** Node id -> [x, y], in the layout's node order. */
  p: Record<string, [number, number]>;
}

/**
 * The key of a layout over `eles`: everything the layout reads, in its order (node ids and
 * degrees, edge ids and ends). Two hashes of it, so that a collision needs both to agree.
 */
export function layoutKey(eles: Collection): string {
  const parts: string[] = [VERSION];
  eles.nodes().forEach((n) => void parts.push(`${n.id()}#${(n as NodeSingular).degree(false)}`));
  eles.edges().forEach((e) => void parts.push(`${e.id()}>${e.data('source') as string}>${e.data('target') as string}`));
  const text = parts.join('\n');
  const reversed = [...parts].reverse().join('\r');
  return `${eles.nodes().length}.${eles.edges().length}.${hashString(text).toString(36)}.${hashString(reversed).toString(36)}`;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The remembered positions under `key`, or null. */
export function recallPositions(key: string): Map<string, Point> | null {
  try {
    const raw = storage()?.getItem(PREFIX + key);
    if (!raw) return null;
    const entry = JSON.parse(raw) as Entry;
    return new Map(Object.entries(entry.p).map(([id, [x, y]]) => [id, { x, y }]));
  } catch {
    return null;
  }
}

/** Remember `positions` under `key`; storage that is full or off only costs the next layout. */
export function storePositions(key: string, positions: Map<string, Point>): void {
  const store = storage();
  if (!store) return;
  const p: Entry['p'] = {};
  for (const [id, { x, y }] of positions) p[id] = [x, y];
  try {
    evictOldest(store);
    store.setItem(PREFIX + key, JSON.stringify({ t: Date.now(), p } satisfies Entry));
  } catch {
    // Quota exceeded or storage refused: the picture is simply not remembered.
  }
}

/** Drop the oldest pictures so that one more fits under MAX_ENTRIES. */
function evictOldest(store: Storage): void {
  const entries: { key: string; t: number }[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    const t = Number(/"t":(\d+)/.exec(store.getItem(key) ?? '')?.[1] ?? 0);
    entries.push({ key, t });
  }
  entries.sort((a, b) => a.t - b.t);
  for (const { key } of entries.slice(0, Math.max(0, entries.length - MAX_ENTRIES + 1))) store.removeItem(key);
}
