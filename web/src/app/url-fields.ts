/**
 * Building blocks of the URL codecs: each field names its query parameter, parses it with a zod
 * schema that never throws (anything malformed becomes the field's default) and writes it back,
 * leaving defaults out so links stay short. A slice codec is a named group of fields.
 */
import { z } from 'zod';

/** Ids as the API mints them; anything else in a URL is ignored. */
export const ID_PATTERN = /^[A-Za-z0-9_:.\-]{1,120}$/;
const idSchema = z.string().regex(ID_PATTERN);

/** One query parameter. */
export interface UrlField<T> {
  readonly key: string;
  /** Parses the parameter's text (undefined when absent); must not throw. */
  readonly schema: z.ZodType<T>;
  /** The text to write, or undefined to leave the parameter out. */
  encode(value: T): string | undefined;
}

type Fields = Record<string, UrlField<any>>;

/** The state a set of fields parses to. */
export type FieldsState<F extends Fields> = { [K in keyof F]: F[K] extends UrlField<infer T> ? T : never };

/** The state a slice codec parses to. */
export type SliceState<C> = C extends SliceCodec<infer S> ? S : never;

/** Parses and writes one view's part of the URL. */
export interface SliceCodec<S> {
  /** The query parameters this slice owns. */
  readonly keys: readonly string[];
  /** The slice's schema over `{ field: parameter text }`. */
  readonly schema: z.ZodType<S>;
  decode(params: URLSearchParams): S;
  /** Parameters to write, in field order, defaults left out. */
  encode(state: S): [string, string][];
  /** The state of an empty URL. */
  defaults(): S;
}

const blank = (value: unknown) => (value == null || value === '' ? undefined : value);

/** A single entity id. */
export function idField(key: string): UrlField<string | undefined> {
  return { key, schema: idSchema.optional().catch(undefined), encode: (v) => v || undefined };
}

/** A comma-separated list of entity ids; malformed ids are dropped, the rest kept in order. */
export function idListField(key: string): UrlField<string[]> {
  return listField(key, idSchema);
}

/** A comma-separated list of values that each pass `item`; the others are dropped. */
export function listField<T extends string>(key: string, item: z.ZodType<T>): UrlField<T[]> {
  const schema = z
    .string()
    .optional()
    .transform((text) => (text ? text.split(',') : []).filter((part): part is T => item.safeParse(part).success))
    .catch([]);
  return { key, schema, encode: (v) => (v.length ? v.join(',') : undefined) };
}

/** On when the parameter is `1`. */
export function flagField(key: string): UrlField<boolean> {
  return { key, schema: z.string().optional().transform((v) => v === '1').catch(false), encode: (v) => (v ? '1' : undefined) };
}

/** One of `values`, else `fallback` (which is never written). */
export function enumField<const T extends readonly [string, ...string[]]>(key: string, values: T, fallback: T[number]): UrlField<T[number]> {
  const schema = z.enum(values).catch(fallback) as unknown as z.ZodType<T[number]>;
  return { key, schema, encode: (v) => (v === fallback ? undefined : v) };
}

export interface NumberRule {
  /** Truncate to an integer before checking the bounds. */
  int?: boolean;
  min?: number;
  max?: number;
  /** Exclusive lower bound. */
  above?: number;
}

/** A finite number within the bounds, else absent. */
export function numberField(key: string, rule: NumberRule = {}): UrlField<number | undefined> {
  let n = z.number();
  if (rule.min != null) n = n.min(rule.min);
  if (rule.max != null) n = n.max(rule.max);
  if (rule.above != null) n = n.gt(rule.above);
  const toNumber = (v: unknown) => {
    const text = blank(v);
    if (text === undefined) return undefined;
    return rule.int ? Math.trunc(Number(text)) : Number(text);
  };
  const schema = z.preprocess(toNumber, n.optional()).catch(undefined) as z.ZodType<number | undefined>;
  return { key, schema, encode: (v) => (v == null ? undefined : String(v)) };
}

export interface SliceOptions<S> {
  /** Ties fields together after parsing (e.g. "as of" implies the second year). */
  normalise?: (state: S) => S;
  /** Drops what the URL need not carry before writing. */
  beforeEncode?: (state: S) => S;
}

/** A slice codec from its fields. */
export function sliceCodec<F extends Fields>(fields: F, options: SliceOptions<FieldsState<F>> = {}): SliceCodec<FieldsState<F>> {
  type S = FieldsState<F>;
  const entries = Object.entries(fields);
  const shape = Object.fromEntries(entries.map(([prop, field]) => [prop, field.schema]));
  const normalise = options.normalise ?? ((s: S) => s);
  const schema = z.object(shape).transform((s) => normalise(s as S)) as unknown as z.ZodType<S>;
  const decode = (params: URLSearchParams): S => schema.parse(Object.fromEntries(entries.map(([prop, field]) => [prop, params.get(field.key) ?? undefined])));
  return {
    keys: entries.map(([, field]) => field.key),
    schema,
    decode,
    encode(state) {
      const s = options.beforeEncode ? options.beforeEncode(state) : state;
      const out: [string, string][] = [];
      for (const [prop, field] of entries) {
        const text = field.encode(s[prop as keyof S]);
        if (text !== undefined) out.push([field.key, text]);
      }
      return out;
    },
    defaults: () => decode(new URLSearchParams()),
  };
}
