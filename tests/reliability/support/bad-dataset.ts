/**
 * A small, valid, self-contained data set (ids rel_bad_*) that the bad-input drill breaks one
 * way at a time: each case copies it, changes one thing, and expects the loader to refuse it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The files of the valid base data set. */
export const BASE_FILES: Record<string, string> = {
  'sources.yaml': `- id: rel_bad_report
  kind: ARTICLE
  title: Drill report
  default: true
- id: rel_bad_sec
  kind: SECTION
  partOf: rel_bad_report
  heading: Only section
  paragraphs: 3
`,
  'actors.yaml': `- id: rel_bad_state
  kind: State
  name: Drill State
  description: Invented state of the bad-input drill.
  cite: [ { section: rel_bad_sec, paragraph: 1 } ]
- id: rel_bad_unit
  kind: MilitaryUnit
  name: Drill Unit
  country: rel_bad_state
  cite: [ { section: rel_bad_sec, paragraph: 2 } ]
`,
  'authorities.yaml': `- id: rel_bad_program
  kind: PROGRAM
  name: Drill Program
  enacted: 2010
  cite: [ { section: rel_bad_sec, paragraph: 1 } ]
`,
  'relationships.csv': `type,from,to,start,end,note,source,section,paragraph,footnotes
TRAINED,rel_bad_state,rel_bad_unit,2011,2014,,,rel_bad_sec,2,
`,
  'funding.csv': `id,donor,recipient,authority,amount_usd,fy_start,fy_end,precision,basis,part_of,purpose,note,source,section,paragraph,footnotes
rel_bad_flow,rel_bad_state,rel_bad_unit,rel_bad_program,1000000,2012,2013,EXACT,TOTAL,,,,,rel_bad_sec,3,
`,
};

/** A scratch area for broken copies of the base data set. */
export class BadDatasets {
  readonly root = mkdtempSync(join(tmpdir(), 'aidgraph-rel-bad-'));
  private n = 0;

  /** The valid base, as a folder. */
  base(): string {
    return this.make(() => {});
  }

  /** A copy of the base with `change` applied to its files (a map of name to content; undefined deletes). */
  make(change: (files: Record<string, string | Buffer | undefined>) => void): string {
    const files: Record<string, string | Buffer | undefined> = { ...BASE_FILES };
    change(files);
    const dir = join(this.root, `case-${++this.n}`);
    mkdirSync(dir);
    for (const [name, content] of Object.entries(files)) if (content !== undefined) writeFileSync(join(dir, name), content);
    return dir;
  }

  /** Reads a file of a made folder (for debugging messages). */
  read(dir: string, name: string): string {
    return readFileSync(join(dir, name), 'utf8');
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
