/**
 * Who may curate, and under which name. A bearer token is either AIDGRAPH_ADMIN_TOKEN (the editor
 * "admin") or one of the named tokens of the editors file (AIDGRAPH_EDITORS, server/auth/editors.ts).
 * Tokens are compared in constant time on SHA-256 digests, so neither their length nor the
 * position of a match leaks. The name recorded on a change is the token's: no header chooses it
 * (X-Aidgraph-Actor is ignored), so no token holder can write in another editor's name. Without
 * an admin token and an editors file the API is read-only.
 */
import { timingSafeEqual } from 'node:crypto';
import type { GraphQLError } from 'graphql';
import { apiError } from './errors.ts';
import { ADMIN_NAME, tokenHash, type EditorsFile, type EditorsFileError } from '../auth/editors.ts';

/** What authentication needs from the configuration. */
export interface AuthConfig {
  adminToken?: string;
  editors?: EditorsFile;
}

/** Who is calling, as far as curation is concerned. */
export interface Auth {
  /** The editor's name, recorded on every change they make; null when the caller may not write. */
  editor: string | null;
  /** Name passed to the curation repositories: the editor's, '' when denied (never written then). */
  who: string;
  /** Why the request may not write (null when it may). */
  denial: null | 'READ_ONLY' | 'MISSING' | 'INVALID' | 'EDITORS_UNREADABLE';
  /** With EDITORS_UNREADABLE: what is wrong with the file (logged, not shown to the caller). */
  problem?: EditorsFileError;
}

/** True when some token may write (an admin token or an editors file is configured). */
export function curationConfigured(config: AuthConfig): boolean {
  return Boolean(config.adminToken) || config.editors !== undefined;
}

const denied = (denial: NonNullable<Auth['denial']>, problem?: EditorsFileError): Auth => ({ editor: null, who: '', denial, ...(problem ? { problem } : {}) });

/** Reads `Authorization: Bearer <token>` and finds whose token it is. */
export function authenticate(config: AuthConfig, headers: Headers): Auth {
  if (!curationConfigured(config)) return denied('READ_ONLY');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.get('authorization') ?? '');
  if (!match) return denied('MISSING');
  const token = match[1]!;
  // The admin token is checked whether or not the editors file is readable: a broken file must
  // not lock the operator out.
  if (config.adminToken && timingSafeEqual(tokenHash(token), tokenHash(config.adminToken))) {
    return { editor: ADMIN_NAME, who: ADMIN_NAME, denial: null };
  }
  if (!config.editors) return denied('INVALID');
  const identity = config.editors.identify(token);
  if ('name' in identity) return { editor: identity.name, who: identity.name, denial: null };
  if ('unreadable' in identity) return denied('EDITORS_UNREADABLE', identity.unreadable);
  return denied('INVALID');
}

/** The error for a write the caller may not make (null when allowed). */
export function writeDenied(auth: Auth): GraphQLError | null {
  switch (auth.denial) {
    case null:
      return null;
    case 'READ_ONLY':
      return apiError('FORBIDDEN', 'This aidgraph API is read-only: neither AIDGRAPH_ADMIN_TOKEN nor AIDGRAPH_EDITORS is configured on the server, so curation mutations are disabled.');
    case 'MISSING':
      return apiError('UNAUTHENTICATED', 'Curation needs the header "Authorization: Bearer <token>" with your editor token (or AIDGRAPH_ADMIN_TOKEN).');
    case 'INVALID':
      return apiError('UNAUTHENTICATED', 'The bearer token is not an editor token of this server (it may have been revoked).');
    case 'EDITORS_UNREADABLE':
      // The path and the line stay in the server's log.
      return apiError('UNAUTHENTICATED', "The server's editors file cannot be read right now, so editor tokens are refused until an operator fixes it.");
  }
}
