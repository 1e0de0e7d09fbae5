/**
 * The path finder's part of the URL: both ends, the hop limit, and what the search may follow:
 * relationship types (none = all), entities to avoid, and a year window of its own (the network's years are another
 * question: "when" there filters a picture, here it bounds a search).
 */
import { idField, idListField, numberField, sliceCodec, type SliceState } from '../app/url-fields.ts';

export const MAX_HOPS = 6;
export const DEFAULT_HOPS = 4;

export const pathsCodec = sliceCodec({
  from: idField('pathFrom'),
  to: idField('pathTo'),
  maxHops: numberField('hops', { int: true, min: 1, max: MAX_HOPS }),
  types: idListField('pathTypes'),
  /** Entities no path may pass through (e.g. a hub every path would otherwise cross). */
  exclude: idListField('pathExclude'),
  yearFrom: numberField('pathYearFrom', { int: true, min: 1800, max: 2200 }),
  yearTo: numberField('pathYearTo', { int: true, min: 1800, max: 2200 }),
});

export type PathsUrlState = SliceState<typeof pathsCodec>;
