/**
 * Serves the built web page (web/dist): content types, long caching of hashed assets, SPA
 * fallback, brotli/gzip by Accept-Encoding, ETag with 304, and no source maps in production.
 *
 * Why Node's zlib and an in-memory cache rather than a static-file library: the bundle is a
 * handful of files that do not change while the server runs, so each is read and compressed once
 * (on first request, off the event loop) and then served from memory. That needs no new
 * dependency and no extra build step, so `vite build` alone stays the whole build.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, statSync, type Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** Text formats gain from compression; images and woff2 are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.map']);
/** Below this size the encoding headers cost about as much as they save. */
const MIN_COMPRESS_BYTES = 1024;
/** Larger files are streamed from disk as they are instead of being held in memory. */
const MAX_CACHED_BYTES = 8 * 1024 * 1024;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

type Encoding = 'br' | 'gzip' | 'identity';

/** One file as read from disk, with its compressed forms made on first demand. */
interface CachedFile {
  mtimeMs: number;
  size: number;
  body: Buffer;
  hash: string;
  encoded: Partial<Record<'br' | 'gzip', Promise<Buffer>>>;
}

/** Options of the handler. */
export interface StaticOptions {
  /** Serve `.map` files (development only: in production they would publish the sources). */
  sourceMaps: boolean;
}

/** The encoding to send: brotli, then gzip, then none, skipping any the client refuses with q=0. */
function pickEncoding(header: string | undefined): Encoding {
  const accepted = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return 'identity';
}

/** True when If-None-Match names `etag`; W/ prefixes are ignored, as caches compare weakly for GET. */
function notModified(req: IncomingMessage, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === bare;
  });
}

/** Returns a handler that answers GET/HEAD for files under `root`, or false when it did not handle the request. */
export function createStaticHandler(root: string, { sourceMaps }: StaticOptions) {
  const base = resolve(root);
  const cache = new Map<string, CachedFile>();

  async function load(file: string, stat: Stats): Promise<CachedFile> {
    const known = cache.get(file);
    if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) return known;
    const body = await readFile(file);
    const entry: CachedFile = { mtimeMs: stat.mtimeMs, size: stat.size, body, hash: createHash('sha256').update(body).digest('base64url').slice(0, 27), encoded: {} };
    cache.set(file, entry);
    return entry;
  }

  // Brotli quality 7: on the 655 kB main bundle it takes well under a second where 11 takes
  // about 4 s (which the first visitor would wait for), for a result only about 9% larger.
  function encodedBody(entry: CachedFile, encoding: 'br' | 'gzip'): Promise<Buffer> {
    entry.encoded[encoding] ??=
      encoding === 'br'
        ? brotli(entry.body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 7, [zlib.BROTLI_PARAM_SIZE_HINT]: entry.body.length } })
        : gzipAsync(entry.body, { level: 9 });
    return entry.encoded[encoding]!;
  }

  async function send(req: IncomingMessage, res: ServerResponse, file: string, stat: Stats, headers: Record<string, string>): Promise<void> {
    const ext = extname(file);
    if (stat.size > MAX_CACHED_BYTES) {
      const etag = `W/"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}"`;
      if (notModified(req, etag)) return void res.writeHead(304, { ...headers, etag }).end();
      res.writeHead(200, { ...headers, etag, 'content-length': String(stat.size) });
      if (req.method === 'HEAD') return void res.end();
      createReadStream(file).pipe(res);
      return;
    }
    const entry = await load(file, stat);
    const compressible = COMPRESSIBLE.has(ext) && entry.size >= MIN_COMPRESS_BYTES;
    const encoding = compressible ? pickEncoding(req.headers['accept-encoding'] as string | undefined) : 'identity';
    // Each encoding is its own representation, so each gets its own strong ETag.
    const etag = `"${entry.hash}${encoding === 'identity' ? '' : `-${encoding}`}"`;
    const common: Record<string, string> = { ...headers, etag, ...(compressible ? { vary: 'accept-encoding' } : {}) };
    if (notModified(req, etag)) return void res.writeHead(304, common).end();
    const body = encoding === 'identity' ? entry.body : await encodedBody(entry, encoding);
    res.writeHead(200, { ...common, ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }), 'content-length': String(body.length) });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      return false; // a malformed escape is no file of ours
    }
    if (!sourceMaps && extname(pathname) === '.map') return false;
    const candidate = normalize(join(base, pathname));
    if (candidate !== base && !candidate.startsWith(base + sep)) return false;
    let file = candidate;
    if (!existsSync(file) || statSync(file).isDirectory()) {
      // Unknown paths without an extension are page routes: answer with the page itself.
      if (extname(pathname) !== '') return false;
      file = join(base, 'index.html');
      if (!existsSync(file)) {
        res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('The web page is not built yet: run `npm run build`.\n');
        return true;
      }
    }
    const immutable = pathname.startsWith('/assets/');
    const headers = {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      // Hashed assets never change under their name; the page itself is revalidated by ETag.
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    };
    send(req, res, file, statSync(file), headers).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy(error as Error);
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Could not read the file.\n');
    });
    return true;
  };
}
