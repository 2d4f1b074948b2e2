/** Signed check-in codes: the route issues them, `bookings.checkInByCode` spends them (via /api/commits). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInKey, signCheckInCode } from '../../server/routes/checkin-codes';
import { Client, createTestApp, type TestApp } from '../../server/test/app';
import { fromBase64Url, toBase64Url } from '../checkin-codes';
import { newId } from '../ids';

const AUTH_SECRET = 'x'.repeat(40); // what createTestApp configures
let t: TestApp;
let lumen: string;
let desk: { c: Client; clientId: string };
let seq = 0;

beforeAll(async () => {
  t = await createTestApp();
  desk = await device('desk@lumen.test');
  lumen = (await t.db.pool.query("SELECT id FROM bizes WHERE slug <> 'brightline-hvac' ORDER BY slug LIMIT 1")).rows[0]
    .id;
});
afterAll(async () => {
  await t?.close();
});

async function device(email: string) {
  const c = new Client(t.app);
  await c.signInTo(email);
  const clientId = newId('devices');
  await c.post('/api/devices', { clientId });
  return { c, clientId };
}

async function commit(d: { c: Client; clientId: string }, name: string, args: unknown) {
  const res = (await d.c.post('/api/commits', { clientId: d.clientId, mutations: [{ id: ++seq, name, args }] })).json();
  return res.results[0] as { status: string; error?: { code: string; details?: { reason?: string } } };
}

async function confirmedBooking(bizId: string, offset = 0): Promise<string> {
  const { rows } = await t.db.pool.query(
    `SELECT id FROM booking_orders WHERE biz_id = $1 AND status = 'confirmed' ORDER BY id OFFSET $2 LIMIT 1`,
    [bizId, offset],
  );
  return rows[0].id;
}

const byCode = (code: string) => ({ code, checkpointId: newId('fulfillment_checkpoints'), method: 'qr' });

describe('check-in codes', () => {
  it('issues a signed code, publishes the biz key, and checks the booking in once', async () => {
    const me = (await desk.c.get('/api/me')).json();
    const bizId: string = me.memberships[0].bizId;
    expect(bizId).toBe(lumen);
    const bookingId = await confirmedBooking(bizId);
    const res = await desk.c.get(`/api/bookings/${bookingId}/check-in-code`);
    expect(res.statusCode).toBe(200);
    const { code, publicKey, exp } = res.json();
    expect(code).toMatch(/^[A-Za-z0-9_-]{100,200}$/);
    expect(new Date(exp).getTime()).toBeGreaterThan(Date.now());
    const biz = await t.db.pool.query('SELECT check_in_public_key FROM bizes WHERE id = $1', [bizId]);
    expect(biz.rows[0].check_in_public_key).toBe(publicKey);
    // Deterministic: asking again gives the same code (one check_in_codes row).
    expect((await desk.c.get(`/api/bookings/${bookingId}/check-in-code`)).json().code).toBe(code);
    const issued = await t.db.pool.query('SELECT status FROM check_in_codes WHERE booking_order_id = $1', [bookingId]);
    expect(issued.rows).toEqual([{ status: 'active' }]);

    expect(await commit(desk, 'bookings.checkInByCode', byCode(code))).toMatchObject({ status: 'applied' });
    const booking = await t.db.pool.query('SELECT status FROM booking_orders WHERE id = $1', [bookingId]);
    expect(booking.rows[0].status).toBe('checked_in');
    const used = await t.db.pool.query(
      'SELECT status, used_device_id FROM check_in_codes WHERE booking_order_id = $1',
      [bookingId],
    );
    expect(used.rows).toEqual([{ status: 'used', used_device_id: desk.clientId }]);
    const cp = await t.db.pool.query(
      `SELECT c.name FROM fulfillment_checkpoints c JOIN fulfillment_units u ON u.id = c.fulfillment_unit_id
       WHERE u.booking_order_id = $1 AND c.kind = 'check_in'`,
      [bookingId],
    );
    expect(cp.rows).toEqual([{ name: 'Checked in (qr)' }]);

    const again = await commit(desk, 'bookings.checkInByCode', byCode(code));
    expect(again).toMatchObject({ status: 'rejected', error: { code: 'already_checked_in' } });
  });

  it('rejects other bizes’ codes, tampered and expired codes with invalid_ticket and a reason', async () => {
    const bookingId = await confirmedBooking(lumen, 1);
    const { code } = (await desk.c.get(`/api/bookings/${bookingId}/check-in-code`)).json();

    const bright = new Client(t.app);
    const brightBiz = await bright.signInTo('owner@brightline.test');
    const brightBooking = await confirmedBooking(brightBiz);
    const foreign = await bright.get(`/api/bookings/${brightBooking}/check-in-code`);
    expect(foreign.statusCode).toBe(200);
    const other = await commit(desk, 'bookings.checkInByCode', byCode(foreign.json().code));
    expect(other).toMatchObject({
      status: 'rejected',
      error: { code: 'invalid_ticket', details: { reason: 'other_biz' } },
    });

    const bytes = fromBase64Url(code)!;
    bytes[bytes.length - 1]! ^= 4;
    const tampered = await commit(desk, 'bookings.checkInByCode', byCode(toBase64Url(bytes)));
    expect(tampered.error).toMatchObject({ code: 'invalid_ticket', details: { reason: 'bad_signature' } });

    const expiredCode = signCheckInCode(checkInKey(AUTH_SECRET, lumen), {
      bizId: lumen,
      bookingId,
      exp: Math.floor(Date.now() / 1000) - 60,
    });
    const expired = await commit(desk, 'bookings.checkInByCode', byCode(expiredCode));
    expect(expired.error).toMatchObject({ code: 'invalid_ticket', details: { reason: 'expired' } });

    const junk = await commit(desk, 'bookings.checkInByCode', byCode('not-a-code'));
    expect(junk.error).toMatchObject({ code: 'invalid_ticket', details: { reason: 'malformed' } });

    const status = await t.db.pool.query('SELECT status FROM booking_orders WHERE id = ANY($1)', [
      [bookingId, brightBooking],
    ]);
    expect(status.rows.every((r) => r.status === 'confirmed')).toBe(true);
  });

  it('answers another biz’s booking like a missing one and refuses roles without check-in', async () => {
    const brightBooking = (
      await t.db.pool.query(
        "SELECT b.id FROM booking_orders b JOIN bizes z ON z.id = b.biz_id WHERE z.slug = 'brightline-hvac' LIMIT 1",
      )
    ).rows[0].id;
    const foreign = await desk.c.get(`/api/bookings/${brightBooking}/check-in-code`);
    const missing = await desk.c.get(`/api/bookings/${newId('booking_orders')}/check-in-code`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toEqual(missing.json());
    const bad = await desk.c.get('/api/bookings/nope/check-in-code');
    expect(bad.json().code).toBe('validation_failed');
  });
});
