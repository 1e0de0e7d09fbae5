/**
 * A small builder for parameterised Cypher: values always go into parameters, and the only text
 * spliced into statements is code-chosen (the fragments of the repositories, variable names
 * made by a counter, labels and types from the domain's allow-lists).
 */
import neo4j from 'neo4j-driver';
import type { ProvenancePlan, YearWindow } from './plan.ts';
import { withProvenance } from './citations.ts';

/** A statement ready to run: its text and its parameters. */
export interface CypherStatement {
  cypher: string;
  params: Record<string, unknown>;
}

/** JS numbers travel as floats; whole numbers go as Cypher integers (LIMIT and slices need them). */
function toCypher(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toCypher);
  return value === undefined ? null : value;
}

/** Collects parameters and hands out fresh variable names for one statement. */
export class Statement {
  readonly params: Record<string, unknown> = {};
  private n = 0;

  /** Binds a value to a fresh parameter and returns its reference (`$p3`). */
  param(value: unknown): string {
    const name = `p${this.n++}`;
    this.params[name] = toCypher(value);
    return `$${name}`;
  }

  /** A fresh variable name (`v4`), unique in this statement. */
  variable(prefix = 'v'): string {
    return `${prefix}${this.n++}`;
  }

  /** The statement, wrapped to also fetch the provenance records the plan asks for. */
  build(cypher: string, provenance?: ProvenancePlan): CypherStatement {
    return { cypher: provenance ? withProvenance(cypher, provenance) : cypher, params: this.params };
  }
}

/** Conditions joined by AND (those always true left out); `true` when there is none. */
export function all(conds: readonly (string | null | false | undefined)[]): string {
  const set = conds.filter((c): c is string => typeof c === 'string' && c.length > 0 && c !== 'true');
  return set.length > 0 ? set.join(' AND ') : 'true';
}

/** Parameter references of a year window: null where the bound is open. */
export interface WindowRefs {
  from: string | null;
  to: string | null;
}

/** Binds the bounds that are set; an open bound adds no condition at all. */
export function windowRefs(st: Statement, w: YearWindow): WindowRefs {
  return { from: w.yearFrom === null ? null : st.param(w.yearFrom), to: w.yearTo === null ? null : st.param(w.yearTo) };
}

/**
 * Year-window test of an edge or flow `x`: its span [start, end] overlaps the window; a missing
 * end means "still ongoing", a missing start "since always".
 */
export function overlaps(x: string, w: WindowRefs, startProp = 'start', endProp = 'end'): string {
  return all([
    w.to && `(${x}.${startProp} IS NULL OR ${x}.${startProp} <= ${w.to})`,
    w.from && `(${x}.${endProp} IS NULL OR ${x}.${endProp} >= ${w.from})`,
  ]);
}

/** Year-window test of a funding flow (fiscal years). */
export function flowOverlaps(f: string, w: WindowRefs): string {
  return overlaps(f, w, 'fyStart', 'fyEnd');
}
