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

// The shared code compiles without DOM or Node types: declare just the WebCrypto surface it uses.
interface Subtle {
  importKey(
    format: 'raw',
    key: Uint8Array,
    alg: { name: 'Ed25519' },
    extractable: boolean,
    usages: string[],
  ): Promise<unknown>;
  verify(alg: { name: 'Ed25519' }, key: unknown, signature: Uint8Array, data: Uint8Array): Promise<boolean>;
  digest(alg: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>;
}
const subtle = (): Subtle => (globalThis as unknown as { crypto: { subtle: Subtle } }).crypto.subtle;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    if (i + 1 < bytes.length) out += B64[(n >> 6) & 63]!;
    if (i + 2 < bytes.length) out += B64[n & 63]!;
  }
  return out;
}

export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let j = 0;
  for (const ch of text) {
    acc = (acc << 6) | B64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >> bits) & 255;
    }
  }
  return out;
}

function ascii(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 127;
  return out;
}

/** The signed message for `claims`. */
export function checkInMessage(claims: CheckInClaims): Uint8Array {
  for (const part of [claims.bizId, claims.bookingId]) {
    if (!/^[A-Za-z0-9_]+$/.test(part)) throw new Error('check-in claims must be plain ids');
  }
  if (!Number.isSafeInteger(claims.exp) || claims.exp < 0) throw new Error('check-in exp must be whole seconds');
  return ascii(`${VERSION}|${claims.bizId}|${claims.bookingId}|${claims.exp}`);
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
  if (message.some((b) => b > 126 || b < 32)) return null;
  const text = String.fromCharCode(...message);
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
  if (raw?.length !== 32) return { ok: false, reason: 'no_key' };
  let valid = false;
  try {
    const key = await subtle().importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);
    valid = await subtle().verify({ name: 'Ed25519' }, key, parsed.signature, parsed.message);
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, reason: 'bad_signature' };
  if (parsed.claims.exp * 1000 <= opts.now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, claims: parsed.claims };
}

/** A short digest of a code, stored in `check_in_codes.code` (the token itself is too long for it). */
export async function checkInCodeDigest(code: string): Promise<string> {
  const hash = await subtle().digest('SHA-256', ascii(code.trim()));
  return toBase64Url(new Uint8Array(hash));
}
