/** Donor shares of a recipient's known assistance and their concentration: plain arithmetic. */

/** A donor's counted amount. */
export interface DonorAmount<T> {
  donor: T;
  amountUsd: number;
  lowerBound: boolean;
}

/** A donor's amount and its share of the total (0..1), largest first. */
export type DonorShare<T> = DonorAmount<T> & { share: number };

/** Shares of `total` (0 when nothing was received), largest donor first. */
export function donorShares<T>(donors: readonly DonorAmount<T>[], total: number): DonorShare<T>[] {
  return donors.map((d) => ({ ...d, share: total > 0 ? d.amountUsd / total : 0 })).sort((a, b) => b.amountUsd - a.amountUsd);
}

/**
 * The Herfindahl-Hirschman index of the shares (0..1; 1 = a single donor); null when nothing
 * was received.
 */
export function concentration(shares: readonly { share: number }[], total: number): number | null {
  return total > 0 ? shares.reduce((s, d) => s + d.share * d.share, 0) : null;
}
