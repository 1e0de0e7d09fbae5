/** Reading a process's memory and CPU use from /proc (Linux), for peak RSS and CPU-seconds. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

/** Peak resident set size (VmHWM) of a live process, in MiB; null when unreadable. */
export function peakRssMb(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Current resident set size (VmRSS) of a live process, in MiB; null when unreadable. */
export function rssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) a live process has used so far; null when unreadable. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime
    return ticks / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/** Samples a process's RSS every `everyMs` and remembers the highest (VmHWM covers most cases; this is a fallback). */
export function watchRss(pid: number, everyMs = 200): { stop(): number | null } {
  let peak: number | null = null;
  const timer = setInterval(() => {
    const v = rssMb(pid);
    if (v !== null && (peak === null || v > peak)) peak = v;
  }, everyMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      const hwm = peakRssMb(pid);
      return hwm ?? peak;
    },
  };
}

/** Peak RSS and CPU of one child process, as last seen. */
export interface ChildUsage {
  pid: number;
  command: string;
  peakRssMb: number | null;
  cpuSeconds: number | null;
}

/** The direct children of `ppid` (from /proc/<pid>/stat). */
function childPids(ppid: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === ppid) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/**
 * Samples the children of `ppid` whose command line matches `match` (e.g. the JVMs a bulk load
 * starts one after the other) and keeps, per child in order of appearance, its peak RSS and CPU
 * seconds: a child's own figures vanish with it, so they are read while it lives.
 */
export function watchChildren(ppid: number, match: RegExp, everyMs = 250): { stop(): ChildUsage[] } {
  const seen = new Map<number, ChildUsage>();
  const sample = () => {
    for (const pid of childPids(ppid)) {
      let usage = seen.get(pid);
      if (!usage) {
        const command = commandOf(pid);
        // Other children (tsx's esbuild service) are not what is watched; asked again next
        // time, since a child caught between fork and exec still shows this process's command.
        if (!match.test(command)) continue;
        usage = { pid, command: command.split(' ').slice(-2).join(' '), peakRssMb: null, cpuSeconds: null };
      }
      const hwm = peakRssMb(pid);
      if (hwm !== null && (usage.peakRssMb === null || hwm > usage.peakRssMb)) usage.peakRssMb = hwm;
      usage.cpuSeconds = cpuSeconds(pid) ?? usage.cpuSeconds;
      seen.set(pid, usage);
    }
  };
  const timer = setInterval(sample, everyMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      sample();
      return [...seen.values()];
    },
  };
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
  } catch {
    return '?';
  }
}

/** Resets a process's VmHWM to its current RSS (Linux clear_refs 5); false when not permitted. */
export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}
