import { expect, test } from '@playwright/test';

test('the built client is served and reaches the API', async ({ page, request }) => {
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ ok: true, db: 'embedded', sync: 'embedded' });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sign in to Bizing' })).toBeVisible();
});
