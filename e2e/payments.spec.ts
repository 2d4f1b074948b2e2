import { expect, type Locator, type Page, test } from '@playwright/test';
import { bookWalkIn, signIn } from './helpers';

/** Books a private session (90.00) as a walk-in and opens its payment panel once it is committed. */
async function walkInPanel(page: Page, name: string): Promise<Locator> {
  await bookWalkIn(page, name);
  await expect(page.getByTestId('pending')).toHaveText('0 pending', { timeout: 30_000 });
  // A private session holds a room and a host: its booking shows on both lanes.
  await page
    .getByRole('button', { name: `Take payment from ${name}` })
    .first()
    .click();
  const panel = page.getByRole('region', { name: new RegExp(`^Take payment · ${name}`) });
  await expect(panel.getByTestId('amount-due')).toHaveText('$90.00');
  return panel;
}

test('split tender: cash taken offline for part, the rest by card once online, balance 0', async ({
  page,
  context,
}) => {
  await signIn(page, 'desk@lumen.test');
  const panel = await walkInPanel(page, 'Split Sam');
  await expect(panel.getByText('Test mode')).toBeVisible();
  await expect(panel.getByTestId('balance')).toHaveText('$90.00');

  await context.setOffline(true);
  await expect(page.getByTestId('sync-status')).toHaveText('Offline', { timeout: 30_000 });
  await expect(panel.getByRole('note')).toHaveText(/Card needs a connection/);
  await expect(panel.getByRole('button', { name: 'Charge card' })).toBeDisabled();
  await panel.getByLabel(/^Amount to take/).fill('30');
  await panel.getByRole('button', { name: 'Take cash' }).click();
  await expect(panel.getByTestId('amount-paid')).toHaveText('$30.00');
  await expect(panel.getByTestId('balance')).toHaveText('$60.00');
  await expect(page.getByTestId('pending')).toHaveText('1 pending');
  await panel.screenshot({ path: 'test-results/screens/payments-offline.png' });

  await context.setOffline(false);
  await expect(page.getByTestId('pending')).toHaveText('0 pending', { timeout: 30_000 });
  // The amount follows the balance: the card takes the remaining 60.00.
  await expect(panel.getByLabel(/^Amount to take/)).toHaveValue('60.00');
  await expect(panel.getByLabel('Test card number')).toHaveValue('4242 4242 4242 4242');
  await panel.getByRole('button', { name: 'Charge card' }).click();
  // The server's answer at once; the panel's figures when sync brings the card leg down.
  await expect(panel.getByRole('status')).toHaveText('Card $60.00 accepted. Balance $0.00.', { timeout: 20_000 });
  await expect(panel.getByTestId('balance')).toHaveText('$0.00', { timeout: 60_000 });
  await expect(panel.getByTestId('amount-paid')).toHaveText('$90.00');
  await expect(panel.getByRole('list', { name: 'Payments on this booking' })).toContainText('Cash $30.00 · captured');
  await expect(panel.getByRole('list', { name: 'Payments on this booking' })).toContainText('Card $60.00 · captured');
  await panel.screenshot({ path: 'test-results/screens/payments.png' });
});

test('a declined card after cash leaves the booking partly paid with the balance due shown', async ({ page }) => {
  await signIn(page, 'desk@lumen.test');
  const panel = await walkInPanel(page, 'Declined Dana');
  await panel.getByLabel(/^Amount to take/).fill('25.50');
  await panel.getByRole('button', { name: 'Take cash' }).click();
  await expect(panel.getByTestId('balance')).toHaveText('$64.50');
  await expect(page.getByTestId('pending')).toHaveText('0 pending', { timeout: 30_000 });

  await panel.getByLabel('Test card number').fill('4000 0000 0000 0002');
  await panel.getByRole('button', { name: 'Charge card' }).click();
  await expect(panel.getByRole('alert')).toHaveText(/Card declined.*Balance due \$64\.50/, { timeout: 20_000 });
  await expect(panel.getByRole('list', { name: 'Payments on this booking' })).toContainText('Card $64.50 · failed', {
    timeout: 20_000,
  });
  await expect(panel.getByTestId('amount-paid')).toHaveText('$25.50');
  await expect(panel.getByTestId('balance')).toHaveText('$64.50');
  await panel.screenshot({ path: 'test-results/screens/payments-declined.png' });
});
