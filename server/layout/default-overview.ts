/**
 * Draws the overview the explorer opens with (no filter, the default size) through the API
 * itself, so that its positions are kept before the first visitor asks for them.
 */
import type { App } from '../app.ts';

const DEFAULT_OVERVIEW = '{ graph { nodes { id } layout { id } } }';

/** Asks for the default overview's positions; resolves with how long that took. */
export async function drawDefaultOverview(yoga: App['yoga']): Promise<number> {
  const started = performance.now();
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: DEFAULT_OVERVIEW }),
  });
  const body = (await response.json()) as { data?: { graph?: { nodes: unknown[]; layout: unknown[] | null } }; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  const graph = body.data?.graph;
  if (graph && graph.nodes.length > 0 && !graph.layout) throw new Error('the layout process gave no positions (the server log says why)');
  return performance.now() - started;
}
