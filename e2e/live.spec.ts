import { expect, test } from '@playwright/test';
import { fillWalkIn, showSameDay, signIn } from './helpers';

test('all of a role’s shapes live at once over HTTP/1.1: a booking shows on another device within 2 s, and the API stays prompt', async ({
  browser,
}) => {
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signIn(manager, 'manager@lumen.test');
  const deskContext = await browser.newContext();
  const desk = await deskContext.newPage();
  await signIn(desk, 'desk@lumen.test');
  // Let every shape settle into its live long-poll.
  await manager.waitForTimeout(1500);

  // Other API calls are answered promptly although dozens of shapes are live (one batched connection).
  const healthMs = await manager.evaluate(async () => {
    const t0 = performance.now();
    await fetch('/api/health');
    return performance.now() - t0;
  });
  expect(healthMs).toBeLessThan(1000);

  await fillWalkIn(desk, 'Live Lucia');
  const booked = Date.now();
  await desk.getByRole('button', { name: /^Book / }).click();
  await expect(desk.getByRole('status').filter({ hasText: 'for Live Lucia' })).toBeVisible();
  console.log(`desk shows the booking after ${Date.now() - booked} ms`);
  // The other device is watched while the desk's push is under way: its view does not wait on the
  // desk confirming its own write.
  await showSameDay(desk, manager);
  await expect(manager.getByTestId('board-booking').filter({ hasText: 'Live Lucia' }).first()).toBeVisible({
    timeout: 10_000,
  });
  const visibleAfterMs = Date.now() - booked;
  console.log(`booking visible on the other device after ${visibleAfterMs} ms`);
  expect(visibleAfterMs).toBeLessThan(2000);
  await expect(desk.getByTestId('pending')).toHaveText('0 pending', { timeout: 20_000 });
  console.log(`desk confirmed after ${Date.now() - booked} ms`);

  await manager.getByRole('button', { name: 'Dashboard' }).click();
  await expect(manager.getByTestId('kpis')).toContainText(/[1-9]\d* bookings/, { timeout: 15_000 });
  await expect(manager.getByRole('figure', { name: 'Bookings per day' }).locator('svg').first()).toBeVisible();
  await expect(manager.getByRole('figure', { name: 'Utilization per resource' }).locator('svg').first()).toBeVisible({
    timeout: 30_000,
  });
  await manager.screenshot({ path: 'test-results/screens/manager-dashboard.png', fullPage: true });
  await managerContext.close();
  await deskContext.close();
});

test('a technician sees only their jobs and completes a checkpoint offline; it syncs when back online', async ({
  page,
  context,
}) => {
  await signIn(page, 'tech@brightline.test');
  await page.screenshot({ path: 'test-results/screens/technician.png', fullPage: true });
  const job = page
    .getByTestId('job')
    .filter({ has: page.getByRole('button', { name: 'Done' }) })
    .first();
  await expect(job).toBeVisible();
  await context.setOffline(true);
  await job.getByRole('button', { name: 'Done' }).first().click();
  await job.getByLabel('Note').fill('Replaced the filter; customer happy.');
  await job.getByRole('button', { name: 'Add note' }).click();
  // A photo of the work, taken offline: kept on the device until there is a connection.
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  await job.getByLabel('Add photo').setInputFiles({ name: 'boiler.png', mimeType: 'image/png', buffer: png });
  await expect(job.getByTestId('photo-status')).toContainText('1 waiting to upload');
  await expect(page.getByTestId('pending')).toHaveText('3 pending');
  await context.setOffline(false);
  await expect(page.getByTestId('pending')).toHaveText('0 pending', { timeout: 30_000 });
  await expect(job.getByTestId('photo-status')).toContainText('0 waiting to upload', { timeout: 10_000 });
});
