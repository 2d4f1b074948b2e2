/**
 * The front desk's day: every resource's bookings today from the device's own data (synced ⊕
 * pending), with check-in, no-show and cash payment right on the row. Works the same offline.
 */
import { useLiveQuery } from '@electric-sql/pglite-react';
import { useState } from 'react';
import { newId } from '../../../../shared/ids';
import { useStore } from '../../db/StoreProvider';
import { dayWindow, money, timeLabel } from '../time';
import { useMutate } from '../useMutate';

interface BoardRow {
  assignment_id: string;
  resource_id: string;
  resource: string;
  booking_id: string;
  booking_code: string;
  customer_name: string | null;
  status: string;
  payment_status: string;
  starts_at: string;
  ends_at: string;
  offer: string;
  intent_id: string | null;
  /** The intent has reached the server (card payments are made there). */
  intent_synced: boolean;
  amount_minor: number | null;
  amount_paid_minor: number | null;
  currency: string;
}

const BOARD_SQL = `
  SELECT a.id AS assignment_id, r.id AS resource_id, r.name AS resource, b.id AS booking_id, b.booking_code,
         b.customer_name, b.status, b.payment_status, a.starts_at, a.ends_at, o.name AS offer,
         i.id AS intent_id, EXISTS (SELECT 1 FROM payment_intents_synced s WHERE s.id = i.id) AS intent_synced,
         i.amount_minor, i.amount_paid_minor, b.currency
  FROM fulfillment_assignments a
  JOIN resources r ON r.id = a.resource_id
  JOIN fulfillment_units u ON u.id = a.fulfillment_unit_id
  JOIN booking_orders b ON b.id = u.booking_order_id
  JOIN offers o ON o.id = b.offer_id
  LEFT JOIN payment_intents i ON i.booking_order_id = b.id
  WHERE a.starts_at < $2 AND a.ends_at > $1 AND a.status <> 'cancelled' AND b.status <> 'cancelled'
    AND r.type IN ('venue', 'host')
  ORDER BY r.name, a.starts_at, b.customer_name`;

export function TodayBoard(props: { timeZone: string }) {
  const { store } = useStore();
  const day = dayWindow(props.timeZone);
  const { mutate, error } = useMutate();
  const result = useLiveQuery<BoardRow>(BOARD_SQL, [day.start.toISOString(), day.end.toISOString()]);
  const rows = result?.rows ?? [];
  const byResource = new Map<string, BoardRow[]>();
  for (const r of rows) byResource.set(r.resource, [...(byResource.get(r.resource) ?? []), r]);

  const checkIn = (r: BoardRow) =>
    mutate('bookings.checkIn', { id: r.booking_id, checkpointId: newId('fulfillment_checkpoints'), method: 'button' });
  const noShow = (r: BoardRow) => mutate('bookings.noShow', { id: r.booking_id });
  const cash = (r: BoardRow) =>
    r.intent_id &&
    mutate('payments.recordTender', {
      intentId: r.intent_id,
      tenderId: newId('payment_intent_tenders'),
      transactionId: newId('payment_transactions'),
      tenderType: 'cash',
      amountMinor: (r.amount_minor ?? 0) - (r.amount_paid_minor ?? 0),
    });

  const [cardError, setCardError] = useState<string | null>(null);
  const card = async (r: BoardRow) => {
    setCardError(null);
    try {
      const res = await fetch(`/api/payments/intents/${r.intent_id}/card`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        // Test mode (the local Stripe double) accepts Stripe's test card; production uses Payment Element.
        body: JSON.stringify({ paymentMethod: 'pm_card_visa', mutationId: `card_${newId('payment_intent_tenders')}` }),
      });
      if (!res.ok) setCardError(((await res.json()) as { message?: string }).message ?? 'The card payment failed.');
    } catch {
      setCardError('Card payments need a connection. Take cash or mark “pay later”, or try again when online.');
    }
  };

  return (
    <section aria-labelledby="board-title" className="board">
      <h2 id="board-title">Today · {day.label}</h2>
      {(error ?? cardError) && (
        <p className="error" role="alert">
          {error ?? cardError}
        </p>
      )}
      {result === undefined && <p>Loading the day…</p>}
      {result && rows.length === 0 && <p>No bookings today yet.</p>}
      {[...byResource.entries()].map(([resource, list]) => (
        <div key={resource} className="lane">
          <h3>{resource}</h3>
          <ul>
            {list.map((r) => {
              const balance = (r.amount_minor ?? 0) - (r.amount_paid_minor ?? 0);
              return (
                <li key={r.assignment_id} className={`booking status-${r.status}`} data-testid="board-booking">
                  <span className="time">
                    {timeLabel(r.starts_at, props.timeZone)}–{timeLabel(r.ends_at, props.timeZone)}
                  </span>
                  <span className="who">{r.customer_name ?? 'Customer'}</span>
                  <span className="what">
                    {r.offer} · {r.booking_code}
                  </span>
                  <span className={`state ${r.status}`}>{r.status.replace('_', ' ')}</span>
                  {r.status === 'confirmed' && (
                    <>
                      <button type="button" onClick={() => checkIn(r)} aria-label={`Check in ${r.customer_name}`}>
                        Check in
                      </button>
                      <button type="button" onClick={() => noShow(r)} aria-label={`No-show ${r.customer_name}`}>
                        No-show
                      </button>
                    </>
                  )}
                  {r.intent_id && balance > 0 && (
                    <button type="button" onClick={() => cash(r)} aria-label={`Take cash from ${r.customer_name}`}>
                      Cash {money(balance, r.currency)}
                    </button>
                  )}
                  {r.intent_id && balance > 0 && (
                    <button
                      type="button"
                      onClick={() => void card(r)}
                      disabled={!store.state.online || !r.intent_synced}
                      title={
                        !store.state.online
                          ? 'Card payments need a connection'
                          : !r.intent_synced
                            ? 'Waiting for this booking to reach the server'
                            : undefined
                      }
                      aria-label={`Card payment from ${r.customer_name}`}
                    >
                      Card{store.state.online ? '' : ' (needs connection)'}
                    </button>
                  )}
                  {r.intent_id && balance <= 0 && <span className="paid">Paid</span>}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      <p className="muted">{store.state.online ? '' : 'Offline: changes are saved on this device and sync later.'}</p>
    </section>
  );
}
