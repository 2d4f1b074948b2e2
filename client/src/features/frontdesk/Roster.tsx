/**
 * Class rosters for a day: each class session with seats taken / capacity (counted like the server
 * counts them: every live seat but no-shows) and its attendees, checked in from the list. From the
 * device's data, so it works offline.
 */
import { useLiveQuery } from '@electric-sql/pglite-react';
import { useState } from 'react';
import { newId } from '../../../../shared/ids';
import { dayWindow, timeLabel } from '../time';
import { useMutate } from '../useMutate';

interface RosterRow {
  id: string;
  booking_code: string;
  customer_name: string | null;
  customer_phone: string | null;
  status: string;
  seats: number;
  checked_in_at: string | null;
  offer_version_id: string;
  starts_at: string;
  ends_at: string;
  offer: string;
  capacity: number;
}

const ROSTER_SQL = `
  SELECT b.id, b.booking_code, b.customer_name, b.customer_phone, b.status, b.seats, b.checked_in_at,
         b.offer_version_id, b.confirmed_start_at AS starts_at, b.confirmed_end_at AS ends_at, o.name AS offer,
         v.capacity
  FROM booking_orders b
  JOIN offer_versions v ON v.id = b.offer_version_id
  JOIN offers o ON o.id = b.offer_id
  WHERE v.capacity IS NOT NULL AND b.confirmed_start_at >= $1 AND b.confirmed_start_at < $2
    AND b.status NOT IN ('cancelled', 'draft', 'held') AND b.deleted_at IS NULL
  ORDER BY b.confirmed_start_at, o.name, b.customer_name, b.id`;

interface Session {
  key: string;
  offer: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  taken: number;
  checkedIn: number;
  attendees: RosterRow[];
}

function sessionsOf(rows: RosterRow[]): Session[] {
  const out = new Map<string, Session>();
  for (const r of rows) {
    const key = `${r.offer_version_id}|${new Date(r.starts_at).getTime()}`;
    const s = out.get(key) ?? {
      key,
      offer: r.offer,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      capacity: r.capacity,
      taken: 0,
      checkedIn: 0,
      attendees: [],
    };
    if (r.status !== 'no_show') s.taken += r.seats;
    if (r.checked_in_at) s.checkedIn += r.seats;
    s.attendees.push(r);
    out.set(key, s);
  }
  return [...out.values()];
}

export function Roster(props: { timeZone: string }) {
  const [offset, setOffset] = useState(0);
  const day = dayWindow(props.timeZone, offset);
  const { mutate, error } = useMutate();
  const result = useLiveQuery<RosterRow>(ROSTER_SQL, [day.start.toISOString(), day.end.toISOString()]);
  const sessions = sessionsOf(result?.rows ?? []);
  const checkIn = (r: RosterRow) =>
    mutate('bookings.checkIn', { id: r.id, checkpointId: newId('fulfillment_checkpoints'), method: 'button' });

  return (
    <section aria-labelledby="roster-title" className="roster">
      <h2 id="roster-title">Class rosters · {day.label}</h2>
      <div className="filters">
        <button type="button" onClick={() => setOffset((o) => o - 1)} aria-label="Previous day">
          ‹ Previous
        </button>
        <button type="button" onClick={() => setOffset(0)} aria-pressed={offset === 0}>
          Today
        </button>
        <button type="button" onClick={() => setOffset((o) => o + 1)} aria-label="Next day">
          Next ›
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {result === undefined && <p>Loading rosters…</p>}
      {result && sessions.length === 0 && <p>No class bookings on this day.</p>}
      {sessions.map((s) => {
        const full = s.taken >= s.capacity;
        return (
          <article key={s.key} className="roster-session" data-testid="roster-session">
            <h3>
              {timeLabel(s.startsAt, props.timeZone)}–{timeLabel(s.endsAt, props.timeZone)} · {s.offer}
            </h3>
            <p>
              <span className={full ? 'seats full' : 'seats'} data-testid="roster-seats">
                {s.taken}/{s.capacity} seats taken{full ? ' · full' : ''}
              </span>{' '}
              · <progress max={s.capacity} value={Math.min(s.taken, s.capacity)} aria-label="Seats taken" /> ·{' '}
              {s.checkedIn} checked in
            </p>
            <ul>
              {s.attendees.map((r) => (
                <li key={r.id} data-testid="roster-attendee">
                  <span className="who">{r.customer_name ?? 'Customer'}</span>
                  {r.seats > 1 && <span>× {r.seats}</span>}
                  <span className="muted">{r.booking_code}</span>
                  <span className={`state ${r.status}`}>
                    {r.status.replace('_', ' ')}
                    {r.checked_in_at ? ` ${timeLabel(r.checked_in_at, props.timeZone)}` : ''}
                  </span>
                  {r.status === 'confirmed' && (
                    <button type="button" onClick={() => void checkIn(r)} aria-label={`Check in ${r.customer_name}`}>
                      Check in
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </article>
        );
      })}
    </section>
  );
}
