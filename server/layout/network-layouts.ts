/**
 * Positions for drawing a network, computed once per distinct network by the layout process and
 * kept (the most recent MAX_KEPT). The explorer asks for the overview's positions on its first
 * draw, so a user opening it does not wait for a force layout in the browser. The key is the
 * network itself (node ids and edge ends), so a changed graph is drawn anew, never from a stale
 * picture.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { LayoutAnswer, LayoutRequest } from './messages.ts';

/** Distinct networks whose positions are kept. */
const MAX_KEPT = 32;
/** A layout not answered within this long is given up (the page then draws its own). */
const TIMEOUT_MS = 60_000;

export interface NetworkShape {
  nodes: readonly { id: string }[];
  edges: readonly { source: string; target: string }[];
}

export interface NodePosition {
  id: string;
  x: number;
  y: number;
}

/** The key of a network: its node ids and edge ends, in any order. */
export function networkKey(shape: NetworkShape): string {
  const hash = createHash('sha256');
  for (const id of shape.nodes.map((n) => n.id).sort()) hash.update(`n${id}\n`);
  for (const e of shape.edges.map((x) => `${x.source}>${x.target}`).sort()) hash.update(`e${e}\n`);
  return hash.digest('base64url');
}

export class NetworkLayouts {
  private child: ChildProcess | null = null;
  private readonly kept = new Map<string, NodePosition[]>();
  /** Layouts asked and not answered yet, with the process drawing each. */
  private readonly pending = new Map<string, { promise: Promise<NodePosition[]>; settle: (answer: LayoutAnswer) => void; drawer: ChildProcess }>();

  /** The positions of every node of `shape`; rejects when the layout process fails or times out. */
  positions(shape: NetworkShape): Promise<NodePosition[]> {
    const key = networkKey(shape);
    const known = this.kept.get(key);
    if (known) {
      // Most recently used last: the oldest is evicted first.
      this.kept.delete(key);
      this.kept.set(key, known);
      return Promise.resolve(known);
    }
    const running = this.pending.get(key);
    if (running) return running.promise;
    let settle: (answer: LayoutAnswer) => void = () => {};
    const promise = new Promise<NodePosition[]>((resolve, reject) => {
      const timer = setTimeout(() => settle({ key, positions: [], error: `no layout within ${TIMEOUT_MS / 1000} s` }), TIMEOUT_MS);
      timer.unref();
      settle = (answer) => {
        clearTimeout(timer);
        this.pending.delete(key);
        if (this.pending.size === 0) this.child?.channel?.unref();
        if (answer.error) return reject(new Error(`layout failed: ${answer.error}`));
        const positions = answer.positions.map(([id, x, y]) => ({ id, x, y }));
        this.keep(key, positions);
        resolve(positions);
      };
    });
    const child = this.process();
    this.pending.set(key, { promise, settle, drawer: child });
    const request: LayoutRequest = { key, nodes: shape.nodes.map((n) => n.id), edges: shape.edges.map((e) => [e.source, e.target]) };
    // Waiting for an answer keeps the process alive; an idle layout process does not.
    child.channel?.ref();
    child.send(request);
    return promise;
  }

  /** Stops the layout process; layouts still running are given up. */
  close(): void {
    this.child?.kill();
    this.child = null;
  }

  private keep(key: string, positions: NodePosition[]): void {
    this.kept.set(key, positions);
    if (this.kept.size > MAX_KEPT) this.kept.delete(this.kept.keys().next().value!);
  }

  /** The layout process, started on first use and again after it exits. */
  private process(): ChildProcess {
    if (this.child) return this.child;
    // TypeScript runs through tsx in the child as in the server (npm start, tests, bench).
    const child = fork(fileURLToPath(new URL('./layout-process.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.on('message', (answer: LayoutAnswer) => this.pending.get(answer.key)?.settle(answer));
    const failAll = (error: string) => {
      if (this.child === child) this.child = null;
      for (const { settle, drawer } of [...this.pending.values()]) if (drawer === child) settle({ key: '', positions: [], error });
    };
    child.on('exit', (code, signal) => failAll(`the layout process exited (${signal ?? code})`));
    // A process that could not start, or a message sent as it died: the next ask starts another.
    child.on('error', (error) => failAll(error.message));
    // The server's exit must not wait for it.
    child.unref();
    child.channel?.unref();
    this.child = child;
    return child;
  }
}
