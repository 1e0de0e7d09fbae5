/**
 * Export of the visible graph in real headless Chromium: PNG, Cytoscape JSON (round-trips through
 * cytoscape), GraphML (parses with the browser's XML parser, ids consistent) and CSV (parses, one
 * row per node or edge).
 */
import { readFileSync } from 'node:fs';
import cytoscape from 'cytoscape';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openReady, canvasSnapshot, type CanvasSnapshot } from './support/app.ts';
import { useAppAndBrowser } from './support/session.ts';

async function exportAs(page: Page, format: string): Promise<{ name: string; bytes: Buffer }> {
  await page.locator('#export-format').selectOption(format);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-button').click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

describe('explorer: export', () => {
  const { app, browser } = useAppAndBrowser();
  let snap: CanvasSnapshot;

  beforeAll(async () => {
    await openReady(browser.page, app.url, '', 'explore');
    snap = await canvasSnapshot(browser.page, 'explore');
  });

  it('PNG is a PNG image', async () => {
    const { name, bytes } = await exportAs(browser.page, 'png');
    expect(name).toMatch(/\.png$/);
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(bytes.length).toBeGreaterThan(10_000);
  });

  it('Cytoscape JSON round-trips through cytoscape with the same elements', async () => {
    const { name, bytes } = await exportAs(browser.page, 'json');
    expect(name).toMatch(/\.cyjs$/);
    const doc = JSON.parse(bytes.toString('utf8'));
    expect(doc.elements.nodes.map((n: { data: { id: string } }) => n.data.id).sort()).toEqual(snap.nodes);
    expect(doc.elements.edges).toHaveLength(snap.edges.length);
    const cy = cytoscape({ headless: true, elements: doc.elements });
    expect(cy.nodes().map((n) => n.id()).sort()).toEqual(snap.nodes);
    expect(cy.edges().length).toBe(snap.edges.length);
    // Exporting what was imported gives the same data back.
    const again = JSON.parse(JSON.stringify(cy.json())).elements;
    expect(again.nodes.map((n: { data: unknown }) => n.data)).toEqual(doc.elements.nodes.map((n: { data: unknown }) => n.data));
    cy.destroy();
  });

  it('GraphML parses with an XML parser and holds every node and edge', async () => {
    const { name, bytes } = await exportAs(browser.page, 'graphml');
    expect(name).toMatch(/\.graphml$/);
    const text = bytes.toString('utf8');
    const parsed = await browser.page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      const error = doc.getElementsByTagName('parsererror')[0]?.textContent ?? null;
      const ns = 'http://graphml.graphdrawing.org/xmlns';
      const nodes = [...doc.getElementsByTagNameNS(ns, 'node')].map((n) => n.getAttribute('id'));
      const edges = [...doc.getElementsByTagNameNS(ns, 'edge')].map((e) => [e.getAttribute('source'), e.getAttribute('target')]);
      const keys = new Set([...doc.getElementsByTagNameNS(ns, 'key')].map((k) => k.getAttribute('id')));
      const usedKeys = [...doc.getElementsByTagNameNS(ns, 'data')].map((d) => d.getAttribute('key'));
      return { error, root: doc.documentElement.localName, nodes, edges, undeclared: usedKeys.filter((k) => !keys.has(k)) };
    }, text);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('graphml');
    expect([...parsed.nodes].sort()).toEqual(snap.nodes);
    expect(parsed.edges).toHaveLength(snap.edges.length);
    const ids = new Set(parsed.nodes);
    for (const [s, t] of parsed.edges) expect(ids.has(s) && ids.has(t)).toBe(true);
    expect(parsed.undeclared).toEqual([]);
  });

  it('CSV node and edge tables parse, one row per element', async () => {
    const nodes = await exportAs(browser.page, 'csv-nodes');
    const nodeRows = parse(nodes.bytes.toString('utf8'), { columns: true }) as Record<string, string>[];
    expect(nodeRows.map((r) => r.Id).sort()).toEqual(snap.nodes);
    expect(nodeRows.every((r) => r.Label.length > 0)).toBe(true);
    const edges = await exportAs(browser.page, 'csv-edges');
    const edgeRows = parse(edges.bytes.toString('utf8'), { columns: true }) as Record<string, string>[];
    expect(edgeRows).toHaveLength(snap.edges.length);
    expect(edgeRows.every((r) => r.Type === 'Directed' && snap.nodes.includes(r.Source) && snap.nodes.includes(r.Target))).toBe(true);
  });
});
