/**
 * The real server and a headless Chromium for the tests of one describe block: started before
 * them, closed after them. The objects returned stand for the running ones, so a file can name
 * them at its top and use them inside its tests.
 */
import { afterAll, beforeAll } from 'vitest';
import type { RunningServer } from '../../../server/main.ts';
import { launchBrowser, type BrowserSession } from '../../helpers/browser.ts';
import { startApp } from './app.ts';

/** An object that forwards every read to `current()`, which exists once the hooks ran. */
function standIn<T extends object>(current: () => T | undefined, what: string): T {
  return new Proxy({} as T, {
    get(_target, key) {
      const real = current();
      if (!real) throw new Error(`${what} is started in beforeAll: use it inside tests or hooks`);
      const value = Reflect.get(real, key, real) as unknown;
      return typeof value === 'function' ? value.bind(real) : value;
    },
  });
}

export function useAppAndBrowser(): { app: RunningServer; browser: BrowserSession } {
  let app: RunningServer | undefined;
  let browser: BrowserSession | undefined;
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  return { app: standIn(() => app, 'the server'), browser: standIn(() => browser, 'the browser') };
}
