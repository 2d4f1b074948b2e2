/** Check-in codes: signed on the server (node:crypto), verified with WebCrypto as a device does. */
import { describe, expect, it } from 'vitest';
import { fromBase64Url, parseCheckInCode, toBase64Url, verifyCheckInCode } from '../../shared/checkin-codes';
import { checkInKey, signCheckInCode } from './checkin-codes';

const SECRET = 's'.repeat(40);
const BIZ = 'biz_01JABCDEFGHJKMNPQRSTVWXYZ0';
const OTHER = 'biz_01JZZZZZZZZZZZZZZZZZZZZZZZ';
const BOOKING = 'bko_01JABCDEFGHJKMNPQRSTVWXYZ1';
const now = new Date('2030-06-01T12:00:00Z');
const exp = Math.floor(now.getTime() / 1000) + 3600;

describe('check-in codes', () => {
  it('round-trips base64url', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255);
      expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
      expect(toBase64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
    }
    expect(fromBase64Url('a+b/')).toBeNull();
  });

  it('derives a stable per-biz key and signs a short, QR-friendly token that verifies offline', async () => {
    const key = checkInKey(SECRET, BIZ);
    expect(checkInKey(SECRET, BIZ).publicKey).toBe(key.publicKey);
    expect(checkInKey(SECRET, OTHER).publicKey).not.toBe(key.publicKey);
    expect(checkInKey('t'.repeat(40), BIZ).publicKey).not.toBe(key.publicKey);
    expect(fromBase64Url(key.publicKey)).toHaveLength(32);
    const code = signCheckInCode(key, { bizId: BIZ, bookingId: BOOKING, exp });
    expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(code.length).toBeLessThan(200);
    expect(signCheckInCode(key, { bizId: BIZ, bookingId: BOOKING, exp })).toBe(code);
    expect(parseCheckInCode(code)?.claims).toEqual({ bizId: BIZ, bookingId: BOOKING, exp });
    expect(await verifyCheckInCode(code, key.publicKey, { bizId: BIZ, now })).toEqual({
      ok: true,
      claims: { bizId: BIZ, bookingId: BOOKING, exp },
    });
  });

  it('refuses tampered, forged, other-biz, expired and malformed codes', async () => {
    const key = checkInKey(SECRET, BIZ);
    const code = signCheckInCode(key, { bizId: BIZ, bookingId: BOOKING, exp });
    const verify = (c: string, pk: string | null = key.publicKey, bizId = BIZ, at = now) =>
      verifyCheckInCode(c, pk, { bizId, now: at }).then((v) => (v.ok ? 'ok' : v.reason));

    // Flip one bit of the signature, and one of the booking id in the message.
    const bytes = fromBase64Url(code)!;
    const sigFlip = bytes.slice();
    sigFlip[sigFlip.length - 5]! ^= 1;
    expect(await verify(toBase64Url(sigFlip))).toBe('bad_signature');
    const other = parseCheckInCode(code)!;
    const swapped = new TextEncoder().encode(`ci1|${BIZ}|bko_01JABCDEFGHJKMNPQRSTVWXYZ2|${exp}`);
    expect(await verify(toBase64Url(new Uint8Array([...swapped, ...other.signature])))).toBe('bad_signature');
    const later = new TextEncoder().encode(`ci1|${BIZ}|${BOOKING}|${exp + 86_400}`);
    expect(await verify(toBase64Url(new Uint8Array([...later, ...other.signature])))).toBe('bad_signature');

    // Signed by another biz's key, claiming our biz: forged.
    const forged = signCheckInCode(checkInKey(SECRET, OTHER), { bizId: BIZ, bookingId: BOOKING, exp });
    expect(await verify(forged)).toBe('bad_signature');
    // Another biz's genuine code presented here.
    const foreign = signCheckInCode(checkInKey(SECRET, OTHER), { bizId: OTHER, bookingId: BOOKING, exp });
    expect(await verify(foreign)).toBe('other_biz');
    expect(await verify(foreign, checkInKey(SECRET, OTHER).publicKey, OTHER)).toBe('ok');

    // Expired: at and after exp.
    expect(await verify(code, key.publicKey, BIZ, new Date(exp * 1000))).toBe('expired');
    expect(await verify(code, key.publicKey, BIZ, new Date(exp * 1000 - 1))).toBe('ok');

    expect(await verify('hello')).toBe('malformed');
    expect(await verify(`${code}!`)).toBe('malformed');
    expect(await verify(code, null)).toBe('no_key');
  });
});
