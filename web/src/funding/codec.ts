/**
 * The funding view's part of the URL: the recipient whose dependency view is open and the
 * authority filter (years and minimum amount are the shared filters).
 */
import { flagField, idField, sliceCodec, type SliceState } from '../app/url-fields.ts';

export const fundingCodec = sliceCodec({
  recipient: idField('recipient'),
  /** Only flows under this authority... */
  authority: idField('under'),
  /** ...and, when set, under every authority descending from it. */
  descendants: flagField('descendants'),
});

export type FundingUrlState = SliceState<typeof fundingCodec>;
