/**
 * The layout process: draws networks with the page's force layout (fcose, headless Cytoscape)
 * off the server's event loop. It reads `LayoutRequest` messages and answers each with a
 * `LayoutAnswer`: every node's position, rounded to a tenth of a unit.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { layoutSeed, networkLayoutOptions, withSeededRandom } from '../../domain/network-layout.ts';
import type { LayoutAnswer, LayoutRequest } from './messages.ts';

cytoscape.use(fcose);

function draw({ nodes, edges }: LayoutRequest): LayoutAnswer['positions'] {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements: [
      ...nodes.map((id) => ({ group: 'nodes' as const, data: { id } })),
      ...edges.map(([source, target], i) => ({ group: 'edges' as const, data: { id: `e${i}`, source, target } })),
    ],
  });
  try {
    const layout = cy.layout({ ...networkLayoutOptions(nodes.length), animate: false, fit: false } as unknown as cytoscape.LayoutOptions);
    withSeededRandom(layoutSeed(nodes), () => layout.run());
    return cy.nodes().map((n) => {
      const { x, y } = n.position();
      return [n.id(), Math.round(x * 10) / 10, Math.round(y * 10) / 10] as const;
    });
  } finally {
    cy.destroy();
  }
}

process.on('message', (request: LayoutRequest) => {
  let answer: LayoutAnswer;
  try {
    answer = { key: request.key, positions: draw(request) };
  } catch (error) {
    answer = { key: request.key, positions: [], error: error instanceof Error ? error.message : String(error) };
  }
  process.send!(answer);
});
// The server went away: nothing is left to answer.
process.on('disconnect', () => process.exit(0));
