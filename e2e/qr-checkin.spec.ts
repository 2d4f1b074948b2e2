/**
 * Check-in by QR code through the device's camera: Chromium's fake camera plays a YUV4MPEG2 file that
 * this spec writes from the `qrcode` package's module matrix. A code of another biz is refused on the
 * device; a booking's own QR (shown on the board) checks it in, and cannot be used twice.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type APIRequestContext, type APIResponse, expect, type Page, request, test } from '@playwright/test';
import QRCode from 'qrcode';
import config from '../playwright.config';
import { newId } from '../shared/ids';
import { PASSWORD, signIn } from './helpers';

const BASE_URL = String(config.use?.baseURL);
const VIDEO = join(tmpdir(), `bizing-qr-camera-${process.env.E2E_PORT ?? 3100}.y4m`);
const WIDTH = 640;
const HEIGHT = 480;

/** A still video of `text` as a QR code: grayscale luma (black modules on white), neutral chroma (128). */
function writeQrVideo(path: string, text: string) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const scale = Math.floor(Math.min(WIDTH, HEIGHT) / (modules.size + 2 * quiet));
  const side = (modules.size + 2 * quiet) * scale;
  const x0 = Math.floor((WIDTH - side) / 2);
  const y0 = Math.floor((HEIGHT - side) / 2);
  const luma = Buffer.alloc(WIDTH * HEIGHT, 235);
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) {
      if (!modules.get(y, x)) continue;
      for (let dy = 0; dy < scale; dy++) {
        const row = (y0 + (y + quiet) * scale + dy) * WIDTH + x0 + (x + quiet) * scale;
        luma.fill(16, row, row + scale);
      }
    }
  }
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(path, Buffer.concat([header, frame, frame]));
}

// The fake camera needs its file when the browser starts; each scan below rewrites it first.
writeQrVideo(VIDEO, 'not a check-in code');

const base = config.use?.launchOptions ?? {};
test.use({
  permissions: ['camera'],
  launchOptions: {
    ...base,
    args: [
      ...(base.args ?? []),
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${VIDEO}`,
    ],
  },
});

/** A genuine, server-signed check-in code of one of Brightline HVAC's bookings (another biz). */
async function foreignCode(): Promise<string> {
  const api: APIRequestContext = await request.newContext({
    baseURL: BASE_URL,
    extraHTTPHeaders: { origin: BASE_URL },
  });
  try {
    const ok = async (p: Promise<APIResponse>) => {
      const res = await p;
      if (!res.ok()) throw new Error(`${res.status()} ${await res.text()}`);
      return res;
    };
    await ok(api.post('/api/auth/sign-in/email', { data: { email: 'desk@brightline.test', password: PASSWORD } }));
    const me = (await (await ok(api.get('/api/me'))).json()) as { memberships: { bizId: string }[] };
    await ok(api.post('/api/auth/organization/set-active', { data: { organizationId: me.memberships[0]!.bizId } }));
    const clientId = newId('devices');
    await ok(api.post('/api/devices', { data: { clientId } }));
    // The shape service may still be starting (503): ask again for a while.
    let shape = await api.get(`/api/shapes/booking_orders?offset=-1&client_id=${clientId}`);
    for (let i = 0; shape.status() === 503 && i < 60; i++) {
      await new Promise((r) => setTimeout(r, 1000));
      shape = await api.get(`/api/shapes/booking_orders?offset=-1&client_id=${clientId}`);
    }
    const messages = (await (await ok(Promise.resolve(shape))).json()) as { value?: { id?: string } }[];
    const bookingId = messages.find((m) => m.value?.id)?.value?.id;
    if (!bookingId) throw new Error('Brightline has no booking to take a code from');
    const { code } = (await (await ok(api.get(`/api/bookings/${bookingId}/check-in-code`))).json()) as {
      code: string;
    };
    return code;
  } finally {
    await api.dispose();
  }
}

async function scan(page: Page, code: string) {
  writeQrVideo(VIDEO, code);
  const checkIn = page.getByRole('region', { name: 'Check in by code' });
  await checkIn.getByRole('button', { name: 'Scan QR with camera' }).click();
  return checkIn;
}

test('a desk scans a booking’s QR code with the camera; another biz’s code and a used one are refused', async ({
  page,
}) => {
  await signIn(page, 'desk@lumen.test');
  const foreign = await foreignCode();

  // Another biz's genuine code: refused on the device, before anything is queued.
  let checkIn = await scan(page, foreign);
  await expect(checkIn.getByRole('alert')).toHaveText('This code belongs to another business.', { timeout: 30_000 });
  await expect(page.getByTestId('pending')).toHaveText('0 pending');

  // A walk-in, then its QR code from the board (issued by the server once the booking has synced).
  const offer = page.getByLabel('Offer', { exact: true });
  await offer.selectOption((await offer.locator('option', { hasText: 'Private session' }).getAttribute('value')) ?? '');
  await page.getByRole('group', { name: 'Free times' }).getByRole('button').first().click();
  await page.getByLabel('Name').fill('Quinn Scanner');
  await page.getByRole('button', { name: /^Book / }).click();
  await expect(page.getByTestId('pending')).toHaveText('0 pending', { timeout: 20_000 });
  const row = page.getByTestId('board-booking').filter({ hasText: 'Quinn Scanner' }).first();
  await row.getByRole('button', { name: 'Check-in QR for Quinn Scanner' }).click();
  await expect(row.getByRole('img', { name: /^Check-in QR code for Quinn Scanner/ })).toBeVisible();
  const code = (await row.getByTestId('checkin-code').textContent())?.trim() ?? '';
  expect(code.length).toBeGreaterThan(90);
  await page.screenshot({ path: 'test-results/screens/booking-qr.png', fullPage: true });

  checkIn = await scan(page, code);
  await expect(checkIn.getByRole('status').filter({ hasText: 'Checked in' })).toHaveText(
    /^Checked in: Quinn Scanner \(/,
    { timeout: 30_000 },
  );
  await expect(row).toContainText('checked in');
  await expect(page.getByTestId('pending')).toHaveText('0 pending', { timeout: 20_000 });

  // The same code again: the booking is already checked in.
  checkIn = await scan(page, code);
  await expect(checkIn.getByRole('alert')).toHaveText('Already checked in.', { timeout: 30_000 });
});
