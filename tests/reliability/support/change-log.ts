/**
 * Checks that a change log is a complete history of one record: starting from the record's
 * state before the drill, each change's `before` is the previous change's `after`, every change
 * is used exactly once, and the last `after` is the record's final state. With concurrent
 * writers this holds only when each change read its `before` under the lock of its write.
 */

/** A change as the `changes` query returns it. */
export interface ChangeEntry {
  id: string;
  at: string;
  operation: string;
  targetId: string;
  before: string | null;
  after: string | null;
}

/** JSON with sorted keys, so equal states compare equal as text. */
export function canonical(json: string | null): string | null {
  if (json === null) return null;
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])]));
    return v;
  };
  return JSON.stringify(sort(JSON.parse(json)));
}

/**
 * Orders `changes` into a chain from `initial` (null = the record did not exist). Returns the
 * chain, or a description of where no chain exists (depth-first search; the states of a drill
 * are distinct, so there is little backtracking).
 */
export function chainOf(changes: ChangeEntry[], initial: string | null): { chain?: ChangeEntry[]; problem?: string } {
  const items = changes.map((c) => ({ c, before: canonical(c.before), after: canonical(c.after) }));
  const used = new Array(items.length).fill(false);
  const path: number[] = [];
  let deepest: number[] = [];
  const walk = (state: string | null): boolean => {
    if (path.length === items.length) return true;
    for (let i = 0; i < items.length; i++) {
      if (used[i] || items[i].before !== state) continue;
      used[i] = true;
      path.push(i);
      if (path.length > deepest.length) deepest = [...path];
      if (walk(items[i].after)) return true;
      path.pop();
      used[i] = false;
    }
    return false;
  };
  if (walk(canonical(initial))) return { chain: path.map((i) => items[i].c) };
  const stuckAt = deepest.length ? items[deepest[deepest.length - 1]].after : canonical(initial);
  const orphans = items.filter((_, i) => !deepest.includes(i));
  return {
    problem: `only ${deepest.length} of ${items.length} changes chain up from the initial state; no change starts from ${short(stuckAt)}; ` +
      `left over: ${orphans.slice(0, 4).map((o) => `${o.c.operation} ${short(o.before)} -> ${short(o.after)}`).join('; ')}`,
  };
}

const short = (s: string | null) => (s === null ? 'nothing' : s.length > 120 ? `${s.slice(0, 120)}...` : s);
