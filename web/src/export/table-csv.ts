/**
 * CSV of "What the canvas shows": one file per table (entities, relationships, flows), each row
 * with its sources, so a spreadsheet keeps the provenance of every element.
 */
import type { CanvasTable } from '../table/rows.ts';
import { csvField } from './csv.ts';
import { sourcesText } from './graphml.ts';

export type TableName = keyof CanvasTable;

function csv(header: string[], body: unknown[][]): string {
  return [header, ...body].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The CSV text of one table. */
export function tableCsv(table: CanvasTable, name: TableName): string {
  switch (name) {
    case 'entities':
      return csv(['id', 'name', 'kind', 'sources'], table.entities.map((r) => [r.id, r.name, r.kind, sourcesText(r.sources)]));
    case 'relationships':
      return csv(['id', 'from', 'relationship', 'to', 'start', 'end', 'note', 'sources'], table.relationships.map((r) => [r.id, r.from, r.type, r.to, r.start, r.end, r.note, sourcesText(r.sources)]));
    case 'flows':
      return csv(['id', 'from', 'to', 'amountUsd', 'start', 'end', 'authority', 'sources'], table.flows.map((r) => [r.id, r.from, r.to, r.amountUsd, r.start, r.end, r.authority, sourcesText(r.sources)]));
  }
}
