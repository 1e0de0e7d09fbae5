/** The foundation: the app starts against the real Neo4j, reports readiness, and refuses bad config. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../neo4j/embedded.ts';
import { runServer, type RunningServer } from '../../server/main.ts';
import { createLogger } from '../../server/logging/logger.ts';
import { testConfig } from '../helpers/env.ts';

const silent = createLogger('silent');

describe('server against the real Neo4j', () => {
  let running: RunningServer;
  beforeAll(async () => {
    running = await runServer(testConfig(), silent);
  });
  afterAll(() => running.close());

  it('is alive and ready', async () => {
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${running.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ neo4j: 'up' });
  });

  it('answers GraphQL', async () => {
    const response = await fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('serves the web page at /', async () => {
    const response = await fetch(`${running.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('<div');
  });
});

describe('server with the database unreachable', () => {
  let running: RunningServer;
  beforeAll(async () => {
    const closedPort = await freePort();
    running = await runServer(testConfig({ NEO4J_URI: `bolt://127.0.0.1:${closedPort}` }), silent);
  });
  afterAll(() => running.close());

  it('answers /readyz with 503 and stays up', async () => {
    const ready = await fetch(`${running.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ neo4j: 'down' });
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${running.url}/readyz`)).status).toBe(503);
  });
});

/** Runs server/main.ts in a child process with the given environment. */
async function runMain(env: Record<string, string | undefined>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { PATH: process.env.PATH, LOG_LEVEL: 'silent', ...env } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const [code] = await once(child, 'exit');
  return { code: code as number, stderr };
}

describe('bad configuration', () => {
  it.each([
    [{ NEO4J_URI: undefined, NEO4J_PASSWORD: 'x' }, 'NEO4J_URI'],
    [{ NEO4J_URI: 'bolt://127.0.0.1:7687', NEO4J_PASSWORD: 'x', PORT: 'eighty' }, 'PORT'],
    [{ NEO4J_URI: 'mysql://db', NEO4J_PASSWORD: 'x' }, 'NEO4J_URI'],
  ])('stops start-up naming the variable (%o)', async (env, variable) => {
    const { code, stderr } = await runMain(env);
    expect(code).toBe(78);
    expect(stderr).toContain(`Invalid configuration: ${variable}`);
  });
});

describe('the server process', () => {
  it('serves /graphql and / and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    const exited = once(child, 'exit');
    const deadline = Date.now() + 30_000;
    while (!stdout.includes('aidgraph is listening')) {
      if (Date.now() > deadline) throw new Error(`server did not start: ${stdout}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const base = `http://127.0.0.1:${port}`;
    const gql = await fetch(`${base}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(gql.status).toBe(200);
    expect((await fetch(`${base}/`)).status).toBe(200);
    child.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
    expect(stdout).toContain('stopped');
  });
});
