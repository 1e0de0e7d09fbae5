/**
 * A response sent before its request body was read in full (a refused oversized upload) closes
 * the connection. Otherwise the unread rest of that body stays on the kept-alive socket and the
 * next request on it stalls behind bytes nobody reads.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'graphql-yoga';

interface NodeServerContext {
  req?: IncomingMessage;
  res?: ServerResponse;
}

// Node leaves `complete` false on requests without a body until someone reads their (empty) end,
// so only requests that announce a body are checked.
const announcesBody = (req: IncomingMessage): boolean =>
  req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

/** The yoga plugin; a no-op for in-process `yoga.fetch` calls, which have no socket. */
export function closeWhenBodyUnread(): Plugin<Record<string, unknown>, NodeServerContext> {
  return {
    onResponse({ serverContext }) {
      const { req, res } = serverContext ?? {};
      if (!req || !res || res.headersSent || !announcesBody(req) || req.complete) return;
      // Node answers with "Connection: close" and ends the socket once this response is sent.
      res.setHeader('connection', 'close');
    },
  };
}
