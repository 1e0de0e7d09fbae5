/**
 * `npm run db:start|db:stop|db:status [-- --port P --data DIR]`: the embedded Neo4j as a
 * background process. Its pid and port are kept in DIR/launcher.json.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { canConnect, startEmbeddedNeo4j } from './embedded.ts';

const DEFAULT_DATA_DIR = resolve('.data/neo4j');

interface State { pid: number; port: number; uri: string; startedAt: string }

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string' },
    data: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
const command = positionals[0];
const dataDir = resolve(values.data ?? process.env.NEO4J_DATA_DIR ?? DEFAULT_DATA_DIR);
const stateFile = join(dataDir, 'launcher.json');

function readState(): State | undefined {
  if (!existsSync(stateFile)) return undefined;
  return JSON.parse(readFileSync(stateFile, 'utf8')) as State;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function start(): Promise<void> {
  const state = readState();
  if (state && isAlive(state.pid)) {
    console.log(`Neo4j already running: ${state.uri} (pid ${state.pid}, data ${dataDir})`);
    return;
  }
  const port = values.port ? Number(values.port) : Number(process.env.NEO4J_BOLT_PORT ?? 7687);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a TCP port, got "${values.port}"`);
  const db = await startEmbeddedNeo4j({ port, dataDir, detached: true });
  const next: State = { pid: db.pid, port: db.port, uri: db.uri, startedAt: new Date().toISOString() };
  writeFileSync(stateFile, JSON.stringify(next, null, 2));
  console.log(`Neo4j running: ${db.uri} (pid ${db.pid}, user neo4j, data ${dataDir}, log ${join(dataDir, 'launcher.log')})`);
}

async function stop(): Promise<void> {
  const state = readState();
  if (!state || !isAlive(state.pid)) {
    console.log('Neo4j is not running.');
    rmSync(stateFile, { force: true });
    return;
  }
  process.kill(state.pid, 'SIGTERM');
  const deadline = Date.now() + 60_000;
  while (isAlive(state.pid)) {
    if (Date.now() > deadline) {
      process.kill(state.pid, 'SIGKILL');
      break;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  rmSync(stateFile, { force: true });
  console.log(`Neo4j stopped (pid ${state.pid}).`);
}

async function status(): Promise<void> {
  const state = readState();
  if (!state || !isAlive(state.pid)) {
    console.log(`Neo4j is not running (data ${dataDir}).`);
    process.exitCode = 3;
    return;
  }
  const open = await canConnect(state.port);
  console.log(`Neo4j ${open ? 'running' : 'starting or unresponsive'}: ${state.uri} (pid ${state.pid}, since ${state.startedAt}, data ${dataDir})`);
  if (!open) process.exitCode = 1;
}

const usage = `usage: npm run db:start|db:stop|db:status [-- --port P --data DIR]
  --port  Bolt port on 127.0.0.1 (default 7687, 0 = any free port)
  --data  data directory (default .data/neo4j)
  env NEO4J_HEAP / NEO4J_PAGECACHE set heap and page cache in MiB (defaults 1024 / 512),
  NEO4J_PASSWORD the password of the neo4j user (default aidgraph-dev).`;

const commands: Record<string, () => Promise<void>> = { start, stop, status };
if (values.help || !command || !commands[command]) {
  console.log(usage);
  process.exitCode = values.help ? 0 : 2;
} else {
  commands[command]().catch((error: unknown) => {
    console.error(`db:${command} failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
