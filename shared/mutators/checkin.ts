/**
 * Check-in by booking code / QR: the code is verified (signature with the biz's public key, biz,
 * expiry) on the device offline and again on the server, then the booking is checked in exactly like
 * `bookings.checkIn`. A code is used once: the server records its use in `check_in_codes` (by digest).
 */
import { z } from 'zod';
import { type CheckInRejection, checkInCodeDigest, verifyCheckInCode } from '../checkin-codes';
import { AppError } from '../errors';
import { newId } from '../ids';
import { idOf } from './args';
import { checkInBooking } from './bookings';
import { iso } from './sql';
import { defineMutator } from './types';

const MESSAGES: Record<CheckInRejection, string> = {
  malformed: 'This is not a check-in code.',
  other_biz: 'This code belongs to another business.',
  bad_signature: 'This code is not genuine (signature check failed).',
  expired: 'This code has expired.',
  no_key: 'This device has not received the check-in key yet; connect once and retry.',
};

export const checkInByCode = defineMutator({
  name: 'bookings.checkInByCode',
  action: 'booking.check_in',
  args: z.strictObject({
    code: z.string().trim().min(1).max(400),
    checkpointId: idOf('fulfillment_checkpoints'),
    method: z.enum(['code', 'qr']).default('code'),
  }),
  async run(ctx, a) {
    const { tx, actor, env, now } = ctx;
    const { rows: bizRows } = await tx.query<{ key: string | null }>(
      'SELECT check_in_public_key AS key FROM bizes WHERE id = $1',
      [actor.bizId],
    );
    const verdict = await verifyCheckInCode(a.code, bizRows[0]?.key, { bizId: actor.bizId, now });
    if (!verdict.ok) {
      throw new AppError('invalid_ticket', MESSAGES[verdict.reason], { reason: verdict.reason });
    }
    const bookingId = verdict.claims.bookingId;
    if (env === 'server') {
      const digest = await checkInCodeDigest(a.code);
      const { rows } = await tx.query<{ id: string; status: string }>(
        'SELECT id, status FROM check_in_codes WHERE biz_id = $1 AND code = $2 FOR UPDATE',
        [actor.bizId, digest],
      );
      const row = rows[0];
      if (row?.status === 'used') throw new AppError('already_checked_in', 'This code has already been used.');
      if (row?.status === 'revoked')
        throw new AppError('invalid_ticket', 'This code was revoked.', { reason: 'revoked' });
      // Check in first (it refuses cancelled / already checked-in bookings), then spend the code.
      await checkInBooking.run(ctx, { id: bookingId, checkpointId: a.checkpointId, method: a.method });
      if (row) {
        await tx.query(
          `UPDATE check_in_codes SET status = 'used', used_at = $3::timestamptz, used_by = $4, used_device_id = $5,
             updated_at = now(), updated_by = $4 WHERE biz_id = $1 AND id = $2`,
          [actor.bizId, row.id, iso(now), actor.userId, actor.deviceId],
        );
      } else {
        await tx.query(
          `INSERT INTO check_in_codes (id, biz_id, booking_order_id, code, status, issued_at, expires_at, used_at,
             used_by, used_device_id, created_by)
           VALUES ($1, $2, $3, $4, 'used', $5::timestamptz, $6::timestamptz, $5::timestamptz, $7, $8, $7)`,
          [
            newId('check_in_codes'),
            actor.bizId,
            bookingId,
            digest,
            iso(now),
            new Date(verdict.claims.exp * 1000).toISOString(),
            actor.userId,
            actor.deviceId,
          ],
        );
      }
    } else {
      await checkInBooking.run(ctx, { id: bookingId, checkpointId: a.checkpointId, method: a.method });
    }
    return { bookingId };
  },
});
