/** The path finder's part of the URL: both ends and the hop limit. */
import { idField, numberField, sliceCodec, type SliceState } from '../app/url-fields.ts';

export const MAX_HOPS = 6;
export const DEFAULT_HOPS = 4;

export const pathsCodec = sliceCodec({
  from: idField('pathFrom'),
  to: idField('pathTo'),
  maxHops: numberField('hops', { int: true, min: 1, max: MAX_HOPS }),
});

export type PathsUrlState = SliceState<typeof pathsCodec>;
