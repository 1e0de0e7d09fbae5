/**
 * Bearer-token check for curation. The token is compared in constant time (on SHA-256 digests,
 * so lengths never leak); without a configured token the API is read-only.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { apiError } from './errors.ts';
import type { GraphQLError } from 'graphql';

/** Who is calling, as far as curation is concerned. */
export interface Auth {
  /** True when the request carries the configured admin token. */
  admin: boolean;
  /** Name recorded on changes: X-Aidgraph-Actor when given, else "admin". */
  who: string;
  /** Why the request may not write (null when it may). */
  denial: null | 'READ_ONLY' | 'MISSING' | 'INVALID';
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** Reads `Authorization: Bearer <token>` and `X-Aidgraph-Actor`. */
export function authenticate(adminToken: string | undefined, headers: Headers): Auth {
  const rawWho = headers.get('x-aidgraph-actor')?.trim() ?? '';
  const who = /^[\p{L}\p{N} ._@-]{1,80}$/u.test(rawWho) ? rawWho : 'admin';
  if (!adminToken) return { admin: false, who, denial: 'READ_ONLY' };
  const header = headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) return { admin: false, who, denial: 'MISSING' };
  const ok = timingSafeEqual(digest(match[1]!), digest(adminToken));
  return ok ? { admin: true, who, denial: null } : { admin: false, who, denial: 'INVALID' };
}

/** The error for a write the caller may not make (null when allowed). */
export function writeDenied(auth: Auth): GraphQLError | null {
  switch (auth.denial) {
    case null:
      return null;
    case 'READ_ONLY':
      return apiError('FORBIDDEN', 'This aidgraph API is read-only: no AIDGRAPH_ADMIN_TOKEN is configured on the server, so curation mutations are disabled.');
    case 'MISSING':
      return apiError('UNAUTHENTICATED', 'Curation needs the header "Authorization: Bearer <AIDGRAPH_ADMIN_TOKEN>".');
    case 'INVALID':
      return apiError('UNAUTHENTICATED', 'The bearer token is not the configured admin token.');
  }
}
