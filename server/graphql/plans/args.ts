/**
 * Typed reads of coerced arguments. GraphQL has already checked each value against the SDL, so a
 * mismatch here is a schema change the plans missed: it is reported, never cast away.
 */
import type { Args } from './selection.ts';

function wrong(name: string, want: string): Error {
  return new TypeError(`argument ${name}: expected ${want} (the SDL and the plans disagree)`);
}

/** An optional whole or decimal number. */
export function num(args: Args, name: string): number | null {
  const v = args[name];
  if (v === null || v === undefined) return null;
  if (typeof v !== 'number') throw wrong(name, 'a number');
  return v;
}

/** An optional string. */
export function str(args: Args, name: string): string | null {
  const v = args[name];
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string') throw wrong(name, 'a string');
  return v;
}

/** A required string. */
export function reqStr(args: Args, name: string): string {
  const v = str(args, name);
  if (v === null) throw wrong(name, 'a string');
  return v;
}

/** An optional boolean. */
export function bool(args: Args, name: string): boolean | null {
  const v = args[name];
  if (v === null || v === undefined) return null;
  if (typeof v !== 'boolean') throw wrong(name, 'a boolean');
  return v;
}

/** An optional list of strings. */
export function strList(args: Args, name: string): string[] | null {
  const v = args[name];
  if (v === null || v === undefined) return null;
  if (!Array.isArray(v) || !v.every((x): x is string => typeof x === 'string')) throw wrong(name, 'a list of strings');
  return v;
}

/** An optional list of values of an enumeration. */
export function enumList<T extends string>(args: Args, name: string, values: readonly T[]): T[] | null {
  const list = strList(args, name);
  if (list === null) return null;
  const allowed: ReadonlySet<string> = new Set(values);
  const isValue = (x: string): x is T => allowed.has(x);
  if (!list.every(isValue)) throw wrong(name, `values of ${values.join(', ')}`);
  return list;
}

/** A required value of an enumeration. */
export function enumValue<T extends string>(args: Args, name: string, values: readonly T[]): T {
  const v = reqStr(args, name);
  const found = values.find((x) => x === v);
  if (found === undefined) throw wrong(name, `one of ${values.join(', ')}`);
  return found;
}

/** An optional input object. */
export function obj(args: Args, name: string): Args {
  const v = args[name];
  if (v === null || v === undefined) return {};
  if (typeof v !== 'object' || Array.isArray(v)) throw wrong(name, 'an input object');
  return v as Args;
}
