/**
 * The whole URL hash: `view=<name>` plus every slice's parameters (the shared filters first, then
 * each registered view's). Slices own disjoint parameter names, so links of the older flat format
 * decode unchanged.
 */
import * as z from 'zod/mini';
import { filtersCodec } from '../filters/codec.ts';
import type { SliceCodec } from './url-fields.ts';
import type { AppState, SliceName, ViewName } from './state.ts';

/** What the URL codec needs from a registry entry. */
export interface CodecEntry {
  readonly name: ViewName;
  readonly codec: SliceCodec<any>;
}

export interface AppCodec {
  decode(hash: string): AppState;
  /** The hash without '#'; an untouched page encodes to ''. */
  encode(state: AppState): string;
  defaults(): AppState;
}

/** The codec for `entries` (the first entry is the default view). */
export function appCodec(entries: readonly CodecEntry[]): AppCodec {
  if (!entries.length) throw new Error('no views registered');
  const names = entries.map((e) => e.name) as [ViewName, ...ViewName[]];
  const viewSchema = z.catch(z.enum(names), names[0]);
  const slices: [SliceName, SliceCodec<any>][] = [['filters', filtersCodec], ...entries.map((e) => [e.name, e.codec] as [SliceName, SliceCodec<any>])];
  const owner = new Map<string, string>([['view', 'the view switch']]);
  for (const [name, codec] of slices) {
    for (const key of codec.keys) {
      const other = owner.get(key);
      if (other) throw new Error(`URL parameter "${key}" is claimed by both ${other} and ${name}`);
      owner.set(key, name);
    }
  }
  const decode = (hash: string): AppState => {
    const params = new URLSearchParams(hash.replace(/^#/, ''));
    const state: Record<string, unknown> = { view: viewSchema.parse(params.get('view') ?? undefined) };
    for (const [name, codec] of slices) state[name] = codec.decode(params);
    return state as unknown as AppState;
  };
  return {
    decode,
    encode(state) {
      const params = new URLSearchParams();
      if (state.view !== names[0]) params.set('view', state.view);
      for (const [name, codec] of slices) for (const [key, value] of codec.encode(state[name])) params.set(key, value);
      // Commas stay readable in lists of ids.
      return params.toString().replace(/%2C/g, ',');
    },
    defaults: () => decode(''),
  };
}
