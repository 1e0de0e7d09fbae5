/** What the figures were measured on: every report carries it. */
import { execSync } from 'node:child_process';
import { cpus, loadavg, totalmem, freemem } from 'node:os';

/** The machine, the software versions and the time of a run. */
export interface MachineInfo {
  date: string;
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  freeMemoryGiB: number;
  /** 1, 5 and 15 minute load averages at the start: the machine is shared, so this says how busy it was. */
  loadAvg: number[];
  node: string;
  platform: string;
  gitCommit: string | null;
}

/** Describes the current machine. */
export function machineInfo(): MachineInfo {
  let gitCommit: string | null = null;
  try {
    gitCommit = execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    gitCommit = null;
  }
  const list = cpus();
  return {
    date: new Date().toISOString(),
    cpuModel: list[0]?.model ?? 'unknown',
    cores: list.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    freeMemoryGiB: Math.round((freemem() / 2 ** 30) * 10) / 10,
    loadAvg: loadavg().map((v) => Math.round(v * 100) / 100),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    gitCommit,
  };
}
