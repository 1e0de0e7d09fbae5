/**
 * An interrupted load leaves whole batches only, and running it again converges to the graph a
 * clean load gives (same checksum of nodes, relationships and properties). Two interruptions:
 * a batch that the database refuses after earlier batches were committed, and SIGKILL of the
 * command-line tool in the middle of its funding flows.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphChecksum } from '../../seed/loader/checksum.ts';
import { loadDataset } from '../../seed/loader/load.ts';
import { resetDatabase } from '../../seed/loader/reset.ts';
import { generateDataset } from '../../seed/examples/generate.ts';
import { connectTestDatabase, removeScratch, restoreSeed, scratchDir } from './seed-support.ts';

let driver: Driver;
let database: string;
let env: Record<string, string>;

async function one<T = number>(cypher: string, params: Record<string, unknown> = {}): Promise<T> {
  const result = await driver.executeQuery(cypher, params, { database });
  return result.records[0].get(0) as T;
}

/** Integrity of what is there: every flow has its donor and recipient edge; returns the flow count. */
async function wholeFlows(): Promise<number> {
  expect(await one("MATCH (f:Funding) WHERE NOT ( ()-[:PROVIDED]->(f) ) OR NOT ( (f)-[:TO]->() ) RETURN count(f)")).toBe(0);
  return one('MATCH (f:Funding) RETURN count(f)');
}

beforeAll(() => {
  ({ driver, database, env } = connectTestDatabase());
});
afterAll(async () => {
  removeScratch();
  if (driver) {
    await driver.executeQuery('DROP CONSTRAINT seed_test_interrupt IF EXISTS', {}, { database });
    await restoreSeed(driver, database);
    await driver.close();
  }
}, 600_000);

describe('a batch refused by the database', () => {
  it('keeps the committed batches whole, writes nothing of the refused one, and a rerun converges', async () => {
    const dir = scratchDir();
    generateDataset(dir, { prefix: 'intr', actors: 120, relationships: 600, funding: 3_000, seed: 7 });
    // Two flows in different batches share a note; a test constraint will refuse the second.
    const lines = readFileSync(join(dir, 'funding.csv'), 'utf8').split('\n');
    for (const i of [11, 2_306]) lines[i] = lines[i].replace(',training,,', ',training,same note,');
    writeFileSync(join(dir, 'funding.csv'), lines.join('\n'));

    await loadDataset(driver, dir, { database, reset: true });
    const clean = await graphChecksum(driver, database);

    await resetDatabase(driver, database);
    await driver.executeQuery('CREATE CONSTRAINT seed_test_interrupt IF NOT EXISTS FOR (f:Funding) REQUIRE f.note IS UNIQUE', {}, { database });
    const failure = await loadDataset(driver, dir, { database, batchSize: 250 }).then(
      () => undefined,
      (e: Error & { code?: string }) => e,
    );
    expect(failure?.code).toBe('Neo.ClientError.Schema.ConstraintValidationFailed');
    // Flow 2305 (line 2306) is in the tenth batch of 250: nine batches are in, none of the tenth.
    expect(await wholeFlows()).toBe(2_250);
    expect(await one("MATCH (f:Funding) WHERE f.id IN ['intr_flow_2250', 'intr_flow_2304', 'intr_flow_2499'] RETURN count(f)")).toBe(0);
    expect(await one("MATCH (f:Funding) WHERE f.id IN ['intr_flow_0', 'intr_flow_2249'] RETURN count(f)")).toBe(2);

    await driver.executeQuery('DROP CONSTRAINT seed_test_interrupt', {}, { database });
    const rerun = await loadDataset(driver, dir, { database, batchSize: 250 });
    expect(rerun.counts.funding).toEqual({ created: 750, updated: 0, unchanged: 2_250 });
    expect(rerun.counts.actors).toEqual({ created: 0, updated: 0, unchanged: 120 });
    expect(await graphChecksum(driver, database)).toBe(clean);
  }, 600_000);
});

/** Runs the CLI; kills it with SIGKILL at the first output line that `killAt` accepts. */
function runCli(args: string[], killAt?: (line: string) => boolean): Promise<{ code: number | null; killed: boolean; output: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'seed/cli.ts', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let killed = false;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (killAt && !killed && output.split(/\r|\n/).some(killAt)) {
        killed = true;
        child.kill('SIGKILL');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, killed, output }));
  });
}

describe('the command-line tool killed mid-load', () => {
  it('leaves whole batches only, and the same command run again gives the clean graph', async () => {
    const dir = scratchDir();
    generateDataset(dir, { prefix: 'kill', actors: 300, relationships: 2_000, funding: 30_000, seed: 11 });
    const clean = await runCli(['import', dir, '--reset']);
    expect(clean.code, clean.output).toBe(0);
    const cleanChecksum = await graphChecksum(driver, database);

    await resetDatabase(driver, database);
    const killed = await runCli(['import', dir, '--batch-size', '100'], (line) => /^loading funding: /.test(line));
    expect(killed.killed, `the load ended before it could be killed:\n${killed.output}`).toBe(true);
    expect(killed.code).toBe(null);
    const flows = await wholeFlows();
    expect(flows % 100).toBe(0);
    expect(flows).toBeLessThan(30_000);
    // Every step before the funding flows had finished.
    expect(await one("MATCH (:Entity)-[r]->(:Entity) WHERE r.key STARTS WITH 'kill_' RETURN count(r)")).toBe(2_000 + 19);

    const rerun = await runCli(['import', dir, '--batch-size', '100']);
    expect(rerun.code, rerun.output).toBe(0);
    expect(rerun.output).toMatch(new RegExp(`funding\\s+${30_000 - flows}\\s+0\\s+${flows}`));
    expect(await graphChecksum(driver, database)).toBe(cleanChecksum);
  }, 600_000);
});
