/**
 * The editors file: its format, the errors that name the file and line, re-reading on change
 * (revocation without a restart), and who a token is.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EditorsFile, EditorsFileError, editorLine, parseEditors, tokenHash } from '../../server/auth/editors.ts';
import { authenticate, writeDenied } from '../../server/graphql/auth.ts';
import { ConfigError, loadConfig } from '../../server/config/env.ts';

const dir = mkdtempSync(join(tmpdir(), 'aidgraph-editors-unit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const JANE = 'jane-token-0123456789abcdefghijkl';
const OMAR = 'omar-token-0123456789abcdefghijkl';
const ADMIN = 'admin-token-0123456789abcdefghijk';
const HEX = 'a'.repeat(64);

function fileWith(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
const bearer = (token: string, extra: Record<string, string> = {}) => new Headers({ authorization: `Bearer ${token}`, ...extra });

describe('parseEditors', () => {
  it('reads names (spaces allowed) and hashes, skipping comments and blank lines', () => {
    const editors = parseEditors(`# editors\n\n${editorLine('Jane Doe', JANE)}\r\n  ${editorLine('omar.h@unit', OMAR)}  \n`, 'f');
    expect(editors.map((e) => e.name)).toEqual(['Jane Doe', 'omar.h@unit']);
    expect(editors[0]!.hash.equals(tokenHash(JANE))).toBe(true);
  });

  it.each([
    ['no hash', 'jane\n', 1, 'expected "NAME sha256:HEX"'],
    ['a short hash', `# c\njane sha256:${'a'.repeat(63)}\n`, 2, '64 lower-case hex digits'],
    ['an upper-case hash', `jane sha256:${'A'.repeat(64)}\n`, 1, '64 lower-case hex digits'],
    ['a token in clear', 'jane my-secret-token-123456\n', 1, 'expected "NAME sha256:HEX"'],
    ['no name', `sha256:${HEX}\n`, 1, 'expected "NAME sha256:HEX"'],
    ['a name with a bad character', `ja;ne sha256:${HEX}\n`, 1, 'the name "ja;ne"'],
    ['the name admin', `Admin sha256:${HEX}\n`, 1, 'kept for AIDGRAPH_ADMIN_TOKEN'],
    ['a name twice', `${editorLine('jane', JANE)}\n${editorLine('JANE', OMAR)}\n`, 2, 'already on line 1'],
    ['a token twice', `${editorLine('jane', JANE)}\n${editorLine('omar', JANE)}\n`, 2, 'same token hash is already on line 1'],
  ])('refuses %s, naming the file and the line', (_case, text, line, reason) => {
    let caught: unknown;
    try {
      parseEditors(text, '/etc/aidgraph/editors');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EditorsFileError);
    expect((caught as EditorsFileError).line).toBe(line);
    expect((caught as Error).message).toContain(`/etc/aidgraph/editors, line ${line}: `);
    expect((caught as Error).message).toContain(reason);
  });

  it("refuses the admin token's hash as an editor's", () => {
    expect(() => parseEditors(`${editorLine('jane', ADMIN)}\n`, 'f', ADMIN)).toThrow(/hash of AIDGRAPH_ADMIN_TOKEN/);
  });
});

describe('loadConfig with AIDGRAPH_EDITORS', () => {
  const base = { NEO4J_URI: 'bolt://127.0.0.1:7687', NEO4J_PASSWORD: 'secret' };
  const configError = (env: Record<string, string>): ConfigError => {
    try {
      loadConfig({ ...base, ...env });
    } catch (error) {
      if (error instanceof ConfigError) return error;
      throw error;
    }
    throw new Error('loadConfig accepted it');
  };

  it('a missing file stops the start with a message naming the variable and the file', () => {
    const missing = join(dir, 'no-such-file');
    const error = configError({ AIDGRAPH_EDITORS: missing });
    expect(error.variable).toBe('AIDGRAPH_EDITORS');
    expect(error.message).toContain(missing);
    expect(error.message).toContain('no such file');
  });

  it('a malformed file stops the start naming the line', () => {
    const path = fileWith('malformed', `${editorLine('jane', JANE)}\njane2 not-a-hash\n`);
    const error = configError({ AIDGRAPH_EDITORS: path });
    expect(error.message).toContain(`AIDGRAPH_EDITORS file ${path}, line 2: expected "NAME sha256:HEX"`);
  });

  it('a valid file enables curation even without an admin token', () => {
    const config = loadConfig({ ...base, AIDGRAPH_EDITORS: fileWith('valid', `${editorLine('jane', JANE)}\n`) });
    expect(config.editors).toBeInstanceOf(EditorsFile);
    expect(authenticate(config, bearer(JANE)).editor).toBe('jane');
  });
});

describe('authenticate', () => {
  const path = fileWith('editors', `${editorLine('jane', JANE)}\n${editorLine('omar', OMAR)}\n`);
  const config = { adminToken: ADMIN, editors: new EditorsFile(path, ADMIN) };

  it("records the token's name; X-Aidgraph-Actor is ignored", () => {
    expect(authenticate(config, bearer(JANE, { 'x-aidgraph-actor': 'omar' }))).toMatchObject({ editor: 'jane', who: 'jane', denial: null });
    expect(authenticate(config, bearer(OMAR))).toMatchObject({ who: 'omar', denial: null });
    expect(authenticate(config, bearer(ADMIN, { 'x-aidgraph-actor': 'jane' }))).toMatchObject({ who: 'admin', denial: null });
  });

  it('refuses unknown, missing and near-miss tokens', () => {
    expect(authenticate(config, bearer(`${JANE}x`)).denial).toBe('INVALID');
    expect(authenticate(config, bearer(JANE.slice(0, -1))).denial).toBe('INVALID');
    expect(authenticate(config, new Headers({ 'x-aidgraph-actor': 'jane' })).denial).toBe('MISSING');
    expect(authenticate({}, bearer(JANE)).denial).toBe('READ_ONLY');
  });

  it('a removed line revokes its token at the next request; a broken file refuses every editor token but not the admin', () => {
    const live = fileWith('live', `${editorLine('jane', JANE)}\n${editorLine('omar', OMAR)}\n`);
    const cfg = { adminToken: ADMIN, editors: new EditorsFile(live, ADMIN) };
    expect(authenticate(cfg, bearer(OMAR)).who).toBe('omar');
    writeFileSync(live, `${editorLine('jane', JANE)}\n`);
    expect(authenticate(cfg, bearer(OMAR)).denial).toBe('INVALID');
    expect(authenticate(cfg, bearer(JANE)).who).toBe('jane');
    writeFileSync(live, `${editorLine('jane', JANE)}\nbroken line\n`);
    const broken = authenticate(cfg, bearer(JANE));
    expect(broken.denial).toBe('EDITORS_UNREADABLE');
    expect(broken.problem?.line).toBe(2);
    expect(writeDenied(broken)?.extensions.code).toBe('UNAUTHENTICATED');
    expect(authenticate(cfg, bearer(ADMIN)).who).toBe('admin');
    rmSync(live);
    expect(authenticate(cfg, bearer(JANE)).denial).toBe('EDITORS_UNREADABLE');
    writeFileSync(live, `${editorLine('omar', OMAR)}\n`);
    expect(authenticate(cfg, bearer(OMAR)).who).toBe('omar');
    expect(authenticate(cfg, bearer(JANE)).denial).toBe('INVALID');
  });
});
