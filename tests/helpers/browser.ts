/**
 * Headless Chromium for tests and benchmarks, driven by playwright-core, with a fresh profile (and
 * XDG config/cache dirs) per launch and the flags that keep it quiet on a machine without internet
 * or GPU. Close the session to remove the profile.
 *
 * Which Chromium: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else a browser Playwright
 * downloaded into its cache. When there is none, Debian's `chromium` package is installed with
 * apt-get if this process is root and apt-get exists; otherwise the error says what to run.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/**
 * Flags for a headless Chromium on a machine without GPU or internet. Without the
 * background-networking family it keeps trying to reach Google's services and floods the closed
 * network with refused connections.
 */
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

/** Where Debian's `chromium` package puts its launcher. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** The commands that install Debian's Chromium (also printed when we may not run them). */
export const INSTALL_COMMAND = 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium';

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

/** What {@link findChromium} looks at; every field defaults to this machine. */
export interface ChromiumSearch {
  env?: NodeJS.ProcessEnv;
  /** System paths tried after CHROMIUM_PATH. */
  systemPaths?: string[];
  /** Playwright's browser cache (PLAYWRIGHT_BROWSERS_PATH or ~/.cache/ms-playwright). */
  playwrightCache?: string;
  /** The path playwright-core expects for its own revision. */
  playwrightExpected?: string;
  isExecutable?: (path: string) => boolean;
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function playwrightExpectedPath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

/** Browsers in Playwright's cache, newest revision first (chromium-1234/chrome-linux64/chrome). */
function playwrightCacheBrowsers(cache: string): string[] {
  if (!existsSync(cache)) return [];
  const revisions = readdirSync(cache)
    .filter((name) => /^chromium(_headless_shell)?-\d+$/.test(name))
    .sort((a, b) => Number(b.split('-').pop()) - Number(a.split('-').pop()));
  const binaries = ['chrome-linux64/chrome', 'chrome-linux/chrome', 'chrome-headless-shell-linux64/chrome-headless-shell', 'chrome-linux/headless_shell'];
  return revisions.flatMap((revision) => binaries.map((binary) => join(cache, revision, binary)));
}

/**
 * The first usable Chromium, or undefined. A CHROMIUM_PATH that is set but not executable is an
 * error, not a reason to fall back to another browser silently.
 */
export function findChromium(search: ChromiumSearch = {}): string | undefined {
  const env = search.env ?? process.env;
  const isExecutable = search.isExecutable ?? executable;
  const chosen = env.CHROMIUM_PATH;
  if (chosen) {
    if (!isExecutable(chosen)) throw new Error(`CHROMIUM_PATH is ${chosen}, which is not an executable file`);
    return chosen;
  }
  const cache = search.playwrightCache ?? env.PLAYWRIGHT_BROWSERS_PATH ?? join(homedir(), '.cache', 'ms-playwright');
  const expected = 'playwrightExpected' in search ? search.playwrightExpected : playwrightExpectedPath();
  const candidates = [
    ...(search.systemPaths ?? [DEBIAN_CHROMIUM, '/usr/bin/chromium-browser']),
    ...(expected ? [expected] : []),
    ...playwrightCacheBrowsers(cache),
  ];
  return candidates.find(isExecutable);
}

/** How this process may install Chromium: as root with apt-get, or not at all. */
export function canInstallWithApt(): boolean {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  return root && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
}

function run(command: string, args: string[], log: (line: string) => void): void {
  log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.error) throw new Error(`${command} could not start: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}); run it by hand: ${INSTALL_COMMAND}`);
}

function defaultLog(line: string): void {
  process.stderr.write(`${line}\n`);
}

let resolved: string | undefined;

/**
 * The Chromium to launch: found, or installed from Debian's packages when this process is root
 * and has apt-get (a first run on a fresh machine takes a minute or two). Throws, with the command
 * to run, when there is none and it may not install one.
 */
export function ensureChromium(log: (line: string) => void = defaultLog): string {
  if (resolved) return resolved;
  const found = findChromium();
  if (found) return (resolved = found);
  if (!canInstallWithApt()) {
    throw new Error(
      'No Chromium found (looked at CHROMIUM_PATH, /usr/bin/chromium and Playwright\'s cache) and this process cannot install one ' +
        `(it needs root and apt-get). Install it with:\n  sudo sh -c '${INSTALL_COMMAND}'\nor point CHROMIUM_PATH at a Chromium or Chrome binary.`,
    );
  }
  const started = Date.now();
  log('aidgraph: no Chromium on this machine; installing Debian\'s chromium package with apt-get (a minute or two)...');
  run('apt-get', ['update'], log);
  run('apt-get', ['install', '-y', 'chromium'], log);
  if (!executable(DEBIAN_CHROMIUM)) throw new Error(`apt-get installed chromium but ${DEBIAN_CHROMIUM} is missing; run: ${INSTALL_COMMAND}`);
  const version = spawnSync(DEBIAN_CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout.trim();
  log(`aidgraph: ${version || 'chromium'} installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return (resolved = DEBIAN_CHROMIUM);
}

/** Path of the browser binary (installing it first where that is allowed). */
export function chromiumPath(): string {
  return ensureChromium();
}

/** Launch Chromium with a fresh profile (launchPersistentContext: Playwright refuses --user-data-dir in launch()). */
export async function launchBrowser(options: BrowserOptions = {}): Promise<BrowserSession> {
  const executablePath = chromiumPath();
  const profileDir = mkdtempSync(join(tmpdir(), 'aidgraph-chromium-'));
  const xdgConfig = join(profileDir, 'xdg-config');
  const xdgCache = join(profileDir, 'xdg-cache');
  mkdirSync(xdgConfig);
  mkdirSync(xdgCache);
  const context = await chromium.launchPersistentContext(join(profileDir, 'profile'), {
    executablePath,
    headless: options.headless ?? process.env.HEADFUL !== '1',
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
    viewport: options.viewport ?? { width: 1280, height: 800 },
    acceptDownloads: true,
    // Chromium writes to ~/.config and ~/.cache unless told otherwise: keep it inside the profile.
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
