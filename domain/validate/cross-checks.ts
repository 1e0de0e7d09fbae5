/**
 * Checks that span records and files: unique ids, references that exist and have the right
 * kind, citations that point at real sources, sections, paragraphs and footnotes, and part-of
 * chains without cycles. Also resolves each citation's source.
 */
import { ENDPOINT_RULES, describeKinds } from '../endpoint-rules.ts';
import { formatLocation, problemAt, type Location, type Problem } from '../problems.ts';
import type { CitationInput } from '../schemas/citation.ts';
import type { Citation, Dataset, ParsedRecord, SourceRecord } from '../records.ts';
import type { RecordKind } from '../kinds.ts';

/** A parsed record and where it came from. */
export interface Located<T> {
  value: T;
  loc: Location;
}

export type ParsedSet = { [K in RecordKind]: Located<ParsedRecord<K>>[] };

/** What an id names: used for references, also to ids already in the database. */
export type KnownKind =
  | { kind: 'source'; sourceKind: string; partOf?: string | null }
  | { kind: 'actor'; actorKind: string }
  | { kind: 'authority' }
  | { kind: 'event' }
  | { kind: 'funding' }
  | { kind: 'relationship' };

export interface CrossCheckOptions {
  /**
   * Records that exist outside the data set (in the database the set is loaded into), by id.
   * References may point to them; their ids may not be reused for another kind of record.
   */
  known?: ReadonlyMap<string, KnownKind>;
  /** Records of the set that failed their own checks: references to them raise no second problem. */
  failed?: ReadonlyMap<string, KnownKind>;
  /** Kinds whose files could not be read: references expecting them are not checked. */
  unreadable?: ReadonlySet<KnownKind['kind']>;
}

/** The KnownKind of each record kind. */
export const KIND_NOUN = {
  sources: 'source',
  actors: 'actor',
  authorities: 'authority',
  events: 'event',
  relationships: 'relationship',
  funding: 'funding',
} as const satisfies Record<RecordKind, KnownKind['kind']>;

const NOUN: Record<KnownKind['kind'], string> = {
  source: 'a source',
  actor: 'an actor',
  authority: 'an authority',
  event: 'an event',
  funding: 'a funding flow',
  relationship: 'a relationship',
};

/** Runs every cross-record check; returns the data set with resolved citations. */
export function crossCheck(parsed: ParsedSet, options: CrossCheckOptions = {}): { dataset: Dataset; problems: Problem[] } {
  const problems: Problem[] = [];
  const ids = new Map<string, { known: KnownKind; loc: Location }>();

  // 1. Ids unique across the whole data set.
  const claim = (id: string, known: KnownKind, loc: Location): void => {
    const first = ids.get(id);
    if (first) {
      problems.push(problemAt(loc, `duplicate id '${id}': already used by ${NOUN[first.known.kind]} at ${formatLocation(first.loc)}`, id));
      return;
    }
    const external = options.known?.get(id);
    if (external && external.kind !== known.kind) {
      problems.push(problemAt(loc, `id '${id}' is already ${NOUN[external.kind]} in the database; use another id`, id));
    }
    ids.set(id, { known, loc });
  };
  for (const s of parsed.sources) claim(s.value.id, { kind: 'source', sourceKind: s.value.kind }, s.loc);
  for (const a of parsed.actors) claim(a.value.id, { kind: 'actor', actorKind: a.value.kind }, a.loc);
  for (const a of parsed.authorities) claim(a.value.id, { kind: 'authority' }, a.loc);
  for (const e of parsed.events) claim(e.value.id, { kind: 'event' }, e.loc);
  for (const f of parsed.funding) claim(f.value.id, { kind: 'funding' }, f.loc);
  const keys = new Map<string, Location>();
  for (const r of parsed.relationships) {
    if (r.value.id !== null) claim(r.value.id, { kind: 'relationship' }, r.loc);
    const first = keys.get(r.value.key);
    if (first && r.value.id === null) {
      problems.push(problemAt(r.loc, `duplicate relationship: same type, from, to and start as ${formatLocation(first)} (give one of them an id, or merge them)`));
    } else if (!first) keys.set(r.value.key, r.loc);
  }

  const lookup = (id: string): KnownKind | undefined => ids.get(id)?.known ?? options.known?.get(id);
  /** A reference to a record that failed, or to a kind whose file is unreadable: already reported. */
  const isUnverifiable = (ref: string, kinds: readonly KnownKind['kind'][]): boolean =>
    options.failed?.has(ref) === true || (!lookup(ref) && kinds.some((k) => options.unreadable?.has(k)));
  const expect = (
    loc: Location,
    recordId: string | undefined,
    field: string,
    ref: string,
    kinds: readonly KnownKind['kind'][],
    extra?: (k: KnownKind) => string | undefined,
  ): void => {
    const found = lookup(ref);
    if (found && kinds.includes(found.kind) && !extra) return; // the common case, first
    if (isUnverifiable(ref, kinds)) return;
    const want = kinds.map((k) => NOUN[k]).join(' or ');
    if (!found) {
      problems.push(problemAt(loc, `${field}: '${ref}' is not defined (expected the id of ${want})`, recordId));
    } else if (!kinds.includes(found.kind)) {
      problems.push(problemAt(loc, `${field}: '${ref}' is ${NOUN[found.kind]}, but ${field} must be ${want}`, recordId));
    } else {
      const why = extra?.(found);
      if (why) problems.push(problemAt(loc, `${field}: '${ref}' ${why}`, recordId));
    }
  };

  // 2. Sources: one default at most, partOf chains, footnote ranges.
  const sourceById = new Map<string, SourceRecord>(parsed.sources.map((s) => [s.value.id, s.value]));
  const defaults = parsed.sources.filter((s) => s.value.isDefault);
  for (const extra of defaults.slice(1)) {
    problems.push(problemAt(extra.loc, `more than one source is marked default: true (also ${defaults[0].value.id} at ${formatLocation(defaults[0].loc)})`, extra.value.id));
  }
  const defaultSource = defaults[0]?.value.id ?? null;
  /** The footnote count that bounds footnotes cited in `id`: its own, or its nearest ancestor's. */
  const limits = new Map<string, number | null>();
  const footnoteLimit = (id: string): number | null => {
    if (limits.has(id)) return limits.get(id)!;
    const limit = findFootnoteLimit(id);
    limits.set(id, limit);
    return limit;
  };
  const findFootnoteLimit = (id: string): number | null => {
    const seen = new Set<string>();
    for (let s = sourceById.get(id); s && !seen.has(s.id); s = s.partOf ? sourceById.get(s.partOf) : undefined) {
      seen.add(s.id);
      if (s.footnoteCount !== null) return s.footnoteCount;
    }
    return null;
  };
  for (const s of parsed.sources) {
    const { id, partOf } = s.value;
    if (partOf !== null) {
      if (partOf === id) problems.push(problemAt(s.loc, 'partOf: a source cannot be part of itself', id));
      else if (!sourceById.has(partOf) && options.known?.get(partOf)?.kind !== 'source') {
        expect(s.loc, id, 'partOf', partOf, ['source']);
      } else if (hasCycle(id, (x) => sourceById.get(x)?.partOf ?? null)) {
        problems.push(problemAt(s.loc, `partOf: the chain of partOf from '${id}' loops back to itself`, id));
      }
    }
    const limit = footnoteLimit(id);
    const over = s.value.footnotes.filter((n) => limit !== null && n > limit);
    if (over.length) problems.push(problemAt(s.loc, `footnotes: ${over.join(', ')} beyond the document's footnoteCount ${limit}`, id));
  }

  // 3. Citations: resolve the source, check section, paragraph and footnotes.
  const sourcesUnreadable = options.unreadable?.has('source') === true;
  const resolveCitations = (cites: CitationInput[], loc: Location, recordId: string | undefined): Citation[] => {
    if (sourcesUnreadable) {
      // Without readable sources nothing can be resolved; the file problem is already reported.
      return cites.map((c) => ({ source: c.source ?? '', section: c.section, paragraphs: c.paragraphs, footnotes: c.footnotes }));
    }
    if (cites.length === 0) {
      problems.push(problemAt(loc, 'no citation: every record cites where it comes from (YAML: cite; CSV: source, section, paragraph, footnotes columns)', recordId));
      return [];
    }
    const out: Citation[] = [];
    cites.forEach((c, i) => {
      if ((c.section !== null && options.failed?.has(c.section)) || (c.source !== null && options.failed?.has(c.source))) {
        out.push({ source: c.source ?? '', section: c.section, paragraphs: c.paragraphs, footnotes: c.footnotes });
        return; // the source record itself is reported
      }
      const label = cites.length > 1 ? `cite[${i + 1}]` : 'citation'; // only built into messages
      const section = c.section !== null ? sourceById.get(c.section) : undefined;
      const knownSection = c.section !== null && !section ? options.known?.get(c.section) : undefined;
      const externalSection = knownSection?.kind === 'source' ? knownSection : undefined;
      const source = c.source ?? section?.partOf ?? externalSection?.partOf ?? defaultSource;
      if (source === null) {
        problems.push(problemAt(loc, `${label}: no source given and no source in sources.yaml is marked default: true`, recordId));
        return;
      }
      if (!sourceById.has(source) && options.known?.get(source)?.kind !== 'source') {
        problems.push(problemAt(loc, `${label}: source '${source}' is not defined in sources.yaml`, recordId));
        return;
      }
      if (c.section !== null && externalSection) {
        // A section already in the database: its own checks ran when it was loaded.
        if (externalSection.sourceKind !== 'SECTION') {
          problems.push(problemAt(loc, `${label}: '${c.section}' is a ${externalSection.sourceKind} source, not a SECTION`, recordId));
        } else if (externalSection.partOf && externalSection.partOf !== source) {
          problems.push(problemAt(loc, `${label}: section '${c.section}' belongs to '${externalSection.partOf}', not to source '${source}'`, recordId));
        }
      } else if (c.section !== null) {
        if (!section) {
          problems.push(problemAt(loc, `${label}: section '${c.section}' is not defined in sources.yaml`, recordId));
        } else if (section.kind !== 'SECTION') {
          problems.push(problemAt(loc, `${label}: '${c.section}' is a ${section.kind} source, not a SECTION`, recordId));
        } else if (section.partOf !== source) {
          problems.push(problemAt(loc, `${label}: section '${c.section}' belongs to '${section.partOf}', not to source '${source}'`, recordId));
        } else if (section.paragraphs !== null) {
          const over = c.paragraphs.some((p) => p > section.paragraphs!) ? c.paragraphs.filter((p) => p > section.paragraphs!) : [];
          if (over.length) {
            problems.push(problemAt(loc, `${label}: paragraph ${over.join(', ')} beyond the ${section.paragraphs} paragraphs of section '${c.section}'`, recordId));
          }
        }
      } else if (c.paragraphs.length > 0) {
        problems.push(problemAt(loc, `${label}: a paragraph number needs a section`, recordId));
      }
      const limit = footnoteLimit(source);
      const over = limit !== null && c.footnotes.some((n) => n > limit) ? c.footnotes.filter((n) => n > limit) : [];
      if (over.length) {
        problems.push(problemAt(loc, `${label}: footnote ${over.join(', ')} beyond the ${limit} footnotes of '${source}'`, recordId));
      }
      out.push({ source, section: c.section, paragraphs: c.paragraphs, footnotes: c.footnotes });
    });
    return out;
  };

  // 4. References between records.
  const dataset: Dataset = { sources: parsed.sources.map((s) => s.value), actors: [], authorities: [], events: [], relationships: [], funding: [] };
  for (const { value, loc } of parsed.actors) {
    if (value.country !== null) {
      expect(loc, value.id, 'country', value.country, ['actor'], (k) =>
        k.kind === 'actor' && k.actorKind !== 'State' ? `is ${k.actorKind === 'InternationalOrg' ? 'an' : 'a'} ${k.actorKind}, but country must be a State actor` : undefined,
      );
    }
    dataset.actors.push({ ...value, cite: resolveCitations(value.cite, loc, value.id) });
  }
  for (const { value, loc } of parsed.authorities) {
    dataset.authorities.push({ ...value, cite: resolveCitations(value.cite, loc, value.id) });
  }
  for (const { value, loc } of parsed.events) {
    dataset.events.push({ ...value, cite: resolveCitations(value.cite, loc, value.id) });
  }
  const endpoint = (loc: Location, rid: string | undefined, value: ParsedRecord<'relationships'>, field: 'from' | 'to'): void => {
    const rule = ENDPOINT_RULES[value.type];
    const kinds = rule[field];
    const ref = value[field];
    const found = lookup(ref);
    if (found && (kinds as readonly string[]).includes(found.kind)) return;
    if (isUnverifiable(ref, kinds)) return;
    if (!found) {
      problems.push(problemAt(loc, `${field}: '${ref}' is not defined (expected the id of ${describeKinds(kinds)})`, rid));
    } else {
      problems.push(problemAt(loc, `${field}: '${ref}' is ${NOUN[found.kind]}, but ${value.type} goes from ${describeKinds(rule.from)} to ${describeKinds(rule.to)}`, rid));
    }
  };
  for (const { value, loc } of parsed.relationships) {
    const rid = value.id ?? undefined;
    endpoint(loc, rid, value, 'from');
    endpoint(loc, rid, value, 'to');
    // The id served the uniqueness check; the stored relationship is known by its key.
    const { id: _id, cite, ...fields } = value;
    dataset.relationships.push({ ...fields, cite: resolveCitations(cite, loc, rid) });
  }
  const fundingIds = new Set(parsed.funding.map((f) => f.value.id));
  const partOf = new Map(parsed.funding.map((f) => [f.value.id, f.value.partOf]));
  const partOfLoops = onCycles(partOf);
  for (const { value, loc } of parsed.funding) {
    expect(loc, value.id, 'donor', value.donor, ['actor']);
    expect(loc, value.id, 'recipient', value.recipient, ['actor']);
    if (value.authority !== null) expect(loc, value.id, 'authority', value.authority, ['authority']);
    if (value.partOf !== null) {
      if (!fundingIds.has(value.partOf)) expect(loc, value.id, 'part_of', value.partOf, ['funding']);
      else if (partOfLoops.has(value.id)) {
        problems.push(problemAt(loc, `part_of: the chain of part_of from '${value.id}' loops back to itself`, value.id));
      }
    }
    dataset.funding.push({ ...value, cite: resolveCitations(value.cite, loc, value.id) });
  }
  return { dataset, problems };
}

/** True when following `next` from `start` comes back to `start` (a loop elsewhere is not its own). */
function hasCycle(start: string, next: (id: string) => string | null): boolean {
  const seen = new Set<string>([start]);
  for (let cur = next(start); cur !== null; cur = next(cur)) {
    if (cur === start) return true;
    if (seen.has(cur)) return false;
    seen.add(cur);
  }
  return false;
}

/**
 * Ids that lie on a cycle of the `next` links (each id has at most one next): one pass, each
 * id visited once, instead of walking the chain from every id.
 */
function onCycles(next: ReadonlyMap<string, string | null>): Set<string> {
  const state = new Map<string, 1 | 2>(); // 1: on the current walk, 2: done
  const cyclic = new Set<string>();
  for (const start of next.keys()) {
    if (state.has(start)) continue;
    const walk: string[] = [];
    let cur: string | null | undefined = start;
    while (cur != null && next.has(cur) && !state.has(cur)) {
      state.set(cur, 1);
      walk.push(cur);
      cur = next.get(cur);
    }
    if (cur != null && state.get(cur) === 1) {
      // The walk closed a loop: the ids from `cur` to the end of the walk are on it.
      for (let i = walk.indexOf(cur); i < walk.length; i++) cyclic.add(walk[i]);
    }
    for (const id of walk) state.set(id, 2);
  }
  return cyclic;
}
