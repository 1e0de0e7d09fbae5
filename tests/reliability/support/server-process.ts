/**
 * aidgraph as its own process (server/main.ts, as `npm start` runs it with NEO4J_URI set), for
 * drills that measure the server's memory: the in-process drill server (server.ts) shares its
 * heap and RSS with vitest and the load clients. The process answers memory questions over IPC
 * (memory-probe.ts), from inside itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../../neo4j/embedded.ts';
import { request } from './http.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const PROBE = resolve(dirname(fileURLToPath(import.meta.url)), 'memory-probe.ts');

/** A running server process. */
export interface ServerProcess {
  url: string;
  pid: number;
  /** process.memoryUsage() of the server process, in bytes. */
  memory(): Promise<NodeJS.MemoryUsage>;
  /** The last lines the server wrote to stderr and stdout (warnings and errors at LOG_LEVEL=warn). */
  output(): string;
  /** SIGTERM, and waits for the exit (SIGKILL after 30 s). */
  close(): Promise<void>;
}

/** Starts server/main.ts with `env` on top of this process's environment; resolves once /readyz answers 200. */
export async function startServerProcess(env: Record<string, string>, timeoutMs = 120_000): Promise<ServerProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', '--import', PROBE, 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let tail = '';
  const keep = (chunk: Buffer) => { tail = (tail + chunk.toString()).slice(-20_000); };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const url = `http://127.0.0.1:${port}`;

  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (code ${child.exitCode}) before it was ready:\n${tail}`);
    const ready = await request(`${url}/readyz`, {}, 2_000).then((r) => r.status === 200, () => false);
    if (ready) break;
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server was not ready within ${timeoutMs} ms:\n${tail}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  const memory = () => new Promise<NodeJS.MemoryUsage>((resolveMemory, reject) => {
    const timer = setTimeout(() => { child.off('message', onMessage); reject(new Error('the server did not answer the memory probe within 10 s')); }, 10_000);
    const onMessage = (message: unknown) => {
      const memoryUsage = (message as { memory?: NodeJS.MemoryUsage }).memory;
      if (!memoryUsage) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolveMemory(memoryUsage);
    };
    child.on('message', onMessage);
    child.send('memory');
  });

  return {
    url,
    pid: child.pid!,
    memory,
    output: () => tail,
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
