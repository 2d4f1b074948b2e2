/**
 * Check-in by booking code: the desk types or pastes the code from the customer's confirmation (or a
 * QR reader types it). The code is verified on this device with the biz's public key (works offline)
 * and again by the server; other bizes', forged, used and expired codes are refused with the reason.
 */
import { useLiveQuery } from '@electric-sql/pglite-react';
import { useState } from 'react';
import { parseCheckInCode } from '../../../../shared/checkin-codes';
import { newId } from '../../../../shared/ids';
import { useMutate } from '../useMutate';

export function CheckInByCode() {
  const { mutate, error, clearError } = useMutate();
  const [code, setCode] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const parsed = code.trim() ? parseCheckInCode(code) : null;
  const booking = useLiveQuery<{ customer_name: string; booking_code: string }>(
    'SELECT customer_name, booking_code FROM booking_orders WHERE id = $1',
    [parsed?.claims.bookingId ?? ''],
  );
  const who = booking?.rows[0];

  async function submit() {
    setDone(null);
    const ok = await mutate('bookings.checkInByCode', {
      code: code.trim(),
      checkpointId: newId('fulfillment_checkpoints'),
      method: 'code',
    });
    if (ok) {
      setDone(`Checked in${who ? `: ${who.customer_name} (${who.booking_code})` : ''}.`);
      setCode('');
    }
  }

  return (
    <section aria-labelledby="checkin-code-title" className="check-in-code">
      <h2 id="checkin-code-title">Check in by code</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label>
          Code
          <input
            value={code}
            onChange={(e) => {
              setCode(e.target.value);
              clearError();
              setDone(null);
            }}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            placeholder="Paste or scan the code"
            aria-describedby="checkin-code-hint"
          />
        </label>
        <p id="checkin-code-hint" className="hint">
          {code.trim() === ''
            ? 'The code is on the booking confirmation.'
            : parsed
              ? who
                ? `${who.customer_name} · ${who.booking_code}`
                : 'That booking is not on this device (yet).'
              : 'This does not look like a check-in code.'}
        </p>
        <button type="submit" disabled={!parsed}>
          Check in
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p className="notice" role="status">
          {done}
        </p>
      )}
    </section>
  );
}
