/**
 * A booking's check-in QR code, to show the customer (or send them): the server signs it
 * (`GET /api/bookings/:id/check-in-code`); any desk of the biz verifies it offline. Fetched once per
 * booking and kept for the session, so it stays visible when the network drops afterwards.
 */
import { useLiveQuery } from '@electric-sql/pglite-react';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { ApiError, api, NetworkError } from '../../session/api';

interface IssuedCode {
  code: string;
  exp: string;
  image: string;
}

const issued = new Map<string, IssuedCode>();

async function issue(bookingId: string): Promise<IssuedCode> {
  const known = issued.get(bookingId);
  if (known && Date.parse(known.exp) > Date.now()) return known;
  const { code, exp } = await api<{ code: string; exp: string }>(
    `/api/bookings/${encodeURIComponent(bookingId)}/check-in-code`,
  );
  const image = await QRCode.toDataURL(code, { errorCorrectionLevel: 'M', margin: 4, scale: 4 });
  const out = { code, exp, image };
  issued.set(bookingId, out);
  return out;
}

export function BookingQr(props: { bookingId: string; customerName: string | null; bookingCode: string }) {
  const [state, setState] = useState<IssuedCode | { error: string } | null>(null);
  // The server signs codes only for bookings it has: wait until this one came back through sync.
  const synced = useLiveQuery<{ n: number }>('SELECT count(*)::int AS n FROM booking_orders_synced WHERE id = $1', [
    props.bookingId,
  ]);
  const onServer = (synced?.rows[0]?.n ?? 0) > 0 || issued.has(props.bookingId);
  useEffect(() => {
    if (!onServer) return;
    let live = true;
    issue(props.bookingId).then(
      (c) => live && setState(c),
      (err) =>
        live &&
        setState({
          error:
            err instanceof NetworkError
              ? 'The QR code is issued by the server: connect once to show it (then it stays available here).'
              : err instanceof ApiError && err.code === 'not_found'
                ? 'This booking has not reached the server yet; the QR code appears once it has synced.'
                : `The QR code could not be issued: ${err instanceof Error ? err.message : String(err)}`,
        }),
    );
    return () => {
      live = false;
    };
  }, [props.bookingId, onServer]);

  const who = props.customerName ?? 'the customer';
  return (
    <section className="booking-qr" aria-label={`Check-in QR code for ${who}`}>
      {state === null && (
        <p role="status">
          {onServer
            ? 'Issuing the check-in code…'
            : 'The QR code appears once this booking has reached the server (it is still pending).'}
        </p>
      )}
      {state && 'error' in state && (
        <p className="error" role="alert">
          {state.error}
        </p>
      )}
      {state && 'code' in state && (
        <>
          <img src={state.image} alt={`Check-in QR code for ${who} (${props.bookingCode})`} width={240} height={240} />
          <p className="hint">
            Valid until {new Date(state.exp).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}.
            Scan it at any desk, or type the code:
          </p>
          <code className="checkin-token" data-testid="checkin-code">
            {state.code}
          </code>
        </>
      )}
    </section>
  );
}
