/**
 * The loaded seed answers the article's questions. Each test asks the graph (as the vitest
 * setup loaded it from seed/data) and compares with what the article states; the expected
 * values are the article's facts, nothing else.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from './seed-support.ts';

let driver: Driver;
let database: string;

async function read<T = Record<string, unknown>>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const result = await driver.executeQuery(cypher, params, { database });
  return result.records.map((r) => r.toObject() as T);
}

beforeAll(() => {
  ({ driver, database } = connectTestDatabase());
});
afterAll(async () => {
  await driver?.close();
});

describe('authority lineage', () => {
  it('Section 1206 evolved into 10 U.S.C. 2282 and then into 10 U.S.C. 333 (footnote 55)', async () => {
    const chains = await read<{ chain: string[]; footnotes: number[][] }>(
      `MATCH p = (:Authority {id: 'section_1206'})-[:EVOLVED_INTO*1..4]->(:Authority {id: 'usc10_333'})
       RETURN [n IN nodes(p) | n.id] AS chain, [r IN relationships(p) | r.footnotes] AS footnotes`,
    );
    expect(chains.map((c) => c.chain)).toEqual([['section_1206', 'usc10_2282', 'usc10_333']]);
    for (const footnotes of chains[0].footnotes) expect(footnotes).toContain(55);
  });

  it('Section 1206 was created by the FY2006 defense authorization act, and Global Train and Equip began under it', async () => {
    const rows = await read<{ law: string; enacted: number | null }>(
      `MATCH (:Authority {id: 'section_1206'})-[:ESTABLISHED_BY]->(law:Authority) RETURN law.name AS law, law.enacted AS enacted`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].law).toMatch(/2006/);
    const [program] = await read(`MATCH (:Authority {id: 'global_train_and_equip'})-[:ESTABLISHED_BY]->(a:Authority) RETURN a.id AS id`);
    expect(program).toEqual({ id: 'section_1206' });
  });
});

describe('Global Train and Equip', () => {
  it('gave Kenya $341 million and Uganda $236 million over FY2009-2018, within the "over $700 million" to AMISOM contributors', async () => {
    const flows = await read<{ recipient: string; amount: number; fyStart: number; fyEnd: number; precision: string; wider: number; widerPrecision: string; footnotes: number[] }>(
      `MATCH (:Actor {id: 'united_states'})-[:PROVIDED]->(f:Funding)-[:TO]->(r:Actor),
             (f)-[:UNDER]->(:Authority {id: 'global_train_and_equip'})
       WHERE r.id IN ['kenya', 'uganda']
       OPTIONAL MATCH (f)-[:PART_OF]->(w:Funding)
       RETURN r.id AS recipient, f.amountUsd AS amount, f.fyStart AS fyStart, f.fyEnd AS fyEnd, f.precision AS precision,
              w.amountUsd AS wider, w.precision AS widerPrecision, f.footnotes AS footnotes
       ORDER BY recipient`,
    );
    expect(flows.map(({ footnotes: _f, ...rest }) => rest)).toEqual([
      { recipient: 'kenya', amount: 341_000_000, fyStart: 2009, fyEnd: 2018, precision: 'EXACT', wider: 700_000_000, widerPrecision: 'LOWER_BOUND' },
      { recipient: 'uganda', amount: 236_000_000, fyStart: 2009, fyEnd: 2018, precision: 'EXACT', wider: 700_000_000, widerPrecision: 'LOWER_BOUND' },
    ]);
    expect(flows[0].footnotes).toContain(57);
    expect(flows[1].footnotes).toContain(56);
  });
});

describe('Somalia', () => {
  it('Danab was trained by US special operations forces and the contractors Bancroft and DynCorp (footnote 72)', async () => {
    const trainers = await read<{ name: string; country: string | null; footnotes: number[] }>(
      `MATCH (t:Actor)-[r:TRAINED]->(:Actor {id: 'danab'}) RETURN t.name AS name, t.country AS country, r.footnotes AS footnotes`,
    );
    const names = trainers.map((t) => t.name);
    expect(names.some((n) => /special operations/i.test(n))).toBe(true);
    expect(names.some((n) => /bancroft/i.test(n))).toBe(true);
    expect(names.some((n) => /dyncorp/i.test(n))).toBe(true);
    const contractors = trainers.filter((t) => /bancroft|dyncorp/i.test(t.name));
    for (const c of contractors) expect(c.footnotes).toContain(72);
  });

  it("AMISOM's troop contributors and the years they joined", async () => {
    const rows = await read<{ id: string; start: number | null; end: number | null }>(
      `MATCH (c:State)-[r:CONTRIBUTES_TROOPS_TO]->(:Actor {id: 'amisom'}) RETURN c.id AS id, r.start AS start, r.end AS end ORDER BY id`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.id, [r.start, r.end]]))).toEqual({
      burundi: [2007, null],
      djibouti: [2011, null],
      ethiopia: [2014, null],
      kenya: [2012, null],
      sierra_leone: [2013, 2015],
      uganda: [2007, null],
    });
  });
});

describe('Niger', () => {
  it('after the 2015 coup attempt Issoufou purged the senior officers, elite unit commanders included, accusing them of plotting with Hama Amadou', async () => {
    const [issoufou] = await read<{ id: string }>(`MATCH (p:Person) WHERE p.name CONTAINS 'Issoufou' RETURN p.id AS id`);
    expect(issoufou).toBeDefined();
    const purged = await read<{ id: string; name: string; year: number }>(
      `MATCH (:Person {id: $id})-[r:PURGED]->(t) RETURN t.id AS id, t.name AS name, r.start AS year`,
      { id: issoufou.id },
    );
    const accused = await read<{ id: string; name: string; year: number }>(
      `MATCH (:Person {id: $id})-[r:ACCUSED]->(t) RETURN t.id AS id, t.name AS name, r.start AS year`,
      { id: issoufou.id },
    );
    expect(purged.some((p) => /officer/i.test(p.name))).toBe(true);
    expect(purged.some((p) => /counterterror|elite/i.test(p.name))).toBe(true);
    expect(purged.every((p) => p.year === 2015)).toBe(true);
    // The officers he purged are the ones he accused, and the accusation names Hama Amadou.
    const officers = purged.find((p) => /officer/i.test(p.name))!;
    expect(accused.map((a) => a.id)).toContain(officers.id);
    expect(accused.some((a) => /Hama Amadou/.test(a.name))).toBe(true);
  });
});

describe('provenance', () => {
  it('every entity, flow and relationship cites at least one section of the article, with footnotes in 1..106', async () => {
    const [row] = await read<{ uncited: number; badSection: number; badFootnote: number; total: number }>(
      `CALL () {
         MATCH (n) WHERE n:Entity OR n:Funding RETURN n.citations AS citations, n.footnotes AS footnotes
         UNION ALL
         MATCH (:Entity)-[r]->(:Entity) RETURN r.citations AS citations, r.footnotes AS footnotes
       }
       WITH citations, footnotes
       RETURN count(*) AS total,
              count(CASE WHEN citations IS NULL OR citations = '[]' THEN 1 END) AS uncited,
              count(CASE WHEN NOT citations CONTAINS '"section":"s' AND NOT citations CONTAINS '"section":"notes"' THEN 1 END) AS badSection,
              count(CASE WHEN any(f IN footnotes WHERE f < 1 OR f > 106) THEN 1 END) AS badFootnote`,
    );
    expect(row.total).toBeGreaterThan(400);
    expect(row).toMatchObject({ uncited: 0, badSection: 0, badFootnote: 0 });
  });

  it('every cited section is a section of the article', async () => {
    const [row] = await read<{ missing: string[] }>(
      `MATCH (n) WHERE n:Entity OR n:Funding
       UNWIND n.sections AS section
       WITH DISTINCT section
       OPTIONAL MATCH (s:Source {id: section, kind: 'SECTION', partOf: 'tnsr_roundtable_2018'})
       RETURN collect(CASE WHEN s IS NULL THEN section END) AS missing`,
    );
    expect(row.missing).toEqual([]);
  });
});

describe('the AMISOM troop contributors as one group', () => {
  // The article (essay 3, "U.S. Support to AMISOM", paragraph 1 and footnote 51) gives these years.
  const JOINED: Record<string, [number, number | null]> = {
    uganda: [2007, null],
    burundi: [2007, null],
    djibouti: [2011, null],
    kenya: [2012, null],
    ethiopia: [2014, null],
    sierra_leone: [2013, 2015],
  };

  it('has the six states as members, with the years they joined (and left)', async () => {
    const rows = await read<{ id: string; start: number | null; end: number | null }>(
      `MATCH (s:State)-[r:MEMBER_OF]->(:Actor {id: 'amisom_troop_contributors'}) RETURN s.id AS id, r.start AS start, r.end AS end`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.id, [r.start, r.end]]))).toEqual(JOINED);
  });

  it('receives the money the text gives to "the contributors": Global Train and Equip, Section 1207(n) and the CTPF regional line', async () => {
    const rows = await read<{ id: string; recipient: string; amount: number }>(
      `MATCH (f:Funding)-[:TO]->(r:Actor) WHERE f.id IN $ids RETURN f.id AS id, r.id AS recipient, f.amountUsd AS amount ORDER BY id`,
      { ids: ['gte_amisom_contributors_2009_2018', 's1207n_amisom_contributors_2012', 's1207n_amisom_contributors_2014', 'ctpf_east_africa_regional'] },
    );
    expect(rows).toEqual([
      { id: 'ctpf_east_africa_regional', recipient: 'amisom_troop_contributors', amount: 275_000_000 },
      { id: 'gte_amisom_contributors_2009_2018', recipient: 'amisom_troop_contributors', amount: 700_000_000 },
      { id: 's1207n_amisom_contributors_2012', recipient: 'amisom_troop_contributors', amount: 75_000_000 },
      { id: 's1207n_amisom_contributors_2014', recipient: 'amisom_troop_contributors', amount: 37_000_000 },
    ]);
    // What AMISOM itself receives: the PKO money (total, yearly figures, average) and the decade total.
    const toMission = await read<{ amount: number }>(`MATCH (f:Funding)-[:TO]->(:Actor {id: 'amisom'}) RETURN f.amountUsd AS amount ORDER BY amount`);
    expect(toMission.map((r) => r.amount)).toEqual([75_000_000, 180_000_000, 250_000_000, 1_800_000_000, 2_000_000_000]);
  });

  it('no US edge to a contributor state starts before that state joined, unless the text dates it so', async () => {
    const rows = await read<{ type: string; to: string; start: number }>(
      `MATCH (:Actor {id: 'united_states'})-[r:TRAINED|EQUIPPED|DEPENDS_ON]->(s:State) WHERE s.id IN $ids AND r.start IS NOT NULL
       RETURN type(r) AS type, s.id AS to, r.start AS start`,
      { ids: Object.keys(JOINED) },
    );
    // Kenya's Global Train and Equip aid is dated FY2009-2018 by the article itself (footnote 57);
    // Ethiopia was a US partner before it joined AMISOM (the 2006 invasion, the strike facility).
    const early = rows.filter((r) => r.start < JOINED[r.to][0]).map((r) => `${r.type}:${r.to}:${r.start}`).sort();
    expect(early).toEqual(['DEPENDS_ON:ethiopia:2009', 'EQUIPPED:kenya:2009', 'TRAINED:kenya:2009']);
  });
});

describe('how the authorities came to be', () => {
  it('each capacity-building authority of footnote 88 has the act that created it, with the year that act was signed', async () => {
    const rows = await read<{ id: string; law: string; year: number }>(
      `MATCH (a:Authority)-[r:ESTABLISHED_BY]->(law:Authority) WHERE a.id IN $ids RETURN a.id AS id, law.id AS law, r.start AS year ORDER BY id`,
      { ids: ['section_1206', 'gscf', 'section_1207n', 'usc10_2282', 'ctpf', 'usc10_333'] },
    );
    expect(rows).toEqual([
      { id: 'ctpf', law: 'ndaa_fy2015', year: 2014 },
      { id: 'gscf', law: 'ndaa_fy2012', year: 2011 },
      { id: 'section_1206', law: 'ndaa_fy2006', year: 2006 },
      { id: 'section_1207n', law: 'ndaa_fy2012', year: 2011 },
      { id: 'usc10_2282', law: 'ndaa_fy2015', year: 2014 },
      { id: 'usc10_333', law: 'ndaa_fy2017', year: 2016 },
    ]);
  });

  it('the GSCF was reauthorized by the FY2018 act and the Somalia strategy demanded again by it (footnotes 87, 88)', async () => {
    const rows = await read<{ id: string; year: number }>(
      `MATCH (a:Authority)-[r:REAUTHORIZED_BY]->(:Authority {id: 'ndaa_fy2018'}) RETURN a.id AS id, r.start AS year ORDER BY id`,
    );
    expect(rows).toEqual([
      { id: 'gscf', year: 2017 },
      { id: 'somalia_strategy_requirement', year: 2017 },
    ]);
  });

  it('the White House issued the national strategies and directives, each in its year', async () => {
    const rows = await read<{ id: string; year: number }>(
      `MATCH (a:Authority)-[r:ISSUED_BY]->(:Actor {id: 'white_house'}) RETURN a.id AS id, r.start AS year ORDER BY year, id`,
    );
    expect(rows).toEqual([
      { id: 'ppd_27', year: 2015 },
      { id: 'national_security_strategy_2017', year: 2017 },
      { id: 'conventional_arms_transfer_policy_2018', year: 2018 },
      { id: 'national_strategy_for_counterterrorism_2018', year: 2018 },
    ]);
  });

  it('Congress legislated the six capacity-building authorities of footnote 88, each from the year its act was signed', async () => {
    const rows = await read<{ id: string; year: number }>(
      `MATCH (a:Authority)-[r:ENACTED_BY]->(:Actor {id: 'us_congress'}) WHERE a.id IN $ids RETURN a.id AS id, r.start AS year ORDER BY year, id`,
      { ids: ['section_1206', 'gscf', 'section_1207n', 'usc10_2282', 'ctpf', 'usc10_333'] },
    );
    expect(rows).toEqual([
      { id: 'section_1206', year: 2006 },
      { id: 'gscf', year: 2011 },
      { id: 'section_1207n', year: 2011 },
      { id: 'ctpf', year: 2014 },
      { id: 'usc10_2282', year: 2014 },
      { id: 'usc10_333', year: 2016 },
    ]);
  });

  it('creation is recorded as creation: no actor FUNDS an authority', async () => {
    const [row] = await read<{ n: number }>(`MATCH (:Actor)-[r:FUNDS]->(:Authority) RETURN count(r) AS n`);
    expect(row.n).toBe(0);
  });

  it("an edge's year matches the enactment year of the law it points to", async () => {
    const rows = await read<{ id: string; law: string; start: number; enacted: number }>(
      `MATCH (a:Authority)-[r:ESTABLISHED_BY|REAUTHORIZED_BY]->(law:Authority) WHERE law.enacted IS NOT NULL AND r.start <> law.enacted
       RETURN a.id AS id, law.id AS law, r.start AS start, law.enacted AS enacted`,
    );
    expect(rows).toEqual([]);
  });
});

describe('one figure, one flow', () => {
  it('the "nearly $2 billion" of AMISOM aid is stored once, citing both places the article gives it', async () => {
    const rows = await read<{ id: string; sections: string[] }>(`MATCH (f:Funding {amountUsd: 2000000000.0}) RETURN f.id AS id, f.sections AS sections`);
    expect(rows).toHaveLength(1);
    expect([...rows[0].sections].sort()).toEqual(['s3_perils_of_incoherence', 's3_support_to_amisom']);
  });
});

describe('named actors', () => {
  it('holds the organisations whose judgements the text relies on, the groups it treats as one, and the sub-national polities', async () => {
    // Names as the article (body or endnotes) gives them.
    const expected = [
      'Security Assistance Monitor', 'RAND Corporation', 'The New York Times', 'Center for Policy Analysis & Research',
      'World Bank', 'International Crisis Group', 'Le Monde', 'Voice of America', 'Reuters', 'Freedom House',
      'United Nations Security Council', 'African Union', 'Senate Armed Services Committee',
      'Troop-contributing countries of the African Union Mission in Somalia', 'Somali clans', 'Iraqi Sunni population', 'Buddhist population of South Vietnam',
      'Somaliland', 'Puntland', 'Jubaland', 'Somali special forces', 'Somali informal security forces', 'Somali political militias',
      'Somali personal protection units', 'Private security contractors in Somalia', 'Bancroft', 'DynCorp', 'Blackwater',
      'Trump administration', 'Obama administration',
    ];
    const rows = await read<{ name: string }>(`MATCH (a:Actor) WHERE a.name IN $names RETURN a.name AS name`, { names: expected });
    expect(rows.map((r) => r.name).sort()).toEqual([...expected].sort());
  });
});

describe('stated, inferred or assumed', () => {
  it('the lineage Section 1206 -> 10 U.S.C. 2282 -> 10 U.S.C. 333: years inferred from the acts that made each change, and who made them', async () => {
    const steps = await read<{ from: string; to: string; year: number; evidence: string; timing: string }>(
      `MATCH (a:Authority)-[r:EVOLVED_INTO]->(b:Authority) WHERE a.id IN ['section_1206', 'usc10_2282']
       RETURN a.id AS from, b.id AS to, r.start AS year, r.evidence AS evidence, r.timing AS timing ORDER BY year`,
    );
    // Footnote 55 gives the order only; the years are those of the FY2015 and FY2017 acts.
    expect(steps).toEqual([
      { from: 'section_1206', to: 'usc10_2282', year: 2014, evidence: 'INFERRED', timing: 'POINT' },
      { from: 'usc10_2282', to: 'usc10_333', year: 2016, evidence: 'INFERRED', timing: 'POINT' },
    ]);
    const made = await read<{ id: string; law: string; year: number; evidence: string; enacted: number }>(
      `MATCH (a:Authority)-[r:ESTABLISHED_BY]->(law:Authority) WHERE a.id IN ['section_1206', 'usc10_2282', 'usc10_333']
       RETURN a.id AS id, law.id AS law, r.start AS year, r.evidence AS evidence, law.enacted AS enacted ORDER BY year`,
    );
    // The FY2006 act is named by the article (footnotes 55, 88); the other two are read from the legislative record.
    expect(made).toEqual([
      { id: 'section_1206', law: 'ndaa_fy2006', year: 2006, evidence: 'STATED', enacted: 2006 },
      { id: 'usc10_2282', law: 'ndaa_fy2015', year: 2014, evidence: 'INFERRED', enacted: 2014 },
      { id: 'usc10_333', law: 'ndaa_fy2017', year: 2016, evidence: 'INFERRED', enacted: 2016 },
    ]);
    const runBy = await read<{ id: string }>(
      `MATCH (a:Authority)-[:ADMINISTERED_BY]->(:Actor {id: 'us_dod'}) WHERE a.id IN ['section_1206', 'usc10_2282', 'usc10_333'] RETURN a.id AS id ORDER BY id`,
    );
    expect(runBy.map((r) => r.id)).toEqual(['section_1206', 'usc10_2282', 'usc10_333']);
  });

  it('every node, edge and flow carries its evidence, in these numbers', async () => {
    const rows = await read<{ kind: string; evidence: string; n: number }>(
      `CALL () {
         MATCH (n:Actor) RETURN 'actors' AS kind, n.evidence AS evidence
         UNION ALL MATCH (n:Authority) RETURN 'authorities' AS kind, n.evidence AS evidence
         UNION ALL MATCH (n:Event) RETURN 'events' AS kind, n.evidence AS evidence
         UNION ALL MATCH (:Entity)-[r]->(:Entity) RETURN 'relationships' AS kind, r.evidence AS evidence
         UNION ALL MATCH (f:Funding) RETURN 'funding' AS kind, f.evidence AS evidence
       }
       RETURN kind, evidence, count(*) AS n ORDER BY kind, evidence`,
    );
    // Counted by hand from the files: records without `evidence` are STATED.
    expect(Object.fromEntries(rows.map((r) => [`${r.kind}:${r.evidence}`, r.n]))).toEqual({
      'actors:STATED': 213,
      'authorities:INFERRED': 9,
      'authorities:STATED': 32,
      'events:ASSUMED': 4,
      'events:INFERRED': 5,
      'events:STATED': 42,
      'funding:ASSUMED': 7,
      'funding:INFERRED': 9,
      'funding:STATED': 8,
      'relationships:ASSUMED': 1,
      'relationships:INFERRED': 95,
      'relationships:STATED': 339,
    });
  });

  it('the breakdowns placed inside a total and the years read into undated figures are assumptions', async () => {
    const rows = await read<{ id: string }>(`MATCH (f:Funding {evidence: 'ASSUMED'}) RETURN f.id AS id ORDER BY id`);
    expect(rows.map((r) => r.id)).toEqual([
      'ctpf_east_africa_regional', // recipient only presumed, years not given
      'ctpf_ethiopia',
      'ctpf_kenya',
      'ctpf_uganda',
      'sna_brigade_battalion_fy2016', // placed inside the FY2016 $67 million
      'sna_logistics_hub_fy2016',
      'sna_stipends', // "over the past several years": 2013 is a bracket
    ]);
    // The PKO range is read from "since 2009": inferred, not stated.
    const [pko] = await read<{ evidence: string }>(`MATCH (f:Funding {id: 'pko_amisom_2009_2018'}) RETURN f.evidence AS evidence`);
    expect(pko.evidence).toBe('INFERRED');
  });
});

describe('time that means what the text says', () => {
  it('every relationship says what its years mean', async () => {
    const rows = await read<{ timing: string | null; n: number }>(`MATCH (:Entity)-[r]->(:Entity) RETURN r.timing AS timing, count(*) AS n ORDER BY timing`);
    expect(Object.fromEntries(rows.map((r) => [String(r.timing), r.n]))).toEqual({ ALWAYS: 40, PERIOD: 121, POINT: 127, UNDATED: 147 });
  });

  it('as of 2013, the 1966 purge no longer holds, while the troop contributions of 2007 still do', async () => {
    // As-of rule: PERIOD edges whose span covers the year, POINT edges of that very year, ALWAYS edges.
    const asOf = `MATCH (a:Entity)-[r]->(b:Entity)
       WHERE (r.timing = 'PERIOD' AND coalesce(r.start, -9999) <= $year AND coalesce(r.end, 9999) >= $year)
          OR (r.timing = 'POINT' AND r.start = $year) OR r.timing = 'ALWAYS'
       RETURN type(r) + ':' + a.id + ':' + b.id AS edge`;
    const edges = new Set((await read<{ edge: string }>(asOf, { year: 2013 })).map((r) => r.edge));
    expect(edges.has('PURGED:nguyen_cao_ky:nguyen_chanh_thi')).toBe(false);
    expect(edges.has('CONTRIBUTES_TROOPS_TO:uganda:amisom')).toBe(true);
    expect(edges.has('CONTRIBUTES_TROOPS_TO:sierra_leone:amisom')).toBe(true);
    expect(edges.has('CONTRIBUTES_TROOPS_TO:ethiopia:amisom')).toBe(false); // joined 2014
    expect(edges.has('PART_OF:danab:somali_national_army')).toBe(true); // structural: always
    const in1966 = new Set((await read<{ edge: string }>(asOf, { year: 1966 })).map((r) => r.edge));
    expect(in1966.has('PURGED:nguyen_cao_ky:nguyen_chanh_thi')).toBe(true);
  });

  it('events carry the month and day the article gives, and list by year in date order', async () => {
    const rows = await read<{ id: string; month: number | null; day: number | null }>(
      `MATCH (e:Event {year: 2013}) RETURN e.id AS id, e.month AS month, e.day AS day ORDER BY coalesce(e.month, 13), e.day, e.id`,
    );
    expect(rows).toEqual([
      { id: 'un_arms_embargo_eased_2013', month: 3, day: null },
      { id: 'obama_approves_somalia_military_aid_2013', month: 4, day: null },
      { id: 'sierra_leone_deployment_to_amisom_2013', month: 4, day: null },
      { id: 'westgate_mall_attack_2013', month: 9, day: null },
    ]);
    const [meeting] = await read<{ month: number; day: number }>(`MATCH (e:Event {id: 'unsc_8165th_meeting_2018'}) RETURN e.month AS month, e.day AS day`);
    expect(meeting).toEqual({ month: 1, day: 24 }); // footnote 78: Jan. 24, 2018
  });
});
