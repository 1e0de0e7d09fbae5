/**
 * `npm run db:start|db:stop|db:status [-- --port P --data DIR]`: the embedded Neo4j as a
 * background process. Its pid and port are kept in DIR/launcher.json.
 * `npm run db:backup -- FILE` and `npm run db:restore -- FILE`: a dump of the embedded database
 * (Neo4j's own `database dump` / `database load`, run by the launcher with the database stopped).
 */
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { canConnect, runLauncherMode, runningEmbedded, startEmbeddedNeo4j, stopPid } from './embedded.ts';
import { DatabaseInUseError, embeddedDataDir, hasUserDatabase, whileStopped } from './local.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string' },
    data: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
const command = positionals[0];
const dataDir = values.data ? resolve(values.data) : embeddedDataDir();
const stateFile = join(dataDir, 'launcher.json');

const readState = () => runningEmbedded(dataDir);

async function start(): Promise<void> {
  const state = readState();
  if (state) {
    console.log(`Neo4j already running: ${state.uri} (pid ${state.pid}, data ${dataDir})`);
    return;
  }
  const port = values.port ? Number(values.port) : Number(process.env.NEO4J_BOLT_PORT ?? 7687);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a TCP port, got "${values.port}"`);
  const db = await startEmbeddedNeo4j({ port, dataDir, detached: true });
  console.log(`Neo4j running: ${db.uri} (pid ${db.pid}, user neo4j, data ${dataDir}, log ${join(dataDir, 'launcher.log')})`);
}

async function stop(): Promise<void> {
  const state = readState();
  if (!state) {
    console.log('Neo4j is not running.');
    rmSync(stateFile, { force: true });
    return;
  }
  await stopPid(state.pid);
  rmSync(stateFile, { force: true });
  console.log(`Neo4j stopped (pid ${state.pid}).`);
}

async function status(): Promise<void> {
  const state = readState();
  if (!state) {
    console.log(`Neo4j is not running (data ${dataDir}).`);
    process.exitCode = 3;
    return;
  }
  const open = await canConnect(state.port);
  console.log(`Neo4j ${open ? 'running' : 'starting or unresponsive'}: ${state.uri} (pid ${state.pid}, since ${state.startedAt}, data ${dataDir})`);
  if (!open) process.exitCode = 1;
}

/** The one file argument of backup and restore. */
function fileArgument(verb: string): string {
  const file = positionals[1];
  if (!file || positionals.length > 2) throw new Error(`${verb} needs exactly one file: npm run db:${verb} -- FILE`);
  return resolve(file);
}

const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);
const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/**
 * With NEO4J_URI set the database is not on this machine's disk: Neo4j's dump cannot reach it,
 * so the backup is the export (a data folder that `npm run import` reads back).
 */
function remoteBackup(target: string): void {
  console.log(`NEO4J_URI is set (${process.env.NEO4J_URI}): a remote database cannot be dumped from here, so the backup is an export of the whole graph into the folder ${target} (npm run export). Restore it with: npm run import -- ${target} --reset`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '..', 'seed', 'cli.ts'), 'export', target], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`the export failed (exit ${result.status})`);
}

async function backup(): Promise<void> {
  const file = fileArgument('backup');
  if (process.env.NEO4J_URI) return remoteBackup(file);
  if (!hasUserDatabase(dataDir)) throw new Error(`there is no database in ${dataDir} yet (npm start or npm run seed creates it)`);
  const started = Date.now();
  mkdirSync(dirname(file), { recursive: true });
  await whileStopped('the backup', () => runLauncherMode('dump', file, { dataDir, log: (line) => console.log(line) }), { dataDir });
  console.log(`backup written: ${file} (${mib(statSync(file).size)} MiB, Neo4j dump of ${dataDir}) in ${seconds(started)} s. Restore with: npm run db:restore -- ${file}`);
}

async function restore(): Promise<void> {
  const file = fileArgument('restore');
  if (process.env.NEO4J_URI) {
    throw new Error(`NEO4J_URI is set (${process.env.NEO4J_URI}): a dump cannot be loaded into a remote database from here. A backup of a remote database is an export folder: load it with npm run import -- FOLDER --reset`);
  }
  if (!existsSync(file) || !statSync(file).isFile()) throw new Error(`no dump file at ${file}`);
  const started = Date.now();
  await whileStopped('the restore', async () => {
    // The database being replaced is kept as a dump first: restoring the wrong file is undone with db:restore of this one.
    if (hasUserDatabase(dataDir)) {
      const keep = join(dataDir, 'backups', `before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}.dump`);
      mkdirSync(dirname(keep), { recursive: true });
      console.log(`keeping the current database as ${keep}`);
      await runLauncherMode('dump', keep, { dataDir, log: (line) => console.log(line) });
    }
    await runLauncherMode('load', file, { dataDir, log: (line) => console.log(line) });
  }, { dataDir });
  console.log(`restored ${file} into ${dataDir} in ${seconds(started)} s`);
}

const usage = `usage: npm run db:start|db:stop|db:status [-- --port P --data DIR]
       npm run db:backup -- FILE [--data DIR]
       npm run db:restore -- FILE [--data DIR]
  --port  Bolt port on 127.0.0.1 (default 7687, 0 = any free port)
  --data  data directory (default NEO4J_DATA_DIR, else .data/neo4j)
  backup   writes a Neo4j dump of the embedded database to FILE; restore replaces the database
           with FILE (the replaced one is kept in DIR/backups/). Both stop a db:start instance
           and start it again; a database held by npm start must be stopped first. With
           NEO4J_URI set, backup exports the graph into the folder FILE instead.
  env NEO4J_HEAP / NEO4J_PAGECACHE set heap and page cache in MiB (defaults 1024 / 512),
  NEO4J_PASSWORD the password of the neo4j user (default aidgraph-dev).`;

const commands: Record<string, () => Promise<void>> = { start, stop, status, backup, restore };
if (values.help || !command || !commands[command]) {
  console.log(usage);
  process.exitCode = values.help ? 0 : 2;
} else {
  commands[command]().catch((error: unknown) => {
    console.error(`db:${command} failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = error instanceof DatabaseInUseError ? 3 : 1;
  });
}
