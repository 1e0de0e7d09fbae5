/**
 * Child process: loads a data set folder with the project's loader (`seed/loader` loadDataset,
 * what `npm run import` runs) and prints `{"loader": {...}}` with its time and peak RSS: `ms` until
 * every index is online, `readyMs` until the records are written (what a first start waits for).
 * Env: NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE.
 */
import neo4j from 'neo4j-driver';
import { loadDataset } from '../../seed/loader/index.ts';
import { ticker } from '../lib/ticker.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: loader-child.ts DIR');
const database = process.env.NEO4J_DATABASE ?? 'neo4j';
const driver = neo4j.driver(
  process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687',
  neo4j.auth.basic(process.env.NEO4J_USERNAME ?? 'neo4j', process.env.NEO4J_PASSWORD ?? 'aidgraph-dev'),
  { disableLosslessIntegers: true },
);
try {
  const t0 = performance.now();
  let indexed: Promise<void> = Promise.resolve();
  const tick = ticker('loader');
  const result = await loadDataset(driver, dir, {
    database,
    keyIndexesInBackground: (online) => { indexed = online; },
    onProgress: (p) => tick(() => `${p.done.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')} records (${p.kind}), ${Math.round(p.rowsPerSecond).toLocaleString('en-US')} rows/s`),
  });
  // As on a first start: the records are written and readable; the key indexes follow.
  const readyMs = performance.now() - t0;
  await indexed;
  const ms = performance.now() - t0;
  // The loader's own laps: the schema is sent before the files are read and awaited before writing.
  const { readValidateMs, schemaMs, writeMs } = result.phases;
  const phases = { readValidateMs, schemaMs, writeMs };
  process.stdout.write(`${JSON.stringify({ loader: { ms, readyMs, phases, result, maxRssMb: process.resourceUsage().maxRSS / 1024 } })}\n`);
} finally {
  await driver.close();
}
