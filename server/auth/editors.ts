/**
 * The editors file (AIDGRAPH_EDITORS): who may curate, each under a name of their own.
 *
 * Format: one editor a line, `NAME sha256:HEX`, where HEX is the SHA-256 of the editor's token
 * in lower-case hex (64 digits) and NAME is everything before it (letters, digits, spaces and
 * `._@-`, at most 80 characters). Blank lines and lines starting with `#` are ignored. Make a line
 * with `npm run editor:add -- NAME`, or by hand: `printf %s "$TOKEN" | sha256sum`.
 *
 * Only hashes are stored, so the file does not hand out write access to whoever reads it. SHA-256
 * without a salt is enough because tokens are long random strings (editor:add makes 256 bits), not
 * passwords a dictionary could guess.
 *
 * The file is read when the server starts (a missing or malformed file stops it, naming the file
 * and the line) and again whenever it changes, so removing a line revokes that token on the next
 * request, without a restart.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

/** One editor: the name the change log records and the SHA-256 of their token. */
export interface Editor {
  name: string;
  hash: Buffer;
}

/** The file cannot be read or a line is malformed. `line` is 1-based; absent for the whole file. */
export class EditorsFileError extends Error {
  constructor(readonly file: string, readonly reason: string, readonly line?: number) {
    super(`${file}${line === undefined ? '' : `, line ${line}`}: ${reason}`);
    this.name = 'EditorsFileError';
  }
}

/** The name kept for AIDGRAPH_ADMIN_TOKEN; no line may take it. */
export const ADMIN_NAME = 'admin';

const NAME = /^[\p{L}\p{N}](?:[\p{L}\p{N} ._@-]{0,78}[\p{L}\p{N}._@-])?$/u;
const LINE = /^(.*?)\s+sha256:([0-9a-f]{64})$/;

/** SHA-256 of a token, as the file stores it. */
export function tokenHash(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** The file line for `name` and `token`. */
export function editorLine(name: string, token: string): string {
  return `${name} sha256:${tokenHash(token).toString('hex')}`;
}

/** Checks a name for the file (the reason it is refused, or null). */
export function nameProblem(name: string): string | null {
  if (!NAME.test(name)) return `the name "${name}" must be 1 to 80 letters, digits, spaces or ._@- (starting with a letter or digit, not ending in a space)`;
  if (name.toLowerCase() === ADMIN_NAME) return `the name "${ADMIN_NAME}" is kept for AIDGRAPH_ADMIN_TOKEN`;
  return null;
}

/**
 * Parses the text of an editors file. Throws EditorsFileError at the first bad line. Two lines
 * with the same name or the same hash are refused: either would make the author of a change
 * ambiguous. `adminToken`, when given, must not be one of the tokens for the same reason.
 */
export function parseEditors(text: string, file: string, adminToken?: string): Editor[] {
  const editors: Editor[] = [];
  const names = new Map<string, number>();
  const hashes = new Map<string, number>();
  const adminHex = adminToken ? tokenHash(adminToken).toString('hex') : undefined;
  text.split(/\r?\n/).forEach((raw, i) => {
    const lineNo = i + 1;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = LINE.exec(line);
    if (!match) {
      const hint = /^sha256:/i.test(line)
        ? 'expected "NAME sha256:HEX": the name is missing'
        : /sha256:/i.test(line)
          ? 'the hash must be 64 lower-case hex digits after "sha256:"'
          : 'expected "NAME sha256:HEX" (HEX: the SHA-256 of the token, 64 hex digits)';
      throw new EditorsFileError(file, hint, lineNo);
    }
    const name = match[1]!.trim();
    const hex = match[2]!;
    const problem = nameProblem(name);
    if (problem) throw new EditorsFileError(file, problem, lineNo);
    const key = name.toLowerCase();
    if (names.has(key)) throw new EditorsFileError(file, `the name "${name}" is already on line ${names.get(key)}`, lineNo);
    if (hashes.has(hex)) throw new EditorsFileError(file, `the same token hash is already on line ${hashes.get(hex)}`, lineNo);
    if (hex === adminHex) throw new EditorsFileError(file, 'this is the hash of AIDGRAPH_ADMIN_TOKEN; give each editor a token of their own', lineNo);
    names.set(key, lineNo);
    hashes.set(hex, lineNo);
    editors.push({ name, hash: Buffer.from(hex, 'hex') });
  });
  return editors;
}

/** Reads and parses a file; EditorsFileError when it cannot be read. */
export function readEditors(path: string, adminToken?: string): Editor[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a folder, not a file' : (error as Error).message;
    throw new EditorsFileError(path, `cannot be read (${why})`);
  }
  return parseEditors(text, path, adminToken);
}

/** What a token is, checked against the file as it is now. */
export type Identity = { name: string } | { unknown: true } | { unreadable: EditorsFileError };

/**
 * The editors file, re-read when it changes. A stat per check (only requests that present a
 * token get here) is cheaper and more dependable than fs.watch, which misses the rename an
 * editor's atomic save does on some systems. The signature includes size and ctime, so a write
 * inside the same millisecond as the last read is still noticed.
 */
export class EditorsFile {
  readonly path: string;
  private signature = '';
  private state: Editor[] | EditorsFileError;

  /** Reads the file now; throws EditorsFileError when it is missing or malformed. */
  constructor(path: string, private readonly adminToken?: string) {
    this.path = resolve(path);
    this.signature = this.stat();
    this.state = readEditors(this.path, adminToken);
  }

  private stat(): string {
    try {
      const s = statSync(this.path);
      return `${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}`;
    } catch {
      return 'missing';
    }
  }

  /**
   * The editors as the file says now. A file that became unreadable or malformed after start
   * gives its error, and no editor token is accepted until it is fixed: keeping the last good
   * list would keep alive a token whose line someone meant to remove.
   */
  current(): Editor[] | EditorsFileError {
    const signature = this.stat();
    if (signature !== this.signature) {
      this.signature = signature;
      try {
        this.state = readEditors(this.path, this.adminToken);
      } catch (error) {
        if (!(error instanceof EditorsFileError)) throw error;
        this.state = error;
      }
    }
    return this.state;
  }

  /**
   * Finds the editor whose hash is the token's. Every line is compared, in constant time each, and
   * the loop does not stop at a match, so the time taken does not tell which line (if any) matched.
   */
  identify(token: string): Identity {
    const editors = this.current();
    if (editors instanceof EditorsFileError) return { unreadable: editors };
    const hash = tokenHash(token);
    let found: string | undefined;
    for (const editor of editors) {
      if (timingSafeEqual(hash, editor.hash) && found === undefined) found = editor.name;
    }
    return found === undefined ? { unknown: true } : { name: found };
  }
}
