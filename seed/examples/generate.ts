/**
 * Writes a synthetic data set folder in the seed format: invented actors, authorities, events,
 * relationships and funding flows that all validate, for trying the loader at scale and for the
 * loader's own tests. Same options give the same bytes.
 *
 *   npx tsx seed/examples/generate.ts OUT_DIR [--funding 100000] [--actors 2000] [--relationships 20000]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ACTOR_KINDS, AUTHORITY_KINDS } from '../../domain/kinds.ts';
import { seededRandom } from '../../domain/seeded-random.ts';

export interface GenerateOptions {
  actors?: number;
  authorities?: number;
  events?: number;
  relationships?: number;
  funding?: number;
  /** PRNG seed. */
  seed?: number;
  /** Prefix of every id, so that two generated sets can live in one database. */
  prefix?: string;
}

/** Record counts written, by kind. */
export type GeneratedCounts = Record<'sources' | 'actors' | 'authorities' | 'events' | 'relationships' | 'funding', number>;

const SECTIONS = 10;
const PARAGRAPHS = 40;
const FOOTNOTES = 200;
const ACTOR_TYPES = ['TRAINED', 'EQUIPPED', 'ADVISED', 'ALLIED_WITH', 'DEPENDS_ON', 'SUPPORTS', 'COOPERATES_WITH', 'OPPOSES'];


/** Generates the folder `dir` (created if needed); returns the counts written. */
export function generateDataset(dir: string, options: GenerateOptions = {}): GeneratedCounts {
  const n = {
    actors: Math.max(4, options.actors ?? 200),
    authorities: Math.max(2, options.authorities ?? 20),
    events: Math.max(1, options.events ?? 10),
    relationships: options.relationships ?? 1_000,
    funding: options.funding ?? 5_000,
  };
  const p = options.prefix ?? 'gen';
  const rand = seededRandom(options.seed ?? 1);
  const pick = (k: number) => Math.floor(rand() * k);
  const year = () => 1990 + pick(30);
  const cite = () => {
    const fn = rand() < 0.5 ? String(1 + pick(FOOTNOTES)) : '';
    return `,${p}_s${1 + pick(SECTIONS)},${1 + pick(PARAGRAPHS)},${fn}`;
  };
  const yamlCite = () => `  cite:\n    - { section: ${p}_s${1 + pick(SECTIONS)}, paragraph: ${1 + pick(PARAGRAPHS)}, footnotes: [${1 + pick(FOOTNOTES)}] }\n`;
  mkdirSync(dir, { recursive: true });

  let sources = `- id: ${p}_report\n  kind: ARTICLE\n  title: Synthetic report ${p}\n  date: "2020"\n  footnoteCount: ${FOOTNOTES}\n  default: true\n`;
  for (let s = 1; s <= SECTIONS; s++) {
    sources += `- id: ${p}_s${s}\n  kind: SECTION\n  partOf: ${p}_report\n  essay: 1\n  heading: Section ${s}\n  paragraphs: ${PARAGRAPHS}\n`;
  }
  writeFileSync(resolve(dir, 'sources.yaml'), sources);

  // Actors: the first quarter are States; the rest belong to one of them.
  const states = Math.max(2, Math.floor(n.actors / 4));
  const actorId = (i: number) => `${p}_actor_${i}`;
  let actors = '';
  for (let i = 0; i < n.actors; i++) {
    const kind = i < states ? 'State' : ACTOR_KINDS[1 + pick(ACTOR_KINDS.length - 1)];
    actors += `- id: ${actorId(i)}\n  kind: ${kind}\n  name: ${kind} number ${i}\n  aliases: [A${i}]\n`;
    if (i >= states) actors += `  country: ${actorId(pick(states))}\n`;
    actors += `  description: An invented ${kind.toLowerCase()} for load tests.\n${yamlCite()}`;
  }
  writeFileSync(resolve(dir, 'actors.yaml'), actors);

  const authorityId = (i: number) => `${p}_authority_${i}`;
  let authorities = '';
  for (let i = 0; i < n.authorities; i++) {
    authorities += `- id: ${authorityId(i)}\n  kind: ${AUTHORITY_KINDS[pick(AUTHORITY_KINDS.length)]}\n  name: Authority ${i}\n  enacted: ${year()}\n${yamlCite()}`;
  }
  writeFileSync(resolve(dir, 'authorities.yaml'), authorities);

  let events = '';
  for (let i = 0; i < n.events; i++) events += `- id: ${p}_event_${i}\n  name: Event ${i}\n  year: ${year()}\n${yamlCite()}`;
  writeFileSync(resolve(dir, 'events.yaml'), events);

  // Relationships: lineage chains among authorities, then actor edges with unique ids.
  const rel = ['id,type,from,to,start,end,note,source,section,paragraph,footnotes'];
  for (let i = 1; i < n.authorities; i++) rel.push(`${p}_lineage_${i},EVOLVED_INTO,${authorityId(i - 1)},${authorityId(i)},${year()},,,${cite()}`);
  for (let i = 0; i < n.relationships; i++) {
    const a = pick(n.actors);
    const b = (a + 1 + pick(n.actors - 1)) % n.actors;
    const start = year();
    const end = rand() < 0.3 ? String(start + pick(10)) : '';
    rel.push(`${p}_rel_${i},${ACTOR_TYPES[pick(ACTOR_TYPES.length)]},${actorId(a)},${actorId(b)},${start},${end},,${cite()}`);
  }
  writeFileSync(resolve(dir, 'relationships.csv'), `${rel.join('\n')}\n`);

  // Funding: every tenth flow is a wider one that the next flows break down.
  const fund = ['id,donor,recipient,authority,amount_usd,fy_start,fy_end,precision,basis,part_of,purpose,note,source,section,paragraph,footnotes'];
  let wider = '';
  for (let i = 0; i < n.funding; i++) {
    const id = `${p}_flow_${i}`;
    const start = 2000 + pick(18);
    const partOf = i % 10 === 0 ? '' : wider;
    if (i % 10 === 0) wider = id;
    const authority = rand() < 0.8 ? authorityId(pick(n.authorities)) : '';
    const precision = ['EXACT', 'APPROXIMATE', 'LOWER_BOUND'][pick(3)];
    const basis = partOf ? 'TOTAL' : ['TOTAL', 'ANNUAL', 'AVERAGE'][pick(3)];
    fund.push(`${id},${actorId(pick(states))},${actorId(pick(n.actors))},${authority},${1000 * (1 + pick(100000))},${start},${start + pick(3)},${precision},${basis},${partOf},training,,${cite()}`);
  }
  writeFileSync(resolve(dir, 'funding.csv'), `${fund.join('\n')}\n`);
  return {
    sources: 1 + SECTIONS,
    actors: n.actors,
    authorities: n.authorities,
    events: n.events,
    relationships: n.relationships + n.authorities - 1,
    funding: n.funding,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      actors: { type: 'string' },
      authorities: { type: 'string' },
      events: { type: 'string' },
      relationships: { type: 'string' },
      funding: { type: 'string' },
      seed: { type: 'string' },
      prefix: { type: 'string' },
    },
  });
  if (positionals.length !== 1) {
    process.stderr.write('usage: npx tsx seed/examples/generate.ts OUT_DIR [--funding N] [--actors N] [--authorities N] [--events N] [--relationships N] [--seed N] [--prefix P]\n');
    process.exit(2);
  }
  const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
  const counts = generateDataset(resolve(positionals[0]), {
    actors: num(values.actors),
    authorities: num(values.authorities),
    events: num(values.events),
    relationships: num(values.relationships),
    funding: num(values.funding),
    seed: num(values.seed),
    prefix: values.prefix,
  });
  process.stdout.write(`${JSON.stringify(counts)}\n`);
}
