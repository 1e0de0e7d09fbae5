/**
 * The filters the network and funding views share in the URL: the year window (all years, as of
 * one year, between two years) and the minimum funding amount. One slice, so a year chosen in one
 * view holds in the other, as links always did.
 */
import { enumField, numberField, sliceCodec, type SliceState } from '../app/url-fields.ts';

export const YEAR_MODES = ['all', 'asof', 'between'] as const;

export const filtersCodec = sliceCodec(
  {
    minAmount: numberField('min', { above: 0 }),
    yearMode: enumField('years', YEAR_MODES, 'all'),
    yearFrom: numberField('from', { int: true }),
    yearTo: numberField('to', { int: true }),
  },
  {
    normalise: (s) => {
      // A window without its first year means every year.
      if (s.yearMode === 'all' || s.yearFrom == null) return { ...s, yearMode: 'all' as const, yearFrom: undefined, yearTo: undefined };
      return s.yearMode === 'asof' ? { ...s, yearTo: s.yearFrom } : s;
    },
    beforeEncode: (s) => {
      if (s.yearMode === 'all') return { ...s, yearFrom: undefined, yearTo: undefined };
      return s.yearMode === 'asof' ? { ...s, yearTo: undefined } : s;
    },
  },
);

export type FiltersState = SliceState<typeof filtersCodec>;

/** The year window to send to the API, or nothing. */
export function yearWindow(s: FiltersState): { yearFrom?: number; yearTo?: number } {
  if (s.yearMode === 'all' || s.yearFrom == null) return {};
  return { yearFrom: s.yearFrom, yearTo: s.yearMode === 'asof' ? s.yearFrom : (s.yearTo ?? s.yearFrom) };
}

/** Every year, any amount. */
export const NO_FILTERS: Partial<FiltersState> = { minAmount: undefined, yearMode: 'all', yearFrom: undefined, yearTo: undefined };
