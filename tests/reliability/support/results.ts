/** Figures measured by the drills, kept as JSON under RELIABILITY_DIR/results for docs/reliability.md. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { RELIABILITY_DIR } from './own-neo4j.ts';

/** Writes `figures` (with the machine and date) to results/<name>.json and returns the path. */
export function saveResults(name: string, figures: unknown): string {
  const dir = join(RELIABILITY_DIR, 'results');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.json`);
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
  writeFileSync(path, `${JSON.stringify({ name, date: new Date().toISOString(), machine, figures }, null, 2)}\n`);
  return path;
}
