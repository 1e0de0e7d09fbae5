/** Formatting of amounts, years and names for labels and tables. */

/** $341M, $1.2B, $950K, $12. */
export function formatUsd(amount: number | null | undefined): string {
  if (amount == null || !Number.isFinite(amount)) return '';
  const abs = Math.abs(amount);
  const units: [number, string][] = [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ];
  for (const [size, suffix] of units) {
    if (abs >= size) {
      const value = amount / size;
      const digits = Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : 1;
      return `$${value.toFixed(digits).replace(/\.0$/, '')}${suffix}`;
    }
  }
  return `$${Math.round(amount)}`;
}

/** "2006", "2006–2018", "2006–", "–2018" or ''. */
export function formatYears(start: number | null | undefined, end: number | null | undefined): string {
  if (start == null && end == null) return '';
  if (start != null && end != null) return start === end ? String(start) : `${start}–${end}`;
  return start != null ? `${start}–` : `–${end}`;
}

/** Fiscal-year range: "FY2006–2018" or "FY2016". */
export function formatFiscalYears(start: number, end: number): string {
  return start === end ? `FY${start}` : `FY${start}–${end}`;
}

/** EVOLVED_INTO -> "evolved into". */
export function humanType(type: string): string {
  return type.toLowerCase().replace(/_/g, ' ');
}

/** MilitaryUnit -> "Military unit". */
export function humanKind(kind: string): string {
  const spaced = kind.replace(/([a-z])([A-Z])/g, '$1 $2');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1).toLowerCase();
}

/** Percentage with one decimal below 10 %. */
export function formatShare(share: number): string {
  const pct = share * 100;
  return `${pct < 10 ? pct.toFixed(1) : Math.round(pct)}%`;
}
