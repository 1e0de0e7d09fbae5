/**
 * Building blocks of the URL codecs: each field names its query parameter, parses it with a zod
 * schema that never throws (anything malformed becomes the field's default) and writes it back,
 * leaving defaults out so links stay short. A slice codec is a named group of fields.
 */
// The functional build of zod: a fraction of the classic one's weight in the page bundle.
import * as z from 'zod/mini';

/** Ids as the API mints them; anything else in a URL is ignored. */
const ID_PATTERN = /^[A-Za-z0-9_:.\-]{1,120}$/;
const idSchema = z.string().check(z.regex(ID_PATTERN));

/** One query parameter. */
export interface UrlField<T> {
  readonly key: string;
  /** Parses the parameter's text (undefined when absent); must not throw. */
  readonly schema: z.ZodMiniType<T>;
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
  readonly schema: z.ZodMiniType<S>;
  decode(params: URLSearchParams): S;
  /** Parameters to write, in field order, defaults left out. */
  encode(state: S): [string, string][];
  /** The state of an empty URL. */
  defaults(): S;
}

const blank = (value: unknown) => (value == null || value === '' ? undefined : value);

/** A single entity id. */
export function idField(key: string): UrlField<string | undefined> {
  return { key, schema: z.catch(z.optional(idSchema), undefined), encode: (v) => v || undefined };
}

/** A comma-separated list of entity ids; malformed ids are dropped, the rest kept in order. */
export function idListField(key: string): UrlField<string[]> {
  return listField(key, idSchema);
}

/** A comma-separated list of values that each pass `item`; the others are dropped. */
export function listField<T extends string>(key: string, item: z.ZodMiniType<T>): UrlField<T[]> {
  const split = z.transform((text: string | undefined) => (text ? text.split(',') : []).filter((part): part is T => item.safeParse(part).success));
  const schema = z.catch(z.pipe(z.optional(z.string()), split), []);
  return { key, schema, encode: (v) => (v.length ? v.join(',') : undefined) };
}

/** On when the parameter is `1`. */
export function flagField(key: string): UrlField<boolean> {
  const on = z.transform((v: string | undefined) => v === '1');
  return { key, schema: z.catch(z.pipe(z.optional(z.string()), on), false), encode: (v) => (v ? '1' : undefined) };
}

/** One of `values`, else `fallback` (which is never written). */
export function enumField<const T extends readonly [string, ...string[]]>(key: string, values: T, fallback: T[number]): UrlField<T[number]> {
  const schema = z.catch(z.enum(values), fallback) as unknown as z.ZodMiniType<T[number]>;
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
  const bounds = [
    ...(rule.min != null ? [z.minimum(rule.min)] : []),
    ...(rule.max != null ? [z.maximum(rule.max)] : []),
    ...(rule.above != null ? [z.gt(rule.above)] : []),
  ];
  const toNumber = z.transform((v: unknown) => {
    const text = blank(v);
    if (text === undefined) return undefined;
    return rule.int ? Math.trunc(Number(text)) : Number(text);
  });
  // z.number() refuses NaN and the infinities, so junk ends up absent.
  const schema = z.catch(z.pipe(toNumber, z.optional(z.number().check(...bounds))), undefined) as z.ZodMiniType<number | undefined>;
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
  const schema = z.pipe(z.object(shape), z.transform((s) => normalise(s as S))) as unknown as z.ZodMiniType<S>;
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
