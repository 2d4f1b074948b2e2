import type { Page } from '@playwright/test';

interface SwNavigator {
  navigator: { serviceWorker: { ready: Promise<{ active: unknown }> } };
}

/** Waits until the service worker has precached the app shell and PGlite (offline reloads work). */
export async function waitForServiceWorker(page: Page) {
  await page.waitForFunction(
    async () => Boolean((await (globalThis as unknown as SwNavigator).navigator.serviceWorker.ready).active),
    null,
    { timeout: 60_000 },
  );
}

/** Saves a full-page screenshot of a main screen into e2e/screenshots/ (kept with the specs, for review). */
export async function saveScreen(page: Page, name: string) {
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
}
