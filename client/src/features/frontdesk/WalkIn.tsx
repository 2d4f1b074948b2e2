/**
 * Walk-in booking in three clicks: pick what they want, pick a free time (computed on the device by
 * the availability engine, so it works offline), confirm with a name.
 */
import { useLiveQuery } from '@electric-sql/pglite-react';
import { useEffect, useState } from 'react';
import { findSlots, type Slot } from '../../../../shared/availability';
import { loadAvailability } from '../../../../shared/availability/load';
import { newId } from '../../../../shared/ids';
import type { SqlTx } from '../../../../shared/mutators/types';
import { useStore } from '../../db/StoreProvider';
import { dayOffsetOf, dayWindow, money, timeLabel } from '../time';
import { useMutate } from '../useMutate';

interface OfferRow {
  version_id: string;
  name: string;
  capacity: number | null;
  base_price_minor: number;
  currency: string;
}

function bookingCode() {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  let code = 'W-';
  for (let i = 0; i < 6; i++) code += alphabet[Math.floor(Math.random() * alphabet.length)];
  return code;
}

export function WalkIn(props: { timeZone: string; onBooked?: (startsAt: Date) => void }) {
  const { store } = useStore();
  const { mutate, error } = useMutate();
  const offers = useLiveQuery<OfferRow>(
    `SELECT v.id AS version_id, o.name, v.capacity, v.base_price_minor, v.currency
     FROM offer_versions v JOIN offers o ON o.id = v.offer_id
     WHERE v.status = 'published' AND o.status = 'active' ORDER BY o.name`,
  );
  const [versionId, setVersionId] = useState<string>('');
  const [slots, setSlots] = useState<Slot[] | null>(null);
  const [chosen, setChosen] = useState<Slot | null>(null);
  const [name, setName] = useState('');
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    if (!versionId) return;
    let cancelled = false;
    setSlots(null);
    (async () => {
      const now = new Date();
      const end = new Date(now.getTime() + 7 * 86_400_000);
      const data = await loadAvailability(store.pg as unknown as SqlTx, store.bizId, versionId, {
        start: new Date(now.getTime() - 86_400_000),
        end,
      });
      if (!data || cancelled) return;
      setSlots(findSlots({ ...data, now, range: { start: now, end } }).slice(0, 12));
    })();
    return () => {
      cancelled = true;
    };
  }, [versionId, store]);

  async function book() {
    if (!chosen || !versionId) return;
    const offer = offers?.rows.find((o) => o.version_id === versionId);
    const ok = await mutate('bookings.create', {
      id: newId('booking_orders'),
      bookingCode: bookingCode(),
      offerVersionId: versionId,
      startsAt: chosen.start,
      endsAt: chosen.end,
      lineId: newId('booking_order_lines'),
      unitId: newId('fulfillment_units'),
      intentId: newId('payment_intents'),
      resources: chosen.components.flatMap((c) =>
        c.assigned.map((resourceId) => ({
          resourceId,
          role: c.name.toLowerCase(),
          assignmentId: newId('fulfillment_assignments'),
        })),
      ),
      customerName: name.trim() || 'Walk-in',
      source: 'walk_in',
    });
    if (ok) {
      const days = dayOffsetOf(chosen.start, props.timeZone);
      const when = days === 0 ? '' : days === 1 ? ' tomorrow' : ` on ${dayWindow(props.timeZone, days).label}`;
      setDone(
        `Booked ${offer?.name ?? ''}${when} at ${timeLabel(chosen.start, props.timeZone)} for ${name.trim() || 'Walk-in'}.`,
      );
      // The board follows to the day just booked, so the desk sees it (and can take payment).
      props.onBooked?.(new Date(chosen.start));
      setChosen(null);
      setName('');
      setVersionId('');
      setSlots(null);
    }
  }

  return (
    <section aria-labelledby="walkin-title" className="walk-in">
      <h2 id="walkin-title">Book a walk-in</h2>
      <label>
        What
        <select value={versionId} onChange={(e) => setVersionId(e.target.value)} aria-label="Offer">
          <option value="">Choose…</option>
          {offers?.rows.map((o) => (
            <option key={o.version_id} value={o.version_id}>
              {o.name} · {money(o.base_price_minor, o.currency)}
              {o.capacity ? ` · class of ${o.capacity}` : ''}
            </option>
          ))}
        </select>
      </label>
      {versionId && slots === null && <p>Finding free times…</p>}
      {slots && slots.length === 0 && <p>No free times in the next 7 days.</p>}
      {slots && slots.length > 0 && (
        <fieldset className="slots">
          <legend>Free times</legend>
          {slots.map((s) => (
            <button
              type="button"
              key={s.start}
              className={chosen?.start === s.start ? 'slot chosen' : 'slot'}
              onClick={() => setChosen(s)}
            >
              {new Date(s.start).toLocaleDateString(undefined, { weekday: 'short', timeZone: props.timeZone })}{' '}
              {timeLabel(s.start, props.timeZone)}
              {s.remainingSeats !== null ? ` · ${s.remainingSeats} seats` : ''}
            </button>
          ))}
        </fieldset>
      )}
      {chosen && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void book();
          }}
        >
          <label>
            Name
            <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Walk-in" />
          </label>
          <button type="submit">Book {timeLabel(chosen.start, props.timeZone)}</button>
        </form>
      )}
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
