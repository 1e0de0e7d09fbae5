/**
 * CSRF prevention: a request a browser could send cross-site without a preflight (GET, or a POST
 * with a "simple" content type) must carry a custom header, which cross-site pages cannot set
 * without CORS approval. JSON POSTs are preflighted by browsers and pass.
 */
import type { Plugin } from 'graphql-yoga';

/** Headers accepted as proof that the request was not forged by a simple cross-site form. */
export const CSRF_HEADERS = ['x-graphql-yoga-csrf', 'graphql-require-preflight', 'apollo-require-preflight', 'x-aidgraph-csrf'];

const SIMPLE_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/** The plugin. */
export function csrfPrevention(): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      const simple = request.method === 'GET' || request.method === 'HEAD' || (request.method === 'POST' && (type === '' || SIMPLE_TYPES.includes(type)));
      if (!simple || CSRF_HEADERS.some((h) => request.headers.has(h))) return;
      endResponse(
        new fetchAPI.Response(
          JSON.stringify({
            errors: [{ message: `CSRF prevention: send a JSON POST, or add the header "${CSRF_HEADERS[0]}: 1" to this request.`, extensions: { code: 'FORBIDDEN' } }],
          }),
          { status: 403, headers: { 'content-type': 'application/json; charset=utf-8' } },
        ),
      );
    },
  };
}
