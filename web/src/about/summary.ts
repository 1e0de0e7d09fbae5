/**
 * The data summary, asked once per page load and shared: the "About this data" panel shows it and
 * the timeline takes its year bounds from it.
 */
import { fetchDataSummary } from '../api/queries.ts';
import type { DataSummary } from '../api/types.ts';

let pending: Promise<DataSummary> | null = null;

/** The API's summary (one request per page; a failed one is asked again next time). */
export function loadDataSummary(): Promise<DataSummary> {
  pending ??= fetchDataSummary().catch((err: unknown) => {
    pending = null;
    throw err;
  });
  return pending;
}
