/**
 * Starts and stops the embedded Neo4j (neo4j/launcher, a Maven project) from Node.
 * Used by `npm start`, the vitest global setup, the benchmarks and the `db:*` scripts.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { archiveFlags, ensureClassArchive } from './class-archive.ts';
import { isAlive } from './pid.ts';

const LAUNCHER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), 'launcher');
const TARGET_DIR = join(LAUNCHER_DIR, 'target');
const READY_MARK = 'AIDGRAPH_NEO4J_READY';
const DONE_MARK = 'AIDGRAPH_NEO4J_DONE';
/**
 * The JIT's optimising compiler (C2) starts on a method after 20 times the default number of
 * calls. On 2 cores its compiler thread otherwise competes with the first statements of a cold
 * database: the seed's first load took 0.4-0.6 s longer with the defaults. Hot query code
 * reaches the threshold within seconds of real work.
 */
const LATE_OPTIMISATION = ['-XX:Tier4InvocationThreshold=100000', '-XX:Tier4CompileThreshold=120000', '-XX:Tier4BackEdgeThreshold=400000'];
/** Where a kept data directory records the JVM that runs on it (see runningEmbedded). */
const STATE_FILE = 'launcher.json';

/** What a data directory's launcher.json says about the Neo4j running on it. */
export interface EmbeddedState {
  pid: number;
  port: number;
  uri: string;
  startedAt: string;
  /** Started by `npm run db:start` (a background process nobody else holds), not by `npm start` or a tool. */
  detached?: boolean;
  /** The process that started it (for the message when it is in use). */
  startedBy?: number;
}

/** Options for {@link startEmbeddedNeo4j}; every field has a default fit for a 2-core, 24 GiB machine. */
export interface EmbeddedOptions {
  /** Bolt port on 127.0.0.1; 0 picks a free one. Default 7687. */
  port?: number;
  /** Data directory; kept unless `ephemeral`. Default a fresh temp dir when ephemeral. */
  dataDir?: string;
  /** Throw the data directory away on stop. */
  ephemeral?: boolean;
  /** Password set for the `neo4j` user. Default NEO4J_PASSWORD or 'aidgraph-dev'. */
  password?: string;
  /** Heap in MiB (NEO4J_HEAP, default 1024). */
  heapMb?: number;
  /** Page cache in MiB (NEO4J_PAGECACHE, default 512). */
  pageCacheMb?: number;
  /** Detach the JVM from this process (for `npm run db:start`); its output goes to launcher.log. */
  detached?: boolean;
  /** Progress lines (Maven build, start). Default: stderr. */
  log?: (line: string) => void;
  /** How long to wait for Bolt, in ms. Default 180 s. */
  timeoutMs?: number;
}

/** A running embedded Neo4j. */
export interface EmbeddedNeo4j {
  uri: string;
  username: string;
  password: string;
  port: number;
  dataDir: string;
  pid: number;
  /** SIGTERM, wait for a clean exit (SIGKILL after 30 s), remove the data dir when ephemeral. */
  stop(): Promise<void>;
}

const envInt = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number of MiB, got "${raw}"`);
  return value;
};

/** True when the launcher jar and its libraries are built. */
export function isLauncherBuilt(): boolean {
  return existsSync(join(TARGET_DIR, 'launcher.jar')) && existsSync(join(TARGET_DIR, 'lib')) &&
    readdirSync(join(TARGET_DIR, 'lib')).length > 0;
}

/** Builds the launcher with Maven when it is not built yet (first run downloads Neo4j from Maven Central). */
export function ensureLauncherBuilt(log: (line: string) => void = defaultLog): void {
  if (isLauncherBuilt()) return;
  log('aidgraph: building the embedded Neo4j launcher with Maven (first run downloads Neo4j 5.26, a few minutes)...');
  const started = Date.now();
  const result = spawnSync('mvn', ['-q', '-B', '-f', join(LAUNCHER_DIR, 'pom.xml'), '-DskipTests', 'package'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.error) throw new Error(`could not run Maven (is it installed and on PATH?): ${result.error.message}`);
  if (result.status !== 0) throw new Error(`the Maven build of neo4j/launcher failed (exit ${result.status})`);
  log(`aidgraph: launcher built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Finds a free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function defaultLog(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** The JVM's command line for serving, with `extra` flags (the class archive's). */
function serverArgs(heapMb: number, extra: string[]): string[] {
  return [
    `-Xms${Math.min(heapMb, 512)}m`, `-Xmx${heapMb}m`, '-XX:+UseG1GC', '-XX:+ExitOnOutOfMemoryError', ...extra, ...LATE_OPTIMISATION,
    '-cp', `${join(TARGET_DIR, 'launcher.jar')}:${join(TARGET_DIR, 'lib', '*')}`,
    'dev.aidgraph.neo4j.Launcher',
  ];
}

function serverEnv(dataDir: string, port: number, password: string, pageCacheMb: number): NodeJS.ProcessEnv {
  return { ...process.env, NEO4J_DATA_DIR: dataDir, NEO4J_BOLT_PORT: String(port), NEO4J_PASSWORD: password, NEO4J_PAGECACHE: String(pageCacheMb) };
}

/**
 * The class archive's training run: a JVM with `flags` starts on an empty store and stops once
 * ready; true when it exited by itself. It writes the archive as it exits (10-20 s here), so it
 * gets 120 s before it is killed.
 */
async function trainingStart(flags: string[], heapMb: number, pageCacheMb: number): Promise<boolean> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aidgraph-neo4j-training-'));
  const port = await freePort();
  const child = spawn('java', serverArgs(heapMb, flags), { env: serverEnv(dataDir, port, 'aidgraph-training', pageCacheMb), stdio: ['ignore', 'pipe', 'pipe'] });
  const failed = await waitForReady(child, port, 180_000).then(() => null, (error: Error) => error);
  // Stopped, and its store removed, whether or not it became ready.
  const clean = await stopChild(child, dataDir, 120_000);
  if (failed) throw failed;
  return clean;
}

/** Starts Neo4j in a child JVM and resolves once Bolt accepts connections. */
export async function startEmbeddedNeo4j(options: EmbeddedOptions = {}): Promise<EmbeddedNeo4j> {
  const log = options.log ?? defaultLog;
  ensureLauncherBuilt(log);
  const port = options.port === 0 ? await freePort() : options.port ?? 7687;
  const dataDir = resolve(options.dataDir ?? mkdtempSync(join(tmpdir(), 'aidgraph-neo4j-')));
  mkdirSync(dataDir, { recursive: true });
  const password = options.password ?? process.env.NEO4J_PASSWORD ?? 'aidgraph-dev';
  const heapMb = options.heapMb ?? envInt('NEO4J_HEAP', 1024);
  const pageCacheMb = options.pageCacheMb ?? envInt('NEO4J_PAGECACHE', 512);

  await ensureClassArchive(TARGET_DIR, (flags) => trainingStart(flags, heapMb, pageCacheMb), log);
  const args = serverArgs(heapMb, archiveFlags(TARGET_DIR));
  const env = serverEnv(dataDir, port, password, pageCacheMb);
  const logFile = join(dataDir, 'launcher.log');
  // The log is appended to: a restart must wait for its own ready line, not an earlier run's.
  const logStart = existsSync(logFile) ? statSync(logFile).size : 0;
  const child = options.detached
    ? spawn('java', args, { env, detached: true, stdio: ['ignore', openSync(logFile, 'a'), openSync(logFile, 'a')] })
    : spawn('java', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });

  const started = Date.now();
  await waitForReady(child, port, options.timeoutMs ?? 180_000, options.detached ? { path: logFile, from: logStart } : undefined);
  log(`aidgraph: Neo4j ready on bolt://127.0.0.1:${port} in ${((Date.now() - started) / 1000).toFixed(1)} s (heap ${heapMb} MiB, page cache ${pageCacheMb} MiB, data ${dataDir})`);
  if (options.detached) child.unref();
  // A kept data directory says who runs on it, so that the tools (import, export, backup) use
  // that Neo4j instead of trying to open the same files a second time.
  const state: EmbeddedState = { pid: child.pid ?? -1, port, uri: `bolt://127.0.0.1:${port}`, startedAt: new Date().toISOString(), detached: Boolean(options.detached), startedBy: process.pid };
  if (!options.ephemeral) writeFileSync(join(dataDir, STATE_FILE), JSON.stringify(state, null, 2));

  return {
    uri: `bolt://127.0.0.1:${port}`,
    username: 'neo4j',
    password,
    port,
    dataDir,
    pid: child.pid ?? -1,
    stop: async () => {
      await stopChild(child, options.ephemeral ? dataDir : undefined);
      if (!options.ephemeral) forgetState(dataDir, state.pid);
    },
  };
}

/** The Neo4j running on `dataDir` according to its launcher.json, if that process is alive. */
export function runningEmbedded(dataDir: string): EmbeddedState | undefined {
  const file = join(dataDir, STATE_FILE);
  if (!existsSync(file)) return undefined;
  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as EmbeddedState;
    return Number.isInteger(state.pid) && state.pid > 0 && isAlive(state.pid) ? state : undefined;
  } catch {
    return undefined;
  }
}

/** Removes launcher.json when it still describes `pid` (a newer start may have replaced it). */
export function forgetState(dataDir: string, pid: number): void {
  const file = join(dataDir, STATE_FILE);
  try {
    if ((JSON.parse(readFileSync(file, 'utf8')) as EmbeddedState).pid === pid) rmSync(file, { force: true });
  } catch {
    // No file, or not ours to judge: leave it.
  }
}

/** Stops the JVM `pid` (SIGTERM, SIGKILL after `graceMs`) and waits until it is gone. */
export async function stopPid(pid: number, graceMs = 60_000): Promise<void> {
  if (!isAlive(pid)) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGKILL');
      break;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The offline modes of the launcher (see Launcher.java): neo4j-admin commands on a stopped data directory. */
export type LauncherMode = 'dump' | 'load' | 'import';

/**
 * Runs the launcher in an offline mode on `dataDir` (no Neo4j may run on it) and resolves when
 * the admin command succeeded. Its output goes to `log` line by line, so long imports show
 * their progress; a failure carries the tail of that output.
 */
export async function runLauncherMode(mode: LauncherMode, path: string, options: { dataDir: string; heapMb?: number; log?: (line: string) => void }): Promise<void> {
  const log = options.log ?? defaultLog;
  ensureLauncherBuilt(log);
  const running = runningEmbedded(options.dataDir);
  if (running) throw new Error(`Neo4j is running on ${options.dataDir} (pid ${running.pid}, ${running.uri}): ${mode} needs it stopped`);
  mkdirSync(options.dataDir, { recursive: true });
  const heapMb = options.heapMb ?? envInt('NEO4J_HEAP', 1024);
  const args = [
    `-Xmx${heapMb}m`, '-XX:+UseG1GC', '-XX:+ExitOnOutOfMemoryError',
    '-cp', `${join(TARGET_DIR, 'launcher.jar')}:${join(TARGET_DIR, 'lib', '*')}`,
    'dev.aidgraph.neo4j.Launcher', mode, resolve(path),
  ];
  const child = spawn('java', args, { env: { ...process.env, NEO4J_DATA_DIR: resolve(options.dataDir) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let pending = '';
  const onChunk = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-20_000);
    pending += text;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (line.trim() !== '') log(line);
  };
  child.stdout.on('data', onChunk);
  child.stderr.on('data', onChunk);
  const code = await new Promise<number | null>((resolveExit, reject) => {
    child.once('error', reject);
    child.once('exit', (c) => resolveExit(c));
  });
  if (pending.trim() !== '') log(pending);
  if (code !== 0 || !output.includes(`${DONE_MARK} `)) {
    throw new Error(`neo4j-admin ${mode} failed (exit ${code}). Last output:\n${output.slice(-3000)}`);
  }
}

/**
 * Resolves on the launcher's ready line: Bolt is open AND the password is set (the port alone
 * opens a moment earlier, while the initial password still applies).
 */
function waitForReady(child: ChildProcess, port: number, timeoutMs: number, logFile?: { path: string; from: number }): Promise<void> {
  return new Promise((resolveReady, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`Neo4j did not open Bolt on port ${port} within ${timeoutMs / 1000} s`)), timeoutMs);
    const done = (error?: Error) => {
      clearTimeout(timer);
      clearInterval(poll);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolveReady();
    };
    const fail = (error: Error) => {
      child.kill('SIGKILL');
      done(error);
    };
    const onExit = (code: number | null) =>
      done(new Error(`Neo4j exited (code ${code}) before it was ready. Last output:\n${output.slice(-3000)}`));
    child.on('exit', onExit);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(READY_MARK)) done();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    // A detached child writes to its log file instead: read it for the ready line.
    const poll = setInterval(() => {
      if (!logFile || !existsSync(logFile.path)) return;
      output = readFileSync(logFile.path).subarray(logFile.from).toString('utf8');
      if (output.includes(READY_MARK)) done();
    }, 250);
  });
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
export function canConnect(port: number): Promise<boolean> {
  return new Promise((resolveConnect) => {
    import('node:net').then(({ connect }) => {
      const socket = connect({ host: '127.0.0.1', port });
      socket.once('connect', () => { socket.destroy(); resolveConnect(true); });
      socket.once('error', () => resolveConnect(false));
    });
  });
}

/** SIGTERM, SIGKILL after `graceMs`; resolves true when the JVM exited without the SIGKILL. */
async function stopChild(child: ChildProcess, removeDir?: string, graceMs = 30_000): Promise<boolean> {
  let clean = true;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
    child.kill('SIGTERM');
    const killer = setTimeout(() => { clean = false; child.kill('SIGKILL'); }, graceMs);
    await exited;
    clearTimeout(killer);
  }
  if (removeDir) rmSync(removeDir, { recursive: true, force: true });
  return clean;
}
