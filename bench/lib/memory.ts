/**
 * Peak memory by phase: what each process of a phase (the loaders, the server, the Neo4j JVMs)
 * reached at most, with anything over the limit flagged. The limit is the machine budget of
 * issue 12: no process over 8 GiB.
 */
import type { LoadReport } from '../load/run-load.ts';

/** The budget of any one process, in MiB. */
export const MEMORY_LIMIT_MB = 8 * 1024;

/** One process's peak RSS during one phase. */
export interface PhaseMemory {
  phase: string;
  process: string;
  peakRssMb: number | null;
  /** True when the peak is over {@link MEMORY_LIMIT_MB}. */
  over: boolean;
}

/** Collects the rows of the memory table, phase by phase. */
export function memoryRecorder(earlier: readonly PhaseMemory[] = []): { add(phase: string, process: string, peakRssMb: number | null | undefined): void; rows(): PhaseMemory[] } {
  // A resumed run starts from the rows of the phases it does not measure again.
  const rows: PhaseMemory[] = [...earlier];
  return {
    add(phase, process, peakRssMb) {
      const v = peakRssMb ?? null;
      rows.push({ phase, process, peakRssMb: v, over: v !== null && v > MEMORY_LIMIT_MB });
    },
    rows: () => rows,
  };
}

/** The load phase's processes: each loader, the bulk load's JVMs, and the bench's Neo4j. */
export function loadPhaseMemory(add: (process: string, peakRssMb: number | null | undefined) => void, load: LoadReport, neo4jPhasePeakMb: number | null): void {
  const run = (name: string) => load.runs.find((r) => r.name === name);
  // Only the processes of the runs made (--loads may choose fewer).
  const ran = (name: string, process: string, mb: number | null | undefined) => void (run(name) && add(process, mb));
  ran('bare', 'bare loader (node)', run('bare')?.peakRssMb);
  ran('bulk', 'bulk loader (node)', run('bulk')?.peakRssMb);
  ran('bulk', 'neo4j-admin import JVM (bulk)', run('bulk')?.bulk?.importerJvm?.peakRssMb);
  ran('bulk', 'Neo4j JVM started by the bulk load', run('bulk')?.bulk?.databaseJvm?.peakRssMb);
  ran('loader', 'import loader (node)', run('loader')?.peakRssMb);
  const benchJvm = [neo4jPhasePeakMb, run('bare')?.neo4jPeakRssMb, run('loader')?.neo4jPeakRssMb].filter((v): v is number => typeof v === 'number');
  add('Neo4j JVM (bench)', benchJvm.length ? Math.max(...benchJvm) : null);
}
