/**
 * A comparison window in the URL: `2011` (one year) or `2006-2010` (both years included).
 * Anything else in a link is ignored, as every other URL field does.
 */
import * as z from 'zod/mini';
import type { UrlField } from '../app/url-fields.ts';

export interface Span {
  from: number;
  to: number;
}

const SPAN = /^(\d{4})(?:-(\d{4}))?$/;

/** The window a text names, or null (a reversed pair is put in order). */
export function parseSpan(text: string | null | undefined): Span | null {
  const m = text ? SPAN.exec(text.trim()) : null;
  if (!m) return null;
  const a = Number(m[1]);
  const b = m[2] ? Number(m[2]) : a;
  return { from: Math.min(a, b), to: Math.max(a, b) };
}

/** `2011` or `2006-2010`. */
export function spanText(s: Span): string {
  return s.from === s.to ? String(s.from) : `${s.from}-${s.to}`;
}

/** A URL field holding a window as text (undefined when absent or malformed). */
export function spanField(key: string): UrlField<string | undefined> {
  const check = z.transform((v: string | undefined) => {
    const s = parseSpan(v);
    return s ? spanText(s) : undefined;
  });
  return { key, schema: z.catch(z.pipe(z.optional(z.string()), check), undefined) as z.ZodMiniType<string | undefined>, encode: (v) => v || undefined };
}
