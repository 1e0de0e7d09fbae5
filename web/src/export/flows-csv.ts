/**
 * The funding view's flows as CSV: one row per flow as the API lists it, whether the API counted
 * it in the totals (and why not), and its citations, so a spreadsheet keeps the provenance.
 */
import type { ExclusionReason, FundingFlow } from '../api/types.ts';
import { csvField } from './csv.ts';
import { sourcesText } from './graphml.ts';

export interface FlowRow {
  flow: FundingFlow;
  /** Null when the API summed the flow in full. */
  reason: ExclusionReason | null;
  /** What the API says the flow still adds when it is not summed in full. */
  countedUsd: number | null;
}

const HEADER = ['id', 'donor', 'authority', 'recipient', 'amountUsd', 'fyStart', 'fyEnd', 'precision', 'basis', 'partOf', 'countedInTotals', 'reasonNotCounted', 'stillAddsUsd', 'note', 'sources'];

/** The flows table as RFC 4180 CSV. */
export function flowsCsv(rows: readonly FlowRow[]): string {
  const body = rows.map(({ flow: f, reason, countedUsd }) => [
    f.id, f.donor.name, f.authority?.name ?? '', f.recipient.name, f.amountUsd, f.fyStart, f.fyEnd, f.precision, f.basis, f.partOf ?? '',
    reason ? 'no' : 'yes', reason ?? '', reason ? countedUsd : '', f.note ?? '', sourcesText(f.sources),
  ]);
  return [HEADER, ...body].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
