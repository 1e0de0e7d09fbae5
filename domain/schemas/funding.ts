/** Schema of a funding record (funding.csv): one flow of money from donor to recipient. */
import { z } from 'zod';
import { FUNDING_BASES, PRECISIONS } from '../kinds.ts';
import { citationFields, citeField, gatherCitations } from './citation.ts';
import { evidenceField } from './entity.ts';
import { enumField, idField, orNull, positiveAmountField, textField, yearField } from './fields.ts';

export const fundingSchema = z
  .strictObject({
    id: idField,
    donor: idField,
    recipient: idField,
    authority: orNull(idField),
    amountUsd: positiveAmountField,
    fyStart: yearField,
    /** Left out: the figure is for fyStart alone. */
    fyEnd: orNull(yearField),
    precision: enumField(PRECISIONS, 'precision').default('EXACT'),
    basis: enumField(FUNDING_BASES, 'basis').default('TOTAL'),
    partOf: orNull(idField),
    purpose: orNull(textField),
    note: orNull(textField),
    evidence: evidenceField,
    cite: citeField,
    ...citationFields,
  })
  .refine((f) => f.fyEnd === null || f.fyStart <= f.fyEnd, {
    error: (iss) => `fy_end ${(iss.input as { fyEnd: number }).fyEnd} is before fy_start ${(iss.input as { fyStart: number }).fyStart}`,
    path: ['fyEnd'],
  })
  .refine((f) => f.partOf !== f.id, { error: 'a flow cannot be part of itself', path: ['partOf'] })
  .transform((f) => ({ ...gatherCitations(f), fyEnd: f.fyEnd ?? f.fyStart }));
