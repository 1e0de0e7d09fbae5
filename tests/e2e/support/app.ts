/**
 * The real aidgraph server (createApp via runServer) on a random port against the test database,
 * plus page helpers shared by the e2e files: wait for a view, read the canvas, take screenshots.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { runServer, type RunningServer } from '../../../server/main.ts';
import { createLogger } from '../../../server/logging/logger.ts';
import { testConfig } from '../../helpers/env.ts';

export const ARTIFACTS = join('test-artifacts', 'e2e');

/** Start the app on 127.0.0.1 and a free port. */
export async function startApp(overrides: Record<string, string | undefined> = {}): Promise<RunningServer> {
  return runServer(testConfig(overrides), createLogger('silent'));
}

export type ViewName = 'explore' | 'lineage' | 'funding' | 'paths';

/** Wait until the view's canvas has finished loading (ready, empty or error). */
export async function waitForView(page: Page, view: ViewName, timeout = 60_000): Promise<string> {
  const handle = await page.waitForFunction(
    (v) => {
      const stage = document.querySelector(`#view-${v} .canvas-wrap`) as HTMLElement | null;
      const canvas = document.getElementById(`cy-${v}`);
      const status = stage?.dataset.status;
      if (status === 'error' || status === 'empty') return status;
      return status === 'ready' && canvas?.dataset.state === 'ready' ? 'ready' : false;
    },
    view,
    { timeout, polling: 100 },
  );
  return (await handle.jsonValue()) as string;
}

/** Text of the view's status overlay (the error or empty message), for assertion messages. */
export async function statusText(page: Page, view: ViewName): Promise<string> {
  return (await page.locator(`#view-${view} .status-overlay`).textContent()) ?? '';
}

/** Open the page at `hash`, wait for `view`, and fail with the overlay's message unless it is ready. */
export async function openReady(page: Page, baseUrl: string, hash: string, view: ViewName): Promise<void> {
  const status = await openView(page, baseUrl, hash, view);
  if (status !== 'ready') throw new Error(`the ${view} view ended ${status}: ${await statusText(page, view)}`);
}

/** Open the page at `hash` and wait for `view`. */
export async function openView(page: Page, baseUrl: string, hash: string, view: ViewName): Promise<string> {
  await page.goto(`${baseUrl}/${hash ? `#${hash}` : ''}`);
  return waitForView(page, view);
}

export interface CanvasSnapshot {
  nodes: string[];
  edges: { id: string; source: string; target: string; type: string; label: string }[];
  selected: string[];
  positions: Record<string, { x: number; y: number }>;
}

/** What is visible on a view's canvas. */
export async function canvasSnapshot(page: Page, view: ViewName): Promise<CanvasSnapshot> {
  return page.evaluate((v) => {
    type El = { id(): string; data(k: string): unknown; position(): { x: number; y: number }; source(): El; target(): El; hasClass(c: string): boolean };
    type Coll = { map<T>(f: (e: El) => T): T[]; filter(f: (e: El) => boolean): Coll };
    const cy = (window as unknown as { __aidgraph: { cy(n: string): { nodes(s?: string): Coll; edges(s?: string): Coll } } }).__aidgraph.cy(v);
    const nodes = cy.nodes(':visible').filter((n) => !n.hasClass('more'));
    const positions: Record<string, { x: number; y: number }> = {};
    nodes.map((n) => (positions[n.id()] = n.position()));
    return {
      nodes: nodes.map((n) => n.id()).sort(),
      edges: cy.edges(':visible').filter((e) => !e.hasClass('more-link')).map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id(), type: String(e.data('type')), label: String(e.data('label')) })),
      selected: cy.nodes(':selected').map((n) => n.id()),
      positions,
    };
  }, view);
}

/** Page coordinates of a node's centre on a view's canvas. */
export async function nodeScreenPosition(page: Page, view: ViewName, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ v, id }) => {
      const cy = (window as unknown as { __aidgraph: { cy(n: string): { getElementById(i: string): { renderedPosition(): { x: number; y: number } } } } }).__aidgraph.cy(v);
      const box = document.getElementById(`cy-${v}`)!.getBoundingClientRect();
      const p = cy.getElementById(id).renderedPosition();
      return { x: box.left + p.x, y: box.top + p.y };
    },
    { v: view, id },
  );
}

/**
 * Page coordinates of the midpoint of one of a node's edges on the network canvas: the one
 * farthest from every other edge (as a straight segment), on screen, off the legend and away
 * from every node, so a pointer there most likely meets that edge. Null when none is on screen.
 */
export async function clearEdgePoint(page: Page, nodeId: string): Promise<{ id: string; x: number; y: number } | null> {
  return page.evaluate((nid) => {
    type P = { x: number; y: number };
    type E = { id(): string; renderedMidpoint(): P; source(): { id(): string }; target(): { id(): string } };
    type N = { renderedPosition(): P };
    const cy = (window as unknown as { __aidgraph: { cy(v: string): { getElementById(i: string): { connectedEdges(): { toArray(): E[] } }; nodes(s: string): { toArray(): N[] } } } }).__aidgraph.cy('explore');
    const box = document.getElementById('cy-explore')!.getBoundingClientRect();
    const nodes = cy.nodes(':visible').toArray().map((n) => n.renderedPosition());
    const mine = new Set(cy.getElementById(nid).connectedEdges().toArray().map((e) => e.id()));
    const others = (cy as unknown as { edges(s: string): { toArray(): E[] } }).edges(':visible').toArray().filter((e) => !mine.has(e.id()))
      .map((e) => [(e.source() as unknown as N).renderedPosition(), (e.target() as unknown as N).renderedPosition()] as const);
    const distance = (p: P, [a, b]: readonly [P, P]) => {
      const len = (b.x - a.x) ** 2 + (b.y - a.y) ** 2;
      const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * (b.x - a.x) + (p.y - a.y) * (b.y - a.y)) / len));
      return Math.hypot(p.x - (a.x + t * (b.x - a.x)), p.y - (a.y + t * (b.y - a.y)));
    };
    const ok = cy
      .getElementById(nid)
      .connectedEdges()
      .toArray()
      .map((e) => ({ id: e.id(), p: e.renderedMidpoint() }))
      .filter(({ p }) => p.x > 20 && p.y > 20 && p.x < box.width - 240 && p.y < box.height - 20)
      .filter(({ p }) => nodes.every((n) => Math.hypot(n.x - p.x, n.y - p.y) > 25))
      .map((c) => ({ ...c, clear: Math.min(Infinity, ...others.map((segment) => distance(c.p, segment))) }))
      .sort((a, b) => b.clear - a.clear);
    const pick = ok[0];
    return pick ? { id: pick.id, x: box.left + pick.p.x, y: box.top + pick.p.y } : null;
  }, nodeId);
}

/** Save a screenshot under test-artifacts/e2e/. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Append a measurement to test-artifacts/e2e/timings.json. */
export function recordTiming(name: string, value: unknown): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `timing-${name}.json`);
  writeFileSync(file, JSON.stringify(value, null, 2));
}

/** POST a GraphQL query to the running server (for test expectations computed from the API). */
export async function graphql<T>(baseUrl: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data as T;
}
