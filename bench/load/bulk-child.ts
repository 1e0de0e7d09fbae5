/**
 * Child process: the bulk first load of a data set folder into a stopped, empty store, as
 * `npm run import -- DIR --bulk` does it with NEO4J_URI unset: read and validate, write the
 * importer's CSV, run neo4j-admin import through the launcher, start Neo4j for the schema and the
 * empty lists, stop it. Prints `{"bulk": {...}}` with the time of each step, the peak RSS of this
 * process and of each JVM it started (the importer, then the database).
 * Usage: bulk-child.ts DIR DATA_DIR PORT HEAP_MB PAGECACHE_MB
 */
import neo4j from 'neo4j-driver';
import { runLauncherMode, startEmbeddedNeo4j } from '../../neo4j/embedded.ts';
import { validateDataset } from '../../domain/validate/validate-dataset.ts';
import { bulkLoad } from '../../seed/bulk/bulk-load.ts';
import { readDataset } from '../../seed/read/read-dataset.ts';
import { watchChildren } from '../lib/proc.ts';

const [dir, dataDir, port, heap, pageCache] = process.argv.slice(2);
if (!pageCache) throw new Error('usage: bulk-child.ts DIR DATA_DIR PORT HEAP_MB PAGECACHE_MB');
const log = (line: string) => process.stderr.write(`  ${line}\n`);

const jvms = watchChildren(process.pid, /dev\.aidgraph\.neo4j\.Launcher/);
const t0 = performance.now();
const result = validateDataset(readDataset(dir));
if (!result.ok) throw new Error(`${dir} does not validate: ${result.problems.length} problems`);
const readValidateMs = performance.now() - t0;
const summary = await bulkLoad(result.dataset, [], {
  // The importer's own progress lines are many: only its last lines matter here.
  importCsv: (csvDir) => runLauncherMode('import', csvDir, { dataDir, heapMb: Number(heap), log: (line) => (/DONE|Imported|IMPORT/.test(line) ? log(line) : undefined) }),
  connect: async () => {
    const db = await startEmbeddedNeo4j({ port: Number(port), dataDir, heapMb: Number(heap), pageCacheMb: Number(pageCache), log });
    const driver = neo4j.driver(db.uri, neo4j.auth.basic(db.username, db.password));
    return {
      driver,
      close: async () => {
        await driver.close();
        await db.stop();
      },
    };
  },
}, { log });
const ms = performance.now() - t0;
const [importer, database] = jvms.stop();
process.stdout.write(`${JSON.stringify({
  bulk: {
    ms,
    rows: summary.rows,
    readValidateMs,
    steps: summary.bulk,
    schemaMs: summary.phases.schemaMs,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    importerJvm: importer ?? null,
    databaseJvm: database ?? null,
  },
})}\n`);
