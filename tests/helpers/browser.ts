/**
 * Headless Chromium for tests and benchmarks: Debian's /usr/bin/chromium driven by
 * playwright-core, with a fresh profile (and XDG config/cache dirs) per launch, and the flags that
 * keep it quiet on a machine without internet or GPU. Close the session to remove the profile.
 */
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Flags for Debian's chromium here (see DESIGN.md and PITFALLS.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--disable-features=Translate,MediaRouter,OptimizationHints',
];

export interface BrowserOptions {
  /** Default 1280x800. */
  viewport?: { width: number; height: number };
  /** Extra chromium flags. */
  args?: string[];
  /** Default true; set HEADFUL=1 in the environment to watch (needs a display). */
  headless?: boolean;
}

export interface BrowserSession {
  context: BrowserContext;
  /** The first page of the context. */
  page: Page;
  /** The temporary profile directory (removed by close). */
  profileDir: string;
  /** Messages the pages logged as console errors or uncaught exceptions. */
  errors: string[];
  /** Close the browser and remove its profile. */
  close(): Promise<void>;
}

/** Path of the browser binary: CHROMIUM_PATH or Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** Launch Chromium with a fresh profile (launchPersistentContext: Playwright refuses --user-data-dir in launch()). */
export async function launchBrowser(options: BrowserOptions = {}): Promise<BrowserSession> {
  const profileDir = mkdtempSync(join(tmpdir(), 'aidgraph-chromium-'));
  const xdgConfig = join(profileDir, 'xdg-config');
  const xdgCache = join(profileDir, 'xdg-cache');
  mkdirSync(xdgConfig);
  mkdirSync(xdgCache);
  const context = await chromium.launchPersistentContext(join(profileDir, 'profile'), {
    executablePath: chromiumPath(),
    headless: options.headless ?? process.env.HEADFUL !== '1',
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
    viewport: options.viewport ?? { width: 1280, height: 800 },
    acceptDownloads: true,
    env: { ...process.env, XDG_CONFIG_HOME: xdgConfig, XDG_CACHE_HOME: xdgCache },
  });
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(`${err.name}: ${err.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    profileDir,
    errors,
    async close() {
      await context.close().catch(() => {});
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
