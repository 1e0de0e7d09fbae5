/**
 * Global setup of the e2e project: make sure a Chromium is there before any browser test starts
 * (found, or installed from Debian's packages where this process may), so that a first run on a
 * fresh machine installs it once, with its progress on screen, instead of timing out in a test.
 */
import { ensureChromium } from './browser.ts';

export function setup(): void {
  const path = ensureChromium((line) => process.stderr.write(`global setup: ${line}\n`));
  // The test workers start from this environment: they launch the same binary without searching.
  process.env.CHROMIUM_PATH = path;
}
