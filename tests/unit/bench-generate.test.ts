/**
 * The synthetic generator is deterministic (same seed, same bytes) and writes records that the
 * data format accepts: unique ids, resolvable references, allow-listed types, valid years.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../bench/generate.ts';
import { isRelationshipType } from '../../domain/relationship-types.ts';
import { validateFolder } from '../../seed/read/read-dataset.ts';

const root = mkdtempSync(path.join(tmpdir(), 'bench-gen-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** sha256 over every file of the folder (names and bytes, in name order). */
function hashDir(dir: string): string {
  const h = createHash('sha256');
  for (const name of readdirSync(dir).sort()) {
    h.update(name);
    h.update(readFileSync(path.join(dir, name)));
  }
  return h.digest('hex');
}

describe('bench/generate', () => {
  it('writes the same bytes for the same seed, and different bytes for another seed', async () => {
    const a = await generateDataset('S', path.join(root, 'a'), 7);
    const b = await generateDataset('S', path.join(root, 'b'), 7);
    const c = await generateDataset('S', path.join(root, 'c'), 8);
    expect(hashDir(a.dir)).toBe(hashDir(b.dir));
    expect(readFileSync(a.targetsFile, 'utf8')).toBe(readFileSync(b.targetsFile, 'utf8'));
    expect(hashDir(c.dir)).not.toBe(hashDir(a.dir));
    expect(readdirSync(a.dir).sort()).toEqual([
      'actors.yaml', 'authorities.yaml', 'events.yaml', 'funding.csv', 'relationships.csv', 'sources.yaml',
    ]);
  });

  it('writes records whose ids are unique and whose references resolve', async () => {
    const { dir, targets } = await generateDataset('S', path.join(root, 'd'), 42);
    const yaml = (f: string) => parseYaml(readFileSync(path.join(dir, f), 'utf8')) as Record<string, unknown>[];
    const csv = (f: string) => parseCsv(readFileSync(path.join(dir, f), 'utf8'), { columns: true }) as Record<string, string>[];
    const sources = yaml('sources.yaml');
    const actors = yaml('actors.yaml');
    const authorities = yaml('authorities.yaml');
    const events = yaml('events.yaml');
    const relationships = csv('relationships.csv');
    const funding = csv('funding.csv');

    expect(funding.length).toBe(1000);
    expect(targets.counts.total).toBe(
      sources.length + actors.length + authorities.length + events.length + relationships.length + funding.length,
    );
    const idPattern = /^[a-z0-9][a-z0-9_]*$/;
    const all = [...sources, ...actors, ...authorities, ...events, ...funding].map((r) => String(r.id));
    expect(new Set(all).size).toBe(all.length);
    for (const id of all) expect(id.length <= 80 && idPattern.test(id), id).toBe(true);

    const sections = new Map(sources.filter((s) => s.kind === 'SECTION').map((s) => [String(s.id), s]));
    const defaults = sources.filter((s) => s.default === true);
    expect(defaults).toHaveLength(1);
    const checkCite = (section: string, paragraph: number, src: string | undefined) => {
      const s = sections.get(section);
      expect(s, section).toBeDefined();
      expect(s!.partOf).toBe(src ?? defaults[0].id);
      expect(paragraph >= 1 && paragraph <= Number(s!.paragraphs)).toBe(true);
    };
    for (const r of [...actors, ...authorities, ...events]) {
      const cites = r.cite as { source?: string; section: string; paragraph: number }[];
      expect(cites.length).toBeGreaterThan(0);
      for (const c of cites) checkCite(c.section, c.paragraph, c.source);
    }

    const actorIds = new Set(actors.map((a) => String(a.id)));
    const stateIds = new Set(actors.filter((a) => a.kind === 'State').map((a) => String(a.id)));
    const authorityIds = new Set(authorities.map((a) => String(a.id)));
    const eventIds = new Set(events.map((e) => String(e.id)));
    for (const a of actors) if (a.country !== undefined) expect(stateIds.has(String(a.country))).toBe(true);

    const keys = new Set<string>();
    const lineage = new Set(['EVOLVED_INTO', 'CONSOLIDATED_INTO', 'REAUTHORIZED_BY', 'ESTABLISHED_BY', 'FUNDED_THROUGH']);
    for (const r of relationships) {
      expect(isRelationshipType(r.type), r.type).toBe(true);
      const key = `${r.type}:${r.from}:${r.to}:${r.start}`;
      expect(keys.has(key), key).toBe(false);
      keys.add(key);
      const known = (id: string) => actorIds.has(id) || authorityIds.has(id) || eventIds.has(id);
      expect(known(r.from) && known(r.to), `${r.from} -> ${r.to}`).toBe(true);
      if (lineage.has(r.type)) expect(authorityIds.has(r.from) && authorityIds.has(r.to)).toBe(true);
      if (r.start && r.end) expect(Number(r.end)).toBeGreaterThanOrEqual(Number(r.start));
      checkCite(r.section, Number(r.paragraph), r.source || undefined);
    }
    expect(relationships.some((r) => r.type === 'CONSOLIDATED_INTO')).toBe(true);
    expect(relationships.some((r) => r.type === 'EVOLVED_INTO')).toBe(true);

    const flowIds = new Set<string>();
    for (const f of funding) {
      expect(actorIds.has(f.donor) && actorIds.has(f.recipient) && f.donor !== f.recipient).toBe(true);
      if (f.authority) expect(authorityIds.has(f.authority)).toBe(true);
      expect(Number(f.amount_usd)).toBeGreaterThan(0);
      expect(Number(f.fy_end)).toBeGreaterThanOrEqual(Number(f.fy_start));
      if (f.part_of) expect(flowIds.has(f.part_of), f.part_of).toBe(true);
      flowIds.add(f.id);
      checkCite(f.section, Number(f.paragraph), f.source || undefined);
    }
  });

  it("passes the loader's validation with no problem at all", async () => {
    const { dir, targets } = await generateDataset('S', path.join(root, 'v'), 3);
    const result = validateFolder(dir);
    expect(result.problems.slice(0, 5)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.dataset.funding).toHaveLength(targets.counts.funding);
    expect(result.dataset.relationships).toHaveLength(targets.counts.relationships);
    expect(result.dataset.actors).toHaveLength(targets.counts.actors);
  });

  it('is heavy-tailed: the busiest donor gives far more flows than the median donor', async () => {
    const { dir } = await generateDataset('S', path.join(root, 'e'), 42);
    const funding = parseCsv(readFileSync(path.join(dir, 'funding.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const perDonor = new Map<string, number>();
    for (const f of funding) perDonor.set(f.donor, (perDonor.get(f.donor) ?? 0) + 1);
    const counts = [...perDonor.values()].sort((a, b) => b - a);
    expect(counts[0]).toBeGreaterThan(10 * counts[Math.floor(counts.length / 2)]);
  });
});
