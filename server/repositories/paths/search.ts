/**
 * The k shortest simple paths between two entities, searched in memory over the neighbourhoods
 * read so far (no database here: the repository feeds it one breadth-first layer at a time).
 *
 * Two balls grow breadth-first, one around each end; the repository grows the cheaper one (the
 * stored degrees of its frontier) until their radii add up to the path length L being looked for,
 * or to L - 1 and a meet has read the steps from one frontier into the other (a layer that keeps
 * only those: far fewer rows than a full one around a hub). Then every edge of every path of L
 * steps has an end that was expanded or joins the two frontiers, so all of them are in
 * `adjacency`, and a depth-first walk from `from` finds them, keeping a step only when
 * `to` can still be reached in the steps left (its distance from `to` when known; beyond the
 * `to` ball only while enough steps are left to cross it). The walk tries steps in the order of
 * their type, then the next id, so paths of one length come out in the order of their signature
 * (ids and types along the path): the first `need` found are the answer, and the same question
 * gets the same paths in the same order.
 */

/** One step of the walk: to `y` over a relationship of type `ty` (FUNDED: a flow), shown as `edgeId`. */
export interface Step {
  y: string;
  ty: string;
  edgeId: string;
}

/** A row of one breadth-first layer: a step from the expanded node `x`, and the stored degree of `y`. */
export interface LayerRow extends Step {
  x: string;
  degree: number;
}

/** A path found: its entities from `from` to `to` and the steps between them. */
export interface FoundPath {
  nodes: string[];
  steps: Step[];
}

export type End = 'from' | 'to';

/**
 * What the next round trip reads: the neighbourhood of one ball's frontier, whole (a layer) or
 * only the steps `into` the other frontier (a meet).
 */
export interface LayerRead {
  kind: 'layer' | 'meet';
  end: End;
  ids: readonly string[];
  into: readonly string[] | null;
  /** Stored relationships it reads (the degrees of the nodes read). */
  cost: number;
}

/** A ball around one end: the distance of every node found, and the nodes at its radius. */
interface Ball {
  dist: Map<string, number>;
  frontier: string[];
  radius: number;
}

const bySignature = (a: Step, b: Step): number =>
  a.ty < b.ty ? -1 : a.ty > b.ty ? 1 : a.y < b.y ? -1 : a.y > b.y ? 1 : 0;

export class PathSearch {
  private readonly balls: Record<End, Ball>;
  private readonly adjacency = new Map<string, Map<string, Step>>();
  private readonly degree = new Map<string, number>();
  private sorted = new Map<string, Step[]>();
  /** Whether the steps between the two current frontiers have been read. */
  private met = false;

  constructor(
    readonly from: string,
    readonly to: string,
    private readonly excluded: ReadonlySet<string>,
    degrees: { from: number; to: number },
  ) {
    this.balls = {
      from: { dist: new Map([[from, 0]]), frontier: [from], radius: 0 },
      to: { dist: new Map([[to, 0]]), frontier: [to], radius: 0 },
    };
    this.degree.set(from, degrees.from).set(to, degrees.to);
  }

  /** How far a ball's distances are known: its radius, or without limit once it has no frontier. */
  reach(end: End): number {
    const ball = this.balls[end];
    return ball.frontier.length === 0 ? Infinity : ball.radius;
  }

  /** The longest paths whose every edge is known: the radii, plus one after a meet. */
  coverage(): number {
    return this.reach('from') + this.reach('to') + (this.met ? 1 : 0);
  }

  /**
   * The cheapest read that brings coverage() toward `length`: a meet when one step is missing,
   * else a layer of the cheaper ball; null when both balls have reached every node they can.
   */
  nextRead(length: number): LayerRead | null {
    const open = (['from', 'to'] as const).filter((e) => this.balls[e].frontier.length > 0);
    if (open.length === 0) return null;
    const end = open.length === 2 && this.cost('to') < this.cost('from') ? 'to' : open[0]!;
    const ids = this.balls[end].frontier;
    const cost = this.cost(end);
    if (this.met || this.coverage() !== length - 1) return { kind: 'layer', end, ids, into: null, cost };
    return { kind: 'meet', end, ids, into: this.balls[end === 'from' ? 'to' : 'from'].frontier, cost };
  }

  /** Takes in what a read returned. */
  take(read: LayerRead, rows: readonly LayerRow[]): void {
    if (read.kind === 'layer') this.absorb(read.end, rows);
    else this.meet(rows);
  }

  /** Stored relationships of a ball's frontier: what expanding it reads. */
  private cost(end: End): number {
    return this.balls[end].frontier.reduce((sum, id) => sum + (this.degree.get(id) ?? 0), 0);
  }

  /** Takes in the layer read for the frontier of `end`: its steps, and the next frontier. */
  private absorb(end: End, rows: readonly LayerRow[]): void {
    const ball = this.balls[end];
    const next: string[] = [];
    for (const row of rows) {
      if (this.excluded.has(row.y) || row.y === row.x) continue;
      this.link(row.x, row);
      this.link(row.y, { y: row.x, ty: row.ty, edgeId: row.edgeId });
      this.degree.set(row.y, row.degree);
      if (!ball.dist.has(row.y)) {
        ball.dist.set(row.y, ball.radius + 1);
        next.push(row.y);
      }
    }
    ball.radius += 1;
    ball.frontier = next;
    this.met = false;
    this.sorted = new Map();
  }

  /** Takes in a meet: steps between the two frontiers (the balls stay as they are). */
  private meet(rows: readonly LayerRow[]): void {
    for (const row of rows) {
      if (this.excluded.has(row.y) || row.y === row.x) continue;
      this.link(row.x, row);
      this.link(row.y, { y: row.x, ty: row.ty, edgeId: row.edgeId });
    }
    this.met = true;
    this.sorted = new Map();
  }

  private link(x: string, step: Step): void {
    let steps = this.adjacency.get(x);
    if (!steps) this.adjacency.set(x, (steps = new Map()));
    steps.set(`${step.ty} ${step.y}`, step);
  }

  private stepsOf(x: string): Step[] {
    let steps = this.sorted.get(x);
    if (!steps) this.sorted.set(x, (steps = [...(this.adjacency.get(x)?.values() ?? [])].sort(bySignature)));
    return steps;
  }

  /**
   * The first `need` paths of exactly `length` steps in signature order; needs coverage() >= length. `visits` bounds the walk: `capped` says it stopped there.
   */
  enumerate(length: number, need: number, visits: number): { paths: FoundPath[]; capped: boolean; visited: number } {
    const distTo = this.balls.to.dist;
    const beyond = length - this.reach('to') - 1;
    const nodes = [this.from];
    const steps: Step[] = [];
    const onPath = new Set(nodes);
    const paths: FoundPath[] = [];
    let visited = 0;
    let capped = false;
    const walk = (x: string): void => {
      const at = steps.length + 1;
      for (const step of this.stepsOf(x)) {
        if (paths.length >= need || capped) return;
        if (step.y === this.to) {
          if (at === length) paths.push({ nodes: [...nodes, step.y], steps: [...steps, step] });
          continue;
        }
        if (at >= length || onPath.has(step.y)) continue;
        const d = distTo.get(step.y);
        if (d === undefined ? at > beyond : d > length - at) continue;
        if (++visited > visits) {
          capped = true;
          return;
        }
        nodes.push(step.y);
        steps.push(step);
        onPath.add(step.y);
        walk(step.y);
        onPath.delete(step.y);
        steps.pop();
        nodes.pop();
      }
    };
    if (need > 0) walk(this.from);
    return { paths, capped, visited };
  }
}
