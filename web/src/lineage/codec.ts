/** The lineage view's part of the URL: the root authority and which way to trace. */
import { enumField, idField, sliceCodec, type SliceState } from '../app/url-fields.ts';

const DIRECTIONS = ['BOTH', 'ANCESTORS', 'DESCENDANTS'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const lineageCodec = sliceCodec({
  authority: idField('authority'),
  direction: enumField('direction', DIRECTIONS, 'BOTH'),
});

export type LineageUrlState = SliceState<typeof lineageCodec>;
