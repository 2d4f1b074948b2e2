import { type Browser, expect, type Page, test } from '@playwright/test';
import { waitForServiceWorker } from './helpers';

async function openDesk(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('demo-pass-1234');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('sync-status')).toHaveText('Online', { timeout: 60_000 });
  await waitForServiceWorker(page);
  return { context, page };
}

async function bookFirstFreeSlot(page: Page, name: string) {
  const value = await page
    .getByLabel('Offer', { exact: true })
    .locator('option', { hasText: 'Private session' })
    .getAttribute('value');
  await page.getByLabel('Offer', { exact: true }).selectOption(value ?? '');
  const slot = page.getByRole('group', { name: 'Free times' }).getByRole('button').first();
  const label = (await slot.textContent()) ?? '';
  await slot.click();
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: /^Book / }).click();
  await expect(page.getByRole('status').filter({ hasText: `for ${name}` })).toBeVisible();
  return label;
}

test('two desks book the same slot offline: one lands in the inbox with alternatives, picks one, both boards agree', async ({
  browser,
}) => {
  const a = await openDesk(browser, 'desk@lumen.test');
  const b = await openDesk(browser, 'manager@lumen.test');
  await a.context.setOffline(true);
  await b.context.setOffline(true);
  const slotA = await bookFirstFreeSlot(a.page, 'Anna First');
  const slotB = await bookFirstFreeSlot(b.page, 'Ben Second');
  expect(slotB).toBe(slotA);

  await a.context.setOffline(false);
  await expect(a.page.getByTestId('pending')).toHaveText('0 pending', { timeout: 30_000 });
  await b.context.setOffline(false);
  await expect(b.page.getByTestId('inbox-badge')).toHaveText('Conflicts: 1', { timeout: 30_000 });

  await b.page.getByTestId('inbox-badge').click();
  const item = b.page.getByTestId('inbox-item').first();
  await expect(item).toContainText('Ben Second');
  await expect(item).toContainText('no longer available');
  await b.page.screenshot({ path: 'test-results/screens/conflict-inbox.png', fullPage: true });
  await item.getByRole('group', { name: 'Alternatives' }).getByRole('button').first().click();
  await expect(b.page.getByTestId('inbox-badge')).toHaveText('Conflicts: 0', { timeout: 20_000 });
  await expect(b.page.getByTestId('pending')).toHaveText('0 pending', { timeout: 30_000 });

  // Both desks end with the same board: both customers booked, at different times.
  for (const page of [a.page, b.page]) {
    await page.getByRole('button', { name: 'Front desk' }).click();
  }
  const names = async (page: Page) =>
    (await page.getByTestId('board-booking').allTextContents()).filter((t) => /Anna First|Ben Second/.test(t)).sort();
  await expect.poll(async () => (await names(a.page)).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
  await expect
    .poll(async () => JSON.stringify(await names(b.page)), { timeout: 30_000 })
    .toBe(JSON.stringify(await names(a.page)));
  await a.context.close();
  await b.context.close();
});
