/**
 * The HTTP layer without a database: the static page (compression, ETag/304, no source maps in
 * production), the documented codes of requests refused before GraphQL runs, and the connection
 * close after a refused upload. A real listener is used, because keep-alive and Content-Encoding
 * only exist on a socket.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config/env.ts';
import type { Database } from '../../server/db/database.ts';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One request over a given agent (so that tests can share a kept-alive socket). */
function send(base: string, path: string, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer[]; agent?: http.Agent } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method: init.method ?? 'GET', headers: init.headers, agent: init.agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    if (Array.isArray(init.body)) {
      // Written in pieces without Content-Length: chunked transfer encoding.
      for (const part of init.body) req.write(part);
      req.end();
    } else req.end(init.body);
  });
}

const SCRIPT = `console.log(${JSON.stringify('aidgraph '.repeat(2000))});\n`;
const webDir = mkdtempSync(join(tmpdir(), 'aidgraph-http-'));
mkdirSync(join(webDir, 'assets'));
writeFileSync(join(webDir, 'index.html'), `<!doctype html><title>aidgraph</title>${'<!-- padding -->'.repeat(100)}`);
writeFileSync(join(webDir, 'assets', 'main-abc123.js'), SCRIPT);
writeFileSync(join(webDir, 'assets', 'main-abc123.js.map'), '{"version":3}');

const servers: http.Server[] = [];
async function start(nodeEnv: 'production' | 'test'): Promise<string> {
  const config = loadConfig({ NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: 'unused', AIDGRAPH_WEB_DIR: webDir, NODE_ENV: nodeEnv, LOG_LEVEL: 'silent' });
  // None of these requests reaches the database.
  const db = { ping: async () => false } as unknown as Database;
  const server = http.createServer(createApp({ config, db, logger: pino({ level: 'silent' }) }).handle);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

let dev: string;
let prod: string;
beforeAll(async () => {
  dev = await start('test');
  prod = await start('production');
});
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  rmSync(webDir, { recursive: true, force: true });
});

describe('static page', () => {
  it('sends brotli or gzip as the client accepts, with a strong ETag per encoding', async () => {
    const br = await send(prod, '/assets/main-abc123.js', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(SCRIPT);
    expect(br.headers['cache-control']).toContain('immutable');
    expect(br.headers.vary).toBe('accept-encoding');
    const gz = await send(prod, '/assets/main-abc123.js', { headers: { 'accept-encoding': 'br;q=0, gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(SCRIPT);
    const plain = await send(prod, '/assets/main-abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
    expect(new Set([br.headers.etag, gz.headers.etag, plain.headers.etag]).size).toBe(3);
  });

  it('answers 304 to a matching If-None-Match, for assets and for the page', async () => {
    const first = await send(prod, '/', { headers: { 'accept-encoding': 'gzip' } });
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('no-cache');
    const again = await send(prod, '/', { headers: { 'accept-encoding': 'gzip', 'if-none-match': first.headers.etag! } });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    // A page route without an extension is the page itself, with the same validator.
    const route = await send(prod, '/explore', { headers: { 'accept-encoding': 'gzip', 'if-none-match': `W/${first.headers.etag}` } });
    expect(route.status).toBe(304);
  });

  it('serves source maps in development only', async () => {
    expect((await send(dev, '/assets/main-abc123.js.map')).status).toBe(200);
    expect((await send(prod, '/assets/main-abc123.js.map')).status).toBe(404);
  });

  it('does not leave its folder, and a malformed path is a 404', async () => {
    expect((await send(prod, '/..%2f..%2fpackage.json')).status).toBe(404);
    expect((await send(prod, '/%E0%A4%A')).status).toBe(404);
  });
});

describe('requests refused before GraphQL runs', () => {
  const json = { 'content-type': 'application/json' };
  const errorOf = (reply: Reply) => (JSON.parse(reply.body.toString()) as { errors: { message: string; extensions: { code: string } }[] }).errors[0]!;

  it('a body over 100,000 bytes is 413 LIMIT_EXCEEDED, with or without Content-Length', async () => {
    const big = JSON.stringify({ query: '{ relationshipTypes }', variables: { pad: 'x'.repeat(300_000) } });
    for (const body of [big, [Buffer.from(big.slice(0, 150_000)), Buffer.from(big.slice(150_000))]]) {
      const reply = await send(prod, '/graphql', { method: 'POST', headers: json, body });
      expect(reply.status).toBe(413);
      expect(errorOf(reply)).toEqual({ message: 'Request body larger than 100000 bytes', extensions: { code: 'LIMIT_EXCEEDED' } });
    }
  });

  it('a refused upload closes its connection, so the next request on a kept-alive agent is answered', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const pad = Buffer.from('x'.repeat(64 * 1024));
      const parts = [Buffer.from('{"query":"{ relationshipTypes }","variables":{"pad":"'), ...Array.from({ length: 16 }, () => pad), Buffer.from('"}}')];
      const refused = await send(prod, '/graphql', { method: 'POST', headers: json, body: parts, agent });
      expect(refused.status).toBe(413);
      expect(refused.headers.connection).toBe('close');
      for (let i = 0; i < 3; i++) {
        const next = await send(prod, '/graphql', { method: 'POST', headers: json, body: '{"query":"{ relationshipTypes }"}', agent });
        expect(next.status).toBe(200);
        expect(next.headers.connection).toBe('keep-alive');
      }
    } finally {
      agent.destroy();
    }
  });

  it('CSRF: a form-like POST or a GET without a custom header is 403 FORBIDDEN', async () => {
    const form = await send(prod, '/graphql', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ relationshipTypes }"}' });
    expect(form.status).toBe(403);
    expect(errorOf(form).extensions.code).toBe('FORBIDDEN');
    expect(errorOf(form).message).toMatch(/CSRF.*x-graphql-yoga-csrf/);
    const query = `/graphql?query=${encodeURIComponent('{ relationshipTypes }')}`;
    expect((await send(prod, query)).status).toBe(403);
    for (const header of ['x-graphql-yoga-csrf', 'graphql-require-preflight']) {
      expect((await send(prod, query, { headers: { [header]: '1', accept: 'application/json' } })).status).toBe(200);
    }
  });
});
