/** The import formats are found by file extension, through one registry. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findDataFiles } from '../../../seed/read/files.ts';
import { READERS, readerFor } from '../../../seed/read/readers.ts';
import { csvReader } from '../../../seed/read/csv-file.ts';
import { yamlReader } from '../../../seed/read/yaml-file.ts';
import { camelKey, snakeKey } from '../../../seed/read/reader.ts';

const dir = mkdtempSync(join(tmpdir(), 'aidgraph-readers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the reader registry', () => {
  it('maps each extension to its reader', () => {
    expect(Object.keys(READERS).sort()).toEqual(['csv', 'yaml', 'yml']);
    expect(readerFor('yml')).toBe(yamlReader);
    expect(readerFor('csv')).toBe(csvReader);
    expect(readerFor('json')).toBeUndefined();
    expect(readerFor('toString')).toBeUndefined();
  });

  it('gives each data file of a folder its reader, and reports files of other formats', () => {
    for (const name of ['sources.yaml', 'actors.extra.yml', 'funding.csv', 'events.json', 'actors.YAML', 'notes.md']) writeFileSync(join(dir, name), '');
    const { files, problems } = findDataFiles(dir);
    expect(files.map((f) => [f.name, f.kind, f.reader])).toEqual([
      ['actors.extra.yml', 'actors', yamlReader],
      ['funding.csv', 'funding', csvReader],
      ['sources.yaml', 'sources', yamlReader],
    ]);
    expect(problems.map((p) => p.file)).toEqual(['actors.YAML', 'events.json']);
    expect(problems[0].message).toMatch(/^unknown file: expected <kind>\.<ext> .*ext one of yaml, yml, csv/);
  });

  it('spells field names both ways', () => {
    expect(camelKey(' amount_usd ')).toBe('amountUsd');
    expect(camelKey('fyStart')).toBe('fyStart');
    expect(snakeKey('amountUsd')).toBe('amount_usd');
  });
});
