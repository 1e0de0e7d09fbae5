/**
 * Runs the import command-line tool (`seed/cli.ts import PATH`, what `npm run import -- PATH` runs)
 * as a child process, optionally killing it with SIGKILL at a chosen point: after N output lines
 * or after T ms. The node process itself is spawned (not npm), so the kill reaches the loader.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

const running = new Set<ChildProcess>();

/** SIGKILLs every import still running (for afterAll hooks after a timeout). */
export function killAllImports(): void {
  for (const child of running) child.kill('SIGKILL');
}

/** When to kill the import. */
export type KillPoint =
  | { afterLines: number }
  | { afterMs: number }
  | { whenLine(line: string): boolean }
  /** Polled every `everyMs` (default 25) while the import runs; kill when it resolves true. */
  | { when(): Promise<boolean>; everyMs?: number };

/** How the run ended. */
export interface ImportRun {
  /** Exit code, or null when killed. */
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when our SIGKILL ended it (it had not finished by itself). */
  killed: boolean;
  ms: number;
  stdout: string;
  stderr: string;
  /** Output lines (stdout and stderr) seen before the end. */
  lines: string[];
}

/** Options of {@link runImport}. */
export interface ImportOptions {
  /** Environment for the child: NEO4J_URI etc. */
  env: Record<string, string>;
  /** Extra arguments after the path (e.g. --reset). */
  args?: string[];
  kill?: KillPoint;
  /** Give up (SIGKILL, then throw) after this long. Default 15 min. */
  timeoutMs?: number;
}

/** Runs `seed/cli.ts import <dir>` and resolves when it has ended. */
export function runImport(dir: string, options: ImportOptions): Promise<ImportRun> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'seed/cli.ts', 'import', dir, ...(options.args ?? [])], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let stdout = '';
  let stderr = '';
  const lines: string[] = [];
  let killed = false;
  let timedOut = false;
  const killNow = () => {
    if (child.exitCode === null && child.signalCode === null && !killed) {
      killed = true;
      child.kill('SIGKILL');
    }
  };
  const onLine = (line: string) => {
    lines.push(line);
    const kill = options.kill;
    if (kill && 'afterLines' in kill && lines.length >= kill.afterLines) killNow();
    if (kill && 'whenLine' in kill && kill.whenLine(line)) killNow();
  };
  const splitter = (append: (text: string) => void) => {
    let rest = '';
    return (chunk: Buffer) => {
      const text = chunk.toString();
      append(text);
      rest += text;
      const parts = rest.split('\n');
      rest = parts.pop() ?? '';
      for (const part of parts) if (part.trim()) onLine(part);
    };
  };
  child.stdout.on('data', splitter((t) => { stdout += t; }));
  child.stderr.on('data', splitter((t) => { stderr += t; }));
  const timers: NodeJS.Timeout[] = [];
  if (options.kill && 'afterMs' in options.kill) timers.push(setTimeout(killNow, options.kill.afterMs));
  timers.push(setTimeout(() => { timedOut = true; killNow(); }, options.timeoutMs ?? 15 * 60_000));
  const kill = options.kill;
  if (kill && 'when' in kill) {
    void (async () => {
      while (child.exitCode === null && child.signalCode === null && !killed) {
        if (await kill.when().catch(() => false)) killNow();
        else await new Promise((r) => setTimeout(r, kill.everyMs ?? 25));
      }
    })();
  }

  return new Promise((resolveRun, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      running.delete(child);
      timers.forEach(clearTimeout);
      if (timedOut) {
        reject(new Error(`import of ${dir} did not finish in time. Output:\n${(stdout + stderr).slice(-3000)}`));
        return;
      }
      resolveRun({ code, signal, killed: killed && signal === 'SIGKILL', ms: performance.now() - started, stdout, stderr, lines });
    });
  });
}
