/**
 * Signed check-in codes, verifiable offline. A code is one base64url token (QR- and copy-friendly):
 *
 *   base64url( "ci1|<bizId>|<bookingId>|<exp unix seconds>"  ‖  Ed25519 signature (64 bytes) )
 *
 * The server signs with a per-biz key (see server/routes/checkin-codes.ts); devices verify with the
 * biz's public key (`bizes.check_in_public_key`, raw 32 bytes as base64url) through WebCrypto, which
 * Chromium and Node 20 both offer. Pure: no Node or DOM APIs beyond `crypto.subtle`.
 */

const VERSION = 'ci1';
const SIG_BYTES = 64;

export interface CheckInClaims {
  bizId: string;
  bookingId: string;
  /** Expiry, whole seconds since the epoch. */
  exp: number;
}

export type CheckInRejection = 'malformed' | 'other_biz' | 'bad_signature' | 'expired' | 'no_key';

export type CheckInVerification = { ok: true; claims: CheckInClaims } | { ok: false; reason: CheckInRejection };

export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

/** The signed message for `claims`. */
export function checkInMessage(claims: CheckInClaims): Uint8Array {
  for (const part of [claims.bizId, claims.bookingId]) {
    if (!/^[A-Za-z0-9_]+$/.test(part)) throw new Error('check-in claims must be plain ids');
  }
  if (!Number.isSafeInteger(claims.exp) || claims.exp < 0) throw new Error('check-in exp must be whole seconds');
  return new TextEncoder().encode(`${VERSION}|${claims.bizId}|${claims.bookingId}|${claims.exp}`);
}

/** Joins a message and its signature into the code. */
export function assembleCheckInCode(claims: CheckInClaims, signature: Uint8Array): string {
  if (signature.length !== SIG_BYTES) throw new Error('an Ed25519 signature is 64 bytes');
  const message = checkInMessage(claims);
  const all = new Uint8Array(message.length + SIG_BYTES);
  all.set(message, 0);
  all.set(signature, message.length);
  return toBase64Url(all);
}

/** Splits a code into claims, signed message and signature, or null when it is not one. */
export function parseCheckInCode(
  code: string,
): { claims: CheckInClaims; message: Uint8Array; signature: Uint8Array } | null {
  const trimmed = code.trim();
  if (trimmed.length < 90 || trimmed.length > 400) return null;
  const bytes = fromBase64Url(trimmed);
  if (!bytes || bytes.length <= SIG_BYTES) return null;
  const message = bytes.slice(0, bytes.length - SIG_BYTES);
  const signature = bytes.slice(bytes.length - SIG_BYTES);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(message);
  } catch {
    return null;
  }
  const m = /^ci1\|([A-Za-z0-9_]+)\|([A-Za-z0-9_]+)\|(\d{1,12})$/.exec(text);
  if (!m) return null;
  return { claims: { bizId: m[1]!, bookingId: m[2]!, exp: Number(m[3]) }, message, signature };
}

/**
 * Verifies a code for `bizId` at `now` with the biz's public key: malformed, another biz's, forged or
 * tampered, and expired codes are refused with the reason.
 */
export async function verifyCheckInCode(
  code: string,
  publicKey: string | null | undefined,
  opts: { bizId: string; now: Date },
): Promise<CheckInVerification> {
  const parsed = parseCheckInCode(code);
  if (!parsed) return { ok: false, reason: 'malformed' };
  if (parsed.claims.bizId !== opts.bizId) return { ok: false, reason: 'other_biz' };
  const raw = publicKey ? fromBase64Url(publicKey) : null;
  if (!raw || raw.length !== 32) return { ok: false, reason: 'no_key' };
  let valid = false;
  try {
    const key = await crypto.subtle.importKey('raw', raw as BufferSource, { name: 'Ed25519' }, false, ['verify']);
    valid = await crypto.subtle.verify(
      { name: 'Ed25519' },
      key,
      parsed.signature as BufferSource,
      parsed.message as BufferSource,
    );
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, reason: 'bad_signature' };
  if (parsed.claims.exp * 1000 <= opts.now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, claims: parsed.claims };
}

/** A short digest of a code, stored in `check_in_codes.code` (the token itself is too long for it). */
export async function checkInCodeDigest(code: string): Promise<string> {
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(code.trim()));
  return toBase64Url(new Uint8Array(hash));
}
