/**
 * Which Chromium the browser tests launch: CHROMIUM_PATH, then the system's, then Playwright's
 * cache (newest revision first), and nothing when there is none (the caller then installs one or
 * fails with the command to run).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium } from '../helpers/browser.ts';

const cache = mkdtempSync(join(tmpdir(), 'pw-cache-'));
for (const dir of ['chromium-1100/chrome-linux64', 'chromium-1255/chrome-linux64', 'chromium_headless_shell-1255/chrome-headless-shell-linux64', 'firefox-1400']) {
  mkdirSync(join(cache, dir), { recursive: true });
}
afterAll(() => rmSync(cache, { recursive: true, force: true }));

const among = (...paths: string[]) => (path: string) => paths.includes(path);
const search = (env: NodeJS.ProcessEnv, executables: string[]) => findChromium({
  env,
  systemPaths: ['/usr/bin/chromium'],
  playwrightCache: cache,
  playwrightExpected: join(cache, 'chromium-1300/chrome-linux64/chrome'),
  isExecutable: among(...executables),
});

describe('findChromium', () => {
  it('takes CHROMIUM_PATH first, even when the system has one', () => {
    expect(search({ CHROMIUM_PATH: '/opt/chrome/chrome' }, ['/opt/chrome/chrome', '/usr/bin/chromium'])).toBe('/opt/chrome/chrome');
  });

  it('refuses a CHROMIUM_PATH that is not executable instead of quietly using another browser', () => {
    expect(() => search({ CHROMIUM_PATH: '/nowhere/chrome' }, ['/usr/bin/chromium'])).toThrow(/CHROMIUM_PATH is \/nowhere\/chrome/);
  });

  it("prefers the system's Chromium to Playwright's", () => {
    expect(search({}, ['/usr/bin/chromium', join(cache, 'chromium-1255/chrome-linux64/chrome')])).toBe('/usr/bin/chromium');
  });

  it("uses the revision playwright-core expects when it is downloaded", () => {
    const expected = join(cache, 'chromium-1300/chrome-linux64/chrome');
    expect(search({}, [expected, join(cache, 'chromium-1255/chrome-linux64/chrome')])).toBe(expected);
  });

  it("otherwise the newest Chromium in Playwright's cache", () => {
    const older = join(cache, 'chromium-1100/chrome-linux64/chrome');
    const newer = join(cache, 'chromium-1255/chrome-linux64/chrome');
    expect(search({}, [older, newer])).toBe(newer);
    expect(search({}, [older])).toBe(older);
    const shell = join(cache, 'chromium_headless_shell-1255/chrome-headless-shell-linux64/chrome-headless-shell');
    expect(search({}, [shell])).toBe(shell);
  });

  it('finds nothing when there is no browser anywhere', () => {
    expect(search({}, [])).toBeUndefined();
  });
});
