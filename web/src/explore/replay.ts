/**
 * The URL fields of what the node menu did: expansions by relationship type
 * (`expandedBy=danab~TRAINED,kenya~FUNDED`) and pinned nodes with their places
 * (`pinned=danab@120@-40`), so reloading a link replays them. Malformed entries are dropped.
 */
import * as z from 'zod/mini';
import type { Core } from 'cytoscape';
import type { UrlField } from '../app/url-fields.ts';
import { PINS_CHANGED } from '../details/node-actions.ts';

const ID = /^[A-Za-z0-9_:.\-]{1,120}$/;
const TYPE = /^[A-Z][A-Z0-9_]{0,60}$/;

/** An expansion of `id` through `types` only. */
export interface TypedExpansion {
  id: string;
  types: string[];
}

/** A pinned node and where it is held (model coordinates, whole numbers). */
export interface Pin {
  id: string;
  x: number;
  y: number;
}

/** A comma-separated list field whose entries `parse` reads (null: dropped) and `write` writes. */
function entriesField<T>(key: string, parse: (text: string) => T | null, write: (v: T) => string): UrlField<T[]> {
  const split = z.transform((text: string | undefined) => (text ? text.split(',') : []).map(parse).filter((v): v is T => v !== null));
  return { key, schema: z.catch(z.pipe(z.optional(z.string()), split), []), encode: (v) => (v.length ? v.map(write).join(',') : undefined) };
}

export function typedExpansionsField(key: string): UrlField<TypedExpansion[]> {
  return entriesField(
    key,
    (text) => {
      const [id, types, ...rest] = text.split('~');
      const list = types?.split('+') ?? [];
      return id && ID.test(id) && !rest.length && list.length && list.every((t) => TYPE.test(t)) ? { id, types: list } : null;
    },
    (v) => `${v.id}~${v.types.join('+')}`,
  );
}

export function pinsField(key: string): UrlField<Pin[]> {
  return entriesField(
    key,
    (text) => {
      const [id, x, y, ...rest] = text.split('@');
      const [nx, ny] = [Number(x), Number(y)];
      return id && ID.test(id) && !rest.length && x && y && Number.isFinite(nx) && Number.isFinite(ny) ? { id, x: Math.round(nx), y: Math.round(ny) } : null;
    },
    (v) => `${v.id}@${v.x}@${v.y}`,
  );
}

/** `list` with `entry` at the end (an equal one moved there). */
export function withExpansion(list: readonly TypedExpansion[], entry: TypedExpansion): TypedExpansion[] {
  const same = (x: TypedExpansion) => x.id === entry.id && x.types.join('+') === entry.types.join('+');
  return [...list.filter((x) => !same(x)), entry];
}

/** `list` without the expansions of `id`. */
export function withoutExpansionsOf(list: readonly TypedExpansion[], id: string): TypedExpansion[] {
  return list.filter((x) => x.id !== id);
}

/** The pinned nodes on the canvas and their places. */
export function pinsOn(cy: Core): Pin[] {
  return cy.nodes('.pinned').map((n) => ({ id: n.id(), x: Math.round(n.position('x')), y: Math.round(n.position('y')) }));
}

/**
 * Make the canvas's pins the URL's: each node named is moved to its place and locked (layouts
 * leave locked nodes be); a node pinned before but not named now (a canvas updated in place keeps
 * its elements) is freed.
 */
export function applyPins(cy: Core, pins: readonly Pin[]): void {
  const named = new Set(pins.map((p) => p.id));
  cy.batch(() => {
    // By lock, not class: a canvas updated in place takes each element's classes from the answer.
    cy.nodes(':locked').forEach((n) => void (named.has(n.id()) || n.unlock().removeClass('pinned')));
    for (const p of pins) {
      const node = cy.getElementById(p.id);
      if (node.empty()) continue;
      node.unlock().position({ x: p.x, y: p.y });
      node.lock().addClass('pinned');
    }
  });
  // The details panel's Pin/Unpin follows (details/node-actions.ts); unit tests have no document.
  globalThis.document?.dispatchEvent(new Event(PINS_CHANGED));
}
