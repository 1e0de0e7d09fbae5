/**
 * The fields (normalised to camelCase) each record kind accepts, in documentation order, with
 * the type each is read as. CSV cells are text and YAML is loosely typed, so values are first
 * coerced by this table (`"2006"` -> 2006, `"62;63"` -> [62, 63]); what cannot be coerced is
 * left as written for the schema to reject with a message.
 */
import type { RecordKind } from '../kinds.ts';

export type FieldType = 'id' | 'text' | 'int' | 'number' | 'intList' | 'textList' | 'bool' | 'cite';

const ENTITY = { id: 'id', name: 'text', aliases: 'textList', description: 'text', note: 'text', cite: 'cite' } as const;

/** Field types of each kind. */
export const FIELD_TYPES: Record<RecordKind, Record<string, FieldType>> = {
  sources: {
    id: 'id', kind: 'text', title: 'text', author: 'text', publisher: 'text', date: 'text', url: 'text', partOf: 'id',
    essay: 'int', heading: 'text', paragraphs: 'int', footnotes: 'intList', footnoteCount: 'int', default: 'bool', note: 'text',
  },
  actors: { id: 'id', kind: 'text', name: 'text', aliases: 'textList', country: 'id', description: 'text', note: 'text', cite: 'cite' },
  authorities: { ...ENTITY, kind: 'text', citation: 'text', title: 'int', enacted: 'int' },
  events: { ...ENTITY, year: 'int', yearEnd: 'int' },
  relationships: { id: 'id', type: 'text', from: 'id', to: 'id', start: 'int', end: 'int', note: 'text', cite: 'cite' },
  funding: {
    id: 'id', donor: 'id', recipient: 'id', authority: 'id', amountUsd: 'number', fyStart: 'int', fyEnd: 'int', precision: 'text',
    basis: 'text', partOf: 'id', purpose: 'text', note: 'text', cite: 'cite',
  },
};

/** The flat citation fields (CSV columns) every kind but sources may use instead of `cite`. */
export const FLAT_CITATION = ['source', 'section', 'paragraph', 'footnotes'];
export const CITATION_TYPES: Record<string, FieldType> = { source: 'id', section: 'id', paragraph: 'intList', footnotes: 'intList' };

/** Fields of each kind, for "unknown field" messages and CSV header checks. */
export const ALLOWED_FIELDS: Record<RecordKind, string[]> = Object.fromEntries(
  Object.entries(FIELD_TYPES).map(([k, types]) => [k, Object.keys(types)]),
) as Record<RecordKind, string[]>;

/** Every field a record of `kind` may have, in either format. */
export function acceptedFields(kind: RecordKind): string[] {
  return kind === 'sources' ? ALLOWED_FIELDS[kind] : [...ALLOWED_FIELDS[kind], ...FLAT_CITATION];
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

function toNumber(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const t = v.trim();
  return NUMBER.test(t) ? Number(t) : v;
}

function toList(v: unknown): unknown[] | unknown {
  if (typeof v === 'string') return v.split(';').map((s) => s.trim()).filter((s) => s !== '');
  if (typeof v === 'number') return [v];
  return v;
}

/** Coerces one value to `type` where that is unambiguous; anything else is returned as is. */
export function coerce(value: unknown, type: FieldType): unknown {
  switch (type) {
    case 'id':
    case 'text':
      return typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : value;
    case 'int':
    case 'number':
      return toNumber(value);
    case 'intList': {
      const list = toList(value);
      return Array.isArray(list) ? list.map(toNumber) : list;
    }
    case 'textList': {
      const list = toList(value);
      return Array.isArray(list) ? list.map((s) => (typeof s === 'number' ? String(s) : typeof s === 'string' ? s.trim() : s)) : list;
    }
    case 'bool': {
      if (typeof value !== 'string') return value;
      const t = value.trim().toLowerCase();
      return t === 'true' || t === 'yes' ? true : t === 'false' || t === 'no' ? false : value;
    }
    case 'cite': {
      const list = value !== null && typeof value === 'object' && !Array.isArray(value) ? [value] : value;
      if (!Array.isArray(list)) return list;
      return list.map((c) => (c !== null && typeof c === 'object' && !Array.isArray(c) ? coerceFields(c as Record<string, unknown>, CITATION_TYPES) : c));
    }
  }
}

/** Coerces every known field of a record; unknown fields are kept for the schema to report. */
export function coerceFields(fields: Record<string, unknown>, types: Record<string, FieldType>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in fields) {
    const type = types[key];
    out[key] = type ? coerce(fields[key], type) : fields[key];
  }
  return out;
}
