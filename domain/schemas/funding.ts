/** Schema of a funding record (funding.csv): one flow of money from donor to recipient. */
import { z } from 'zod';
import { FUNDING_BASES, PRECISIONS } from '../kinds.ts';
import { type FundingRecord } from '../records.ts';
import { citeField, type CitationInput } from './citation.ts';
import type { WithCitations } from './entity.ts';
import { enumField, idField, positiveAmountField, textField, yearField } from './fields.ts';

export const fundingSchema = z
  .strictObject({
    id: idField,
    donor: idField,
    recipient: idField,
    authority: idField.optional(),
    amountUsd: positiveAmountField,
    fyStart: yearField,
    /** Defaults to fyStart: a figure for one year. */
    fyEnd: yearField.optional(),
    precision: enumField(PRECISIONS, 'precision').optional(),
    basis: enumField(FUNDING_BASES, 'basis').optional(),
    partOf: idField.optional(),
    purpose: textField.optional(),
    note: textField.optional(),
    cite: citeField.optional(),
  })
  .refine((f) => f.fyEnd === undefined || f.fyStart <= f.fyEnd, {
    error: (iss) => `fy_end ${(iss.input as { fyEnd: number }).fyEnd} is before fy_start ${(iss.input as { fyStart: number }).fyStart}`,
    path: ['fyEnd'],
  })
  .refine((f) => f.partOf !== f.id, { error: 'a flow cannot be part of itself', path: ['partOf'] });

export function toFundingRecord(f: z.output<typeof fundingSchema>, cite: CitationInput[]): WithCitations<FundingRecord> {
  return {
    id: f.id,
    donor: f.donor,
    recipient: f.recipient,
    authority: f.authority ?? null,
    amountUsd: f.amountUsd,
    fyStart: f.fyStart,
    fyEnd: f.fyEnd ?? f.fyStart,
    precision: f.precision ?? 'EXACT',
    basis: f.basis ?? 'TOTAL',
    partOf: f.partOf ?? null,
    purpose: f.purpose ?? null,
    note: f.note ?? null,
    cite,
  };
}
