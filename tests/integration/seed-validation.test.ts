/**
 * Bad input never reaches the database: each kind of bad data set is rejected by loadDataset
 * (and by the CLI) with its file, line or row and reason, and the graph checksum is the same
 * before and after.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphDigest, type GraphDigest } from '../../seed/loader/checksum.ts';
import { InvalidDatasetError, loadDataset } from '../../seed/loader/load.ts';
import type { Problem } from '../../domain/problems.ts';
import { EXAMPLE_DIR, appendTo, connectTestDatabase, removeScratch, replaceIn, scratchCopy, writeFile, type Edit } from './seed-support.ts';

let driver: Driver;
let database: string;
let before: GraphDigest;

beforeAll(async () => {
  ({ driver, database } = connectTestDatabase());
  before = await graphDigest(driver, database);
  expect(before.nodes).toBeGreaterThan(0); // the seed is loaded: there is something to protect
});
afterAll(async () => {
  removeScratch();
  await driver?.close();
});

/** Loads the edited example; expects the load to be refused and returns the problems. */
async function rejected(...edits: Edit[]): Promise<Problem[]> {
  const dir = scratchCopy(EXAMPLE_DIR, ...edits);
  const error = await loadDataset(driver, dir, { database }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidDatasetError);
  const after = await graphDigest(driver, database);
  expect(after).toEqual(before);
  return (error as InvalidDatasetError).problems;
}

const CASES: { name: string; edits: Edit[]; expected: Omit<Partial<Problem>, 'message'> & { message: string | RegExp } }[] = [
  {
    name: 'an unknown file',
    edits: [writeFile('notes.txt', 'to do')],
    expected: { file: 'notes.txt', message: /^unknown file/ },
  },
  {
    name: 'a YAML syntax error',
    edits: [appendTo('events.yaml', '- id: broken\n  name: [not closed\n')],
    expected: { file: 'events.yaml', message: /^YAML syntax/ },
  },
  {
    name: 'a CSV row with too few cells',
    edits: [appendTo('relationships.csv', 'TRAINED,borealia\n')],
    expected: { file: 'relationships.csv', row: 8, message: 'row has 2 cells but the header has 10 columns' },
  },
  {
    name: 'an unknown field',
    edits: [replaceIn('authorities.yaml', '  enacted: 2016', '  enacted_in: 2016')],
    expected: { file: 'authorities.yaml', line: 14, id: 'maritime_security_fund', message: /^unknown field 'enacted_in'/ },
  },
  {
    name: 'a missing required field',
    edits: [replaceIn('events.yaml', '  year: 2014\n', '')],
    expected: { file: 'events.yaml', line: 1, id: 'harbor_raid_2014', message: "missing required field 'year'" },
  },
  {
    name: 'a duplicate id',
    edits: [appendTo('authorities.yaml', '- id: arden\n  kind: LAW\n  name: Arden Act\n  cite: [ { section: ex_money, paragraph: 1 } ]\n')],
    expected: { file: 'authorities.yaml', line: 20, id: 'arden', message: "duplicate id 'arden': already used by an actor at actors.yaml:7" },
  },
  {
    name: 'a relationship type not on the allow-list',
    edits: [appendTo('relationships.csv', 'BRIBED,borealia,arden,2012,,,,ex_background,1,\n')],
    expected: { file: 'relationships.csv', row: 8, message: /^type: 'BRIBED' is not an allowed relationship type/ },
  },
  {
    name: 'a reference to an id that exists nowhere',
    edits: [replaceIn('funding.csv', 'msf_arden_2017,borealia,arden,', 'msf_arden_2017,borealia,ardenn,')],
    expected: { file: 'funding.csv', row: 4, id: 'msf_arden_2017', message: "recipient: 'ardenn' is not defined (expected the id of an actor)" },
  },
  {
    name: 'lineage that joins an authority to an actor',
    edits: [appendTo('relationships.csv', 'CONSOLIDATED_INTO,maritime_security_fund,arden,2018,,,,ex_money,2,\n')],
    expected: { row: 8, message: "to: 'arden' is an actor, but CONSOLIDATED_INTO goes from an authority to an authority" },
  },
  {
    name: 'a negative amount',
    edits: [replaceIn('funding.csv', ',10000000,', ',-10000000,')],
    expected: { row: 4, message: 'amount_usd: the amount must be positive, got -10000000' },
  },
  {
    name: 'a fiscal year range that ends before it starts',
    edits: [replaceIn('funding.csv', '60000000,2011,2016', '60000000,2016,2011')],
    expected: { row: 2, id: 'ctp_arden_2011_2016', message: 'fy_end: fy_end 2011 is before fy_start 2016' },
  },
  {
    name: 'an implausible year',
    edits: [replaceIn('authorities.yaml', 'enacted: 2010', 'enacted: 210')],
    expected: { file: 'authorities.yaml', line: 1, message: 'enacted: expected a year from 1800 to 2100, got 210' },
  },
  {
    name: 'a footnote beyond the document',
    edits: [replaceIn('relationships.csv', 'ex_background,2,1', 'ex_background,2,9')],
    expected: { row: 2, message: "citation: footnote 9 beyond the 4 footnotes of 'example_report'" },
  },
  {
    name: 'a citation of a section that does not exist',
    edits: [replaceIn('actors.yaml', '{ section: ex_background, paragraph: 1 }', '{ section: ex_intro, paragraph: 1 }')],
    expected: { file: 'actors.yaml', line: 1, id: 'borealia', message: "citation: section 'ex_intro' is not defined in sources.yaml" },
  },
  {
    name: 'a part_of loop',
    edits: [replaceIn('funding.csv', 'APPROXIMATE,TOTAL,,', 'APPROXIMATE,TOTAL,ctp_arden_2014,')],
    expected: { row: 2, message: "part_of: the chain of part_of from 'ctp_arden_2011_2016' loops back to itself" },
  },
];

describe('a bad data set is refused and the database is unchanged', () => {
  it.each(CASES)('$name', async ({ edits, expected }) => {
    const problems = await rejected(...edits);
    const { message, ...where } = expected;
    const match = problems.find((p) => (typeof message === 'string' ? p.message === message : message.test(p.message)));
    expect(match, `problems: ${JSON.stringify(problems, null, 1)}`).toBeDefined();
    expect(match).toMatchObject(where);
  });

  it('reports every problem of a data set with many at once, and writes none of its valid records', async () => {
    const problems = await rejected(...CASES.slice(3, 12).flatMap((c) => c.edits));
    // Nine edits, eight problems: a record that fails its own checks (the negative amount) is
    // not cross-checked as well (its unknown recipient waits for the next run).
    expect(problems.map((p) => `${p.file}:${p.line ?? p.row}`)).toEqual([
      'authorities.yaml:1',
      'authorities.yaml:14',
      'authorities.yaml:20',
      'events.yaml:1',
      'funding.csv:2',
      'funding.csv:4',
      'relationships.csv:8',
      'relationships.csv:9',
    ]);
    const session = driver.session({ database });
    try {
      const found = await session.run("MATCH (n) WHERE n.id IN ['borealia', 'arden', 'tide_front', 'ctp_arden_2011_2016'] RETURN count(n) AS n");
      expect(found.records[0].get('n')).toBe(0);
    } finally {
      await session.close();
    }
  });
});
