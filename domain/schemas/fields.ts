/**
 * Field schemas shared by the record schemas. Each one reads the value as a file gives it (CSV
 * cells are text, YAML is loosely typed): the coercion comes first (`"2006"` -> 2006, `"62;63"` ->
 * [62, 63], `yes` -> true), and what cannot be coerced is passed on as written, so that the
 * error says what was expected and what was found.
 */
import { z } from 'zod';

/** Ids: stable snake_case slugs. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9_]*$/;
const ID_MAX_LENGTH = 80;
/** Plausible years for dates, fiscal years and enactments. */
const YEAR_MIN = 1800;
const YEAR_MAX = 2100;

/** Describes a value for an error message: `'abc'`, `12`, `a list`. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return `'${value.length > 40 ? `${value.slice(0, 40)}...` : value}'`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

// ---- Coercions: each returns the value unchanged when it cannot convert it. ----

/** Text trimmed; a number (YAML `id: 2024`) as its text. */
export function toText(v: unknown): unknown {
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : v;
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** A number from its decimal text (`"2006"`, `" 1.5e6 "`); no hex, no empty string. */
export function toNumber(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const t = v.trim();
  return NUMBER.test(t) ? Number(t) : v;
}

/** A list from `a;b;c` (blank parts dropped), and a lone number as a list of one. */
function toList(v: unknown): unknown {
  if (typeof v === 'string') return v.split(';').map((s) => s.trim()).filter((s) => s !== '');
  if (typeof v === 'number') return [v];
  return v;
}

/** true/false, also yes/no, in any case. */
function toBool(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const t = v.trim().toLowerCase();
  return t === 'true' || t === 'yes' ? true : t === 'false' || t === 'no' ? false : v;
}

/** A value that may be left out: absent becomes null, so that records compare and hash alike. */
export function orNull<T extends z.ZodType>(schema: T) {
  return schema.optional().transform((v): z.output<T> | null => v ?? null);
}

/** A record id (snake_case slug). */
export const idField = z.preprocess(
  toText,
  z
    .string({ error: (iss) => `expected an id (snake_case text), got ${describe(iss.input)}` })
    .max(ID_MAX_LENGTH, { error: `an id has at most ${ID_MAX_LENGTH} characters` })
    .regex(ID_PATTERN, {
      error: (iss) => `${describe(iss.input)} is not a valid id: use lower-case letters, digits and underscores, starting with a letter or digit`,
    }),
);

/** Longest texts accepted: names stay within what the name index holds; prose stays prose. */
const NAME_MAX_LENGTH = 500;
const TEXT_MAX_LENGTH = 10_000;

/** Non-empty text of at most `max` characters. */
function text(max: number) {
  return z.preprocess(
    toText,
    z
      .string({ error: (iss) => `expected text, got ${describe(iss.input)}` })
      .min(1, { error: 'must not be empty' })
      .max(max, { error: (iss) => `at most ${max} characters, got ${(iss.input as string).length}` }),
  );
}

/** Free text: descriptions, notes, purposes (at most TEXT_MAX_LENGTH characters). */
export const textField = text(TEXT_MAX_LENGTH);
/** Names, aliases, titles, headings and other short texts (at most NAME_MAX_LENGTH characters). */
export const nameField = text(NAME_MAX_LENGTH);

/** An integer in [min, max]. */
export function intField(min: number, max: number, what = 'a whole number') {
  const error = (iss: { input?: unknown }) => `expected ${what}, got ${describe(iss.input)}`;
  const range = (iss: { input?: unknown }) => `expected ${what} from ${min} to ${max}, got ${describe(iss.input)}`;
  return z.preprocess(toNumber, z.number({ error }).int({ error }).min(min, { error: range }).max(max, { error: range }));
}

/** A year between YEAR_MIN and YEAR_MAX. */
export const yearField = intField(YEAR_MIN, YEAR_MAX, 'a year');

/** A positive finite number. */
export const positiveAmountField = z.preprocess(
  toNumber,
  z
    .number({ error: (iss) => `expected an amount in US dollars, got ${describe(iss.input)}` })
    .positive({ error: (iss) => `the amount must be positive, got ${describe(iss.input)}` })
    .finite({ error: 'expected a finite amount' }),
);

/** A list of positive integers; CSV: `62;63`. */
export function intListField(what: string) {
  const error = (iss: { input?: unknown }) => `expected ${what} (whole numbers from 1), got ${describe(iss.input)}`;
  const item = z.preprocess(toNumber, z.number({ error }).int({ error }).min(1, { error }));
  return z.preprocess(toList, z.array(item, { error: (iss) => `expected a list of ${what}, got ${describe(iss.input)}` }));
}

/** A list of non-empty strings; CSV: `Danab;Danab Brigade`. */
export const textListField = z.preprocess(
  toList,
  z.array(nameField, { error: (iss) => `expected a list of names, got ${describe(iss.input)}` }),
);

/** true/false; CSV also `yes`/`no`. */
export const boolField = z.preprocess(toBool, z.boolean({ error: (iss) => `expected true or false, got ${describe(iss.input)}` }));

/** One value of a fixed list (with the list in the message). */
export function enumField<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.preprocess(toText, z.enum(values, { error: (iss) => `${describe(iss.input)} is not a valid ${what}: use one of ${values.join(', ')}` }));
}

/** A URL of the web (http or https). */
export const urlField = z.preprocess(
  toText,
  z
    .url({ protocol: /^https?$/, error: (iss) => `expected a URL (http://... or https://...), got ${describe(iss.input)}` })
    .max(2_000, { error: 'a URL has at most 2000 characters' }),
);
