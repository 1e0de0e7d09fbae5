import neo4j from 'neo4j-driver';

/** JS numbers travel as floats; whole numbers go as Cypher integers (LIMIT and slices need them). */
function toCypher(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toCypher);
  return value === undefined ? null : value;
}

/**
 * A tiny builder for parameterised Cypher: values always go into parameters, and the only text
 * spliced into statements is code-chosen (fragments below, variable names made by a counter).
 */

/** Collects parameters and hands out fresh variable names for one statement. */
export class Statement {
  readonly params: Record<string, unknown> = {};
  private n = 0;
  /** Parameter references of the provenance flags (see {@link provenance}). */
  readonly headings: string;
  readonly works: string;

  /** `prov` says whether the operation asks for section headings and cited works. */
  constructor(prov: ProvenanceWants = { headings: false, works: false }) {
    this.headings = this.param(prov.headings);
    this.works = this.param(prov.works);
  }

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
}

/**
 * Year-window test of an edge or flow `x` against optional bounds (parameter references):
 * the span [start, end] overlaps [from, to]; a missing end means "still ongoing", a missing
 * start means "since always".
 */
export function overlaps(x: string, from: string, to: string, startProp = 'start', endProp = 'end'): string {
  return `(${to} IS NULL OR ${x}.${startProp} IS NULL OR ${x}.${startProp} <= ${to}) AND (${from} IS NULL OR ${x}.${endProp} IS NULL OR ${x}.${endProp} >= ${from})`;
}

/** Year-window test of a funding flow (fiscal years). */
export function flowOverlaps(f: string, from: string, to: string): string {
  return overlaps(f, from, to, 'fyStart', 'fyEnd');
}

/** Which provenance extras an operation asks for. */
export interface ProvenanceWants {
  headings: boolean;
  works: boolean;
}

/**
 * Provenance extras of item `x`: the section records its citations name and the works its
 * footnotes cite, each only when the operation asks for them (flags are parameters).
 */
export function provenance(st: Statement, x: string): string {
  const withHeadings = st.headings;
  const withWorks = st.works;
  return `__sections: CASE WHEN ${withHeadings} THEN COLLECT { MATCH (src_s:Source) WHERE src_s.id IN coalesce(${x}.sections, []) RETURN src_s { .id, .heading, .partOf } } ELSE [] END,
    __works: CASE WHEN ${withWorks} AND size(coalesce(${x}.footnotes, [])) > 0 THEN COLLECT { MATCH (src_w:Source) WHERE src_w.kind = 'WORK' AND any(src_n IN src_w.footnotes WHERE src_n IN ${x}.footnotes) RETURN src_w { .id, .title, .author, .publisher, .date, .url, .footnotes, .partOf } } ELSE [] END`;
}
