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
  /** What the operation asks for. */
  readonly wants: ProvenanceWants;

  constructor(prov: ProvenanceWants = { headings: false, works: false }) {
    this.wants = prov;
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
 * Kept for the projections' shape: provenance extras are no longer fetched per item (a
 * COLLECT per item cost ~2 ms each); {@link readWithProvenance} fetches the section and work
 * records once per statement and attaches them to every item in JS.
 */
export function provenance(_st: Statement, _x: string): string {
  return '__p: 1';
}

/** The source records an operation's citations may need, fetched once per statement. */
export interface ProvenanceRecords {
  works: Record<string, unknown>[];
  sections: Record<string, unknown>[];
}

/** Gives every object with stored `citations` below `value` the statement's provenance records. */
function attach(value: unknown, prov: ProvenanceRecords): void {
  if (Array.isArray(value)) {
    for (const v of value) attach(v, prov);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const obj = value as Record<string, unknown>;
  if ('citations' in obj) {
    obj.__works = prov.works;
    obj.__sections = prov.sections;
  }
  for (const [k, v] of Object.entries(obj)) if (k !== '__works' && k !== '__sections' && v !== null && typeof v === 'object') attach(v, prov);
}

/**
 * Runs a read statement and, when the operation asks for section headings or works, wraps it so
 * that the same round trip also returns the SECTION and WORK records (once), then attaches them
 * to every item that carries citations.
 */
export async function readWithProvenance<T extends Record<string, unknown>>(
  db: { read<R extends Record<string, unknown>>(cypher: string, params?: Record<string, unknown>, options?: { timeoutMs?: number }): Promise<R[]> },
  st: Statement,
  cypher: string,
  options?: { timeoutMs?: number },
): Promise<T[]> {
  if (!st.wants.headings && !st.wants.works) return db.read<T>(cypher, st.params, options);
  const wrapped = `CALL () {
${cypher}
}
RETURN *, {
  works: CASE WHEN ${st.works} THEN COLLECT { MATCH (src_w:Source) WHERE src_w.kind = 'WORK' RETURN src_w { .id, .title, .author, .publisher, .date, .url, .footnotes, .partOf } } ELSE [] END,
  sections: CASE WHEN ${st.headings} THEN COLLECT { MATCH (src_s:Source) WHERE src_s.kind = 'SECTION' RETURN src_s { .id, .heading, .partOf } } ELSE [] END
} AS __provAll`;
  const rows = await db.read<T & { __provAll: ProvenanceRecords }>(wrapped, st.params, options);
  for (const row of rows) {
    const prov = row.__provAll;
    delete (row as Record<string, unknown>).__provAll;
    attach(row, prov);
  }
  return rows;
}
