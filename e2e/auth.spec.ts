import { expect, test } from '@playwright/test';
import { waitForServiceWorker } from './helpers';

const PASSWORD = 'demo-pass-1234';

test('a front desk signs in, sees their biz and role, and signs out', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Email').fill('desk@lumen.test');
  await page.getByLabel('Password').fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Email or password is incorrect.');

  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('biz-name')).toHaveText('Lumen Yoga');
  await expect(page.getByRole('combobox', { name: 'Business' })).toHaveValue(/^biz_/);
  await expect(page.getByTestId('role')).toHaveText('Front desk');
  await expect(page.getByTestId('connection')).toHaveText('Online');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Bizing' })).toBeVisible();
});

test('a signed-in technician still sees who they are after a reload with no network', async ({ page, context }) => {
  await page.goto('/');
  await page.getByLabel('Email').fill('tech@brightline.test');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('role')).toHaveText('Technician');

  // Keep the app shell reachable but fail every API call, as a dead uplink would.
  await waitForServiceWorker(page);
  await context.route('**/api/**', (route) => route.abort('internetdisconnected'));
  await page.reload();
  await expect(page.getByTestId('biz-name')).toHaveText('Brightline HVAC');
  await expect(page.getByTestId('connection')).toHaveText('Offline');
});
