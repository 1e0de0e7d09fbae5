/**
 * Request body limit for POSTs: the declared length is checked first, and JSON bodies are read
 * through a counting reader, so a body without Content-Length cannot exceed the limit either.
 */
import type { Plugin } from 'graphql-yoga';

function tooLarge(fetchAPI: { Response: typeof Response }, limit: number): Response {
  return new fetchAPI.Response(
    JSON.stringify({ errors: [{ message: `Request body larger than ${limit} bytes`, extensions: { code: 'LIMIT_EXCEEDED' } }] }),
    { status: 413, headers: { 'content-type': 'application/json; charset=utf-8' } },
  );
}

/** The plugin; `limit` in bytes. */
export function bodyLimit(limit: number): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      const declared = Number(request.headers.get('content-length') ?? 0);
      if (declared > limit) endResponse(tooLarge(fetchAPI, limit));
    },
    onRequestParse({ request, setRequestParser }) {
      const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      // With a declared length onRequest has decided; yoga's own parser then reads the body.
      if (request.headers.has('content-length')) return;
      if (request.method !== 'POST' || !(type === 'application/json' || type === 'application/graphql+json')) return;
      setRequestParser(async (req) => {
        const chunks: Uint8Array[] = [];
        let size = 0;
        if (req.body) {
          const reader = req.body.getReader();
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            size += value.byteLength;
            if (size > limit) {
              await reader.cancel().catch(() => undefined);
              return tooLarge({ Response }, limit);
            }
            chunks.push(value);
          }
        }
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          return new Response(JSON.stringify({ errors: [{ message: 'POST body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] }), {
            status: 400,
            headers: { 'content-type': 'application/json; charset=utf-8' },
          });
        }
        if (body === null || typeof body !== 'object' || Array.isArray(body)) {
          return new Response(JSON.stringify({ errors: [{ message: 'POST body must be a JSON object (batching is off)', extensions: { code: 'BAD_REQUEST' } }] }), {
            status: 400,
            headers: { 'content-type': 'application/json; charset=utf-8' },
          });
        }
        return body as { query?: string };
      });
    },
  };
}
