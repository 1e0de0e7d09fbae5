/**
 * The curation side of the soak: writers, each with its own token (a named editor or the admin
 * token) and its own records (actors, and per actor one funding flow and one TRAINED
 * relationship), sending one mutation at a time through the HTTP API. Records are never shared
 * between writers, so the last write of each record is well defined; every write's outcome is
 * kept for the audit (soak-audit.ts).
 */
import { graphql, NoAnswerError } from './http.ts';
import { sampleCalls } from './mutations.ts';
import { rng } from './queries.ts';

/** A writer's credential and the name the change log must show for it. */
export interface Writer {
  who: string;
  token: string;
}

/** Ids of the data set the written records refer to. */
export interface WriteRefs {
  /** Donor of the flows and trainer of the relationships (a government of the data set). */
  donor: string;
  authority: string;
  /** A State, the actors' country. */
  country: string;
  /** A section to cite. */
  section: string;
}

type Kind = 'actor' | 'funding' | 'relationship';

/** One write and its outcome. */
export interface WriteRecord {
  who: string;
  /** The mutation field (upsertActor, deleteFunding, ...): the change's expected operation. */
  field: string;
  kind: Kind;
  /** The drill's name of the record: actor id, flow id, or the relationship's actor id. */
  record: string;
  /** ms since the soak began. */
  at: number;
  ms: number;
  /** 'ok', or what went wrong. */
  outcome: string;
  change?: { id: string; operation: string; targetId: string };
  /** Fields the stored record must hold after this write; null when it deleted the record. */
  expect: Record<string, unknown> | null;
}

/** Options of {@link runWriters}. */
export interface WritersOptions {
  baseUrl: string;
  writers: Writer[];
  /** Prefix of every record id, unique to the run. */
  prefix: string;
  actorsPerWriter: number;
  refs: WriteRefs;
  durationMs: number;
  /** Pause after each write: a curation pace, and a bound on the length of each record's log. */
  pauseMs: number;
  t0: number;
  requestTimeoutMs: number;
}

const QUERIES = Object.fromEntries(sampleCalls('soak').map((c) => [c.field, c.query]));

/** Runs every writer until the deadline (each first creates its actors) and returns every write. */
export async function runWriters(options: WritersOptions): Promise<WriteRecord[]> {
  const writes: WriteRecord[] = [];
  const deadline = performance.now() + options.durationMs;
  await Promise.all(options.writers.map(async (writer, w) => {
    const random = rng(7000 + w);
    const actors = Array.from({ length: options.actorsPerWriter }, (_, k) => `${options.prefix}_w${w}_${k}`);
    const exists = new Set<string>();
    let version = 0;
    const send = async (kind: Kind, field: string, record: string, variables: Record<string, unknown>, expect: WriteRecord['expect']) => {
      const at = performance.now() - options.t0;
      let outcome = 'ok';
      let ms: number;
      let change: WriteRecord['change'];
      try {
        const result = await graphql(options.baseUrl, QUERIES[field], { variables, token: writer.token, timeoutMs: options.requestTimeoutMs });
        ms = result.ms;
        const first = result.json?.errors?.[0];
        change = result.json?.data?.[field]?.change ?? undefined;
        if (result.status !== 200 || first) outcome = `http ${result.status}: ${first?.extensions?.code ?? '-'} ${first?.message ?? result.text.slice(0, 200)}`;
        else if (!change) outcome = 'no change returned';
      } catch (error) {
        if (!(error instanceof NoAnswerError)) throw error;
        ms = error.ms;
        outcome = `no answer: ${error.reason}`;
      }
      writes.push({ who: writer.who, field, kind, record, at, ms, outcome, change, expect });
      if (outcome === 'ok') {
        if (expect) exists.add(`${kind}:${record}`);
        else exists.delete(`${kind}:${record}`);
      }
      await new Promise((r) => setTimeout(r, options.pauseMs));
    };
    const cite = () => [{ section: options.refs.section, paragraph: [1 + (version % 5)] }];
    const upsertActor = (id: string) => {
      const name = `Soak unit ${id} v${++version}`;
      const description = `Made up by the soak drill; write ${version} of ${writer.who}.`;
      return send('actor', 'upsertActor', id, { input: { id, kind: 'MilitaryUnit', name, country: options.refs.country, description, cite: cite() } }, { name, description });
    };

    for (const id of actors) await upsertActor(id);
    while (performance.now() < deadline) {
      const actor = actors[Math.floor(random() * actors.length)];
      const roll = random();
      const flow = `${actor}_flow`;
      if (roll < 0.4) {
        await upsertActor(actor);
      } else if (roll < 0.7) {
        if (exists.has(`funding:${flow}`) && random() < 0.25) {
          await send('funding', 'deleteFunding', flow, { id: flow }, null);
        } else {
          const amountUsd = 1_000 * (1 + Math.floor(random() * 100_000));
          const fyStart = 2010 + (++version % 10);
          const input = { id: flow, donor: options.refs.donor, recipient: actor, authority: options.refs.authority, amountUsd, fyStart, fyEnd: fyStart + 1, cite: cite() };
          await send('funding', 'upsertFunding', flow, { input }, { amountUsd, fyStart, fyEnd: fyStart + 1, donorId: options.refs.donor, recipientId: actor });
        }
      } else {
        const ends = { type: 'TRAINED', from: options.refs.donor, to: actor, start: 2015 };
        if (exists.has(`relationship:${actor}`) && random() < 0.25) {
          await send('relationship', 'deleteRelationship', actor, ends, null);
        } else {
          const note = `soak write ${++version} of ${writer.who}`;
          await send('relationship', 'upsertRelationship', actor, { input: { ...ends, note, cite: cite() } }, { note, start: 2015 });
        }
      }
    }
  }));
  return writes;
}
