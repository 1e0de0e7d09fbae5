/**
 * CSV writers (RFC 4180) for the visible graph: a node table and an edge table, with the column
 * names Gephi's spreadsheet import expects (Id, Label; Source, Target, Type = Directed).
 */
import type { ExportGraph } from './model.ts';
import { sourcesText } from './graphml.ts';

/** Quote a CSV field when it needs it; neutralise spreadsheet formulas. */
export function csvField(value: unknown): string {
  if (value == null) return '';
  let s = String(value);
  // A leading =, +, - or @ makes spreadsheets evaluate the cell; prefix text cells with a quote.
  if (typeof value === 'string' && /^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function rows(header: string[], body: unknown[][]): string {
  return [header, ...body].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Node table. */
export function nodesCsv(graph: ExportGraph): string {
  return rows(
    ['Id', 'Label', 'kind', 'citation', 'year', 'amountUsd', 'description'],
    graph.nodes.map(({ data: d }) => [d.id, d.name, d.kind, d.citation, d.year, d.amountUsd, d.description]),
  );
}

/** Edge table. */
export function edgesCsv(graph: ExportGraph): string {
  return rows(
    ['Id', 'Source', 'Target', 'Type', 'Label', 'relationship', 'start', 'end', 'amountUsd', 'authority', 'note', 'sources'],
    graph.edges.map(({ data: d }) => [d.id, d.source, d.target, 'Directed', d.label, d.type, d.start, d.end, d.amountUsd, d.authority, d.note, sourcesText(d.sources)]),
  );
}
