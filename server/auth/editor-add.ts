/**
 * npm run editor:add -- NAME [--file PATH]
 *
 * Makes a fresh token for NAME and prints it once on stdout (it is not stored anywhere: only its
 * hash goes into the file). The line is appended to PATH, else to the file AIDGRAPH_EDITORS names
 * (created, readable by its owner only, when missing); with neither, the line is printed on stderr
 * for you to add. A running server picks the new line up on its next request.
 * Exit codes: 0 done; 2 usage error, a name already in the file, or a file that is malformed.
 */
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { EditorsFileError, editorLine, nameProblem, parseEditors } from './editors.ts';

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { file: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    process.stderr.write('Usage: npm run editor:add -- NAME [--file PATH]   (PATH defaults to AIDGRAPH_EDITORS)\n');
    return values.help ? 0 : 2;
  }
  // A name with spaces may come as one argument or several.
  const name = positionals.join(' ').trim();
  const problem = nameProblem(name);
  if (problem) {
    process.stderr.write(`editor:add: ${problem}\n`);
    return 2;
  }
  const file = values.file ?? (process.env.AIDGRAPH_EDITORS || undefined);
  const token = randomBytes(32).toString('base64url');
  const line = editorLine(name, token);
  if (file) {
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    try {
      // The new line must keep the file valid (no second line of the same name).
      parseEditors(`${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${line}\n`, file);
    } catch (error) {
      if (!(error instanceof EditorsFileError)) throw error;
      process.stderr.write(`editor:add: nothing written: ${error.message}\n`);
      return 2;
    }
    if (text === '') writeFileSync(file, `# aidgraph editors: NAME sha256:HEX (see docs/api.md)\n${line}\n`, { mode: 0o600 });
    else appendFileSync(file, `${text.endsWith('\n') ? '' : '\n'}${line}\n`);
    process.stderr.write(`added "${name}" to ${file}; the token below is shown only this once:\n`);
  } else {
    process.stderr.write(`no --file and no AIDGRAPH_EDITORS: add this line to the editors file yourself:\n${line}\nthe token below is shown only this once:\n`);
  }
  process.stdout.write(`${token}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
