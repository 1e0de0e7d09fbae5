/**
 * Deterministic synthetic data sets in the seed data format (docs/data-format.md), for the benchmarks.
 *
 * Shape (what makes it look like the real thing, at any size):
 * - a few hundred States own most other actors (Zipf), so countries have very different weights;
 * - donors and recipients of funding flows are heavy-tailed (Zipf), amounts are Pareto;
 * - some flows break down wider ones (`part_of`), with every basis and precision represented;
 * - authorities form lineage forests: chains of EVOLVED_INTO / REAUTHORIZED_BY and a few
 *   consolidation hubs that absorb many older authorities (CONSOLIDATED_INTO), plus
 *   ESTABLISHED_BY laws and ADMINISTERED_BY / IMPLEMENTED_BY bodies;
 * - actor relationships use allow-listed types between plausible kinds, with years;
 * - every record cites a section, paragraph and footnotes of a synthetic source corpus.
 *
 * Same seed and size give the same bytes. Files are streamed: L (1M flows) never sits in memory.
 *
 * CLI: `npx tsx bench/generate.ts --size M [--seed 42] [--out bench/data/M-42]`
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng, Zipf, weighted } from './lib/prng.ts';
import { StreamWriter, csvLine, yamlString } from './lib/stream-writer.ts';
import { PURPOSES, TOPICS, acronym, word } from './lib/names.ts';
import { SIZES, parseSize, type SizeName, type SizeProfile } from './lib/sizes.ts';
import type { ActorKind, AuthorityKind } from '../domain/kinds.ts';
import type { RelationshipType } from '../domain/relationship-types.ts';

/** Ids the benchmarks query: chosen while generating, written beside (not inside) the data set. */
export interface BenchTargets {
  size: SizeName;
  seed: number;
  /** The busiest donors and recipients (hubs). */
  hubActors: string[];
  /** Actors of ordinary degree. */
  typicalActors: string[];
  /** Pairs of actors for path queries. */
  pathPairs: [string, string][];
  /** Authorities inside lineage trees (hubs first). */
  lineageRoots: string[];
  /** Authorities with lineage descendants, for fundingTotals with includeDescendants. */
  fundingAuthorities: string[];
  /** Words that occur in names (common and rare). */
  searchTerms: string[];
  /** Record counts per file, and the total. */
  counts: Record<string, number>;
}

/** Result of one generation. */
export interface GeneratedDataset {
  dir: string;
  targetsFile: string;
  targets: BenchTargets;
}

const KIND_PREFIX: Record<ActorKind, string> = {
  Person: 'person',
  State: 'state',
  GovernmentBody: 'gov',
  InternationalOrg: 'io',
  Mission: 'mission',
  MilitaryUnit: 'unit',
  ArmedGroup: 'group',
  Company: 'company',
  Organization: 'org',
};

/** Share of the non-State actors by kind. */
const KIND_WEIGHTS: readonly (readonly [ActorKind, number])[] = [
  ['Person', 30],
  ['GovernmentBody', 18],
  ['InternationalOrg', 3],
  ['Mission', 3],
  ['MilitaryUnit', 20],
  ['ArmedGroup', 8],
  ['Company', 18],
];

const AUTHORITY_WEIGHTS: readonly (readonly [AuthorityKind, number])[] = [
  ['STATUTE', 30],
  ['ACCOUNT', 15],
  ['PROGRAM', 25],
  ['LAW', 15],
  ['POLICY', 7],
  ['AGREEMENT', 5],
  ['SANCTION', 3],
];

const ACTOR_KINDS_ALL: readonly ActorKind[] = [
  'Person', 'State', 'GovernmentBody', 'InternationalOrg', 'Mission', 'MilitaryUnit', 'ArmedGroup', 'Company',
];
const KIND_CODE = new Map<ActorKind, number>(ACTOR_KINDS_ALL.map((k, i) => [k, i]));

/** Relationship types between actors (and actors and events), with plausible endpoint kinds. */
const RELATIONSHIP_SPECS: readonly {
  type: RelationshipType;
  weight: number;
  from: readonly ActorKind[] | 'event';
  to: readonly ActorKind[] | 'event';
}[] = [
  { type: 'MEMBER_OF', weight: 8, from: ['State', 'Person'], to: ['InternationalOrg', 'GovernmentBody', 'ArmedGroup'] },
  { type: 'CONTRIBUTES_TROOPS_TO', weight: 4, from: ['State'], to: ['Mission'] },
  { type: 'LEADS', weight: 6, from: ['Person'], to: ['State', 'GovernmentBody', 'MilitaryUnit', 'ArmedGroup', 'Company', 'Mission'] },
  { type: 'PART_OF', weight: 6, from: ['MilitaryUnit', 'GovernmentBody'], to: ['GovernmentBody', 'State'] },
  { type: 'FAMILY_OF', weight: 2, from: ['Person'], to: ['Person'] },
  { type: 'APPOINTED', weight: 2, from: ['Person'], to: ['Person'] },
  { type: 'PURGED', weight: 2, from: ['Person'], to: ['Person', 'MilitaryUnit'] },
  { type: 'ACCUSED', weight: 2, from: ['State', 'GovernmentBody', 'InternationalOrg'], to: ['Person', 'ArmedGroup', 'State', 'Company'] },
  { type: 'TRAINED', weight: 8, from: ['State', 'GovernmentBody', 'Company', 'Mission'], to: ['MilitaryUnit', 'GovernmentBody'] },
  { type: 'EQUIPPED', weight: 6, from: ['State', 'GovernmentBody', 'Company'], to: ['MilitaryUnit', 'GovernmentBody', 'ArmedGroup'] },
  { type: 'ADVISED', weight: 4, from: ['State', 'GovernmentBody', 'Company', 'Person'], to: ['GovernmentBody', 'MilitaryUnit', 'Person'] },
  { type: 'FUNDS', weight: 3, from: ['State', 'GovernmentBody', 'InternationalOrg'], to: ['Mission', 'ArmedGroup', 'GovernmentBody', 'InternationalOrg'] },
  { type: 'ALLIED_WITH', weight: 4, from: ['State', 'ArmedGroup'], to: ['State', 'ArmedGroup'] },
  { type: 'OPPOSES', weight: 4, from: ['State', 'ArmedGroup', 'MilitaryUnit'], to: ['ArmedGroup', 'State'] },
  { type: 'FOUGHT', weight: 3, from: ['MilitaryUnit', 'ArmedGroup', 'Mission'], to: ['ArmedGroup', 'MilitaryUnit'] },
  { type: 'INVADED', weight: 1, from: ['State'], to: ['State'] },
  { type: 'INTERVENED_IN', weight: 1, from: ['State', 'InternationalOrg'], to: ['State'] },
  { type: 'INSTALLED', weight: 1, from: ['State', 'MilitaryUnit'], to: ['Person'] },
  { type: 'OUSTED', weight: 1, from: ['MilitaryUnit', 'ArmedGroup', 'Person'], to: ['Person'] },
  { type: 'AFFILIATED_WITH', weight: 3, from: ['ArmedGroup', 'Person', 'Company'], to: ['ArmedGroup', 'State', 'GovernmentBody'] },
  { type: 'ARMED_WING_OF', weight: 1, from: ['ArmedGroup', 'MilitaryUnit'], to: ['ArmedGroup', 'GovernmentBody'] },
  { type: 'HOSTS_FACILITY_FOR', weight: 2, from: ['State'], to: ['State', 'InternationalOrg', 'Mission'] },
  { type: 'DEPENDS_ON', weight: 4, from: ['State', 'MilitaryUnit', 'GovernmentBody', 'Mission'], to: ['State', 'InternationalOrg', 'Company'] },
  { type: 'SUSPENDED_AID_TO', weight: 1, from: ['State', 'InternationalOrg'], to: ['State', 'MilitaryUnit', 'GovernmentBody'] },
  { type: 'CONTRACTED', weight: 3, from: ['GovernmentBody', 'State', 'Mission'], to: ['Company'] },
  { type: 'OVERSEES', weight: 2, from: ['GovernmentBody'], to: ['GovernmentBody', 'MilitaryUnit', 'Mission'] },
  { type: 'SUPPORTS', weight: 3, from: ['State', 'InternationalOrg', 'GovernmentBody'], to: ['Mission', 'ArmedGroup', 'State'] },
  { type: 'COOPERATES_WITH', weight: 3, from: ['GovernmentBody', 'State', 'InternationalOrg'], to: ['GovernmentBody', 'State', 'InternationalOrg'] },
  { type: 'WITHDREW_FROM', weight: 1, from: ['State'], to: ['Mission', 'InternationalOrg'] },
  { type: 'SANCTIONED', weight: 1, from: ['State', 'InternationalOrg'], to: ['Person', 'ArmedGroup', 'Company', 'State'] },
  { type: 'PERPETRATED', weight: 3, from: ['ArmedGroup', 'State', 'MilitaryUnit'], to: 'event' },
  { type: 'TARGETED', weight: 2, from: 'event', to: ['State', 'GovernmentBody', 'Mission', 'Company'] },
  { type: 'PARTICIPATED_IN', weight: 3, from: ['State', 'Person', 'MilitaryUnit', 'InternationalOrg'], to: 'event' },
  { type: 'TRIGGERED', weight: 1, from: 'event', to: 'event' },
];

const GOV_BODIES = [
  'Ministry of Defense', 'Ministry of Interior', 'Foreign Ministry', 'Defense Committee', 'National Police',
  'Intelligence Directorate', 'Border Guard Command', 'Finance Ministry', 'Joint Staff', 'Security Council',
];
const UNIT_TYPES = ['Brigade', 'Battalion', 'Commando Unit', 'Special Forces Group', 'Presidential Guard', 'Coast Guard Squadron', 'Rapid Reaction Force'];
const GROUP_TYPES = ['Liberation Front', 'Movement', 'Brigades', 'Army of the North', 'Resistance', 'Militia'];
const COMPANY_TYPES = ['Logistics', 'Defense Systems', 'Security Services', 'Aerospace', 'Training Group', 'Holdings'];
const ORG_TYPES = ['Union', 'Cooperation Council', 'Development Bank', 'Security Organization', 'Community'];
const EVENT_TYPES = ['offensive', 'summit', 'coup attempt', 'attack', 'ceasefire', 'election crisis', 'invasion', 'mutiny'];

const FIRST_YEAR = 1961;
const LAST_YEAR = 2024;

interface Section {
  id: string;
  source: string | null; // null: the default source
  paragraphs: number;
  footLo: number;
  footHi: number;
}

/** Writes a data set of `size` into `dir` and the query targets to `<dir>.targets.json`. */
export async function generateDataset(size: SizeName | SizeProfile, dir: string, seed = 42): Promise<GeneratedDataset> {
  const p = typeof size === 'string' ? SIZES[size] : size;
  await mkdir(dir, { recursive: true });
  const counts: Record<string, number> = {};

  // ---- sources.yaml: one default article with sections, four reports with sections, works.
  const rs = new Rng(seed, 'sources');
  const sections: Section[] = [];
  const articleFootnotes = Math.max(60, p.works * 2);
  const src = new StreamWriter(path.join(dir, 'sources.yaml'));
  await src.write(
    `- id: synthetic_review\n  kind: ARTICLE\n  title: ${yamlString('Synthetic Review of Security Assistance')}\n` +
      `  publisher: ${yamlString('aidgraph bench')}\n  date: "2024"\n  footnoteCount: ${articleFootnotes}\n  default: true\n`,
  );
  const ARTICLE_SECTIONS = 24;
  for (let i = 0; i < ARTICLE_SECTIONS; i++) {
    const id = `syn_s${String(i + 1).padStart(2, '0')}`;
    const paragraphs = rs.int(8, 40);
    const footLo = Math.floor((i * articleFootnotes) / ARTICLE_SECTIONS) + 1;
    const footHi = Math.floor(((i + 1) * articleFootnotes) / ARTICLE_SECTIONS);
    sections.push({ id, source: null, paragraphs, footLo, footHi });
    await src.write(
      `- id: ${id}\n  kind: SECTION\n  partOf: synthetic_review\n  essay: ${1 + Math.floor(i / 6)}\n` +
        `  heading: ${yamlString(`${word(rs)} and ${rs.pick(TOPICS)}`)}\n  author: ${yamlString(`${word(rs)} ${word(rs)}`)}\n` +
        `  paragraphs: ${paragraphs}\n`,
    );
  }
  for (let d = 1; d <= 4; d++) {
    const docId = `report_${d}`;
    const footnoteCount = rs.int(20, 80);
    await src.write(
      `- id: ${docId}\n  kind: DOCUMENT\n  title: ${yamlString(`${word(rs)} Report on ${rs.pick(TOPICS)}`)}\n` +
        `  publisher: ${yamlString(`${word(rs)} Institute`)}\n  date: "${rs.int(2005, 2023)}"\n  footnoteCount: ${footnoteCount}\n`,
    );
    for (let i = 0; i < 4; i++) {
      const id = `${docId}_s${i + 1}`;
      const paragraphs = rs.int(5, 25);
      const footLo = Math.floor((i * footnoteCount) / 4) + 1;
      const footHi = Math.floor(((i + 1) * footnoteCount) / 4);
      sections.push({ id, source: docId, paragraphs, footLo, footHi });
      await src.write(
        `- id: ${id}\n  kind: SECTION\n  partOf: ${docId}\n  heading: ${yamlString(`${word(rs)} ${rs.pick(TOPICS)}`)}\n` +
          `  paragraphs: ${paragraphs}\n`,
      );
    }
  }
  for (let w = 1; w <= p.works; w++) {
    const notes = new Set<number>();
    const n = 1 + rs.geometric(0.8);
    for (let k = 0; k < n; k++) notes.add(rs.int(1, articleFootnotes));
    await src.write(
      `- id: work_${String(w).padStart(4, '0')}\n  kind: WORK\n  partOf: synthetic_review\n` +
        `  title: ${yamlString(`${word(rs)} ${word(rs)}: ${rs.pick(TOPICS)}`)}\n  author: ${yamlString(`${word(rs)} ${word(rs)}`)}\n` +
        `  publisher: ${yamlString(`${word(rs)} Press`)}\n  date: "${rs.int(1970, 2023)}"\n` +
        `  footnotes: [${[...notes].sort((a, b) => a - b).join(', ')}]\n`,
    );
  }
  await src.close();
  counts.sources = 1 + ARTICLE_SECTIONS + 4 * 5 + p.works;

  /** One citation on a random section: mostly the default article, some reports. */
  const citation = (r: Rng): { source: string | null; section: string; paragraph: number; footnotes: number[] } => {
    const s = r.chance(0.85) ? sections[r.int(0, ARTICLE_SECTIONS - 1)] : sections[r.int(ARTICLE_SECTIONS, sections.length - 1)];
    const footnotes: number[] = [];
    if (s.footHi >= s.footLo && r.chance(0.6)) {
      const a = r.int(s.footLo, s.footHi);
      footnotes.push(a);
      if (a < s.footHi && r.chance(0.3)) footnotes.push(a + 1);
    }
    return { source: s.source, section: s.id, paragraph: r.int(1, s.paragraphs), footnotes };
  };
  const yamlCite = (r: Rng): string => {
    const n = r.chance(0.8) ? 1 : 2;
    let out = '  cite:\n';
    for (let i = 0; i < n; i++) {
      const c = citation(r);
      out +=
        `    - { ${c.source ? `source: ${c.source}, ` : ''}section: ${c.section}, paragraph: ${c.paragraph}` +
        `${c.footnotes.length ? `, footnotes: [${c.footnotes.join(', ')}]` : ''} }\n`;
    }
    return out;
  };
  const csvCite = (r: Rng): (string | number)[] => {
    const c = citation(r);
    return [c.source ?? '', c.section, c.paragraph, c.footnotes.join(';')];
  };

  // ---- actors.yaml: States first, then the rest by weighted kind, each tied to a country by Zipf.
  const ra = new Rng(seed, 'actors');
  const n = p.actors;
  const kinds = new Uint8Array(n);
  const country = new Int32Array(n).fill(-1);
  const ids: string[] = new Array(n);
  const stateNames: string[] = [];
  const nameWords: string[] = []; // first words of a spread of actor names, for search targets
  const perKind = new Map<ActorKind, number>();
  const countryZipf = new Zipf(p.states, 1.0);
  const act = new StreamWriter(path.join(dir, 'actors.yaml'));
  for (let i = 0; i < n; i++) {
    const kind: ActorKind = i < p.states ? 'State' : weighted(ra, KIND_WEIGHTS);
    const ordinal = (perKind.get(kind) ?? 0) + 1;
    perKind.set(kind, ordinal);
    const id = `${KIND_PREFIX[kind]}_${String(ordinal).padStart(6, '0')}`;
    ids[i] = id;
    kinds[i] = KIND_CODE.get(kind)!;
    const needsCountry =
      kind === 'GovernmentBody' || kind === 'MilitaryUnit' || kind === 'Mission' ||
      (kind === 'Person' && ra.chance(0.8)) || (kind === 'ArmedGroup' && ra.chance(0.9)) || (kind === 'Company' && ra.chance(0.7));
    const c = kind !== 'State' && needsCountry ? countryZipf.sample(ra) : -1;
    country[i] = c;
    const cName = c >= 0 ? stateNames[c] : word(ra);
    let name: string;
    const aliases: string[] = [];
    switch (kind) {
      case 'State':
        name = word(ra);
        stateNames.push(name);
        if (ra.chance(0.5)) aliases.push(`Republic of ${name}`);
        break;
      case 'Person':
        name = `${word(ra)} ${word(ra)}`;
        if (ra.chance(0.2)) aliases.push(`${name.split(' ')[0][0]}. ${name.split(' ')[1]}`);
        break;
      case 'GovernmentBody':
        name = `${cName} ${ra.pick(GOV_BODIES)}${ra.chance(0.5) ? ` ${word(ra)} Office` : ''}`;
        break;
      case 'InternationalOrg':
        name = `${word(ra)} ${ra.pick(ORG_TYPES)}`;
        aliases.push(acronym(name));
        break;
      case 'Mission':
        name = `${word(ra)} Mission in ${cName}`;
        aliases.push(acronym(name));
        break;
      case 'MilitaryUnit':
        name = `${word(ra)} ${ra.pick(UNIT_TYPES)}`;
        break;
      case 'ArmedGroup':
        name = `${word(ra)} ${ra.pick(GROUP_TYPES)}`;
        if (ra.chance(0.5)) aliases.push(acronym(name));
        break;
      case 'Company':
        name = `${word(ra)} ${ra.pick(COMPANY_TYPES)}`;
        break;
      case 'Organization':
        name = `${word(ra)} Institute`;
        break;
    }
    if (i % Math.max(1, Math.floor(n / 25)) === 7) nameWords.push(name.split(' ')[0]);
    let rec =
      `- id: ${id}\n  kind: ${kind}\n  name: ${yamlString(name)}\n` +
      (aliases.length ? `  aliases: [${aliases.map(yamlString).join(', ')}]\n` : '') +
      (c >= 0 ? `  country: ${ids[c]}\n` : '') +
      `  description: ${yamlString(`Synthetic ${kind} ${c >= 0 ? `of ${cName} ` : ''}active in ${ra.pick(TOPICS)}.`)}\n`;
    rec += yamlCite(ra);
    await act.write(rec);
  }
  await act.close();
  counts.actors = n;

  // Pools by kind, and the heavy-tailed samplers over them (rank -> a shuffled member).
  const byKind = new Map<ActorKind, number[]>();
  for (const k of ACTOR_KINDS_ALL) byKind.set(k, []);
  for (let i = 0; i < n; i++) byKind.get(ACTOR_KINDS_ALL[kinds[i]])!.push(i);
  const rp = new Rng(seed, 'pools');
  for (const list of byKind.values()) rp.shuffle(list);
  const zipfCache = new Map<number, Zipf>();
  const zipfOf = (len: number, s: number): Zipf => {
    const key = len * 10 + s * 10;
    let z = zipfCache.get(key);
    if (!z) zipfCache.set(key, (z = new Zipf(len, s)));
    return z;
  };
  /** A heavy-tailed pick among actors of the given kinds (each kind's pool weighted by its size). */
  const pickActor = (r: Rng, kindList: readonly ActorKind[], s = 1.0): number => {
    let total = 0;
    for (const k of kindList) total += byKind.get(k)!.length;
    let u = r.int(0, Math.max(0, total - 1));
    for (const k of kindList) {
      const pool = byKind.get(k)!;
      if (u < pool.length) return pool[zipfOf(pool.length, s).sample(r)];
      u -= pool.length;
    }
    return r.int(0, n - 1);
  };

  // ---- authorities.yaml, in order of enactment (so lineage runs forward in time).
  const rau = new Rng(seed, 'authorities');
  const na = p.authorities;
  const authIds: string[] = new Array(na);
  const authKind: AuthorityKind[] = new Array(na);
  const enacted = new Int32Array(na);
  const au = new StreamWriter(path.join(dir, 'authorities.yaml'));
  for (let i = 0; i < na; i++) {
    const kind = weighted(rau, AUTHORITY_WEIGHTS);
    const year = FIRST_YEAR + Math.floor(((LAST_YEAR - FIRST_YEAR) * i) / na);
    const id = `auth_${String(i + 1).padStart(6, '0')}`;
    authIds[i] = id;
    authKind[i] = kind;
    enacted[i] = year;
    const title = rau.chance(0.55) ? 10 : rau.chance(0.8) ? 22 : null;
    const w = word(rau);
    let name: string;
    let cit: string | null = null;
    const aliases: string[] = [];
    switch (kind) {
      case 'STATUTE':
        name = `${title ?? 50} U.S.C. ${100 + i}`;
        cit = name;
        aliases.push(`Section ${100 + i}`);
        break;
      case 'ACCOUNT':
        name = `${w} Assistance Account`;
        aliases.push(acronym(name));
        break;
      case 'PROGRAM':
        name = `${w} Partnership Program`;
        aliases.push(acronym(name));
        break;
      case 'LAW':
        name = `${w} Authorization Act for Fiscal Year ${year}`;
        cit = `Pub. L. ${year - 1900}-${i + 1}`;
        break;
      case 'POLICY':
        name = `${w} Policy Directive ${i + 1}`;
        break;
      case 'AGREEMENT':
        name = `${w}-${word(rau)} Status of Forces Agreement`;
        break;
      case 'SANCTION':
        name = `${w} Sanctions Regulations`;
        break;
    }
    await au.write(
      `- id: ${id}\n  kind: ${kind}\n  name: ${yamlString(name)}\n` +
        (aliases.length ? `  aliases: [${aliases.map(yamlString).join(', ')}]\n` : '') +
        (cit ? `  citation: ${yamlString(cit)}\n` : '') +
        (title !== null ? `  title: ${title}\n` : '') +
        `  enacted: ${year}\n  description: ${yamlString(`Synthetic ${kind.toLowerCase()} on ${rau.pick(TOPICS)}.`)}\n` +
        yamlCite(rau),
    );
  }
  await au.close();
  counts.authorities = na;

  // ---- events.yaml
  const re = new Rng(seed, 'events');
  const eventIds: string[] = new Array(p.events);
  const eventYear = new Int32Array(p.events);
  const ev = new StreamWriter(path.join(dir, 'events.yaml'));
  for (let i = 0; i < p.events; i++) {
    const year = re.int(FIRST_YEAR, LAST_YEAR);
    const id = `event_${String(i + 1).padStart(6, '0')}`;
    eventIds[i] = id;
    eventYear[i] = year;
    const yearEnd = re.chance(0.3) ? Math.min(LAST_YEAR, year + 1 + re.geometric(2)) : null;
    await ev.write(
      `- id: ${id}\n  name: ${yamlString(`${word(re)} ${re.pick(EVENT_TYPES)} of ${year}`)}\n  year: ${year}\n` +
        (yearEnd !== null ? `  yearEnd: ${yearEnd}\n` : '') +
        `  description: ${yamlString(`Synthetic event in ${re.pick(TOPICS)}.`)}\n` +
        yamlCite(re),
    );
  }
  await ev.close();
  counts.events = p.events;

  // ---- relationships.csv: lineage forest first, then actor and event relationships.
  const rr = new Rng(seed, 'relationships');
  const rel = new StreamWriter(path.join(dir, 'relationships.csv'));
  await rel.write('type,from,to,start,end,note,source,section,paragraph,footnotes\n');
  const keys = new Set<string>();
  let relCount = 0;
  const emit = async (type: RelationshipType, from: string, to: string, start: number | null, end: number | null, note = ''): Promise<boolean> => {
    if (from === to) return false;
    const key = `${type}:${from}:${to}:${start ?? ''}`;
    if (keys.has(key)) return false;
    keys.add(key);
    await rel.write(csvLine([type, from, to, start, end, note, ...csvCite(rr)]));
    relCount++;
    return true;
  };

  // Lineage: each authority has at most one successor (a forest); hubs absorb many (consolidation).
  const open: number[] = []; // authorities without a successor yet, most recent last
  const hasChild = new Uint8Array(na);
  const chainAuthorities = ['STATUTE', 'ACCOUNT', 'PROGRAM', 'POLICY'];
  const lawIdx: number[] = [];
  const hubs: number[] = [];
  const descendantsCount = new Int32Array(na);
  const parentOf = new Int32Array(na).fill(-1);
  for (let i = 0; i < na; i++) {
    if (authKind[i] === 'LAW') {
      lawIdx.push(i);
      continue;
    }
    if (!chainAuthorities.includes(authKind[i])) continue;
    if (open.length > 0 && rr.chance(0.02) && open.length >= 5) {
      // A consolidation hub: many older open authorities fold into this one.
      const k = Math.min(open.length, 3 + Math.floor(rr.pareto(2, 1.2)), 150);
      for (let j = 0; j < k; j++) {
        const at = open.length - 1 - rr.int(0, Math.min(open.length - 1, 200));
        const prev = open[at];
        open.splice(at, 1);
        if (await emit('CONSOLIDATED_INTO', authIds[prev], authIds[i], enacted[i], null)) {
          parentOf[prev] = i;
          hasChild[i] = 1;
        }
      }
      hubs.push(i);
    } else if (open.length > 0 && rr.chance(0.45)) {
      const at = open.length - 1 - rr.int(0, Math.min(open.length - 1, 30));
      const prev = open[at];
      open.splice(at, 1);
      const type: RelationshipType = rr.chance(0.85) ? 'EVOLVED_INTO' : 'REAUTHORIZED_BY';
      if (await emit(type, authIds[prev], authIds[i], enacted[i], null)) {
        parentOf[prev] = i;
        hasChild[i] = 1;
      }
    }
    open.push(i);
    if (lawIdx.length > 0 && rr.chance(0.6)) {
      await emit('ESTABLISHED_BY', authIds[i], authIds[lawIdx[lawIdx.length - 1 - rr.int(0, Math.min(lawIdx.length - 1, 5))]], enacted[i], null);
    }
    if (rr.chance(0.7)) {
      await emit('ADMINISTERED_BY', authIds[i], ids[pickActor(rr, ['GovernmentBody'], 1.1)], enacted[i], null);
    }
    if (rr.chance(0.3)) {
      await emit('IMPLEMENTED_BY', authIds[i], ids[pickActor(rr, ['GovernmentBody', 'MilitaryUnit', 'Company'], 1.1)], enacted[i], null);
    }
    if (authKind[i] === 'PROGRAM' && rr.chance(0.4)) {
      const accounts: number[] = [];
      for (let j = i - 1; j >= 0 && accounts.length < 3; j--) if (authKind[j] === 'ACCOUNT') accounts.push(j);
      if (accounts.length) await emit('FUNDED_THROUGH', authIds[i], authIds[rr.pick(accounts)], enacted[i], null);
    }
  }
  // Count descendants (authorities upstream of each node) to pick lineage and funding targets.
  for (let i = 0; i < na; i++) {
    for (let j = parentOf[i]; j >= 0; j = parentOf[j]) descendantsCount[j]++;
  }

  // Actor and event relationships.
  const specWeights = RELATIONSHIP_SPECS.map((s, i) => [i, s.weight] as const);
  const eventZipf = new Zipf(Math.max(1, p.events), 0.8);
  const pickEndpoint = (spec: readonly ActorKind[] | 'event'): { id: string; year: number | null } => {
    if (spec === 'event') {
      const e = eventZipf.sample(rr);
      return { id: eventIds[e], year: eventYear[e] };
    }
    return { id: ids[pickActor(rr, spec, 0.9)], year: null };
  };
  const actorRelationshipTarget = p.relationships;
  let made = 0;
  let attempts = 0;
  while (made < actorRelationshipTarget && attempts < actorRelationshipTarget * 5) {
    attempts++;
    const spec = RELATIONSHIP_SPECS[weighted(rr, specWeights)];
    if (p.events === 0 && (spec.from === 'event' || spec.to === 'event')) continue;
    const a = pickEndpoint(spec.from);
    const b = pickEndpoint(spec.to);
    let start: number | null;
    let end: number | null = null;
    const eventYearOf = a.year ?? b.year;
    if (eventYearOf !== null) {
      start = spec.type === 'TRIGGERED' ? a.year : eventYearOf;
      if (spec.type === 'TRIGGERED' && b.year !== null && a.year !== null && b.year < a.year) continue;
    } else {
      start = rr.chance(0.9) ? Math.min(LAST_YEAR, FIRST_YEAR + Math.floor((LAST_YEAR - FIRST_YEAR) * Math.sqrt(rr.next()))) : null;
      if (start !== null && rr.chance(0.5)) end = Math.min(LAST_YEAR, start + rr.geometric(4));
    }
    const note = rr.chance(0.1) ? `Synthetic note on ${rr.pick(TOPICS)}` : '';
    if (await emit(spec.type, a.id, b.id, start, end, note)) made++;
  }
  await rel.close();
  counts.relationships = relCount;

  // ---- funding.csv: heavy-tailed donors and recipients, Pareto amounts, some breakdowns.
  const rf = new Rng(seed, 'funding');
  const fund = new StreamWriter(path.join(dir, 'funding.csv'));
  await fund.write('id,donor,recipient,authority,amount_usd,fy_start,fy_end,precision,basis,part_of,purpose,note,source,section,paragraph,footnotes\n');
  const donorKinds: ActorKind[] = ['State', 'GovernmentBody', 'InternationalOrg'];
  const recipientKinds: ActorKind[] = ['State', 'GovernmentBody', 'Mission', 'MilitaryUnit', 'ArmedGroup', 'Company', 'InternationalOrg'];
  const fundingAuthorities: number[] = [];
  for (let i = 0; i < na; i++) if (authKind[i] === 'STATUTE' || authKind[i] === 'ACCOUNT' || authKind[i] === 'PROGRAM') fundingAuthorities.push(i);
  rp.shuffle(fundingAuthorities);
  const authorityZipf = new Zipf(Math.max(1, fundingAuthorities.length), 1.0);
  const donorFlows = new Map<number, number>();
  const recipientFlows = new Map<number, number>();
  let f = 0;
  const fid = (k: number) => `flow_${String(k).padStart(7, '0')}`;
  const pickAuthority = (r: Rng): string => (fundingAuthorities.length && r.chance(0.85) ? authIds[fundingAuthorities[authorityZipf.sample(r)]] : '');
  while (f < p.funding) {
    const donor = pickActor(rf, donorKinds, 1.2);
    let recipient = pickActor(rf, recipientKinds, 1.0);
    if (recipient === donor) recipient = pickActor(rf, recipientKinds, 1.0);
    if (recipient === donor) continue;
    donorFlows.set(donor, (donorFlows.get(donor) ?? 0) + 1);
    recipientFlows.set(recipient, (recipientFlows.get(recipient) ?? 0) + 1);
    const fyStart = Math.min(LAST_YEAR, 1990 + Math.floor((LAST_YEAR - 1990 + 1) * Math.sqrt(rf.next())));
    const basis = weighted(rf, [['TOTAL', 75], ['ANNUAL', 20], ['AVERAGE', 5]] as const);
    const span = basis === 'TOTAL' ? (rf.chance(0.6) ? 0 : rf.geometric(2)) : rf.geometric(3);
    const fyEnd = Math.min(LAST_YEAR, fyStart + span);
    const precision = weighted(rf, [['EXACT', 70], ['APPROXIMATE', 20], ['LOWER_BOUND', 10]] as const);
    const amount = Math.min(5e10, Math.round(rf.pareto(1e5, 1.1) / 1000) * 1000);
    const parentId = fid(++f);
    const authority = pickAuthority(rf);
    await fund.write(
      csvLine([
        parentId, ids[donor], ids[recipient], authority, amount, fyStart, fyEnd, precision, basis, '',
        rf.chance(0.6) ? rf.pick(PURPOSES) : '', rf.chance(0.05) ? 'Synthetic figure; see the cited section.' : '', ...csvCite(rf),
      ]),
    );
    // Some TOTAL flows are broken down into parts (same donor and recipient, within its years).
    if (basis === 'TOTAL' && amount >= 1e6 && rf.chance(0.05)) {
      const parts = Math.min(rf.int(2, 4), p.funding - f);
      let left = amount * 0.95;
      for (let k = 0; k < parts; k++) {
        const share = Math.round((left * (k === parts - 1 ? 1 : rf.next() * 0.6)) / 1000) * 1000;
        left -= share;
        if (share <= 0) continue;
        const ys = rf.int(fyStart, fyEnd);
        await fund.write(
          csvLine([
            fid(++f), ids[donor], ids[recipient], rf.chance(0.5) ? authority : pickAuthority(rf), share, ys, rf.int(ys, fyEnd),
            precision, 'TOTAL', parentId, rf.chance(0.6) ? rf.pick(PURPOSES) : '', '', ...csvCite(rf),
          ]),
        );
      }
    }
  }
  await fund.close();
  counts.funding = f;
  counts.total = counts.sources + counts.actors + counts.authorities + counts.events + counts.relationships + counts.funding;

  // ---- targets for the benchmarks (deterministic: derived from the generated shape).
  const rt = new Rng(seed, 'targets');
  const byFlows = (m: Map<number, number>) => [...m.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0]);
  const topDonors = byFlows(donorFlows).slice(0, 2).map(([i]) => ids[i]);
  const topRecipients = byFlows(recipientFlows).slice(0, 2).map(([i]) => ids[i]);
  const typicalPool = byFlows(recipientFlows).filter(([, c]) => c >= 2 && c <= 40).map(([i]) => i);
  const typicalActors = Array.from({ length: Math.min(50, typicalPool.length) }, () => ids[rt.pick(typicalPool)]);
  const pathPairs: [string, string][] = [];
  for (let k = 0; k < 50 && typicalPool.length > 1; k++) {
    const a = ids[rt.pick(typicalPool)];
    const b = ids[rt.pick(typicalPool)];
    if (a !== b) pathPairs.push([a, b]);
  }
  const inTrees: number[] = [];
  for (let i = 0; i < na; i++) if (parentOf[i] >= 0 || hasChild[i]) inTrees.push(i);
  const lineageRoots = [
    ...hubs.slice(0, 3).map((i) => authIds[i]),
    ...Array.from({ length: Math.min(47, inTrees.length) }, () => authIds[rt.pick(inTrees)]),
  ];
  const withDescendants = [...descendantsCount.entries()].filter(([, c]) => c > 0).sort((x, y) => y[1] - x[1] || x[0] - y[0]);
  const fundingAuthoritiesTargets = withDescendants.slice(0, 20).map(([i]) => authIds[i]);
  const searchTerms: string[] = [...new Set([...stateNames.slice(0, 5), ...nameWords])];
  searchTerms.push('Brigade', 'Ministry of Defense', 'Liberation Front', 'Partnership Program', 'counterterrorism');

  const targets: BenchTargets = {
    size: p.name,
    seed,
    hubActors: [...new Set([...topDonors, ...topRecipients])],
    typicalActors,
    pathPairs,
    lineageRoots,
    fundingAuthorities: fundingAuthoritiesTargets,
    searchTerms,
    counts,
  };
  const targetsFile = `${dir.replace(/\/+$/, '')}.targets.json`;
  await writeFile(targetsFile, JSON.stringify(targets, null, 2) + '\n');
  return { dir, targetsFile, targets };
}

/** Default folder of a generated data set. */
export function defaultDatasetDir(size: SizeName, seed = 42): string {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), 'data', `${size}-${seed}`);
}

async function main(argv: string[]): Promise<void> {
  const arg = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const size = parseSize(arg('size') ?? 'M');
  const seed = Number(arg('seed') ?? 42);
  const out = arg('out') ?? defaultDatasetDir(size, seed);
  const t0 = performance.now();
  const { targets } = await generateDataset(size, out, seed);
  const secs = (performance.now() - t0) / 1000;
  console.log(`generated ${size} (seed ${seed}) in ${secs.toFixed(1)} s into ${out}:`, targets.counts);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
