/**
 * Memory over time, for the soak: the server process's RSS and V8 heap (asked of the process
 * itself, server-process.ts) and Neo4j's JVM heap (JMX, through Cypher) and RSS (/proc), sampled
 * at a fixed interval; and the least-squares slope of each series, in MiB per minute.
 */
import { readFileSync } from 'node:fs';
import type { DrillGraph } from './graph.ts';
import type { ServerProcess } from './server-process.ts';

const MiB = 2 ** 20;

/** The series, and what each measures. */
export const SERIES = {
  serverRss: 'server RSS (process.memoryUsage)',
  serverHeap: 'server V8 heap used',
  neo4jHeap: 'Neo4j JVM heap used (JMX)',
  neo4jHeapAfterGc: 'Neo4j JVM heap after the last young GC (JMX)',
  neo4jRss: 'Neo4j JVM RSS (/proc)',
} as const;
export type SeriesName = keyof typeof SERIES;

/** One sample: minutes since the soak began, and each series in MiB. */
export type MemorySample = { atMin: number } & Record<SeriesName, number>;

/** VmRSS of a process, in MiB (NaN when it is gone). */
function procRssMiB(pid: number): number {
  try {
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** A JMX MemoryUsage as dbms.queryJmx renders it. */
type Usage = { properties?: { used?: number } };
/** LastGcInfo's memoryUsageAfterGc: pool name in brackets -> { key, value: MemoryUsage }. */
type AfterGc = Record<string, { properties?: { key?: string; value?: Usage } }>;

async function jmx(graph: DrillGraph, bean: string): Promise<Record<string, { value?: unknown }>> {
  const { records } = await graph.driver.executeQuery('CALL dbms.queryJmx($bean) YIELD attributes RETURN attributes', { bean }, { database: graph.database, routing: 'READ' });
  return (records[0]?.get('attributes') as Record<string, { value?: unknown }> | undefined) ?? {};
}

const HEAP_POOLS = ['G1 Eden Space', 'G1 Survivor Space', 'G1 Old Gen'];

/** Heap used now, and right after the last young collection (the floor of the GC sawtooth), in MiB. */
async function jvmHeap(graph: DrillGraph): Promise<{ used: number; afterGc: number }> {
  const used = ((await jmx(graph, 'java.lang:type=Memory')).HeapMemoryUsage?.value as Usage | undefined)?.properties?.used;
  const last = (await jmx(graph, 'java.lang:type=GarbageCollector,name=G1 Young Generation')).LastGcInfo?.value as { properties?: { memoryUsageAfterGc?: AfterGc } } | null | undefined;
  const pools = Object.values(last?.properties?.memoryUsageAfterGc ?? {}).filter((p) => HEAP_POOLS.includes(p.properties?.key ?? ''));
  const afterGc = pools.length === HEAP_POOLS.length ? pools.reduce((sum, p) => sum + (p.properties?.value?.properties?.used ?? Number.NaN), 0) : Number.NaN;
  return { used: typeof used === 'number' ? used / MiB : Number.NaN, afterGc: afterGc / MiB };
}

/** Takes one sample of every series. */
export async function sampleMemory(server: ServerProcess, graph: DrillGraph, jvmPid: number, atMin: number): Promise<MemorySample> {
  const memory = await server.memory();
  const heap = await jvmHeap(graph);
  return {
    atMin,
    serverRss: memory.rss / MiB,
    serverHeap: memory.heapUsed / MiB,
    neo4jHeap: heap.used,
    // What survived the last collection: a leak shows here without the young generation's
    // sawtooth (hundreds of MiB between collections), and nothing is forced.
    neo4jHeapAfterGc: heap.afterGc,
    neo4jRss: procRssMiB(jvmPid),
  };
}

/** Least-squares slope of y over x (NaN with fewer than 3 points). */
export function slope(points: readonly [number, number][]): number {
  const finite = points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  if (finite.length < 3) return Number.NaN;
  const n = finite.length;
  const mx = finite.reduce((s, [x]) => s + x, 0) / n;
  const my = finite.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = finite.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = finite.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxx === 0 ? Number.NaN : sxy / sxx;
}

/** Per series: the slope (MiB/min) of the samples from `fromMin` on, and the first and last value there. */
export function seriesSlopes(samples: readonly MemorySample[], fromMin: number): Record<SeriesName, { slope: number; first: number; last: number; min: number; max: number; n: number }> {
  const used = samples.filter((s) => s.atMin >= fromMin);
  return Object.fromEntries((Object.keys(SERIES) as SeriesName[]).map((name) => {
    const values = used.map((s) => s[name]);
    return [name, {
      slope: slope(used.map((s) => [s.atMin, s[name]])),
      first: values[0] ?? Number.NaN,
      last: values[values.length - 1] ?? Number.NaN,
      min: Math.min(...values),
      max: Math.max(...values),
      n: values.filter(Number.isFinite).length,
    }];
  })) as ReturnType<typeof seriesSlopes>;
}

/** Samples every `intervalMs` (from the start) until stopped; a failed sample is kept as an error (the series skip it). */
export function startSampler(intervalMs: number, take: () => Promise<MemorySample>): { stop(): Promise<{ samples: MemorySample[]; failures: string[] }> } {
  const samples: MemorySample[] = [];
  const failures: string[] = [];
  let stopped = false;
  let wake: () => void = () => {};
  const began = performance.now();
  const loop = (async () => {
    for (let k = 1; !stopped; k++) {
      try {
        samples.push(await take());
      } catch (error) {
        failures.push((error as Error).message);
      }
      // At fixed times from the start, so a slow sample does not thin the series.
      const wait = Math.max(0, began + k * intervalMs - performance.now());
      await new Promise<void>((r) => { wake = r; setTimeout(r, wait); });
    }
  })();
  return {
    async stop() {
      stopped = true;
      wake();
      await loop;
      return { samples, failures };
    },
  };
}
