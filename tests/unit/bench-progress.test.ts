/**
 * The bench's resume-by-phase file and its memory budget: a resumed run finds the phases of an
 * interrupted run of the same data set only, and a process over 8 GiB is flagged.
 */
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clearProgress, progressFile, readProgress, writeProgress } from '../../bench/lib/progress.ts';
import { MEMORY_LIMIT_MB, memoryRecorder } from '../../bench/lib/memory.ts';
import type { BenchReport } from '../../bench/lib/report.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'bench-progress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bench progress', () => {
  it('is found for the same data set, not for another, and is gone once cleared', () => {
    const file = progressFile(dir, 'L', 42);
    expect(readProgress(file, '/data/L-42')).toBeUndefined();
    const report = { size: 'L', memory: { byPhase: [] } } as unknown as BenchReport;
    writeProgress(file, { report, done: ['load'], datasetDir: '/data/L-42' });
    expect(readProgress(file, '/data/L-42')?.done).toEqual(['load']);
    expect(readProgress(file, '/data/L-7')).toBeUndefined();
    clearProgress(file);
    expect(existsSync(file)).toBe(false);
  });

  it('flags a process over the memory budget and keeps an earlier run\'s rows', () => {
    const mem = memoryRecorder([{ phase: 'load', process: 'loader', peakRssMb: 300, over: false }]);
    mem.add('api', 'server', MEMORY_LIMIT_MB + 1);
    mem.add('api', 'Neo4j JVM', null);
    expect(mem.rows().map((m) => [m.phase, m.over])).toEqual([['load', false], ['api', true], ['api', false]]);
  });
});
