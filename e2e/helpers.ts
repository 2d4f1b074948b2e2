import { expect, type Page } from '@playwright/test';

export const PASSWORD = 'demo-pass-1234';

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

/** Signs in through the form and waits until sync is online. */
export async function signIn(page: Page, email: string) {
  await page.goto('/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('sync-status')).toHaveText('Online', { timeout: 60_000 });
}

/** Fills the walk-in form with the first free time of the private session for `name`, not yet booked. */
export async function fillWalkIn(page: Page, name: string) {
  const value = await page
    .getByLabel('Offer', { exact: true })
    .locator('option', { hasText: 'Private session' })
    .getAttribute('value');
  await page.getByLabel('Offer', { exact: true }).selectOption(value ?? '');
  await page.getByRole('group', { name: 'Free times' }).getByRole('button').first().click();
  await page.getByLabel('Name').fill(name);
}

/** Books the first free time of the private session for `name` at the walk-in form. */
export async function bookWalkIn(page: Page, name: string) {
  await fillWalkIn(page, name);
  await page.getByRole('button', { name: /^Book / }).click();
  await expect(page.getByRole('status').filter({ hasText: `for ${name}` })).toBeVisible();
}

const boardDay = async (page: Page) =>
  ((await page.locator('#board-title').textContent()) ?? '').split(' · ').pop()?.trim() ?? '';

/**
 * Pages `to`'s front-desk board to the day `from`'s shows: a walk-in booked late in the evening lands
 * on the next day, and the board that booked it follows it there.
 */
export async function showSameDay(from: Page, to: Page) {
  const want = await boardDay(from);
  const days = to.getByRole('navigation', { name: 'Board day' });
  if ((await boardDay(to)) === want) return;
  if (await days.getByRole('button', { name: 'Today' }).isEnabled()) {
    await days.getByRole('button', { name: 'Today' }).click();
  }
  for (let i = 0; i < 14 && (await boardDay(to)) !== want; i++) {
    await days.getByRole('button', { name: 'Next day' }).click();
  }
  await expect(to.locator('#board-title')).toContainText(want);
}
