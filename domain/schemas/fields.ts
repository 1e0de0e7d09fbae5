/**
 * Field schemas shared by the record schemas, each with an error that says what it expected.
 * Values arrive coerced (fields-by-kind.ts), so these check types and ranges only.
 */
import { z } from 'zod';

/** Ids: stable snake_case slugs. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9_]*$/;
export const ID_MAX_LENGTH = 80;
/** Plausible years for dates, fiscal years and enactments. */
export const YEAR_MIN = 1800;
export const YEAR_MAX = 2100;

/** Describes a value for an error message: `'abc'`, `12`, `a list`. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return `'${value.length > 40 ? `${value.slice(0, 40)}...` : value}'`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

/** A record id (snake_case slug). */
export const idField = z
  .string({ error: (iss) => `expected an id (snake_case text), got ${describe(iss.input)}` })
  .max(ID_MAX_LENGTH, { error: `an id has at most ${ID_MAX_LENGTH} characters` })
  .regex(ID_PATTERN, {
    error: (iss) => `${describe(iss.input)} is not a valid id: use lower-case letters, digits and underscores, starting with a letter or digit`,
  });

/** Longest texts accepted: names stay within what the name index holds; prose stays prose. */
export const NAME_MAX_LENGTH = 500;
export const TEXT_MAX_LENGTH = 10_000;

/** Non-empty text of at most `max` characters. */
function text(max: number) {
  return z
    .string({ error: (iss) => `expected text, got ${describe(iss.input)}` })
    .min(1, { error: 'must not be empty' })
    .max(max, { error: (iss) => `at most ${max} characters, got ${(iss.input as string).length}` });
}

/** Free text: descriptions, notes, purposes (at most TEXT_MAX_LENGTH characters). */
export const textField = text(TEXT_MAX_LENGTH);
/** Names, aliases, titles, headings and other short texts (at most NAME_MAX_LENGTH characters). */
export const nameField = text(NAME_MAX_LENGTH);

/** An integer in [min, max]. */
export function intField(min: number, max: number, what = 'a whole number') {
  const error = (iss: { input?: unknown }) => `expected ${what}, got ${describe(iss.input)}`;
  const range = (iss: { input?: unknown }) => `expected ${what} from ${min} to ${max}, got ${describe(iss.input)}`;
  return z.number({ error }).int({ error }).min(min, { error: range }).max(max, { error: range });
}

/** A year between YEAR_MIN and YEAR_MAX. */
export const yearField = intField(YEAR_MIN, YEAR_MAX, 'a year');

/** A positive finite number. */
export const positiveAmountField = z
  .number({ error: (iss) => `expected an amount in US dollars, got ${describe(iss.input)}` })
  .positive({ error: (iss) => `the amount must be positive, got ${describe(iss.input)}` })
  .finite({ error: 'expected a finite amount' });

/** A list of positive integers; CSV: `62;63`. */
export function intListField(what: string) {
  const error = (iss: { input?: unknown }) => `expected ${what} (whole numbers from 1), got ${describe(iss.input)}`;
  return z.array(z.number({ error }).int({ error }).min(1, { error }), { error: (iss) => `expected a list of ${what}, got ${describe(iss.input)}` });
}

/** A list of non-empty strings; CSV: `Danab;Danab Brigade`. */
export const textListField = z.array(nameField, {
  error: (iss) => `expected a list of names, got ${describe(iss.input)}`,
});

/** true/false; CSV also `yes`/`no`. */
export const boolField = z.boolean({ error: (iss) => `expected true or false, got ${describe(iss.input)}` });

/** One value of a fixed list (with the list in the message). */
export function enumField<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.enum(values, { error: (iss) => `${describe(iss.input)} is not a valid ${what}: use one of ${values.join(', ')}` });
}
