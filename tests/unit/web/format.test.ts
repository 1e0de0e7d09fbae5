import { describe, expect, it } from 'vitest';
import { formatFiscalYears, formatShare, formatUsd, formatYears, humanKind, humanType } from '../../../web/src/ui/format.ts';

describe('format', () => {
  it.each([
    [341e6, '$341M'],
    [1.2e9, '$1.2B'],
    [950e3, '$950K'],
    [12, '$12'],
    [12.6, '$13'],
    [1e6, '$1M'],
    [2.5e12, '$2.5T'],
    [-3.4e6, '$-3.4M'],
    [0, '$0'],
  ])('formatUsd(%d) = %s', (amount, text) => expect(formatUsd(amount)).toBe(text));

  it('formatUsd leaves out what is not a number', () => {
    expect(formatUsd(null)).toBe('');
    expect(formatUsd(undefined)).toBe('');
    expect(formatUsd(Number.NaN)).toBe('');
  });

  it('years and fiscal years', () => {
    expect(formatYears(2006, 2018)).toBe('2006–2018');
    expect(formatYears(2006, 2006)).toBe('2006');
    expect(formatYears(2006, null)).toBe('2006–');
    expect(formatYears(null, 2018)).toBe('–2018');
    expect(formatYears(null, undefined)).toBe('');
    expect(formatFiscalYears(2016, 2016)).toBe('FY2016');
    expect(formatFiscalYears(2006, 2018)).toBe('FY2006–2018');
  });

  it('names and shares', () => {
    expect(humanType('CONTRIBUTES_TROOPS_TO')).toBe('contributes troops to');
    expect(humanKind('MilitaryUnit')).toBe('Military unit');
    expect(humanKind('State')).toBe('State');
    expect(formatShare(0.0523)).toBe('5.2%');
    expect(formatShare(0.456)).toBe('46%');
    expect(formatShare(1)).toBe('100%');
  });
});
