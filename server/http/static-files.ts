/** Serves the built web page (web/dist) with content types, caching of hashed assets and SPA fallback. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

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

/** Returns a handler that answers GET/HEAD for files under `root`, or false when it did not handle the request. */
export function createStaticHandler(root: string) {
  const base = resolve(root);
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
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
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
    return true;
  };
}
