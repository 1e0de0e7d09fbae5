/**
 * Resuming a run by phase. After each phase the partial report is written to
 * `<out>/progress-<size>-<seed>.json`; a run with `--resume` takes the phases that file holds
 * as done (their figures are kept, not measured again) and reuses the store the interrupted run
 * left in its data directory. A run that finishes removes the file.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchReport } from './report.ts';

/** The progress file of a size and generator seed. */
export function progressFile(outDir: string, size: string, seed: number): string {
  return path.join(outDir, `progress-${size}-${seed}.json`);
}

/** What an earlier, unfinished run left: its partial report and the phases it finished. */
export interface Progress {
  report: BenchReport;
  done: string[];
  /** The data set folder it loaded (a resume with another folder starts over). */
  datasetDir: string;
}

/** Reads the progress of an earlier run of the same data set, if any. */
export function readProgress(file: string, datasetDir: string): Progress | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const progress = JSON.parse(readFileSync(file, 'utf8')) as Progress;
    return progress.datasetDir === datasetDir ? progress : undefined;
  } catch {
    return undefined;
  }
}

/** Records that `phase` finished, with the report so far. */
export function writeProgress(file: string, progress: Progress): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(progress, null, 2)}\n`);
}

/** The run finished: nothing is left to resume. */
export function clearProgress(file: string): void {
  rmSync(file, { force: true });
}
