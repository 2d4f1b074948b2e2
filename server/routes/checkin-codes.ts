/**
 * `GET /api/bookings/:id/check-in-code` → `{code, exp, publicKey}`: the booking's signed check-in
 * code (shared/checkin-codes.ts). Each biz signs with its own Ed25519 key, derived deterministically
 * from the server's AUTH secret with HKDF (no key column, no migration); the public half is published
 * lazily in `bizes.check_in_public_key`, which devices sync and verify codes with offline.
 * Ed25519 is deterministic, so a booking's code stays the same until it is rescheduled.
 */
import { createPrivateKey, createPublicKey, hkdfSync, type KeyObject, sign } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { z } from 'zod';
import { assembleCheckInCode, type CheckInClaims, checkInCodeDigest, checkInMessage } from '../../shared/checkin-codes';
import { notFound } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { idOf } from '../../shared/mutators/args';
import { assertCan } from '../plugins/auth';
import './tenancy-probe';
import { parse } from './validate';

/** A code stays valid this long after the booking ends (a late offline check-in still syncs). */
export const CHECK_IN_GRACE_MS = 12 * 3_600_000;

// PKCS#8 DER prefix of an Ed25519 private key; the 32-byte seed follows.
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface CheckInKey {
  privateKey: KeyObject;
  /** Raw public key, base64url (what `bizes.check_in_public_key` holds). */
  publicKey: string;
}

const cache = new Map<string, CheckInKey>();

/** The biz's signing key: HKDF-SHA256(authSecret, salt, info = biz id) as the Ed25519 seed. */
export function checkInKey(authSecret: string, bizId: string): CheckInKey {
  const cacheKey = `${authSecret.length}:${bizId}:${authSecret}`;
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  const seed = Buffer.from(hkdfSync('sha256', authSecret, 'bizing/check-in-codes/v1', `biz:${bizId}`, 32));
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519, seed]), format: 'der', type: 'pkcs8' });
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' }) as { x: string };
  const key = { privateKey, publicKey: jwk.x };
  cache.set(cacheKey, key);
  return key;
}

export function signCheckInCode(key: CheckInKey, claims: CheckInClaims): string {
  const signature = sign(null, checkInMessage(claims), key.privateKey);
  return assembleCheckInCode(claims, new Uint8Array(signature));
}

const Params = z.strictObject({ id: idOf('booking_orders') });

export async function checkInCodeRoutes(app: FastifyInstance, opts: { pool: pg.Pool; authSecret: string }) {
  app.get(
    '/api/bookings/:id/check-in-code',
    { config: { tenancy: { table: 'booking_orders', param: 'id' } } },
    async (request) => {
      const actor = await request.actor();
      assertCan(actor, 'booking.check_in');
      const { id } = parse(Params, request.params);
      const { rows } = await opts.pool.query<{ id: string; end_at: Date | null; status: string }>(
        `SELECT id, coalesce(confirmed_end_at, requested_end_at) AS end_at, status
         FROM booking_orders WHERE biz_id = $1 AND id = $2 AND deleted_at IS NULL`,
        [actor.bizId, id],
      );
      const booking = rows[0];
      if (!booking) throw notFound('Booking');
      const key = checkInKey(opts.authSecret, actor.bizId);
      await opts.pool.query(
        `UPDATE bizes SET check_in_public_key = $2, updated_at = now()
         WHERE id = $1 AND check_in_public_key IS DISTINCT FROM $2`,
        [actor.bizId, key.publicKey],
      );
      const endMs = booking.end_at ? new Date(booking.end_at).getTime() : Date.now();
      const exp = Math.floor((Math.max(endMs, Date.now()) + CHECK_IN_GRACE_MS) / 1000);
      const code = signCheckInCode(key, { bizId: actor.bizId, bookingId: id, exp });
      // Record the issued code (by digest: the token is longer than the column) so its use is tracked.
      await opts.pool.query(
        `INSERT INTO check_in_codes (id, biz_id, booking_order_id, code, status, issued_at, expires_at, created_by)
         VALUES ($1, $2, $3, $4, 'active', now(), $5, $6)
         ON CONFLICT (biz_id, code) DO NOTHING`,
        [newId('check_in_codes'), actor.bizId, id, await checkInCodeDigest(code), new Date(exp * 1000), actor.userId],
      );
      return { code, exp: new Date(exp * 1000).toISOString(), publicKey: key.publicKey, status: booking.status };
    },
  );
}
