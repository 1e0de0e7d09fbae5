/** Reading a process's memory and CPU use from /proc (Linux), for peak RSS and CPU-seconds. */
import { readFileSync } from 'node:fs';

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
