/**
 * Runs a TypeScript benchmark step in its own Node process (so its memory and CPU are its own)
 * and reads its result: the last stdout line that parses as JSON.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpuSeconds, watchRss } from './proc.ts';

/** What a finished child reported, plus what the parent saw of it. */
export interface ChildResult<T> {
  result: T;
  wallMs: number;
  /** Peak RSS seen by polling /proc while it ran (the child's own maxRSS is more exact). */
  polledPeakRssMb: number | null;
  cpuSeconds: number | null;
}

const live = new Set<ChildProcess>();

/** Spawns `node --import tsx script ...args` with extra environment. */
export function spawnTs(script: string, args: string[], env: NodeJS.ProcessEnv = {}, inheritStderr = true): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', inheritStderr ? 'inherit' : 'pipe'],
  });
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

/** Kills every child this process started and that still runs (on SIGINT/SIGTERM of the bench). */
export function killChildren(): void {
  for (const child of live) child.kill('SIGKILL');
  live.clear();
}

/** Runs a script to completion and parses the JSON it prints last. */
export async function runTsChild<T>(script: string, args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 3_600_000): Promise<ChildResult<T>> {
  const t0 = performance.now();
  const child = spawnTs(script, args, env);
  const rss = watchRss(child.pid!);
  let lastCpu: number | null = null;
  const cpuTimer = setInterval(() => {
    lastCpu = cpuSeconds(child.pid!) ?? lastCpu;
  }, 500);
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const killer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  clearTimeout(killer);
  clearInterval(cpuTimer);
  const polledPeakRssMb = rss.stop();
  const wallMs = performance.now() - t0;
  if (code !== 0) throw new Error(`${script} exited with code ${code}; output:\n${out.slice(-2000)}`);
  const lines = out.trim().split('\n').reverse();
  for (const line of lines) {
    try {
      return { result: JSON.parse(line) as T, wallMs, polledPeakRssMb, cpuSeconds: lastCpu };
    } catch {
      // not the result line
    }
  }
  throw new Error(`${script} printed no JSON result; output:\n${out.slice(-2000)}`);
}

/** Starts a long-running child that prints one JSON line when ready (e.g. `{"port": 1234}`). */
export async function startTsService<T>(script: string, args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 120_000): Promise<{ child: ChildProcess; ready: T; stop(): Promise<void> }> {
  const child = spawnTs(script, args, env);
  const ready = await new Promise<T>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${script} was not ready within ${timeoutMs} ms`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) {
        try {
          const parsed = JSON.parse(out.slice(0, nl)) as T;
          clearTimeout(timer);
          child.stdout!.off('data', onData);
          child.stdout!.resume();
          resolve(parsed);
        } catch {
          out = out.slice(nl + 1);
        }
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (code ${code}) before it was ready`));
    });
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
  };
  return { child, ready, stop };
}
